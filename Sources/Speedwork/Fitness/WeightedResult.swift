import Foundation

/// A result as a fitness model sees it: how much it counts, and the VDOT it shows on its own.
public struct WeightedResult: Sendable, Hashable {
    /// The result itself.
    public let performance: Performance
    /// Whole days between the result and the day of the estimate.
    public let ageDays: Int
    /// Its weight in the estimate, 1 for a result run today, halving every ``RecencyWeighting/halfLifeDays``.
    public let weight: Double
    /// The VDOT this result shows on its own.
    public let vdot: Double
    /// Whether that VDOT came through the speed-reserve model (results under 1500 m).
    public let vdotViaSpeedReserve: Bool
}

/// How much older results count: newer results weigh more (issue: "newer results weigh more").
///
/// A result's weight halves every `halfLifeDays` days (product default 60 days, about two
/// training blocks), so a result from four months ago counts a quarter as much as today's.
public struct RecencyWeighting: Sendable, Hashable {
    /// Days after which a result counts half as much.
    public var halfLifeDays: Double

    public init(halfLifeDays: Double = 60) {
        self.halfLifeDays = halfLifeDays
    }

    /// The weight of a result `ageDays` old.
    public func weight(ageDays: Int) -> Double {
        pow(0.5, Double(max(ageDays, 0)) / halfLifeDays)
    }
}
