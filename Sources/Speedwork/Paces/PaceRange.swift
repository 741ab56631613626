/// A band of paces from the fast end to the slow end, as every target is given (M42).
public struct PaceRange: Sendable, Hashable, Codable {
    /// The fastest pace still on target.
    public let fast: Pace
    /// The slowest pace still on target.
    public let slow: Pace

    /// Creates a range; the ends are put in order whichever way they are given.
    public init(fast: Pace, slow: Pace) {
        self.fast = min(fast, slow)
        self.slow = max(fast, slow)
    }

    /// A single pace, for zones the tables give as one value.
    public init(_ pace: Pace) {
        self.init(fast: pace, slow: pace)
    }

    /// The band `pace · (1 − tolerance)` to `pace · (1 + tolerance)`.
    public init(around pace: Pace, tolerance: Double) {
        self.init(fast: pace.scaled(by: 1 - tolerance), slow: pace.scaled(by: 1 + tolerance))
    }

    /// The middle of the band.
    public var middle: Pace {
        Pace(secondsPerKilometer: (fast.secondsPerKilometer + slow.secondsPerKilometer) / 2)
    }

    /// Whether `pace` lies within the band.
    public func contains(_ pace: Pace) -> Bool {
        fast <= pace && pace <= slow
    }

    /// `4:10–4:20/km`, or `4:15/km` when both ends agree.
    public var perKilometerText: String { text(\.secondsPerKilometer, unit: "/km") }
    /// `6:42–6:58/mi`.
    public var perMileText: String { text(\.secondsPerMile, unit: "/mi") }

    private func text(_ value: KeyPath<Pace, Double>, unit: String) -> String {
        let a = Duration(seconds: fast[keyPath: value]).formatted()
        let b = Duration(seconds: slow[keyPath: value]).formatted()
        return (a == b ? a : "\(a)–\(b)") + unit
    }
}
