import Foundation

/// The anaerobic speed reserve model for short all-out efforts.
///
/// Source: M. W. Bundle, R. W. Hoyt and P. G. Weyand, "High-speed running performance: a new
/// approach to assessment and prediction", *J Appl Physiol* 95 (2003) 1955–1962. The average
/// speed of an all-out run lasting t seconds is
///
///     S(t) = S_aer + (S_anaer − S_aer) · e^(−k·t),   k = 0.013 s⁻¹,
///
/// where S_aer is the speed at VO2max and S_anaer the top sprint speed; the paper validates it
/// for efforts of about 3 to 240 s. The ratio S_anaer / S_aer is the speed reserve ratio. The
/// method holds that 400 m times predict the mile (METHODOLOGY §2): this model is the bridge.
/// The curve is joined to the race model at 1500 m (``joined(atTime:over:to:defaultRatio:)``),
/// where both models hold: 1500 m takes 3½ to 6 minutes, about how long a runner can hold the
/// speed at VO2max (V. Billat et al., *Med Sci Sports Exerc* 26, 1994: 404 ± 101 s). With only
/// short results the VDOT is that of the 1500 m the curve predicts, so a 400 m or 800 m result
/// yields a VDOT and every training pace.
///
/// From a single short result the ratio cannot be measured, so a product default is assumed
/// (1.6, a setting: the method leaves the number open) and confidence is lower. The ratio varies
/// between runners (G. N. Sandford et al., "Anaerobic Speed Reserve: A Key Component of Elite
/// Male 800-m Running", *IJSPP* 14, 2019); with a longer result beside the short one, or two short
/// results, it is fitted to the runner.
public struct SpeedReserveModel: Sendable, Hashable {
    /// Speed at VO2max (S_aer).
    public let aerobicSpeed: Speed
    /// Top sprint speed divided by speed at VO2max.
    public let reserveRatio: Double

    /// Decay constant of the anaerobic reserve, per second (Bundle et al. 2003).
    public static let decayPerSecond = 0.013
    /// The product's default ratio when it cannot be fitted (a setting, `--speed-reserve`).
    public static let defaultRatio = 1.6
    /// Ratios a fit is held within.
    public static let plausibleRatios = 1.2...2.5
    /// Efforts the paper validated the model over.
    public static let validatedDurations = Duration.seconds(3)...Duration.seconds(240)

    public init(aerobicSpeed: Speed, reserveRatio: Double) {
        self.aerobicSpeed = aerobicSpeed
        self.reserveRatio = reserveRatio
    }

    /// The average speed of an all-out effort lasting `time`.
    public func averageSpeed(over time: Duration) -> Speed {
        let aerobic = aerobicSpeed.metersPerSecond
        let reserve = (reserveRatio - 1) * aerobic
        return Speed(metersPerSecond: aerobic + reserve * exp(-Self.decayPerSecond * time.seconds))
    }

    /// The all-out time for `distance`, solved by bisection (distance covered grows with time).
    public func time(for distance: Distance) -> Duration {
        var fast = 0.1, slow = 86_400.0
        while slow - fast > 0.005 {
            let middle = (fast + slow) / 2
            if averageSpeed(over: .seconds(middle)).metersPerSecond * middle < distance.meters {
                fast = middle
            } else {
                slow = middle
            }
        }
        return .seconds((fast + slow) / 2)
    }

    /// The speed at VO2max implied by a result and a ratio.
    public static func aerobicSpeed(of performance: Performance, ratio: Double) -> Speed {
        let factor = 1 + (ratio - 1) * exp(-decayPerSecond * performance.time.seconds)
        return Speed(metersPerSecond: performance.speed.metersPerSecond / factor)
    }

    /// The ratio implied by a result when the speed at VO2max is known (from longer results).
    public static func ratio(of performance: Performance, aerobicSpeed: Speed) -> Double {
        let excess = performance.speed.metersPerSecond / aerobicSpeed.metersPerSecond - 1
        return 1 + excess / exp(-decayPerSecond * performance.time.seconds)
    }

    /// The curve that passes through `distance` run in `time` (the race model's 1500 m, where the
    /// two models meet) and fits the short results as well as that allows.
    ///
    /// With `a` the aerobic speed and `b = (ratio − 1)·a`, the curve is `S(t) = a + b·e^(−k·t)`;
    /// through the junction (speed `s_j` at time `t_j`) it is `S(t) = s_j + b·(e^(−k·t) − e^(−k·t_j))`,
    /// and `b` is fitted by weighted least squares to the results' speeds (one result: the curve
    /// passes through it). Without results the ratio is `defaultRatio`. A fitted ratio outside
    /// ``plausibleRatios`` is held at the nearer end; it is returned beside the model so the
    /// estimate can say so. `b ≥ 0` makes the average speed fall as the effort lasts longer, so
    /// the pace never gets faster as the distance grows.
    public static func joined(atTime time: Duration, over distance: Distance, to results: [WeightedResult], defaultRatio: Double) -> (model: SpeedReserveModel, fittedRatio: Double?) {
        let junctionSpeed = distance.meters / time.seconds
        let junctionDecay = exp(-decayPerSecond * time.seconds)
        func through(ratio: Double) -> SpeedReserveModel {
            SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: junctionSpeed / (1 + (ratio - 1) * junctionDecay)), reserveRatio: ratio)
        }
        var numerator = 0.0, denominator = 0.0
        for result in results {
            let decay = exp(-decayPerSecond * result.performance.time.seconds) - junctionDecay
            numerator += result.weight * (result.performance.speed.metersPerSecond - junctionSpeed) * decay
            denominator += result.weight * decay * decay
        }
        guard !results.isEmpty, denominator > 0 else {
            return (through(ratio: defaultRatio), nil)
        }
        let reserve = numerator / denominator
        let aerobic = junctionSpeed - reserve * junctionDecay
        let fitted = aerobic > 0 ? 1 + reserve / aerobic : plausibleRatios.upperBound
        let held = min(max(fitted, plausibleRatios.lowerBound), plausibleRatios.upperBound)
        if held == fitted {
            return (SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: aerobic), reserveRatio: fitted), fitted)
        }
        return (through(ratio: held), fitted)
    }

    /// Fits both the speed at VO2max and the ratio to two or more short results at different
    /// distances: a grid search over the ratio, with the speed at VO2max as the weighted mean
    /// that ratio implies, minimising the weighted squared error of ln speed.
    public static func fitted(to results: [WeightedResult]) -> SpeedReserveModel? {
        let distances = Set(results.map { $0.performance.distance.meters.rounded() })
        guard distances.count >= 2 else { return nil }
        var best: (error: Double, model: SpeedReserveModel)?
        var ratio = plausibleRatios.lowerBound
        while ratio <= plausibleRatios.upperBound + 1e-9 {
            let total = results.reduce(0) { $0 + $1.weight }
            let aerobic = results.reduce(0) { $0 + $1.weight * aerobicSpeed(of: $1.performance, ratio: ratio).metersPerSecond } / total
            let model = SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: aerobic), reserveRatio: ratio)
            let error = results.reduce(0) { sum, result in
                let predicted = model.averageSpeed(over: result.performance.time).metersPerSecond
                let residual = log(predicted / result.performance.speed.metersPerSecond)
                return sum + result.weight * residual * residual
            }
            if best == nil || error < best!.error { best = (error, model) }
            ratio += 0.005
        }
        return best?.model
    }
}
