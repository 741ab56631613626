/// The pace a coach names for a set's reps (`@ I`, `@ 5K`): one of Daniels' training zones, or a
/// race distance run at that race's pace at the runner's own fitness (M42).
public enum RepPace: Sendable, Hashable {
    /// A zone of *Daniels' Running Formula* (E, M, T, I, R; ``TrainingPaces``).
    case zone(TrainingZone.Code)
    /// The pace of the runner's predicted time for this race distance.
    case race(Distance)

    /// The race distances a set may be run at, as the set writes them.
    public static let races: [(label: String, distance: Distance)] = [
        ("400", .meters(400)), ("800", .meters(800)), ("1500", .meters(1500)), ("mile", .mile),
        ("3K", .meters(3000)), ("5K", .meters(5000)), ("10K", .meters(10000)),
    ]

    /// The paces allowed, for messages.
    public static let accepted = "a zone E, M, T, I or R, or a race pace "
        + races.map(\.label).joined(separator: ", ")

    /// `R`, `5K`, `mile`: the form ``init(parsing:)`` reads back.
    public var text: String {
        switch self {
        case .zone(let code): code.rawValue
        case .race(let distance): Self.races.first { abs($0.distance.meters - distance.meters) < 0.5 }?.label ?? distance.label
        }
    }

    /// Parses a zone letter or name (`I`, `interval`) or a race (`800`, `800m`, `mile`, `3K`,
    /// `5k`, `10K`, optionally followed by `pace`); case does not matter.
    ///
    /// - Throws: ``InputError`` naming the text and the paces allowed.
    public init(parsing text: String) throws {
        var lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        if lower.hasSuffix(" pace") { lower = String(lower.dropLast(" pace".count)).trimmingCharacters(in: .whitespaces) }
        if let code = TrainingZone.Code.allCases.first(where: { $0.rawValue.lowercased() == lower || $0.name == lower }) {
            self = .zone(code)
            return
        }
        let refused = InputError("pace \(InputError.quoted(text.trimmingCharacters(in: .whitespaces))) is not allowed: use \(Self.accepted)")
        var distance: Distance?
        if let meters = Double(plainDecimal: lower) {
            distance = .meters(meters)
        } else if let label = Self.races.first(where: { $0.label.lowercased() == lower }) {
            distance = label.distance
        } else {
            distance = try? Distance(parsing: lower)
        }
        guard let distance, let race = Self.races.first(where: { abs($0.distance.meters - distance.meters) < 0.5 }) else { throw refused }
        self = .race(race.distance)
    }
}
