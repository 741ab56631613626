import Foundation
import Speedwork
import SpeedworkStore

/// Progress over time as the training log shows it (M52): reads activities (each stored analysis
/// decoded once), results and hand-logged sessions, and hands them to the domain's views with
/// the log's one definition of fitness (LogFitness).
enum LogProgress {
    /// Reads the runner's log and builds every view of `TrainingProgress`.
    static func load(from log: any TrainingStore, for athlete: AthleteID, seasonLength: Season.Length,
                     since: Day?) async throws -> TrainingProgress {
        let results = try await log.results(for: athlete, since: nil)
        let activities = try await log.activities(for: athlete, in: nil)
        let sessions = try await log.sessions(for: athlete, since: since)
        let analysed = await decode(activities)
        return try build(results: results, analysed: analysed, sessions: sessions, seasonLength: seasonLength, since: since)
    }

    /// Each activity with its stored analysis decoded, on every core: decoding the analyses is
    /// most of the work for a log of years.
    static func decode(_ activities: [ActivitySummary]) async -> [(summary: ActivitySummary, analysis: StoredAnalysis?)] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, activities.count / 100))
        let size = (activities.count + parts - 1) / max(parts, 1)
        let chunks = stride(from: 0, to: activities.count, by: max(size, 1)).map { Array(activities[$0..<min($0 + size, activities.count)]) }
        var decoded = [[StoredAnalysis?]](repeating: [], count: chunks.count)
        await withTaskGroup(of: (Int, [StoredAnalysis?]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, chunk.map { StoredAnalysis(json: $0.analysisJSON) }) }
            }
            for await (index, analyses) in group { decoded[index] = analyses }
        }
        return Array(zip(activities, decoded.joined())).map { (summary: $0.0, analysis: $0.1) }
    }

    /// Builds the views from what the log holds.
    static func build(results: [LoggedResult], analysed: [(summary: ActivitySummary, analysis: StoredAnalysis?)],
                      sessions: [LoggedSession], seasonLength: Season.Length, since: Day?) throws -> TrainingProgress {
        let activities = analysed.map(\.summary)
        let fitness = LogFitness(results: results, analysed: analysed)
        let evidenceHashes = Set(fitness.evidence.filter { $0.source == .activity }.compactMap(\.reference))
        let resultHashes = Set(results.compactMap(\.activityHash))
        var runs = analysed.compactMap { summary, analysis -> ProgressRun? in
            guard let start = summary.start else { return nil }
            return run(summary, analysis, day: Day(start),
                       hardEffort: evidenceHashes.contains(summary.contentHash) || resultHashes.contains(summary.contentHash))
        }
        let stored = Set(activities.map(\.contentHash))
        // A race or time trial typed in without its watch file is still a hard day of its week (M2).
        for result in results where result.kind != .effort && !(result.activityHash.map { stored.contains($0) } ?? false) {
            runs.append(ProgressRun(day: result.day, reference: result.id.uuidString.lowercased(), source: .handLogged, isHardEffort: true))
        }
        for session in sessions where !session.reps.isEmpty {
            runs.append(ProgressRun(day: session.day, reference: session.id.uuidString.lowercased(), source: .handLogged,
                                    reps: session.reps.map { ProgressRun.Rep(meters: $0.distance?.meters, seconds: $0.time.seconds) }))
        }
        runs.sort { ($0.day, $0.reference) < ($1.day, $1.reference) }
        return try TrainingProgress(runs: runs, evidence: fitness.evidence, seasonLength: seasonLength, since: since) { day in
            try fitness.estimate(asOf: day)
        }
    }

    /// One activity as progress reads it; a missing or foreign analysis leaves only what the
    /// summary says.
    static func run(_ summary: ActivitySummary, _ analysis: StoredAnalysis?, day: Day, hardEffort: Bool) -> ProgressRun {
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
}
