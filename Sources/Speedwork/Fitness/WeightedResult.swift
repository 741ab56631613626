import Foundation

/// A result as a fitness model sees it: how much it counts, and the VDOT it shows on its own.
public struct WeightedResult: Sendable, Hashable {
    /// The result itself.
    public let performance: Performance
    /// Whole days between the result and the day of the estimate.
    public let ageDays: Int
    /// Its weight in the estimate: 1 for the newest result, halving for every
    /// ``RecencyWeighting/halfLifeDays`` it is older than the newest.
    public let weight: Double
    /// The VDOT this result shows on its own.
    public let vdot: Double
    /// Whether that VDOT came through the speed-reserve model (results under 1500 m).
    public let vdotViaSpeedReserve: Bool
    /// The newer, at least as fast result at about the same distance that replaces this one
    /// (its weight is then 0), see ``FitnessEstimator/supersedingResult(of:olderAge:among:)``.
    public let supersededBy: Performance?
}

/// How much older results count: newer results weigh more (M21, M43).
///
/// A result's weight halves every `halfLifeDays` days (product default 60 days, about two
/// training blocks), so a result four months older than the newest counts a quarter as much.
/// Weights are relative to the newest result, which always weighs 1: the exponent is taken in log
/// space from the age difference, so results centuries old give weights that may round to 0 but
/// never a total of 0 (no NaN fitness).
public struct RecencyWeighting: Sendable, Hashable {
    /// Days after which a result counts half as much.
    public var halfLifeDays: Double

    public init(halfLifeDays: Double = 60) {
        self.halfLifeDays = halfLifeDays
    }

    /// The weight of a result `ageDays` old when the newest result is `newestAgeDays` old.
    public func weight(ageDays: Int, newestAgeDays: Int = 0) -> Double {
        let older = Double(max(ageDays, newestAgeDays)) - Double(newestAgeDays)
        return exp2(-older / halfLifeDays)
    }

    /// The weights of results of these ages, the newest weighing 1.
    public func weights(ageDays: [Int]) -> [Double] {
        let newest = ageDays.min() ?? 0
        return ageDays.map { weight(ageDays: $0, newestAgeDays: newest) }
    }
}
