import Foundation
import Speedwork
import SpeedworkFiles
import SpeedworkTestSupport
import Testing

/// Writes the watch files the browser tests use (`.ci/browser-tests`) into
/// `SPEEDWORK_BROWSER_FIXTURES`, with the activity encoder: a track session to upload, an easy run
/// imported with the command line beforehand, and `fixtures.json` saying what they hold. Writes
/// nothing when the variable is unset.
///
/// The track session is the first track session of the plan the browser tests save (`seed_log`: a
/// plan starting on the Monday two weeks before this week's, UTC), run on its day, the Tuesday of
/// the plan's second week, so the upload fulfils it and is graded against its targets (M51): the
/// method's mile repeats at 5K pace (M17, 3 × 1 mile with 4:00 jogs in its first week), run as a
/// runner would: 12 min warm-up at 3.0 m/s, 3 × 1 mile at 3.73 m/s (about 7:11, the middle of
/// the plan's 7:07–7:17 at 5 km in 22:30) each followed by 4 min of jogging at 2.5 m/s, 10 min
/// cool-down; a lap pressed at every change.
struct BrowserFixtureTests {
    /// The number of reps in the session.
    static let reps = 3
    static let repMeters = 1609.344
    static let repSpeed = 3.73
    /// The planned jog after each rep, seconds.
    static let recoverySeconds = 240
    /// The planned session's title, as the activity page names it.
    static let sessionTitle = "3 × 1 mile"

    /// The day the browser tests' plan starts: the Monday two weeks before the week holding `now` (UTC).
    static func planStart(now: Date = Date()) -> Day {
        let day = Day(now)
        return day.adding(days: -(day.isoWeekday - 1) - 14)
    }

    /// 07:00 UTC on the plan's first track day, the Tuesday of its second week.
    static func sessionStart(now: Date = Date()) -> Date {
        Date(timeIntervalSince1970: Double(planStart(now: now).adding(days: 8).daysSinceEpoch) * 86_400 + 7 * 3_600)
    }

    /// The session, seeded so every run writes the same bytes.
    static func trackSession(start: Date) -> Activity {
        var random = SeededGenerator(state: 800)
        var samples: [ActivitySample] = []
        var laps: [ActivityLap] = []
        var meters = 0.0
        var second = 0
        func run(seconds: Int? = nil, meters distance: Double? = nil, speed: Double) {
            let lapStart = second
            let lapMeters = meters
            while true {
                if let seconds, second - lapStart >= seconds { break }
                if let distance, meters - lapMeters >= distance { break }
                let value = speed + Double.random(in: -0.08...0.08, using: &random)
                meters += value
                samples.append(ActivitySample(
                    seconds: Double(second), meters: meters, metersPerSecond: value,
                    latitude: 48.8566 + Double.random(in: -0.0005...0.0005, using: &random),
                    longitude: 2.3522 + Double.random(in: -0.0005...0.0005, using: &random),
                    altitude: 35, heartRate: Double(speed > 3.5 ? Int.random(in: 168...182, using: &random) : Int.random(in: 128...145, using: &random)),
                    stepsPerMinute: speed > 3.5 ? 186 : 168))
                second += 1
            }
            laps.append(ActivityLap(startSeconds: Double(lapStart), elapsedSeconds: Double(second - lapStart),
                                    timerSeconds: Double(second - lapStart), meters: meters - lapMeters, trigger: .manual))
        }
        run(seconds: 12 * 60, speed: 3.0)
        for _ in 0..<reps {
            run(meters: repMeters, speed: repSpeed)
            run(seconds: recoverySeconds, speed: 2.5)
        }
        run(seconds: 10 * 60, speed: 3.0)
        return Activity(sport: "running/track", start: start, samples: samples, laps: laps)
    }

    /// 40 minutes easy at about 3.1 m/s (5:23/km), no laps, seeded.
    static func easyRun(start: Date) -> Activity {
        var random = SeededGenerator(state: 40)
        var meters = 0.0
        let samples = (0..<2_400).map { second in
            let speed = 3.1 + Double.random(in: -0.1...0.1, using: &random)
            meters += speed
            return ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: speed,
                                  heartRate: Double(Int.random(in: 130...142, using: &random)), stepsPerMinute: 170)
        }
        return Activity(sport: "running", start: start, samples: samples, laps: [])
    }

    @Test func writeBrowserFixtures() throws {
        guard let path = ProcessInfo.processInfo.environment["SPEEDWORK_BROWSER_FIXTURES"], !path.isEmpty else { return }
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let start = Self.sessionStart()
        let activity = Self.trackSession(start: start)
        let bytes = try FITActivityEncoder(product: 1, serialNumber: 800).encode(activity)
        try Data(bytes).write(to: directory.appendingPathComponent("track-session.fit"))

        // The file must read back as what was written, or the browser test would chase a wrong file.
        let back = try #require(try FITActivityReader().read(Data(bytes)).first)
        #expect(back.samples.count == activity.samples.count)
        #expect(back.laps.count == 1 + 2 * Self.reps + 1)

        // Sunday 22 November 2026, 08:00 UTC.
        let easyStart = Date(timeIntervalSince1970: 1_795_334_400)
        let easy = Self.easyRun(start: easyStart)
        try Data(FITActivityEncoder(product: 1, serialNumber: 40).encode(easy))
            .write(to: directory.appendingPathComponent("easy-run.fit"))

        let manifest: [String: Any] = [
            "track": [
                "file": "track-session.fit",
                "start": ISO8601DateFormatter().string(from: start),
                "reps": Self.reps,
                "repMeters": Self.repMeters,
                "session": Self.sessionTitle,
                "samples": activity.samples.count,
                "meters": activity.samples.last?.meters ?? 0,
            ] as [String: Any],
            "easy": [
                "file": "easy-run.fit",
                "start": ISO8601DateFormatter().string(from: easyStart),
                "meters": easy.samples.last?.meters ?? 0,
            ] as [String: Any],
        ]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("fixtures.json"))
    }
}
