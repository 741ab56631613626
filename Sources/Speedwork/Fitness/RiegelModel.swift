import Foundation

/// Riegel's endurance power law: `t₂ = t₁ · (d₂ / d₁)^b`.
///
/// Source: P. S. Riegel, "Athletic Records and Human Endurance", *American Scientist* 69
/// (1981) 285–290, with b = 1.06 for running over about 3.5 to 230 minutes. With results at two
/// or more distances the exponent is fitted to the runner (weighted least squares of ln t on
/// ln d), a personal model in the sense of Vickers and Vertosick, "An empirical study of race
/// times in recreational endurance runners", *BMC Sports Science, Medicine and Rehabilitation*
/// 8:26 (2016).
public struct RiegelModel: Sendable, Hashable {
    /// The fatigue exponent b.
    public let exponent: Double
    /// ln of the time (s) the law gives for one metre: `ln t = lnScale + b · ln d`.
    public let lnScale: Double
    /// Whether the exponent was fitted to this runner's results.
    public let isPersonal: Bool

    /// Riegel's published exponent.
    public static let publishedExponent = 1.06

    /// The exponents a personal fit is held within; outside them the results disagree with
    /// each other more than with any runner's physiology.
    public static let plausibleExponents = 1.01...1.20

    /// The law with a fixed exponent, anchored on the weighted results.
    public init(exponent: Double, anchoredOn results: [WeightedResult]) {
        let total = results.reduce(0) { $0 + $1.weight }
        let sum = results.reduce(0) { sum, result in
            sum + result.weight * (log(result.performance.time.seconds) - exponent * log(result.performance.distance.meters))
        }
        self.exponent = exponent
        self.lnScale = sum / total
        self.isPersonal = false
    }

    /// The law with the exponent fitted to the results, or `nil` when they cover fewer than two
    /// distances. The exponent is held within ``plausibleExponents``; the unclamped fit is returned beside it.
    public static func personal(fittedTo results: [WeightedResult]) -> (model: RiegelModel, fittedExponent: Double)? {
        let distances = Set(results.map { $0.performance.distance.meters.rounded() })
        guard distances.count >= 2 else { return nil }
        let points = results.map { (x: log($0.performance.distance.meters), y: log($0.performance.time.seconds), w: $0.weight) }
        guard let line = WeightedLine(points: points) else { return nil }
        let clamped = min(max(line.slope, plausibleExponents.lowerBound), plausibleExponents.upperBound)
        var model = RiegelModel(exponent: clamped, anchoredOn: results)
        model = RiegelModel(exponent: model.exponent, lnScale: model.lnScale, isPersonal: true)
        return (model, line.slope)
    }

    private init(exponent: Double, lnScale: Double, isPersonal: Bool) {
        self.exponent = exponent
        self.lnScale = lnScale
        self.isPersonal = isPersonal
    }

    /// The predicted time for `distance`.
    public func time(for distance: Distance) -> Duration {
        .seconds(exp(lnScale + exponent * log(distance.meters)))
    }

    /// Durations Riegel fitted the law over.
    public static let fittedDurations = Duration.minutes(3.5)...Duration.minutes(230)
}
