import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import SpeedworkTestSupport
import Testing
@testable import SpeedworkCLI

/// The compact per-activity record (ActivityDigest) read back from the log gives `log`, `progress`
/// and the log's fitness exactly what the whole stored analysis gave them. The reference is the
/// reading of the full `analyze --json` report these views used before the digest
/// (`StoredAnalysis`), kept here as a second implementation; the histories are the known one of
/// ProgressHistory (real analyses) and seeded random reports with missing keys, `null`s, foreign
/// and malformed reports.
@Suite("Activity digest views", .serialized)
struct ActivityDigestViewsTests {
    // MARK: The reference: the views as read from the whole analysis

    static func referenceEvidence(results: [LoggedResult], activities: [ActivitySummary]) -> [FitnessEvidence] {
        var all = LogFitness(results: results, activities: []).evidence
        let candidates = activities.compactMap { summary -> FitnessEvidence? in
            guard let start = summary.start, let analysis = StoredAnalysis(json: summary.analysisJSON), analysis.analysedAsRun == true else {
                return nil
            }
            let day = Day(start)
            return (analysis.bestEfforts ?? []).compactMap { effort -> FitnessEvidence? in
                guard let meters = effort.meters, let seconds = effort.seconds, meters >= LogFitness.shortestActivityEffort.meters,
                      let performance = try? Performance(distance: .meters(meters), time: .seconds(seconds), date: day) else { return nil }
                return try? FitnessEvidence(performance: performance, source: .activity, reference: summary.contentHash)
            }.max { $0.vdot < $1.vdot }
        }.sorted { $0.day < $1.day }
        for candidate in candidates {
            let from = candidate.day.adding(days: -LogFitness.activityComparisonDays)
            let recentBest = all.filter { $0.day >= from && $0.day <= candidate.day }.map(\.vdot).max()
            if recentBest.map({ candidate.vdot >= $0 }) ?? true { all.append(candidate) }
        }
        return LogFitness(evidence: all).evidence
    }

    static func referenceRun(_ summary: ActivitySummary, day: Day, hardEffort: Bool) -> ProgressRun {
        let analysis = StoredAnalysis(json: summary.analysisJSON)
        let isRun = analysis?.analysedAsRun ?? Activity(sport: summary.sport, start: nil, samples: [], laps: []).isRun
        let reps = (analysis?.reps ?? []).compactMap { rep -> ProgressRun.Rep? in
            guard let seconds = rep.seconds, seconds.isFinite, seconds > 0 else { return nil }
            return ProgressRun.Rep(meters: rep.meters, seconds: seconds, cadence: rep.cadence, stepLength: rep.stepLength)
        }
        let meters = analysis?.distanceMeters ?? summary.distanceMeters
        let seconds = analysis?.movingSeconds ?? analysis?.durationSeconds ?? summary.durationSeconds
        var movingPace: Pace?
        if let meters, let seconds, meters > 0, seconds > 0, meters.isFinite, seconds.isFinite {
            movingPace = Pace(distance: .meters(meters), time: .seconds(seconds))
        }
        let efforts = (analysis?.bestEfforts ?? []).compactMap { effort -> ProgressRun.Effort? in
            guard let meters = effort.meters, let seconds = effort.seconds, meters.isFinite, seconds.isFinite, seconds > 0 else { return nil }
            return ProgressRun.Effort(distance: .meters(meters), seconds: seconds)
        }
        return ProgressRun(day: day, reference: summary.contentHash, source: .recorded, isRun: isRun, reps: reps,
                           recoverySeconds: (analysis?.recoveries ?? []).compactMap(\.seconds), bestEfforts: efforts,
                           movingPace: movingPace, storedTooHard: analysis?.easyRun?.tooHard, isHardEffort: hardEffort)
    }

    // MARK: Generated reports

    /// A seeded random report in the `analyze --json` shape, with keys left out, `null`s, and now
    /// and then a key of the wrong type or text that is JSON but no report.
    static func randomReport(_ random: inout SeededGenerator) -> String {
        func maybe(_ value: String, _ chance: Double = 0.85) -> String {
            Double.random(in: 0..<1, using: &random) < chance ? value : "null"
        }
        func number(_ range: ClosedRange<Double>) -> String { String(Double.random(in: range, using: &random)) }
        switch Int.random(in: 0..<40, using: &random) {
        case 0: return "[1, 2, 3]"
        case 1: return #"{"sport": 7, "analysedAsRun": true}"#
        case 2: return #"{"reps": "six"}"#
        case 3: return "{}"
        default: break
        }
        var keys: [String] = []
        if Bool.random(using: &random) { keys.append(#""sport": "running""#) }
        if Int.random(in: 0..<10, using: &random) > 0 {
            keys.append(#""analysedAsRun": "# + maybe(Bool.random(using: &random) || Bool.random(using: &random) ? "true" : "false"))
        }
        keys.append(#""distanceMeters": "# + maybe(number(1000...20000)))
        keys.append(#""durationSeconds": "# + maybe(number(600...7200)))
        if Bool.random(using: &random) { keys.append(#""movingSeconds": "# + maybe(number(500...7000))) }
        let repCount = Int.random(in: 0...10, using: &random)
        if repCount > 0 || Bool.random(using: &random) {
            let reps = (0..<repCount).map { _ in
                "{" + [#""seconds": "# + maybe(number(25...300)), #""meters": "# + maybe(number(150...1200)),
                       #""secondsPerKm": "# + maybe(number(150...300)), #""cadence": "# + maybe(number(160...200), 0.6),
                       #""stepLength": "# + maybe(number(1.0...1.9), 0.6)].joined(separator: ", ") + "}"
            }
            keys.append(#""reps": ["# + reps.joined(separator: ", ") + "]")
            let recoveries = (0..<max(0, repCount - 1)).map { _ in #"{"seconds": "# + maybe(number(30...180)) + "}" }
            keys.append(#""recoveries": ["# + recoveries.joined(separator: ", ") + "]")
        }
        if Int.random(in: 0..<4, using: &random) > 0 {
            let efforts = [("400m", 400.0, 60.0...95.0), ("1K", 1000.0, 170.0...260.0), ("mile", 1609.344, 280.0...430.0),
                           ("5K", 5000.0, 1000.0...1500.0)].filter { _ in Bool.random(using: &random) }
                .map { name, meters, seconds in
                    #"{"distance": "\#(name)", "meters": "# + maybe(String(meters), 0.9) + #", "seconds": "# + maybe(number(seconds), 0.9) + "}"
                }
            keys.append(#""bestEfforts": ["# + efforts.joined(separator: ", ") + "]")
        }
        if Bool.random(using: &random) {
            keys.append(#""easyRun": {"shareFasterThanEasy": "# + maybe(number(0...1)) + #", "tooHard": "#
                        + maybe(Bool.random(using: &random) ? "true" : "false") + "}")
        }
        if Int.random(in: 0..<5, using: &random) == 0 { keys.append(#""compliance": {"rule": "M11", "summary": "6 of 6 on target"}"#) }
        return "{" + keys.joined(separator: ", ") + "}"
    }

    /// `count` activities over three years from 2023, each with a random report, and a race now and then.
    static func randomHistory(seed: UInt64, count: Int) throws -> (activities: [PackedActivity], results: [LoggedResult]) {
        var random = SeededGenerator(state: seed)
        let first = try Day(parsing: "2023-01-02")
        var activities: [PackedActivity] = []
        var results: [LoggedResult] = []
        for index in 0..<count {
            let day = first.adding(days: Int.random(in: 0..<1095, using: &random))
            let start = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + Double.random(in: 21_600...72_000, using: &random).rounded())
            let sport = Int.random(in: 0..<8, using: &random) == 0 ? "cycling" : "running"
            let samples = (0...60).map { ActivitySample(seconds: Double($0), meters: Double($0) * 3) }
            let activity = Activity(sport: sport, start: start, samples: samples, laps: [])
            activities.append(try PackedActivity(activity, name: "run \(index)", source: "run\(index).fit",
                                                 analysisJSON: randomReport(&random)))
            if Int.random(in: 0..<25, using: &random) == 0 {
                results.append(try LoggedResult(day: day, kind: [.race, .timeTrial, .effort][Int.random(in: 0..<3, using: &random)],
                                                distance: .meters(5000), time: .seconds(Double.random(in: 1080...1500, using: &random).rounded())))
            }
        }
        return (activities, results)
    }

    /// Stores the activities and results in a new SQLite log, then compares what the views read
    /// from the digests (`activityDigests`) with the reference read of the whole analyses (`activities`).
    static func checkViews(activities packed: [PackedActivity], results: [LoggedResult], sessions: [LoggedSession] = []) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await DatabaseOptions.withLog(at: .sqlite(path: folder.appendingPathComponent("log.sqlite").path)) { log in
            let runner = try await log.defaultAthlete().id
            _ = try await log.save(ImportBatch(activities: packed), for: runner)
            _ = try await log.add(results, for: runner)
            _ = try await log.add(sessions, for: runner)
            let full = try await log.activities(for: runner, in: nil)
            let digests = try await log.activityDigests(for: runner, in: nil)
            let stored = try await log.results(for: runner, since: nil)
            #expect(digests.count == packed.count)
            #expect(digests.allSatisfy { $0.analysisJSON == nil })
            #expect(full.map(\.contentHash) == digests.map(\.contentHash))

            // The log's fitness.
            let fitness = LogFitness(results: stored, activities: digests)
            #expect(fitness.evidence == referenceEvidence(results: stored, activities: full))

            // Each activity as progress reads it.
            for (whole, compact) in zip(full, digests) {
                guard let start = whole.start else { continue }
                for hard in [false, true] {
                    #expect(LogProgress.run(compact, day: Day(start), hardEffort: hard) == referenceRun(whole, day: Day(start), hardEffort: hard))
                }
            }

            // The whole progress report, against one built from the reference runs and evidence.
            let progress = try LogProgress.build(results: stored, activities: digests, sessions: sessions, seasonLength: .year, since: nil)
            let evidence = referenceEvidence(results: stored, activities: full)
            let reference = LogFitness(evidence: evidence)
            let hard = Set(evidence.filter { $0.source == .activity }.compactMap(\.reference)).union(stored.compactMap(\.activityHash))
            var runs = full.compactMap { summary in
                summary.start.map { referenceRun(summary, day: Day($0), hardEffort: hard.contains(summary.contentHash)) }
            }
            let inLog = Set(full.map(\.contentHash))
            for result in stored where result.kind != .effort && !(result.activityHash.map(inLog.contains) ?? false) {
                runs.append(ProgressRun(day: result.day, reference: result.id.uuidString.lowercased(), source: .handLogged, isHardEffort: true))
            }
            for session in sessions where !session.reps.isEmpty {
                runs.append(ProgressRun(day: session.day, reference: session.id.uuidString.lowercased(), source: .handLogged,
                                        reps: session.reps.map { ProgressRun.Rep(meters: $0.distance?.meters, seconds: $0.time.seconds) }))
            }
            runs.sort { ($0.day, $0.reference) < ($1.day, $1.reference) }
            let expected = try TrainingProgress(runs: runs, evidence: evidence, seasonLength: .year, since: nil) { try reference.estimate(asOf: $0) }
            #expect(try JSONOutput.render(ProgressReport(progress)) == JSONOutput.render(ProgressReport(expected)))

            // The log's weeks: each activity's kind, rep count and easy-run verdict.
            let weeks = LogWeek.weeks(results: stored, sessions: sessions, activities: digests, since: nil)
            let entries = Dictionary(uniqueKeysWithValues: weeks.flatMap(\.entries).filter { $0.source == "activity" }.map { ($0.id, $0) })
            let resultHashes = Set(stored.compactMap(\.activityHash))
            for summary in full {
                let entry = try #require(entries[summary.contentHash])
                let analysis = StoredAnalysis(json: summary.analysisJSON)
                let running = analysis?.analysedAsRun ?? (summary.sport == "running")
                let reps = analysis?.reps?.count ?? 0
                #expect(entry.running == running)
                #expect(entry.reps == (reps > 0 ? reps : nil))
                #expect(entry.kind == (!running ? .other : resultHashes.contains(summary.contentHash) || reps > 0 ? .hard : .easy))
                #expect(entry.tooHard == (entry.kind == .easy ? analysis?.easyRun?.tooHard : nil))
            }
        }
    }

    @Test func theKnownHistoryReadsTheSameFromDigests() async throws {
        let history = try ProgressHistory()
        try await Self.checkViews(activities: history.activities, results: history.races, sessions: [history.handLogged])
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomReportsReadTheSameFromDigests(seed: UInt64) async throws {
        let (activities, results) = try Self.randomHistory(seed: seed, count: 300)
        // The generator covers what the digest must keep apart.
        let digests = activities.map(\.summary.digest)
        #expect(digests.contains(nil))
        #expect(digests.contains { $0?.analysedAsRun == nil })
        #expect(digests.contains { $0?.reps.contains { $0.seconds == nil } == true })
        #expect(digests.contains { $0?.easyRunTooHard == true })
        try await Self.checkViews(activities: activities, results: results)
    }
}
