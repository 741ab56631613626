import Foundation
@testable import SpeedworkReports

/// Race times from a VDOT, written from the published Daniels–Gilbert equations (Daniels &
/// Gilbert, *Oxygen Power*, 1979; restated in Daniels, *Daniels' Running Formula*): the oxygen
/// cost of running at v m/min, VO2 = −4.60 + 0.182258 v + 0.000104 v², and the fraction of VO2max
/// sustained for t minutes, 0.8 + 0.1894393 e^(−0.012778 t) + 0.2989558 e^(−0.1932605 t);
/// VDOT = VO2 / fraction. Kept in the tests so that `predict`, the checker's source of today's race
/// times, is itself checked against the equations rather than against the code that serves it.
struct VDOTRaceTimes: Sendable {
    /// The VDOT a race of `meters` in `seconds` shows.
    static func vdot(meters: Double, seconds: Double) -> Double {
        let minutes = seconds / 60
        let velocity = meters / minutes
        let cost = -4.60 + 0.182258 * velocity + 0.000104 * velocity * velocity
        let fraction = 0.8 + 0.1894393 * exp(-0.012778 * minutes) + 0.2989558 * exp(-0.1932605 * minutes)
        return cost / fraction
    }

    /// The race time over `meters` at `vdot`, by bisection (VDOT falls as the time grows).
    static func seconds(meters: Double, vdot: Double) -> Double {
        var fast = meters / 12, slow = meters / 0.5
        for _ in 0..<100 {
            let middle = (fast + slow) / 2
            if Self.vdot(meters: meters, seconds: middle) > vdot { fast = middle } else { slow = middle }
        }
        return (fast + slow) / 2
    }
}
