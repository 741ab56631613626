import Foundation

/// The Daniels–Gilbert running equations behind VDOT.
///
/// Source: J. Daniels and J. Gilbert, *Oxygen Power: Performance Tables for Distance Runners*
/// (1979); restated in J. Daniels, *Daniels' Running Formula*. Two regressions:
///
/// - oxygen cost of running at velocity v (m/min):
///   `VO2(v) = −4.60 + 0.182258·v + 0.000104·v²` (ml/kg/min);
/// - the fraction of VO2max a runner can hold for a race lasting t minutes:
///   `F(t) = 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t)`.
///
/// VDOT is the "pseudo VO2max" that makes a result fit both: `VDOT = VO2(d/t) / F(t)`.
/// The equations were fitted to races of about 1500 m (≈3.5 min) to the marathon; shorter
/// results go through ``SpeedReserveModel``. See `docs/fitness-models.md`.
public enum DanielsGilbert {
    /// Oxygen cost (ml/kg/min) of running at `speed`.
    public static func oxygenCost(at speed: Speed) -> Double {
        let v = speed.metersPerMinute
        return -4.60 + 0.182258 * v + 0.000104 * v * v
    }

    /// The speed whose oxygen cost is `vo2` ml/kg/min (the inverse of ``oxygenCost(at:)``).
    public static func speed(atOxygenCost vo2: Double) -> Speed {
        // 0.000104·v² + 0.182258·v − (vo2 + 4.60) = 0, positive root.
        let a = 0.000104, b = 0.182258, c = -(vo2 + 4.60)
        let v = (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)
        return Speed(metersPerSecond: v / 60)
    }

    /// The fraction of VO2max that can be held for an all-out effort of `time`.
    public static func sustainableFraction(for time: Duration) -> Double {
        let t = time.minutes
        return 0.8 + 0.1894393 * exp(-0.012778 * t) + 0.2989558 * exp(-0.1932605 * t)
    }

    /// The VDOT of running `distance` in `time`.
    public static func vdot(distance: Distance, time: Duration) -> Double {
        oxygenCost(at: Speed(distance: distance, time: time)) / sustainableFraction(for: time)
    }

    /// The VDOT of a result.
    public static func vdot(of performance: Performance) -> Double {
        vdot(distance: performance.distance, time: performance.time)
    }

    /// The all-out time for `distance` at `vdot`, solved by bisection to a hundredth of a second.
    ///
    /// VDOT falls monotonically as the time for a fixed distance grows, so the root is unique.
    public static func time(for distance: Distance, atVDOT vdot: Double) -> Duration {
        var fast = 1.0                  // seconds: faster than any human
        var slow = 24.0 * 3600          // a day
        while slow - fast > 0.005 {
            let middle = (fast + slow) / 2
            if self.vdot(distance: distance, time: .seconds(middle)) > vdot {
                fast = middle
            } else {
                slow = middle
            }
        }
        return .seconds((fast + slow) / 2)
    }

    /// The speed at VO2max for a VDOT: the speed whose oxygen cost equals the VDOT.
    public static func speedAtVO2max(vdot: Double) -> Speed {
        speed(atOxygenCost: vdot)
    }

    /// The speed whose oxygen cost is `fraction` of the VDOT; the basis of the training zones.
    public static func speed(atFraction fraction: Double, ofVDOT vdot: Double) -> Speed {
        speed(atOxygenCost: fraction * vdot)
    }

    /// The range of result durations the equations were fitted to (about 1500 m to the marathon).
    public static let fittedDurations = Duration.minutes(3.5)...Duration.minutes(300)
}
