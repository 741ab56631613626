import Foundation

extension RepSet {
    /// The way a set is written, for messages.
    public static let accepted = "COUNT × REP [@ PACE], RECOVERY, e.g. 8 × 400 m, 90 s jog or 5 × 1000 m @ I, 3 min jog"

    /// The longest set text read (product setting: a set fits on one line).
    public static let longestText = 120

    /// Words that may follow a rep and say nothing more about it (`10 × 100 m strides`).
    static let repWords: Set<String> = ["rep", "reps", "repeat", "repeats", "stride", "strides"]

    /// Parses a set as a coach types it: `8 × 400 m, 90 s jog`, `8x400m @ mile, 90s jog`,
    /// `5 × 1000 m @ I, 3 min jog`, `3 × 10 min @ T, 2 min jog`, `6 × 200 m @ 800, 200 m jog`,
    /// `10 x 100m strides, walk back`. The count is a whole number before `×`, `x` or `*`; the
    /// rep a distance (m, km, mi) or a time (s, min, m:ss); the pace after `@` (``RepPace``); the
    /// recovery after the comma (``SetRecovery``).
    ///
    /// - Throws: ``InputError`` naming the set and what is allowed.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Quoted on one line whatever was pasted.
        let quoted = InputError.quoted(trimmed.components(separatedBy: .controlCharacters).joined(separator: " "))
        func refused(_ why: String) -> InputError { InputError("set \(quoted) is not allowed: \(why)") }
        guard !trimmed.isEmpty else { throw InputError("give the set, as \(Self.accepted)") }
        guard trimmed.count <= Self.longestText, !trimmed.contains(where: { $0.isNewline }),
              !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw refused("write it on one line of at most \(Self.longestText) characters, as \(Self.accepted)")
        }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count <= 2 else { throw refused("give one comma, between the reps and the recovery, as \(Self.accepted)") }
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw refused("a part is empty: write it as \(Self.accepted)") }
        var main = parts[0]
        // The count: digits, then the multiplication sign.
        let digits = main.prefix { $0.isASCII && $0.isNumber }
        let afterCount = main.dropFirst(digits.count).drop { $0 == " " }
        guard !digits.isEmpty, let sign = afterCount.first, "×xX*".contains(sign) else {
            throw refused("start with the count and ×, as \(Self.accepted)")
        }
        guard digits.count <= 3, let count = Int(digits) else {
            throw refused("count \(digits) is not allowed: a set has \(Self.counts.lowerBound) to \(Self.counts.upperBound) reps")
        }
        main = String(afterCount.dropFirst()).trimmingCharacters(in: .whitespaces)
        var pace: RepPace?
        if let at = main.firstIndex(of: "@") {
            let paceText = main[main.index(after: at)...].trimmingCharacters(in: .whitespaces)
            guard !paceText.isEmpty else { throw refused("give a pace after @: \(RepPace.accepted)") }
            pace = try Self.within(quoted) { try RepPace(parsing: paceText) }
            main = main[..<at].trimmingCharacters(in: .whitespaces)
        }
        var repWords = main.split(separator: " ").map(String.init)
        while let last = repWords.last, Self.repWords.contains(last.lowercased()) { repWords.removeLast() }
        guard !repWords.isEmpty else { throw refused("give each rep's distance or time after ×, e.g. 400 m or 3 min") }
        let rep = try Self.within(quoted) { try Self.length(parsing: repWords.joined(separator: " "), what: "rep") }
        var recovery: SetRecovery?
        if parts.count == 2 {
            recovery = try Self.within(quoted) { try SetRecovery(parsing: parts[1]) }
        }
        try self.init(count: count, rep: rep, pace: pace, recovery: recovery, quoted: quoted)
    }

    /// The checking initializer with the set's text before its message.
    private init(count: Int, rep: StepLength, pace: RepPace?, recovery: SetRecovery?, quoted: String) throws {
        self = try Self.within(quoted) { try RepSet(count: count, rep: rep, pace: pace, recovery: recovery) }
    }

    /// `make`'s result, its InputError led by the set's text.
    private static func within<T>(_ quoted: String, _ make: () throws -> T) throws -> T {
        do {
            return try make()
        } catch let error as InputError {
            throw InputError("set \(quoted): \(error.description)")
        }
    }

    /// The time units a set may write, and the one each stands for.
    static let timeUnits: [String: String] = [
        "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "min", "mins": "min", "minute": "min", "minutes": "min", "h": "h", "hr": "h", "hour": "h",
    ]
    /// The distance units a set may write: metres, kilometres, miles (`m` is metres here, never minutes).
    static let distanceUnits: [String: String] = [
        "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
        "k": "km", "km": "km", "mi": "mi", "mile": "mi", "miles": "mi",
    ]

    /// A rep's or a recovery's length: a distance (`400 m`, `1.5km`, `1 mile`) or a time (`90 s`,
    /// `3 min`, `2:30`); `m` is metres.
    static func length(parsing text: String, what: String) throws -> StepLength {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        let quoted = InputError.quoted(text.trimmingCharacters(in: .whitespaces))
        if lower == "mile" { return .distance(.mile) }
        if lower.contains(":") {
            return .time(try Duration(parsing: lower))
        }
        let number = String(lower.prefix { $0.isNumber || $0 == "." })
        let unit = lower.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else {
            throw InputError("\(what) \(quoted) is not a distance or a time: use m, km or mi (400 m), or s, min or m:ss (90 s, 3 min, 2:30)")
        }
        if unit.isEmpty {
            throw InputError("\(what) \(quoted) has no unit: write \(number) m for a distance or \(number) s for a time")
        }
        if let time = timeUnits[unit] {
            return .time(try Duration(parsing: number + time))
        }
        if let distance = distanceUnits[unit] {
            return .distance(try Distance(parsing: number + distance))
        }
        throw InputError("\(what) \(quoted) is not a distance or a time: use m, km or mi (400 m), or s, min or m:ss (90 s, 3 min, 2:30)")
    }
}
