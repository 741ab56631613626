// The Swift side of the FIT decoding benchmark (see Benchmarks/README.md).
//
//   speedwork-fit-bench time FILE…              decode all files repeatedly, 3 rounds of at least 1 s
//   speedwork-fit-bench memory PASSES FILE…     decode all files PASSES times, then report peak RSS
//   speedwork-fit-bench generate DIR COUNT      write COUNT synthetic one-hour running FIT files
//
// Output is one JSON object on stdout, for the run script to tabulate.
import Foundation
import SpeedworkFiles

/// What an analysis reads from each message, summed so no read can be optimised away.
struct Totals {
    var records = 0
    var sum = 0.0

    mutating func add(_ message: FITMessage) {
        switch message.globalMessageNumber {
        case 20:  // record
            records += 1
            sum += Double(message.timestamp ?? 0)
            sum += message.latitude ?? 0
            sum += message.longitude ?? 0
            sum += message.altitude ?? 0
            sum += Double(message.heartRate ?? 0)
            sum += message.cadence ?? 0
            sum += message.distance?.meters ?? 0
            sum += message.speed?.metersPerSecond ?? 0
        case 18, 19:  // session, lap
            sum += message.startTime?.timeIntervalSince1970 ?? 0
            sum += message.totalElapsedTime?.seconds ?? 0
            sum += message.totalTimerTime?.seconds ?? 0
            sum += message.totalDistance?.meters ?? 0
            sum += Double(message.sport ?? 0)
        case 0:  // file_id
            sum += Double(message.fileType ?? 0) + Double(message.manufacturer ?? 0)
        default:
            break
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(2)
}

func load(_ paths: some Collection<String>) -> [[UInt8]] {
    guard !paths.isEmpty else { fail("no FIT file given") }
    return paths.map { path in
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return [UInt8](data)
    }
}

/// One pass over every file: CRC checked, every analysis field read.
func decodeAll(_ files: [[UInt8]], into totals: inout Totals) {
    let decoder = FITDecoder(verifyCRC: true)
    for bytes in files {
        do {
            try decoder.decode(bytes) { totals.add($0) }
        } catch {
            fail("decoding failed: \(error)")
        }
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// A size in KiB from /proc/self/status (Linux): `VmHWM` is the peak resident set, `VmRSS` the
/// current one; -1 where the file is missing.
func statusKiB(_ key: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        return parts.count > 1 ? Int(parts[1]) ?? -1 : -1
    }
    return -1
}

func json(_ pairs: KeyValuePairs<String, Any>) -> String {
    "{" + pairs.map { key, value in "\"\(key)\": \(value)" }.joined(separator: ", ") + "}"
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "time":
    // Three rounds of at least one second each (after a warm-up pass); the median round is
    // reported, with every round's MB/s so the spread on a shared machine shows.
    let files = load(arguments.dropFirst())
    let bytes = files.reduce(0) { $0 + $1.count }
    var warmUp = Totals()
    decodeAll(files, into: &warmUp)
    var rounds: [(seconds: Double, passes: Int, records: Int, sum: Double)] = []
    for _ in 0..<3 {
        var totals = Totals()
        var passes = 0
        let start = now()
        var elapsed: UInt64 = 0
        repeat {
            decodeAll(files, into: &totals)
            passes += 1
            elapsed = now() - start
        } while elapsed < 1_000_000_000 || passes < 3
        rounds.append((Double(elapsed) / 1e9, passes, totals.records, totals.sum))
    }
    func rate(_ round: (seconds: Double, passes: Int, records: Int, sum: Double)) -> Double {
        Double(bytes * round.passes) / round.seconds
    }
    let median = rounds.sorted { rate($0) < rate($1) }[1]
    let spread = rounds.map { String(format: "%.1f", rate($0) / 1e6) }.joined(separator: ", ")
    print(json([
        "bytes": bytes * median.passes, "records": median.records, "seconds": median.seconds,
        "passes": median.passes, "roundsMBps": "[\(spread)]", "checksum": median.sum.isFinite ? 1 : 0,
    ]))
case "memory":
    guard arguments.count >= 3, let passes = Int(arguments[1]), passes >= 1 else {
        fail("usage: memory PASSES FILE… (PASSES a whole number ≥ 1)")
    }
    let files = load(arguments.dropFirst(2))
    let loadedRSS = statusKiB("VmRSS")
    var totals = Totals()
    for _ in 0..<passes { decodeAll(files, into: &totals) }
    print(json([
        "passes": passes, "records": totals.records, "loadedRSSKiB": loadedRSS, "rssKiB": statusKiB("VmRSS"),
        "peakKiB": statusKiB("VmHWM"),
        "checksum": totals.sum.isFinite ? 1 : 0,
    ]))
case "generate":
    guard arguments.count == 3, let count = Int(arguments[2]), (1...1000).contains(count) else {
        fail("usage: generate DIR COUNT (COUNT 1–1000)")
    }
    let directory = URL(fileURLWithPath: arguments[1])
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            let url = directory.appendingPathComponent("synthetic-run-\(index + 1).fit")
            var run = SyntheticRun(seed: UInt64(index + 1))
            try Data(run.bytes()).write(to: url)
        }
    } catch {
        fail("cannot write to \(directory.path): \(error.localizedDescription)")
    }
    print(json(["files": count, "directory": "\"\(directory.path)\""]))
default:
    fail("usage: speedwork-fit-bench time FILE… | memory PASSES FILE… | generate DIR COUNT")
}
