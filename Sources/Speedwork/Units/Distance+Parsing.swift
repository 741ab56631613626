import Foundation

extension Distance {
    /// The ways a distance may be written, shown in error messages.
    public static let accepted = "400m, 1500m, 1.5km, mile or 1mi, 2mi, 3k, 5k, 10k, 15k, 10mi, half or hm, marathon or m"

    /// Parses a distance as runners write it: `400m`, `1500m`, `1.5km`, `mile`, `1mi`, `2mi`,
    /// `3k`, `5K`, `10k`, `15k`, `10mi`, `half`/`hm`, `marathon`/`m`; also `cm` and `mm` for
    /// step lengths. Case and surrounding spaces do not matter.
    ///
    /// - Throws: ``InputError`` naming the text and the accepted forms.
    public init(parsing text: String) throws {
        let raw = text.trimmingCharacters(in: .whitespaces)
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
            if Double(lower) != nil {
                throw InputError("'\(raw)' has no unit: write it as \(raw)m, \(raw)k or \(raw)mi")
            }
            throw InputError("'\(raw)' is not a distance: use \(Distance.accepted)")
        }
        let number = lower.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(number), value.isFinite else {
            throw InputError("'\(raw)' is not a distance: use \(Distance.accepted)")
        }
        guard value > 0 else {
            throw InputError("'\(raw)' is not a positive distance")
        }
        self.init(meters: value * unit.meters)
    }
}
