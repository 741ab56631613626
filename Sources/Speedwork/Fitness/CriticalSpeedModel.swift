/// Critical speed and D′: the distance–time line `d = CS · t + D′`.
///
/// CS is the highest speed sustained from aerobic metabolism; D′ the distance that can be run
/// above it. Fitted by least squares to two or more all-out results of about 2 to 20 minutes.
/// Sources: J. Monod and J. Scherrer (1965) for the critical-power concept; R. L. Hughson,
/// C. J. Orok and L. E. Staudt, "A high velocity treadmill running test to assess endurance
/// running potential", *Int J Sports Med* 5 (1984) for running; A. M. Jones and A. Vanhatalo,
/// "The 'Critical Power' Concept", *Sports Medicine* 47 (2017) for the distance–time form.
public struct CriticalSpeedModel: Sendable, Hashable {
    /// Critical speed.
    public let criticalSpeed: Speed
    /// D′ in metres: the distance that can be covered above critical speed.
    public let dPrime: Distance

    /// Results used for the fit must last about this long (2 to 20 minutes, with 10 % slack).
    public static let fittedDurations = Duration.seconds(108)...Duration.seconds(1320)

    /// Predictions are offered for efforts of about 2 to 30 minutes; outside, the line is wrong.
    public static let predictionDurations = Duration.minutes(2)...Duration.minutes(30)

    public init(criticalSpeed: Speed, dPrime: Distance) {
        self.criticalSpeed = criticalSpeed
        self.dPrime = dPrime
    }

    /// Fits CS and D′ to the results that last 2–20 minutes.
    ///
    /// - Throws: ``InputError`` when fewer than two such results at different distances are
    ///   given, or when they give a non-positive CS or D′ (the longer result relatively faster
    ///   than the shorter one).
    public static func fitted(to results: [WeightedResult]) throws -> CriticalSpeedModel {
        let usable = results.filter { fittedDurations.contains($0.performance.time) }
        let distances = Set(usable.map { $0.performance.distance.meters.rounded() })
        guard distances.count >= 2,
              let line = WeightedLine(points: usable.map { (x: $0.performance.time.seconds, y: $0.performance.distance.meters, w: $0.weight) })
        else {
            throw InputError("the critical-speed model needs two or more results at different distances that each took 2 to 20 minutes (e.g. --from 1500m=5:00 --from 5k=19:00)")
        }
        guard line.slope > 0, line.intercept > 0 else {
            let written = usable.map(\.performance.written).joined(separator: ", ")
            throw InputError("\(written) do not fit the critical-speed model (the longer result is relatively faster): check the results or use --model riegel")
        }
        return CriticalSpeedModel(criticalSpeed: Speed(metersPerSecond: line.slope), dPrime: .meters(line.intercept))
    }

    /// The predicted time for `distance`, `nil` when the distance is within D′.
    public func time(for distance: Distance) -> Duration? {
        let seconds = (distance.meters - dPrime.meters) / criticalSpeed.metersPerSecond
        return seconds > 0 ? .seconds(seconds) : nil
    }
}
