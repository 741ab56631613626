/// Progress over time (M52), every view of it at once: the fitness estimate at each piece of
/// evidence, best efforts by season, the same track session across months and years (M7), step
/// length and cadence at comparable paces (M6), and the easy/hard balance per week (M2).
public struct TrainingProgress: Sendable {
    /// The season length the seasonal views use.
    public let seasonLength: Season.Length
    /// The first day shown, when the views start later than the log.
    public let since: Day?
    /// The fitness estimate over time.
    public let fitness: [FitnessTimeline.Point]
    /// Best efforts by season.
    public let bests: SeasonBests
    /// The same sessions side by side.
    public let sessions: [RepeatedSession]
    /// Cadence and step length per pace band and season.
    public let stride: StrideTrend
    /// The easy/hard balance per week.
    public let balance: WeeklyBalance

    /// Builds every view. `evidence` is the log's fitness evidence (all of it: estimates before
    /// `since` still use what came before); `estimate` is the log's estimate as of a day.
    public init(runs: [ProgressRun], evidence: [FitnessEvidence], seasonLength: Season.Length = .standard, since: Day? = nil,
                estimate: (Day) throws -> FitnessEstimate?) throws {
        var estimates: [Day: FitnessEstimate?] = [:]
        func cached(_ day: Day) throws -> FitnessEstimate? {
            if let found = estimates[day] { return found }
            let found = try estimate(day)
            estimates[day] = found
            return found
        }
        self.seasonLength = seasonLength
        self.since = since
        fitness = try FitnessTimeline.points(evidence, since: since, estimate: cached)
        bests = SeasonBests(runs: runs, results: evidence, length: seasonLength, since: since)
        sessions = RepeatedSession.group(runs, since: since)
        stride = StrideTrend(runs: runs, length: seasonLength, since: since)
        balance = try WeeklyBalance(runs: runs, since: since) { day in
            try cached(day).map { TrainingPaces.pace(.easy, vdot: $0.vdot) }
        }
    }

    /// Whether there is nothing to show.
    public var isEmpty: Bool {
        fitness.isEmpty && bests.rows.isEmpty && sessions.isEmpty && stride.bands.isEmpty && balance.weeks.isEmpty
    }
}
