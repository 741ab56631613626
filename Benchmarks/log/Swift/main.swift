import Foundation
import Speedwork
import SpeedworkStore

// Fills an SQLite training log with a generated year for the `log` benchmark (Benchmarks/log/run):
// 500 runs with 1 Hz samples (each stored with an analysis the `speedwork analyze --json` report
// of a matching generated file gives), 100 results and 150 hand-logged sessions.
//
//   speedwork-log-bench fill DB.sqlite EASY.json REPS.json

/// A seeded linear congruential generator (Knuth's MMIX constants), so every run writes the same log.
struct Seeded {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}

func run(seconds: Int, speed: Double, start: Date, random: inout Seeded) -> Activity {
    var samples: [ActivitySample] = []
    samples.reserveCapacity(seconds + 1)
    var meters = 0.0
    for second in 0...seconds {
        let now = speed * (0.95 + 0.1 * random.next())
        samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: now, heartRate: 140, stepsPerMinute: 170))
        meters += now
    }
    return Activity(sport: "running", start: start, samples: samples, laps: [], device: "bench",
                    deviceDistanceMeters: meters, deviceTimerSeconds: Double(seconds))
}

let arguments = CommandLine.arguments
guard arguments.count == 5, arguments[1] == "fill" else {
    FileHandle.standardError.write(Data("usage: speedwork-log-bench fill DB.sqlite EASY.json REPS.json\n".utf8))
    exit(64)
}
let easyJSON = try String(contentsOfFile: arguments[3], encoding: .utf8)
let repsJSON = try String(contentsOfFile: arguments[4], encoding: .utf8)
let log = try await SQLiteStore.open(path: arguments[2])
let runner = try await log.defaultAthlete()
var random = Seeded(state: 20_261_129)
let first = try Day(parsing: "2026-01-01")
var packed: [PackedActivity] = []
for index in 0..<500 {
    let day = first.adding(days: index * 365 / 500)
    let start = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 6 * 3600 + Double(index % 7) * 1800)
    let hard = index % 5 == 0
    let activity = run(seconds: hard ? 3000 : 2400 + Int(random.next() * 2400), speed: hard ? 3.4 : 2.9, start: start, random: &random)
    packed.append(try PackedActivity(activity, name: hard ? "Track" : "Easy run", source: "run-\(index).fit",
                                     analysisJSON: hard ? repsJSON : easyJSON))
}
for chunk in stride(from: 0, to: packed.count, by: 100) {
    _ = try await log.save(ImportBatch(activities: Array(packed[chunk..<min(chunk + 100, packed.count)])), for: runner.id)
}
var results: [LoggedResult] = []
for index in 0..<100 {
    let day = first.adding(days: index * 365 / 100)
    results.append(try LoggedResult(day: day, kind: index % 2 == 0 ? .race : .timeTrial, distance: .meters(5000),
                                    time: .seconds(1200 + random.next() * 60)))
}
_ = try await log.add(results, for: runner.id)
var sessions: [LoggedSession] = []
for index in 0..<150 {
    let day = first.adding(days: index * 365 / 150)
    let reps = try (0..<6).map { _ in try LoggedRep(distance: .meters(200), time: .seconds(38 + random.next() * 2)) }
    sessions.append(try LoggedSession(day: day, session: "M11", rpe: 7, reps: reps))
}
_ = try await log.add(sessions, for: runner.id)
await log.close()
print("filled \(arguments[2]): 500 activities, 100 results, 150 sessions")
