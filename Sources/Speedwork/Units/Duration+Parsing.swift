import Foundation

extension Duration {
    /// The ways a time may be written, shown in error messages.
    public static let accepted = "seconds (38 or 38.5), m:ss (6:30 or 6:30.2) or h:mm:ss (1:02:03)"

    /// The longest time a runner may type, 99:59:59: longer than any result the fitness models
    /// accept (a marathon at a brisk walk is about 7 hours) and any session budget.
    public static let longestTyped = Duration(seconds: 99 * 3600 + 59 * 60 + 59)

    /// Parses a time as runners write it: `38`, `38.5`, `1:20`, `6:30.2`, `1:02:03`, or with a
    /// unit (`45s`, `60min`, `60m`, `1h`). Numbers are plain decimals (no exponents, signs or
    /// hexadecimal); minutes and seconds after a colon must be below 60; the time must be above
    /// zero and at most ``longestTyped``.
    ///
    /// - Throws: ``InputError`` naming the text (shortened when long) and the accepted forms.
    public init(parsing text: String) throws {
        let raw = text.trimmingCharacters(in: .whitespaces)
        let quoted = InputError.quoted(raw)
        if raw.hasPrefix("-"), Duration.seconds(in: String(raw.dropFirst()).lowercased()) != nil {
            throw InputError("\(quoted): a time must be positive")
        }
        guard let seconds = Duration.seconds(in: raw.lowercased()) else {
            throw InputError("\(quoted) is not a time: use \(Duration.accepted)")
        }
        if let problem = seconds.problem {
            throw InputError("\(quoted) is not a time: \(problem)")
        }
        guard seconds.value > 0 else {
            throw InputError("\(quoted) is not a positive time")
        }
        guard seconds.value <= Duration.longestTyped.seconds else {
            throw InputError("\(quoted) is longer than \(Duration.longestTyped.formatted()), the longest time accepted")
        }
        self.init(seconds: seconds.value)
    }

    /// The seconds in `text` (lowercased), with a reason when the fields are out of range; nil
    /// when it is not written as a time at all.
    private static func seconds(in text: String) -> (value: Double, problem: String?)? {
        let units: [(suffix: String, seconds: Double)] = [
            ("min", 60), ("sec", 1), ("h", 3600), ("m", 60), ("s", 1),
        ]
        if let unit = units.first(where: { text.hasSuffix($0.suffix) }) {
            let number = text.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            return Double(plainDecimal: number).map { ($0 * unit.seconds, nil) }
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        var problem: String?
        for (index, part) in parts.enumerated() {
            // Only the last field may carry a fraction; the others are whole numbers.
            let isLast = index == parts.count - 1
            guard let value = Double(plainDecimal: part), isLast || !part.contains(".") else { return nil }
            if index > 0, value >= 60 {
                problem = "minutes and seconds after a colon must be below 60"
            }
            total = total * 60 + value
        }
        return (total, problem)
    }
}
