/// Best efforts by season (M52): for each standard distance from 400 m to 10K, the fastest time
/// of each season, from the best efforts inside recorded runs and from logged results.
public struct SeasonBests: Sendable {
    /// The distances shown: the best-effort distances (BestEfforts.distances) up to 10K; longer
    /// ones are races, not efforts inside training, and are seldom run more than once a season.
    public static let distances = BestEfforts.distances.filter { $0.meters <= 10_000 }
    /// A logged result counts for a standard distance when it is within this share of it (a 5.0 km
    /// result is a 5K; a 5.3 km parkrun measurement is not).
    public static let resultTolerance = 0.005

    /// One season's best at one distance.
    public struct Best: Sendable, Hashable {
        /// The season.
        public let season: Season
        /// The time in seconds.
        public let seconds: Double
        /// The day it was run.
        public let day: Day
        /// The activity's content hash or the result's id.
        public let reference: String
        /// Whether it came from a recorded run's best effort or a logged result.
        public let fromResult: Bool
    }

    /// One distance with its best per season, oldest season first.
    public struct Row: Sendable {
        /// The standard distance.
        public let distance: Distance
        /// Its best per season.
        public let bests: [Best]
    }

    /// The rows, shortest distance first; distances never run are left out.
    public let rows: [Row]

    /// The bests of `runs` and `results`, from `since` on, grouped by `length`.
    public init(runs: [ProgressRun], results: [FitnessEvidence], length: Season.Length, since: Day? = nil) {
        var best: [Int: [Season: Best]] = [:]
        func offer(_ index: Int, _ candidate: Best) {
            if let current = best[index]?[candidate.season], current.seconds <= candidate.seconds { return }
            best[index, default: [:]][candidate.season] = candidate
        }
        let distances = Self.distances
        for run in runs where run.isRun && (since.map { run.day >= $0 } ?? true) {
            for effort in run.bestEfforts where effort.seconds.isFinite && effort.seconds > 0 {
                guard let index = distances.firstIndex(where: { abs($0.meters - effort.distance.meters) < 0.5 }) else { continue }
                offer(index, Best(season: length.season(of: run.day), seconds: effort.seconds, day: run.day,
                                  reference: run.reference, fromResult: false))
            }
        }
        for result in results where result.source != .activity && (since.map { result.day >= $0 } ?? true) {
            let meters = result.performance.distance.meters
            guard let index = distances.firstIndex(where: { abs($0.meters - meters) <= Self.resultTolerance * $0.meters }) else { continue }
            // A result a little long or short counts at the pace it was run.
            let seconds = result.performance.time.seconds * distances[index].meters / meters
            offer(index, Best(season: length.season(of: result.day), seconds: seconds, day: result.day,
                              reference: result.reference ?? "", fromResult: true))
        }
        rows = distances.indices.compactMap { index in
            guard let seasons = best[index] else { return nil }
            return Row(distance: distances[index], bests: seasons.values.sorted { $0.season < $1.season })
        }
    }
}
