import Foundation
import Testing
import Speedwork
import SpeedworkFiles

/// Writes the sample exports and a manifest of what they must contain into the directory named by
/// `SPEEDWORK_EXPORT_DIR`, for `.ci/validate-exports` to check with the reference decoders
/// (Garmin's FIT SDK, the `icalendar` parser). Writes nothing when the variable is unset.
///
/// The manifest is built from the domain values, not from the encoder's output, so that the
/// reference decoders check the encoder rather than the encoder checking itself.
struct ExportFixtureTests {
    @Test func writeExportFixtures() throws {
        guard let path = ProcessInfo.processInfo.environment["SPEEDWORK_EXPORT_DIR"], !path.isEmpty else { return }
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let encoder = FITWorkoutEncoder(timeCreated: ExportSamples.created)
        var fitEntries: [[String: Any]] = []
        for (file, workout) in ExportSamples.all {
            let bytes = try encoder.encode(workout)
            try Data(bytes).write(to: directory.appendingPathComponent("\(file).fit"))
            let steps = expectedSteps(workout)
            fitEntries.append([
                "file": "\(file).fit",
                "name": workout.title,
                "sport": workout.kind.isRun ? "running" : "training",
                "num_valid_steps": steps.count,
                "steps": steps,
            ])
        }

        let writer = ICalendarWriter(timestamp: ExportSamples.created)
        try writer.data(ExportSamples.calendar).write(to: directory.appendingPathComponent("plan.ics"))
        var counts: [String: Int] = [:]
        let events: [[String: Any]] = ExportSamples.calendar.map { entry in
            let key = "\(entry.day)-\(entry.workout.rule)"
            counts[key, default: 0] += 1
            return [
                "uid": "\(key)-\(counts[key]!)@speedwork",
                "summary": entry.workout.title,
                "date": entry.day.description,
                "end": entry.day.adding(days: 1).description,
                "category": entry.workout.kind.rawValue,
            ]
        }

        let manifest: [String: Any] = [
            "fit": fitEntries,
            "ics": [["file": "plan.ics", "events": events]],
        ]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("manifest.json"))
    }

    /// What each `workout_step` must decode to, in the FIT SDK's names and units (m, s, m/s).
    private func expectedSteps(_ workout: Workout) -> [[String: Any]] {
        var result: [[String: Any]] = []
        func add(_ step: WorkoutStep) {
            var entry: [String: Any] = ["message_index": result.count, "intensity": intensityName(step.intensity)]
            switch step.length {
            case .time(let time):
                entry["duration_type"] = "time"
                entry["duration_time"] = time.seconds
            case .distance(let distance):
                entry["duration_type"] = "distance"
                entry["duration_distance"] = distance.meters
            case .open:
                entry["duration_type"] = "open"
            case .reps(let count):
                entry["duration_type"] = "reps"
                entry["duration_reps"] = count
            }
            switch step.target {
            case .pace(let band):
                entry["target_type"] = "speed"
                entry["custom_target_speed_low"] = band.slow.speed.metersPerSecond
                entry["custom_target_speed_high"] = band.fast.speed.metersPerSecond
            case .effort(let rpe):
                entry["target_type"] = "open"
                entry["name_contains"] = rpe.lowerBound == rpe.upperBound ? "RPE \(rpe.lowerBound)" : "RPE \(rpe.lowerBound)-\(rpe.upperBound)"
            case .none:
                entry["target_type"] = "open"
            }
            result.append(entry)
        }
        for block in workout.blocks {
            switch block {
            case .step(let step):
                add(step)
            case .repeats(let count, let steps):
                let first = result.count
                steps.forEach(add)
                if count > 1 {
                    result.append([
                        "message_index": result.count,
                        "duration_type": "repeat_until_steps_cmplt",
                        "duration_step": first,
                        "repeat_steps": count,
                    ])
                }
            }
        }
        return result
    }

    private func intensityName(_ intensity: Intensity) -> String {
        switch intensity {
        case .warmup: "warmup"
        case .active: "active"
        case .recovery: "recovery"
        case .rest: "rest"
        case .cooldown: "cooldown"
        }
    }
}
