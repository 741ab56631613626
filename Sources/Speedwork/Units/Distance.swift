/// A running distance, stored in metres.
///
/// Standard race distances have names runners use (`mile`, `5k`, `half`); any other distance
/// is labelled in metres or kilometres. Parsing lives in `Distance+Parsing.swift`.
public struct Distance: Sendable, Hashable, Comparable, Codable {
    /// The distance in metres.
    public let meters: Double

    /// Creates a distance of the given number of metres.
    public init(meters: Double) {
        self.meters = meters
    }

    /// The distance in kilometres.
    public var kilometers: Double { meters / 1000 }

    /// The distance in statute miles.
    public var miles: Double { meters / Distance.mile.meters }

    public static func < (lhs: Distance, rhs: Distance) -> Bool { lhs.meters < rhs.meters }

    public static func meters(_ value: Double) -> Distance { Distance(meters: value) }
    public static func kilometers(_ value: Double) -> Distance { Distance(meters: value * 1000) }
    public static func miles(_ value: Double) -> Distance { Distance(meters: value * 1609.344) }

    /// One statute mile, 1609.344 m exactly (international yard and pound agreement, 1959).
    public static let mile = Distance(meters: 1609.344)
    /// The half marathon, 21.0975 km (World Athletics).
    public static let halfMarathon = Distance(meters: 21097.5)
    /// The marathon, 42.195 km (World Athletics).
    public static let marathon = Distance(meters: 42195)

    /// The standard distances, shortest first, with the label each is shown and written with.
    public static let standard: [(label: String, distance: Distance)] = [
        ("100m", .meters(100)),
        ("200m", .meters(200)),
        ("400m", .meters(400)),
        ("800m", .meters(800)),
        ("1k", .meters(1000)),
        ("1500m", .meters(1500)),
        ("mile", .mile),
        ("2k", .meters(2000)),
        ("3k", .meters(3000)),
        ("2mi", .miles(2)),
        ("5k", .meters(5000)),
        ("8k", .meters(8000)),
        ("10k", .meters(10000)),
        ("15k", .meters(15000)),
        ("10mi", .miles(10)),
        ("20k", .meters(20000)),
        ("half", .halfMarathon),
        ("25k", .meters(25000)),
        ("30k", .meters(30000)),
        ("marathon", .marathon),
    ]

    /// The name a runner would write: `mile`, `5k`, `half`; otherwise metres (`600m`) below
    /// 1 km and kilometres (`7.5k`) above.
    public var label: String {
        if let named = Distance.standard.first(where: { abs($0.distance.meters - meters) < 0.01 }) {
            return named.label
        }
        if meters < 1000 {
            return "\(meters.trimmedText())m"
        }
        return "\(kilometers.trimmedText())k"
    }
}

extension Distance: CustomStringConvertible {
    public var description: String { label }
}
