import Foundation
import Speedwork
import SpeedworkStore

/// Progress over time as the training log shows it (M52): reads activities (each with its compact
/// digest, not the whole stored analysis), results and hand-logged sessions, and hands them to the
/// domain's views with the log's one definition of fitness (LogFitness).
public enum LogProgress {
    /// Reads the runner's log and builds every view of `TrainingProgress`.
    public static func load(from log: any TrainingStore, for athlete: AthleteID, seasonLength: Season.Length,
                     since: Day?) async throws -> TrainingProgress {
        let results = try await log.results(for: athlete, since: nil)
        let activities = try await log.activityDigests(for: athlete, in: nil)
        let sessions = try await log.sessions(for: athlete, since: since)
        return try build(results: results, activities: activities, sessions: sessions, seasonLength: seasonLength, since: since)
    }

    /// Builds the views from what the log holds.
    public static func build(results: [LoggedResult], activities: [ActivitySummary],
                      sessions: [LoggedSession], seasonLength: Season.Length, since: Day?) throws -> TrainingProgress {
        let fitness = LogFitness(results: results, activities: activities)
        let evidenceHashes = Set(fitness.evidence.filter { $0.source == .activity }.compactMap(\.reference))
        let resultHashes = Set(results.compactMap(\.activityHash))
        var runs = activities.compactMap { summary -> ProgressRun? in
            guard let start = summary.start else { return nil }
            return run(summary, day: Day(start),
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
        var estimates = fitness.estimates()
        return try TrainingProgress(runs: runs, evidence: fitness.evidence, seasonLength: seasonLength, since: since) { day in
            try estimates.estimate(asOf: day)
        }
    }

    /// One activity as progress reads it from its digest; a missing or foreign analysis leaves only
    /// what the summary says.
    public static func run(_ summary: ActivitySummary, day: Day, hardEffort: Bool) -> ProgressRun {
        let analysis = summary.digest
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
            let (meters, seconds) = (effort.meters, effort.seconds)
            guard meters.isFinite, seconds.isFinite, seconds > 0 else { return nil }
            return ProgressRun.Effort(distance: .meters(meters), seconds: seconds)
        }
        return ProgressRun(day: day, reference: summary.contentHash, source: .recorded, isRun: isRun, reps: reps,
                           recoverySeconds: analysis?.recoverySeconds ?? [], bestEfforts: efforts,
                           movingPace: movingPace, storedTooHard: analysis?.easyRunTooHard, isHardEffort: hardEffort)
    }
}
