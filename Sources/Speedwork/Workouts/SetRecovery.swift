/// The recovery after each rep of a free-form set (``RepSet``): a time or a distance jogged,
/// walked or stood, or a walk or jog back to the start (M4's easy jog between reps).
public struct SetRecovery: Sendable, Hashable {
    /// How the recovery is taken.
    public enum Kind: String, Sendable, CaseIterable {
        /// An easy jog at the runner's E pace (M20), as the library's recoveries.
        case jog
        /// A walk, no pace.
        case walk
        /// Standing or walking, by time only.
        case rest
    }

    /// A time, a distance, or open (back to the start, the lap button ends it).
    public let length: StepLength
    /// Jog, walk or rest.
    public let kind: Kind

    /// The longest recovery time a set may give (product setting: longer is another session).
    public static let longestTime = Duration.minutes(20)
    /// The longest recovery distance a set may give.
    public static let longestDistance = Distance.meters(2000)

    /// A recovery, refused when it is not a time, a distance or open, is longer than
    /// ``longestTime`` or ``longestDistance``, or is a rest given as a distance.
    public init(_ length: StepLength, kind: Kind = .jog) throws {
        let length = RepSet.normalized(length)
        switch length {
        case .time(let time):
            guard time.seconds > 0, time <= Self.longestTime else {
                throw InputError("recovery \(RepSet.text(time)) is not allowed: give at most \(RepSet.text(Self.longestTime))")
            }
        case .distance(let distance):
            guard distance.meters > 0, distance <= Self.longestDistance else {
                throw InputError("recovery \(RepSet.text(distance)) is not allowed: give at most \(RepSet.text(Self.longestDistance))")
            }
            if kind == .rest { throw InputError("a rest of \(RepSet.text(distance)) is not allowed: give a rest as a time, e.g. 2 min rest") }
        case .open:
            if kind == .rest { throw InputError("'rest back' is not allowed: give a rest as a time, e.g. 2 min rest") }
        case .reps:
            throw InputError("a recovery is a time or a distance, not a count")
        }
        self.length = length
        self.kind = kind
    }

    /// `90 s jog`, `200 m walk`, `2 min rest`, `walk back`.
    public var text: String {
        switch length {
        case .time(let time): "\(RepSet.text(time)) \(kind.rawValue)"
        case .distance(let distance): "\(RepSet.text(distance)) \(kind.rawValue)"
        default: "\(kind.rawValue) back"
        }
    }

    /// The words a recovery may carry, and the kind each names.
    static let words: [String: Kind] = [
        "jog": .jog, "jogging": .jog, "easy": .jog, "recovery": .jog,
        "walk": .walk, "walking": .walk, "rest": .rest, "standing": .rest,
    ]

    /// The ways a recovery may be written, for messages.
    public static let accepted = "a time or a distance with jog, walk or rest (90 s jog, 200 m jog, 2 min rest), or walk back / jog back"

    /// Parses `90 s jog`, `90s jog`, `jog 200 m`, `2 min rest`, `3 min`, `walk back`.
    ///
    /// - Throws: ``InputError`` naming the text and the forms allowed.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let refused = InputError("recovery \(InputError.quoted(trimmed)) is not allowed: use \(Self.accepted)")
        var words = trimmed.lowercased().split(separator: " ").map(String.init)
        var kind: Kind?
        if let last = words.last, let named = Self.words[last] {
            kind = named
            words.removeLast()
        } else if let first = words.first, let named = Self.words[first] {
            kind = named
            words.removeFirst()
        }
        if words == ["back"], let kind {
            try self.init(.open, kind: kind)
            return
        }
        guard !words.isEmpty, words.allSatisfy({ Self.words[$0] == nil && $0 != "back" }) else { throw refused }
        let length = try RepSet.length(parsing: words.joined(separator: " "), what: "recovery")
        try self.init(length, kind: kind ?? .jog)
    }
}
