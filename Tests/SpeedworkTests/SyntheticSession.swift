import Foundation
import SpeedworkTestSupport
@testable import Speedwork

/// A session recorded by an imaginary watch: known reps and recoveries, then GPS-like error on
/// top. The truth is kept beside the samples, so a test can check what analysis finds against it.
struct SyntheticSession {
    struct Part {
        let seconds: Double
        let speed: Double
        let isRep: Bool
    }

    /// Recovery speeds a runner uses between reps, metres per second: standing still, a shuffle, a
    /// walk (about 5 km/h) and a jog.
    static let standing = 0.0, shuffling = 0.5, walking = 1.4, jogging = 2.2

    let parts: [Part]
    /// True start and end of every rep, seconds since the start: the middle of the 2 s change of
    /// pace, where the speed is halfway between the levels.
    let repBounds: [(start: Double, end: Double)]
    let activity: Activity

    /// - Parameters:
    ///   - warmup/cooldown: easy running before and after (M4).
    ///   - reps: each rep's length in seconds and speed; recoveries between them.
    ///   - gpsError: standard deviation in metres of the along-track position error. Consumer GPS
    ///     error drifts rather than jumps: it is modelled as an AR(1) process with 0.98 correlation
    ///     from one second to the next (a time constant of about 50 s), plus 0.3 m of independent
    ///     noise each second, so a 400 m rep measures a few metres (about 1 %) long or short.
    ///   - dopplerSpeed: whether the watch also records its speed, as GPS watches do from the
    ///     Doppler shift, with 0.15 m/s of independent error each second; GPX files have none.
    ///   - laps: the trigger of a lap at every part (`.manual`: the runner pressed the button at
    ///     each rep and recovery); `nil` for none.
    ///   - pausedRecoveries: the watch pauses through each recovery (auto-pause while standing):
    ///     no samples from 2 s after a rep ends (when it has stopped) to 1 s before the next starts
    ///     (when it feels the runner move).
    init(warmup: Double = 900, easy: Double = 2.9, reps: [(seconds: Double, speed: Double)], recovery: Double, recoverySpeed: Double,
         cooldown: Double = 600, gpsError: Double = 3, dopplerSpeed: Bool = true, laps: ActivityLap.Trigger? = nil,
         pausedRecoveries: Bool = false, seed: UInt64 = 1) {
        var parts = [Part(seconds: warmup, speed: easy, isRep: false)]
        for (index, rep) in reps.enumerated() {
            parts.append(Part(seconds: rep.seconds, speed: rep.speed, isRep: true))
            parts.append(Part(seconds: index == reps.count - 1 ? cooldown : recovery, speed: index == reps.count - 1 ? easy : recoverySpeed, isRep: false))
        }
        self.parts = parts
        var bounds: [(Double, Double)] = []
        var clock = 0.0
        for part in parts {
            if part.isRep { bounds.append((clock, clock + part.seconds)) }
            clock += part.seconds
        }
        self.repBounds = bounds

        // True speed each second, with 2 s ramps centred on each change of pace.
        var generator = SeededGenerator(state: seed)
        let total = Int(clock)
        var truth = [Double](repeating: 0, count: total + 1)
        var distance = 0.0, error = 0.0
        let innovation = gpsError * (1 - 0.98 * 0.98).squareRoot()
        var samples: [ActivitySample] = []
        for second in 0...total {
            let t = Double(second)
            let speed = SyntheticSession.speed(at: t, parts: parts)
            truth[second] = speed
            if second > 0 { distance += (truth[second - 1] + speed) / 2 }
            error = 0.98 * error + innovation * SyntheticSession.gaussian(&generator)
            let recorded = max(distance + error + 0.3 * SyntheticSession.gaussian(&generator), samples.last?.meters ?? 0)
            let doppler = dopplerSpeed ? max(speed + 0.15 * SyntheticSession.gaussian(&generator), 0) : nil
            // No steps standing, a walker's 110 a minute, a runner's rising with speed.
            let steps: Double? = speed < 0.3 ? nil : speed < 2 ? 110 : 150 + 6 * speed
            if pausedRecoveries, zip(bounds, bounds.dropFirst()).contains(where: { t > $0.1 + 2 && t < $1.0 - 1 }) { continue }
            samples.append(ActivitySample(seconds: t, meters: recorded, metersPerSecond: doppler, stepsPerMinute: steps))
        }
        var activityLaps: [ActivityLap] = []
        if let trigger = laps {
            var start = 0.0
            for part in parts {
                activityLaps.append(ActivityLap(startSeconds: start, elapsedSeconds: part.seconds, meters: part.seconds * part.speed, trigger: trigger))
                start += part.seconds
            }
        }
        self.activity = Activity(sport: "running", start: nil, samples: samples, laps: activityLaps, deviceDistanceMeters: distance)
    }

    static func speed(at t: Double, parts: [Part]) -> Double {
        var clock = 0.0
        for (index, part) in parts.enumerated() {
            let end = clock + part.seconds
            if t < end || index == parts.count - 1 {
                if index > 0, t < clock + 1 {
                    return ramp(from: parts[index - 1].speed, to: part.speed, at: t - (clock - 1))
                }
                if index + 1 < parts.count, t > end - 1 {
                    return ramp(from: part.speed, to: parts[index + 1].speed, at: t - (end - 1))
                }
                return part.speed
            }
            clock = end
        }
        return parts.last!.speed
    }

    /// Linear change over 2 s; `into` runs from 0 to 2.
    static func ramp(from a: Double, to b: Double, at into: Double) -> Double {
        a + (b - a) * min(max(into / 2, 0), 1)
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ generator: inout SeededGenerator) -> Double {
        let u1 = max(Double.random(in: 0..<1, using: &generator), 1e-12), u2 = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
