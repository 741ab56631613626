import Foundation
import SpeedworkFiles

// speedwork-archive-gen: writes a seeded ten-year archive of FIT activity files for the import
// benchmark (Benchmarks/import/run). Not part of the tests.
//
//   speedwork-archive-gen --out DIR [--count N] [--seed S]
//
// Files go to DIR/YYYY/YYYY-MM-DD-HHMM-KIND-NNNNN.fit (every 100th as .fit.gz), written on all
// cores; the same count and seed give the same bytes. Prints one JSON line: files, bytes,
// records, gzip files and seconds.

struct Options {
    var out: String?
    var count = 5_000
    var seed: UInt64 = 1
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(2)
}

func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments[...]
    while let flag = rest.popFirst() {
        guard let value = rest.popFirst() else {
            if flag == "--help" || flag == "-h" {
                print("usage: speedwork-archive-gen --out DIR [--count N (1-1000000, default 5000)] [--seed S (default 1)]")
                exit(0)
            }
            fail("\(flag) needs a value; usage: speedwork-archive-gen --out DIR [--count N] [--seed S]")
        }
        switch flag {
        case "--out": options.out = value
        case "--count":
            guard let count = Int(value), (1...1_000_000).contains(count) else {
                fail("--count must be a whole number from 1 to 1000000, not '\(value)'")
            }
            options.count = count
        case "--seed":
            guard let seed = UInt64(value) else { fail("--seed must be a whole number from 0 to 2^64-1, not '\(value)'") }
            options.seed = seed
        default:
            fail("unknown option '\(flag)'; the options are --out, --count and --seed")
        }
    }
    return options
}

let options = parse(Array(CommandLine.arguments.dropFirst()))
guard let out = options.out, !out.isEmpty else { fail("--out DIR is required") }
let root = URL(fileURLWithPath: out, isDirectory: true)
let plan = ArchivePlan(count: options.count, seed: options.seed)
let years = Set(plan.sessions.map { Calendar(identifier: .gregorian).component(.year, from: $0.start) })
do {
    for year in years { try FileManager.default.createDirectory(at: root.appendingPathComponent(String(year)), withIntermediateDirectories: true) }
} catch {
    fail("cannot create \(out): \(error.localizedDescription)")
}

/// Totals shared by the workers.
final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var bytes = 0
    private(set) var records = 0
    private(set) var gzipped = 0
    private(set) var failures: [String] = []

    func add(bytes: Int, records: Int, gzip: Bool) {
        lock.lock(); defer { lock.unlock() }
        self.bytes += bytes
        self.records += records
        if gzip { gzipped += 1 }
    }

    func fail(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        failures.append(message)
    }
}

let totals = Totals()
let began = Date()
let formatter: @Sendable (Date) -> String = { date in
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
    return String(format: "%04d-%02d-%02d-%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
}
DispatchQueue.concurrentPerform(iterations: plan.sessions.count) { index in
    let session = plan.sessions[index]
    let (activity, extras) = SyntheticSession(session: session).build()
    let name = "\(formatter(session.start))-\(session.kind.name)-\(String(format: "%05d", session.index)).fit"
    let year = String(name.prefix(4))
    do {
        let encoder = FITActivityEncoder(product: 1, serialNumber: UInt32(truncatingIfNeeded: options.seed) &+ 1)
        var data = Data(try encoder.encode(activity, extraFields: extras))
        var file = root.appendingPathComponent(year).appendingPathComponent(name)
        if session.gzip {
            data = try Gzip.compress(data)
            file = file.appendingPathExtension("gz")
        }
        try data.write(to: file)
        totals.add(bytes: data.count, records: activity.samples.count, gzip: session.gzip)
    } catch {
        totals.fail("\(name): \(error)")
    }
}
if !totals.failures.isEmpty {
    fail("\(totals.failures.count) files not written; the first: \(totals.failures[0])")
}
let seconds = Date().timeIntervalSince(began)
print("{\"files\": \(plan.sessions.count), \"bytes\": \(totals.bytes), \"records\": \(totals.records), \"gzip\": \(totals.gzipped), \"seconds\": \(String(format: "%.2f", seconds))}")
