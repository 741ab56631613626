import Foundation
import Speedwork
import SpeedworkStore

// The fill side of the progress benchmark (Benchmarks/progress/run): writes a generated
// ten-year training log into a new SQLite file, as an import would leave it. Not part of the tests.
//
//   speedwork-progress-bench fill PATH [ACTIVITIES]

let arguments = CommandLine.arguments.dropFirst()
guard arguments.first == "fill", arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: speedwork-progress-bench fill PATH [ACTIVITIES]\n".utf8))
    exit(64)
}
let path = arguments[arguments.startIndex + 1]
let count = arguments.count >= 3 ? Int(arguments[arguments.startIndex + 2]) ?? 5000 : 5000
guard !FileManager.default.fileExists(atPath: path) else {
    FileHandle.standardError.write(Data("\(path) exists: the benchmark fills a new log\n".utf8))
    exit(73)
}

let clock = ContinuousClock()
let began = clock.now
let log = try await DatabaseLocation.sqlite(path: path).open()
let runner = try await log.defaultAthlete()
let history = GeneratedLog(activities: count, seed: 2026)
var batch: [PackedActivity] = []
var written = 0
// Analysing 5,000 one-hour activities would take most of the benchmark's time; each kind of
// session is analysed in six variants at 1 Hz and every activity of that kind stores one of
// them, so each stored analysis has the size and shape of a real one.
var analyses: [String: String] = [:]
for (index, plan) in history.activities.enumerated() {
    let key = "\(plan.kind)#\(index % 6)"
    let json = try analyses[key] ?? plan.analysisJSON(index: index)
    analyses[key] = json
    batch.append(try plan.packed(index: index, analysisJSON: json))
    if batch.count == 200 {
        written += try await log.save(ImportBatch(activities: batch), for: runner.id).added
        batch.removeAll()
    }
}
written += try await log.save(ImportBatch(activities: batch), for: runner.id).added
let results = try await log.add(history.results, for: runner.id)
let sessions = try await log.add(history.sessions, for: runner.id)
await log.close()
let seconds = (clock.now - began) / .seconds(1)
let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let jsonBytes = analyses.values.reduce(0) { $0 + $1.utf8.count } / max(analyses.count, 1)
print("filled \(path): \(written) activities (analyses of about \(jsonBytes) bytes), \(results) results, \(sessions) hand-logged sessions, "
      + String(format: "%.1f MB, %.0f s", Double(bytes) / 1e6, seconds))
