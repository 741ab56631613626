import Foundation
import Speedwork

/// A run as a watch records it, built part by part: one sample a second at the part's speed and a
/// lap pressed at the end of each part, as the server's tests generate the track sessions they upload.
struct LapRecording {
    private var samples: [ActivitySample]
    private var laps: [ActivityLap] = []
    private var second = 0
    private var meters = 0.0

    /// A recording that starts standing at `speed` (the first part's).
    init(startingAt speed: Double) {
        samples = [ActivitySample(seconds: 0, meters: 0, metersPerSecond: speed)]
    }

    /// Runs at `speed` for `seconds` or until `distance` metres are covered, then presses the lap.
    mutating func run(seconds: Int? = nil, meters distance: Double? = nil, speed: Double) {
        let lapStart = second, lapMeters = meters
        while true {
            if let seconds, second - lapStart >= seconds { break }
            if let distance, meters - lapMeters >= distance - 1e-9 { break }
            second += 1
            meters += speed
            samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: speed))
        }
        laps.append(ActivityLap(startSeconds: Double(lapStart), elapsedSeconds: Double(second - lapStart),
                                timerSeconds: Double(second - lapStart), meters: meters - lapMeters, trigger: .manual))
    }

    /// The recording as a running activity started at `start`.
    func activity(start: Date) -> Activity {
        Activity(sport: "running", start: start, samples: samples, laps: laps)
    }
}
