/// The target time for one rep of a fixed distance, as a band (M42): `200 m in 37.6–38.4`.
///
/// Reps that the method splits (M12's negative-split 400 m) carry their split targets too.
public struct RepTarget: Sendable, Hashable {
    /// The rep's distance.
    public let distance: Distance
    /// The fastest time still on target.
    public let fast: Duration
    /// The slowest time still on target.
    public let slow: Duration
    /// Targets for the parts of the rep, in running order, when the method splits it.
    public let splits: [RepTarget]

    public init(distance: Distance, fast: Duration, slow: Duration, splits: [RepTarget] = []) {
        self.distance = distance
        self.fast = min(fast, slow)
        self.slow = max(fast, slow)
        self.splits = splits
    }

    /// A band of `±tolerance` around `time`.
    public init(distance: Distance, around time: Duration, tolerance: Double) {
        self.init(distance: distance, fast: .seconds(time.seconds * (1 - tolerance)), slow: .seconds(time.seconds * (1 + tolerance)))
    }

    /// The middle of the band.
    public var middle: Duration { .seconds((fast.seconds + slow.seconds) / 2) }

    /// The pace band the rep times amount to.
    public var pace: PaceRange {
        PaceRange(fast: Pace(distance: distance, time: fast), slow: Pace(distance: distance, time: slow))
    }

    /// `200m in 37.6–38.4`.
    public var text: String {
        "\(distance.label) in \(fast.formatted(.rep))–\(slow.formatted(.rep))"
    }
}
