import Foundation

extension Distance {
    /// The ways a distance may be written, shown in error messages.
    public static let accepted = "400m, 1500m, 1.5km, mile or 1mi, 2mi, 3k, 5k, 10k, 15k, 10mi, half or hm, marathon or m"

    /// The longest distance a runner may type, 1000 km: beyond any race the method plans for
    /// (each command narrows it further, e.g. predictions from 100 m to the marathon).
    public static let longestTyped = Distance.kilometers(1000)

    /// Parses a distance as runners write it: `400m`, `1500m`, `1.5km`, `mile`, `1mi`, `2mi`,
    /// `3k`, `5K`, `10k`, `15k`, `10mi`, `half`/`hm`, `marathon`/`m`; also `cm` and `mm` for
    /// step lengths. Case and surrounding spaces do not matter. The number is a plain decimal
    /// (no exponents, signs or hexadecimal), above zero and at most ``longestTyped``.
    ///
    /// - Throws: ``InputError`` naming the text (shortened when long) and the accepted forms.
    public init(parsing text: String) throws {
        let raw = text.trimmingCharacters(in: .whitespaces)
        let quoted = InputError.quoted(raw)
        let lower = raw.lowercased()
        switch lower {
        case "mile", "mi", "1mile": self = .mile; return
        case "half", "hm", "half-marathon", "halfmarathon", "half marathon": self = .halfMarathon; return
        case "marathon", "m", "mar": self = .marathon; return
        default: break
        }
        let units: [(suffix: String, meters: Double)] = [
            ("miles", 1609.344), ("mile", 1609.344), ("mi", 1609.344),
            ("km", 1000), ("k", 1000),
            ("cm", 0.01), ("mm", 0.001), ("m", 1),
        ]
        guard let unit = units.first(where: { lower.hasSuffix($0.suffix) }) else {
            if Double(plainDecimal: lower) != nil {
                let short = InputError.shortened(raw)
                throw InputError("\(quoted) has no unit: write it as \(short)m, \(short)k or \(short)mi")
            }
            if Double.isNegativePlainDecimal(lower) {
                throw InputError("\(quoted): a distance must be positive")
            }
            throw InputError("\(quoted) is not a distance: use \(Distance.accepted)")
        }
        let number = lower.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(plainDecimal: number) else {
            if Double.isNegativePlainDecimal(number) {
                throw InputError("\(quoted): a distance must be positive")
            }
            throw InputError("\(quoted) is not a distance: use \(Distance.accepted)")
        }
        guard value > 0 else {
            throw InputError("\(quoted) is not a positive distance")
        }
        guard value * unit.meters <= Distance.longestTyped.meters else {
            throw InputError("\(quoted) is longer than \(Distance.longestTyped.label), the longest distance accepted")
        }
        self.init(meters: value * unit.meters)
    }
}
