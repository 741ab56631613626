// The Swift side of the GPX/TCX reading benchmark (see Benchmarks/README.md).
//
//   speedwork-xml-bench time FILE…           read all files repeatedly, 3 rounds of at least 1 CPU-second
//   speedwork-xml-bench foundation FILE…     the same with Foundation's XMLParser and a delegate that
//                                            only counts points: the floor of the reader it replaced
//   speedwork-xml-bench generate DIR COUNT   write COUNT synthetic one-hour runs as GPX and as TCX
//
// Times are CPU time (user + system, getrusage) of this process, not wall time: the machine is
// shared, and CPU time is what a reader costs whatever else runs beside it. Output is one JSON
// object on stdout, for the run script to tabulate.
import Foundation
import Speedwork
import SpeedworkFiles

#if canImport(FoundationXML)
import FoundationXML
#endif

#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(2)
}

/// User plus system CPU seconds used by this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Peak resident set in KiB (`VmHWM` in /proc/self/status, Linux); -1 where missing.
func peakKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        return parts.count > 1 ? Int(parts[1]) ?? -1 : -1
    }
    return -1
}

/// One pass: every file through the reader its content calls for; returns the samples read.
func readAll(_ files: [Data], checksum: inout Double) -> Int {
    var samples = 0
    for data in files {
        do {
            let activities: [Activity]
            switch ActivityFile.format(of: data) {
            case .gpx: activities = try GPXReader().read(data)
            case .tcx: activities = try TCXReader().read(data)
            default: fail("not a GPX or TCX file")
            }
            for activity in activities {
                samples += activity.samples.count
                checksum += activity.samples.last?.meters ?? 0
            }
        } catch {
            fail("reading failed: \(error)")
        }
    }
    return samples
}



/// Counts `trkpt` and `Trackpoint` elements; nothing else is read.
final class PointCounter: NSObject, XMLParserDelegate {
    var points = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if elementName == "trkpt" || elementName == "Trackpoint" { points += 1 }
    }
}

/// One pass with Foundation's XMLParser.
func parseAllWithFoundation(_ files: [Data], checksum: inout Double) -> Int {
    var samples = 0
    for data in files {
        let parser = XMLParser(data: data)
        let counter = PointCounter()
        parser.delegate = counter
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { fail("XMLParser failed: \(parser.parserError.map { "\($0)" } ?? "unknown error")") }
        samples += counter.points
    }
    checksum += Double(samples)
    return samples
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "time", "foundation":
    let read = arguments.first == "time" ? readAll : parseAllWithFoundation
    let paths = arguments.dropFirst()
    guard !paths.isEmpty else { fail("no GPX or TCX file given") }
    let files = paths.map { path in
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return data
    }
    let bytesPerPass = files.reduce(0) { $0 + $1.count }
    var checksum = 0.0
    let samplesPerPass = read(files, &checksum)  // warm-up
    var rounds: [(passes: Int, seconds: Double)] = []
    for _ in 0..<3 {
        let start = cpuSeconds()
        var passes = 0
        repeat {
            _ = read(files, &checksum)
            passes += 1
        } while cpuSeconds() - start < 1.0
        rounds.append((passes, cpuSeconds() - start))
    }
    let rates = rounds.map { Double(bytesPerPass * $0.passes) / 1e6 / $0.seconds }
    let median = rounds.indices.sorted { rates[$0] < rates[$1] }[1]
    let fields: [String] = [
        "\"bytes\": \(bytesPerPass * rounds[median].passes)",
        "\"samples\": \(samplesPerPass * rounds[median].passes)",
        "\"seconds\": \(rounds[median].seconds)",
        "\"passes\": \(rounds[median].passes)",
        "\"roundsMBps\": [\(rates.map { String(format: "%.1f", $0) }.joined(separator: ", "))]",
        "\"peakKiB\": \(peakKiB())",
        "\"checksum\": \(checksum.isFinite ? checksum : 0)",
    ]
    print("{" + fields.joined(separator: ", ") + "}")
case "generate":
    guard arguments.count == 3, let count = Int(arguments[2]), (1...1000).contains(count) else {
        fail("usage: speedwork-xml-bench generate DIR COUNT (1…1000)")
    }
    let directory = URL(fileURLWithPath: arguments[1])
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            let name = String(format: "run-%03d", index)
            try Data(SyntheticTrack.gpx(index: index).utf8).write(to: directory.appendingPathComponent(name + ".gpx"))
            try Data(SyntheticTrack.tcx(index: index).utf8).write(to: directory.appendingPathComponent(name + ".tcx"))
        }
    } catch {
        fail("cannot write to \(directory.path): \(error.localizedDescription)")
    }
    print("{\"files\": \(count * 2)}")
default:
    fail("usage: speedwork-xml-bench time|foundation FILE… | generate DIR COUNT")
}
