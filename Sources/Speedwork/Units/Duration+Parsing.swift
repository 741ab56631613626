import Foundation

extension Duration {
    /// The ways a time may be written, shown in error messages.
    public static let accepted = "seconds (38 or 38.5), m:ss (6:30 or 6:30.2) or h:mm:ss (1:02:03)"

    /// Parses a time as runners write it: `38`, `38.5`, `1:20`, `6:30.2`, `1:02:03`, or with a
    /// unit (`45s`, `60min`, `60m`, `1h`). Minutes and seconds after a colon must be below 60.
    ///
    /// - Throws: ``InputError`` naming the text and the accepted forms; zero and negative
    ///   times are refused.
    public init(parsing text: String) throws {
        let raw = text.trimmingCharacters(in: .whitespaces)
        let lower = raw.lowercased()
        let seconds: Double
        if let value = Duration.parseWithUnit(lower) {
            seconds = value
        } else {
            let parts = lower.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
                throw InputError("'\(raw)' is not a time: use \(Duration.accepted)")
            }
            // Only the last field may carry a fraction; the others are whole numbers.
            var total = 0.0
            for (index, part) in parts.enumerated() {
                let isLast = index == parts.count - 1
                guard let value = isLast ? Double(part) : Double(Int(part) ?? -1),
                      value.isFinite, value >= 0, part.first != "+"
                else {
                    throw InputError("'\(raw)' is not a time: use \(Duration.accepted)")
                }
                if index > 0, value >= 60 {
                    throw InputError("'\(raw)' is not a time: minutes and seconds after a colon must be below 60")
                }
                total = total * 60 + value
            }
            seconds = total
        }
        guard seconds > 0 else {
            throw InputError("'\(raw)' is not a positive time")
        }
        self.init(seconds: seconds)
    }

    private static func parseWithUnit(_ text: String) -> Double? {
        let units: [(suffix: String, seconds: Double)] = [
            ("min", 60), ("sec", 1), ("h", 3600), ("m", 60), ("s", 1),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            if let value = Double(number), value.isFinite { return value * unit.seconds }
            return nil
        }
        return nil
    }
}
