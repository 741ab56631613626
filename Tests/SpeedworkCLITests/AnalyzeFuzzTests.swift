import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkFiles
import SpeedworkTestSupport
import Testing
@testable import SpeedworkCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seeded mutations of FIT, GPX, TCX and gzip files through the whole `analyze --json` path:
/// file → ``ActivityFile`` → ``ActivityAnalysis`` (with and without a planned session) → the
/// report → JSON, which must parse. Every input gives a report or a typed ``ActivityFileError``:
/// never a trap, an untyped error or JSON that does not parse. `SPEEDWORK_FUZZ_ITERATIONS` sets
/// the mutations per format (default 1,000); the peak memory of the process is printed and
/// must stay under ``peakMemoryLimit`` for these inputs (all under 1 MB).
@Suite("analyze fuzz")
struct AnalyzeFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["SPEEDWORK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_000
    }

    /// Peak resident memory of the test process allowed after the fuzz run, bytes.
    static let peakMemoryLimit = 256 << 20

    enum Format: String, CaseIterable, Sendable, CustomStringConvertible {
        case fit, gpx, tcx, gzip
        var description: String { rawValue }
    }

    // MARK: Seeds

    /// 4 × (20 s at 6 m/s, 20 s at 1 m/s) between a warm-up and a cool-down at 3 m/s: small, so
    /// that a mutation costs little, with reps to find.
    static func session() -> [ActivityFixtures.Point] {
        var parts: [(seconds: Int, speed: Double)] = [(20, 3)]
        for _ in 0..<4 { parts += [(20, 6), (20, 1)] }
        parts.append((20, 3))
        return ActivityFixtures.straight(parts)
    }

    static func fitSeeds() -> [[UInt8]] {
        let points = session().enumerated().map { index, point in
            (UInt32(index), Double(index) * 3, point.latitude, point.longitude)
        }
        var seeds = [ActivityFixtures.fit(points), ActivityFixtures.steadyFIT(seconds: 60)]
        let corpus = AnalyzeCommandTests.corpus
        for name in ["fit/fitparse__Activity.fit", "fit/fitparse__garmin-fenix-5-run.fit"] {
            if let data = try? Data(contentsOf: corpus.appendingPathComponent(name)) { seeds.append([UInt8](data)) }
        }
        return seeds
    }

    static func gpxSeeds() -> [[UInt8]] {
        var reversed = ActivityFixtures.straight([(40, 3)])
        let last = reversed.last?.seconds ?? 0
        for index in reversed.indices { reversed[index].seconds = last - (reversed[index].seconds ?? 0) }
        return [ActivityFixtures.gpx(session()), ActivityFixtures.gpx(reversed, type: "cycling")].map { Array($0.utf8) }
    }

    static func tcxSeeds() -> [[UInt8]] {
        let start = Date(timeIntervalSince1970: 1_714_548_600)
        let formatter = ISO8601DateFormatter()
        func trackpoint(_ second: Int, _ meters: Double) -> String {
            """
            <Trackpoint><Time>\(formatter.string(from: start.addingTimeInterval(Double(second))))</Time>\
            <Position><LatitudeDegrees>\(46 + meters / 111_195)</LatitudeDegrees><LongitudeDegrees>14.0</LongitudeDegrees></Position>\
            <AltitudeMeters>300</AltitudeMeters><DistanceMeters>\(meters)</DistanceMeters><HeartRateBpm><Value>\(130 + second % 40)</Value></HeartRateBpm>\
            <Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
            """
        }
        func lap(_ from: Int, _ seconds: Int, trigger: String) -> String {
            """
            <Lap StartTime="\(formatter.string(from: start.addingTimeInterval(Double(from))))"><TotalTimeSeconds>\(seconds)</TotalTimeSeconds>\
            <DistanceMeters>\(seconds * 3)</DistanceMeters><TriggerMethod>\(trigger)</TriggerMethod><Track>
            \((from..<(from + seconds)).map { trackpoint($0, Double($0 * 3)) }.joined(separator: "\n"))
            </Track></Lap>
            """
        }
        let tcx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" \
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
            <Activities><Activity Sport="Running"><Id>\(formatter.string(from: start))</Id>
            \(lap(0, 30, trigger: "Manual"))
            \(lap(30, 20, trigger: "Manual"))
            \(lap(50, 20, trigger: "Distance"))
            <Creator><Name>Forerunner 265</Name></Creator></Activity></Activities></TrainingCenterDatabase>
            """
        return [Array(tcx.utf8)]
    }

    static func seeds(_ format: Format) -> [[UInt8]] {
        switch format {
        case .fit: fitSeeds()
        case .gpx: gpxSeeds()
        case .tcx: tcxSeeds()
        case .gzip:
            ([fitSeeds()[0]] + gpxSeeds() + tcxSeeds()).compactMap { try? [UInt8](Gzip.compress(Data($0))) }
        }
    }

    /// A gzip mutation: half the time the content is mutated (as its own format) and compressed
    /// again, so the mutation reaches the reader inside; otherwise the compressed bytes are.
    static func mutateGzip(_ input: [UInt8], seeds: [[UInt8]], _ rng: inout SeededGenerator) -> [UInt8] {
        guard Bool.random(using: &rng), let inner = try? Gzip.decompress(Data(input)), let format = ActivityFile.format(of: inner) else {
            return mutate(input, format: .gzip, seeds: seeds, &rng)
        }
        let innerFormat: Format = format == .fit ? .fit : format == .gpx ? .gpx : .tcx
        let mutated = mutate([UInt8](inner), format: innerFormat, seeds: [[UInt8](inner)], &rng)
        return (try? [UInt8](Gzip.compress(Data(mutated)))) ?? input
    }

    // MARK: Mutations

    /// Values that have broken readers and analyses: huge, tiny, negative, not numbers, far dates.
    static let hostileText = [
        "1e308", "-1e308", "NaN", "inf", "-0", "0", "99999999999999999999", "4294967295", "-180.0001", "1901-12-13T20:45:52Z",
        "2100-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "", " ", "&amp;", "<!-- > -->", "<![CDATA[1]]>",
    ]

    static func mutate(_ input: [UInt8], format: Format, seeds: [[UInt8]], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !bytes.isEmpty else { break }
            let textual = format == .gpx || format == .tcx
            switch Int.random(in: 0..<(textual ? 10 : 7), using: &rng) {
            case 0, 1:  // flip one bit
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 2:  // set a byte
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 3:  // truncate
                bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
            case 4:  // splice a chunk of another seed
                let other = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
                guard !other.isEmpty else { break }
                let from = Int.random(in: 0..<other.count, using: &rng)
                let length = Int.random(in: 1...min(64, other.count - from), using: &rng)
                let to = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.replaceSubrange(to..<min(bytes.count, to + length), with: other[from..<(from + length)])
            case 5:  // duplicate a range
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                let length = Int.random(in: 1...min(512, bytes.count - from), using: &rng)
                bytes.insert(contentsOf: bytes[from..<(from + length)], at: Int.random(in: 0...bytes.count, using: &rng))
            case 6:  // delete a range
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(from..<min(bytes.count, from + Int.random(in: 1...64, using: &rng)))
            case 7, 8:  // replace the text between two tags with a hostile value
                let open = bytes.indices.filter { bytes[$0] == UInt8(ascii: ">") }
                guard let at = open.randomElement(using: &rng), let close = bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "<")) else { break }
                bytes.replaceSubrange((at + 1)..<close, with: Array(hostileText.randomElement(using: &rng)!.utf8))
            default:  // swap two lines (samples out of order)
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                guard lines.count > 2 else { break }
                lines.swapAt(Int.random(in: 0..<lines.count, using: &rng), Int.random(in: 0..<lines.count, using: &rng))
                bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            }
        }
        return bytes
    }

    // MARK: The path

    /// The planned session and easy band `analyze --workout M11 --from 5k=20:00` grades against.
    static let plan: (workout: Workout, easy: PaceRange)? = {
        guard let fitness = try? FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00")], asOf: Day(parsing: "2026-11-22")),
              let workout = try? SessionLibrary(targets: SessionTargets(fitness: fitness, goal: nil)).workout(rule: SessionLibrary.rule(parsing: "M11"), week: 1)
        else { return nil }
        return (workout, TrainingPaces.pace(.easy, vdot: fitness.vdot))
    }()

    /// Runs one input through the path: true for a report, false for a typed error.
    static func analyze(_ bytes: [UInt8], iteration: Int) throws -> Bool {
        let activities: [Activity]
        do {
            activities = try ActivityFile.read(Data(bytes), verifyCRC: iteration % 2 == 0)
        } catch {
            #expect(!error.description.contains("\n"))
            return false
        }
        guard let activity = activities.first(where: { !$0.samples.isEmpty }) else { return false }
        let graded = iteration % 3 == 0 ? plan : nil
        let analysis = ActivityAnalysis(activity: activity, workout: graded?.workout, easyPace: graded?.easy, track: nil)
        let report = AnalyzeReport(analysis, file: "fuzz")
        let json = try JSONOutput.render(report)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any], "JSON that does not parse: \(json.prefix(200))")
        _ = report.text
        return true
    }

    @Test(arguments: Format.allCases)
    func mutationsGoThroughAnalyzeJSON(_ format: Format) throws {
        let seeds = Self.seeds(format)
        #expect(!seeds.isEmpty)
        var rng = SeededGenerator(state: 0xA7A1_1CE5 ^ UInt64(Format.allCases.firstIndex(of: format)!) << 32)
        var reports = 0, errors = 0
        for iteration in 0..<Self.iterations {
            let seed = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            let bytes = format == .gzip ? Self.mutateGzip(seed, seeds: seeds, &rng) : Self.mutate(seed, format: format, seeds: seeds, &rng)
            if try Self.analyze(bytes, iteration: iteration) { reports += 1 } else { errors += 1 }
        }
        #expect(reports + errors == Self.iterations)
        #expect(reports > 0)
        print("analyze fuzz \(format): \(Self.iterations) mutations, \(reports) reports, \(errors) typed errors; "
            + "peak RSS \(Self.peakResidentBytes() >> 20) MB")
        #expect(Self.peakResidentBytes() < Self.peakMemoryLimit)
    }

    /// The process's peak resident set size (getrusage; Linux reports kilobytes, macOS bytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }
}
