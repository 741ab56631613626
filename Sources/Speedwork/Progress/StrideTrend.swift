/// Step length and cadence over time at comparable paces (M6): reps are grouped by season and by
/// pace band, so a faster season does not pass for a longer stride. Speed is step length × step
/// rate; within one band the pace is (nearly) fixed, so a rise in one must show as a fall in the
/// other unless the runner got better at that pace.
public struct StrideTrend: Sendable {
    /// Width of a pace band, seconds per kilometre: reps within 10 s/km of each other differ in
    /// speed by about 3–5 %, less than a season's change in cadence or step length is worth.
    public static let bandSeconds = 10.0

    /// One season in one band.
    public struct Cell: Sendable, Hashable {
        /// The season.
        public let season: Season
        /// How many reps with cadence fell in the band that season.
        public let reps: Int
        /// Mean pace of those reps, seconds per km.
        public let secondsPerKm: Double
        /// Mean cadence, steps per minute.
        public let cadence: Double
        /// Mean step length, metres, of the reps that have one.
        public let stepLength: Double?
    }

    /// One pace band, its seasons oldest first.
    public struct Band: Sendable {
        /// The band's fast edge, seconds per km (the band is [fast, fast + bandSeconds)).
        public let fastSecondsPerKm: Double
        /// The band's seasons.
        public let seasons: [Cell]
        /// The band's slow edge, seconds per km.
        public var slowSecondsPerKm: Double { fastSecondsPerKm + StrideTrend.bandSeconds }
    }

    /// The bands, fastest first; a band with reps in only one season is kept (it has nothing to
    /// compare with yet, but says where the runner's reps lie).
    public let bands: [Band]

    /// The trend of the recorded reps of `runs` (from `since` on) that carry a cadence.
    public init(runs: [ProgressRun], length: Season.Length, since: Day? = nil) {
        struct Sum { var count = 0, pace = 0.0, cadence = 0.0, stepCount = 0, step = 0.0 }
        var sums: [Int: [Season: Sum]] = [:]
        for run in runs where run.isRun && (since.map { run.day >= $0 } ?? true) {
            let season = length.season(of: run.day)
            for rep in run.reps {
                guard let pace = rep.secondsPerKm, pace.isFinite, let cadence = rep.cadence, cadence.isFinite, cadence > 0 else { continue }
                let band = Int((pace / Self.bandSeconds).rounded(.down))
                var sum = sums[band]?[season] ?? Sum()
                sum.count += 1
                sum.pace += pace
                sum.cadence += cadence
                if let step = rep.stepLength, step.isFinite, step > 0 {
                    sum.stepCount += 1
                    sum.step += step
                }
                sums[band, default: [:]][season] = sum
            }
        }
        bands = sums.keys.sorted().map { band in
            Band(fastSecondsPerKm: Double(band) * Self.bandSeconds,
                 seasons: sums[band]!.sorted { $0.key < $1.key }.map { season, sum in
                     Cell(season: season, reps: sum.count, secondsPerKm: sum.pace / Double(sum.count),
                          cadence: sum.cadence / Double(sum.count),
                          stepLength: sum.stepCount > 0 ? sum.step / Double(sum.stepCount) : nil)
                 })
        }
    }
}
