import Foundation
import Speedwork
import SpeedworkStore

/// The runner's fitness as the training log shows it (M21, M43, M52): every logged race, time
/// trial and effort, plus each recorded activity's best effort that beat the fitness of its day.
/// `predict`, `paces` and `plan` use it when no `--from` is given; `progress` draws it over time.
public struct LogFitness: Sendable {
    /// Only evidence from this many days before the day estimated for counts; older results say
    /// little about today (recency weighting gives them almost no weight anyway, with a 60-day half-life).
    public static let windowDays = 365
    /// Activity best efforts shorter than this are not evidence: 400 m and 800 m bests inside a
    /// session are reps or strides, not races, and through the speed reserve would overstate fitness.
    public static let shortestActivityEffort = Distance.meters(1000)
    /// An activity's best effort counts when its VDOT is at least the best VDOT of the evidence in
    /// the previous this-many days (a hard effort that matches or beats the recent estimate).
    public static let activityComparisonDays = 90

    /// All evidence, oldest first.
    public let evidence: [FitnessEvidence]

    /// Evidence as given (tests, or a caller that gathered it itself), sorted oldest first.
    public init(evidence: [FitnessEvidence]) {
        self.evidence = evidence.sorted { ($0.day, $0.source.rawValue) < ($1.day, $1.source.rawValue) }
    }

    /// Reads the runner's results and activity digests from the log.
    public static func load(from log: any TrainingStore, for athlete: AthleteID) async throws -> LogFitness {
        let results = try await log.results(for: athlete, since: nil)
        let activities = try await log.activityDigests(for: athlete, in: nil)
        return LogFitness(results: results, activities: activities)
    }

    /// Builds the evidence from logged results and activity summaries (the best efforts of their
    /// digests, ``ActivityDigest``).
    public init(results: [LoggedResult], activities: [ActivitySummary]) {
        var logged: [FitnessEvidence] = []
        for result in results {
            guard let performance = try? Performance(distance: result.distance, time: result.time, date: result.day) else { continue }
            let source: FitnessEvidence.Source = switch result.kind {
            case .race: .race
            case .timeTrial: .timeTrial
            case .effort: .effort
            }
            if let item = try? FitnessEvidence(performance: performance, source: source, reference: result.id.uuidString) {
                logged.append(item)
            }
        }
        let results = logged.sorted { $0.day < $1.day }
        let candidates = activities.compactMap { summary -> FitnessEvidence? in
            guard let start = summary.start, let analysis = summary.digest, analysis.analysedAsRun == true else { return nil }
            let day = Day(start)
            let best = analysis.bestEfforts.compactMap { effort -> FitnessEvidence? in
                let (meters, seconds) = (effort.meters, effort.seconds)
                guard meters >= Self.shortestActivityEffort.meters,
                      let performance = try? Performance(distance: .meters(meters), time: .seconds(seconds), date: day) else { return nil }
                return try? FitnessEvidence(performance: performance, source: .activity, reference: summary.contentHash)
            }.max { $0.vdot < $1.vdot }
            return best
        }.sorted { $0.day < $1.day }
        // Candidates come oldest first, so the efforts already counted are in day order and those
        // older than the comparison window never come back into it: `first` skips them, and each
        // candidate looks only at the window's efforts and the (few) logged results.
        var counted: [FitnessEvidence] = []
        var first = 0
        for candidate in candidates {
            let from = candidate.day.adding(days: -Self.activityComparisonDays)
            while first < counted.count, counted[first].day < from { first += 1 }
            var recentBest: Double?
            for item in results where item.day >= from && item.day <= candidate.day { recentBest = max(recentBest ?? item.vdot, item.vdot) }
            for item in counted[first...] { recentBest = max(recentBest ?? item.vdot, item.vdot) }
            if recentBest.map({ candidate.vdot >= $0 }) ?? true {
                counted.append(candidate)
            }
        }
        self.init(evidence: results + counted)
    }

    /// The evidence an estimate for `day` uses: what was run on or before it within the window.
    public func evidence(asOf day: Day) -> [FitnessEvidence] {
        Array(evidence[window(asOf: day)])
    }

    /// The positions in ``evidence`` (sorted by day) of what an estimate for `day` uses.
    func window(asOf day: Day) -> Range<Int> {
        let from = day.adding(days: -Self.windowDays)
        return firstIndex(after: from.adding(days: -1))..<firstIndex(after: day)
    }

    /// The position of the first evidence dated after `day`.
    private func firstIndex(after day: Day) -> Int {
        var (low, high) = (0, evidence.count)
        while low < high {
            let middle = (low + high) / 2
            if evidence[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The estimate for `day`, or nil when the log holds no evidence from the year before it.
    public func estimate(asOf day: Day, model: FitnessModelChoice = .auto, estimator: FitnessEstimator = FitnessEstimator()) throws -> FitnessEstimate? {
        let used = evidence(asOf: day)
        guard !used.isEmpty else { return nil }
        return try estimator.estimate(from: used.map(\.performance), model: model, asOf: day)
    }

    /// Estimates for many days (a log's weeks, progress's every run day): the same as
    /// ``estimate(asOf:model:estimator:)`` day by day, with each distinct window of evidence
    /// estimated once and the other days in it redated (``FitnessEstimator/redated(_:to:)``).
    public func estimates(model: FitnessModelChoice = .auto, estimator: FitnessEstimator = FitnessEstimator()) -> DayEstimates {
        DayEstimates(fitness: self, model: model, estimator: estimator)
    }

    /// The log's estimates day by day, each window of evidence estimated once; see
    /// ``LogFitness/estimates(model:estimator:)``.
    public struct DayEstimates: Sendable {
        let fitness: LogFitness
        let model: FitnessModelChoice
        let estimator: FitnessEstimator
        private var byWindow: [Range<Int>: FitnessEstimate] = [:]

        init(fitness: LogFitness, model: FitnessModelChoice, estimator: FitnessEstimator) {
            self.fitness = fitness
            self.model = model
            self.estimator = estimator
        }

        /// The estimate for `day`, equal to ``LogFitness/estimate(asOf:model:estimator:)``; nil
        /// when the log holds no evidence from the year before it.
        public mutating func estimate(asOf day: Day) throws -> FitnessEstimate? {
            let window = fitness.window(asOf: day)
            guard !window.isEmpty else { return nil }
            if let known = byWindow[window] { return try estimator.redated(known, to: day) }
            let made = try estimator.estimate(from: fitness.evidence[window].map(\.performance), model: model, asOf: day)
            byWindow[window] = made
            return made
        }
    }
}
