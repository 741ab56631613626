import Foundation
import Speedwork
import SpeedworkFiles
import Testing

/// Writes FIT activity files from the activity encoder and a manifest of what they must hold into
/// `SPEEDWORK_EXPORT_DIR/activities`, for `.ci/validate-exports` to decode with Garmin's FIT SDK
/// (Tests/Validation/validate_activities.py). Writes nothing when the variable is unset.
///
/// The manifest comes from the activities themselves, so the SDK checks the encoder.
struct ActivityExportFixtureTests {
    @Test func writeActivityFixtures() throws {
        guard let path = ProcessInfo.processInfo.environment["SPEEDWORK_EXPORT_DIR"], !path.isEmpty else { return }
        let directory = URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent("activities")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        var track = FITActivityEncoderTests.trackSession(seed: 11, seconds: 2_400)
        track.deviceTimerSeconds = 2_390
        var easy = FITActivityEncoderTests.trackSession(seed: 12, seconds: 3_600)
        easy.sport = "running"
        easy.laps = []
        let sparse = Activity(sport: "cycling/road", start: FITActivityEncoderTests.start, samples: [
            ActivitySample(seconds: 0, meters: 0, heartRate: 101),
            ActivitySample(seconds: 1, latitude: -33.8568, longitude: 151.2153),
            ActivitySample(seconds: 5, meters: 40, stepsPerMinute: 88),
        ], laps: [])
        let power = FITRecordExtraField(number: 7, baseType: .uint16, values: (0..<3_600).map { UInt32(200 + $0 % 100) })

        var entries: [[String: Any]] = []
        for (name, activity, extras) in [
            ("track", track, [] as [FITRecordExtraField]), ("easy-with-power", easy, [power]), ("sparse", sparse, []),
        ] {
            let bytes = try FITActivityEncoder(product: 3, serialNumber: 77).encode(activity, extraFields: extras)
            try Data(bytes).write(to: directory.appendingPathComponent("\(name).fit"))
            let parts = activity.sport.split(separator: "/").map(String.init)
            let first = activity.samples[0]
            let last = activity.samples[activity.samples.count - 1]
            var entry: [String: Any] = [
                "file": "\(name).fit",
                "sport": parts[0],
                "sub_sport": parts.count > 1 ? parts[1] : "generic",
                "records": activity.samples.count,
                "laps": max(1, activity.laps.count),
                "start": ISO8601DateFormatter().string(from: activity.start!),
                "elapsed": last.seconds,
                "timer": activity.deviceTimerSeconds ?? last.seconds,
                "first_heart_rate": first.heartRate.map { Int($0) } ?? NSNull(),
                "power": extras.isEmpty ? NSNull() : Array(power.values.prefix(5)),
            ]
            if let meters = activity.samples.last(where: { $0.meters != nil })?.meters { entry["distance"] = meters }
            if let position = activity.samples.first(where: { $0.latitude != nil }) {
                entry["first_position"] = [position.latitude!, position.longitude!]
            }
            if let steps = first.stepsPerMinute {
                // FIT keeps running cadence per leg: half the steps of both feet (M6).
                entry["first_cadence"] = activity.isRun ? steps / 2 : steps
            }
            entries.append(entry)
        }
        let json = try JSONSerialization.data(withJSONObject: ["activities": entries], options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("manifest.json"))
    }
}
