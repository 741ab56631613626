/// The easy/hard balance per week (M2): how many easy runs and hard sessions, and the share of
/// the easy runs run too hard for the runner's fitness of that day.
///
/// An easy run is too hard when its stored easy-run check says so (more than EasyRunCheck's
/// tolerance of its moving time faster than the easy band), or, when it was not checked on
/// import, when its average moving pace is faster than the fast edge of the easy band of that
/// day's fitness (TrainingPaces, Daniels' E pace). docs/progress.md gives the definition.
public struct WeeklyBalance: Sendable {
    /// One week, Monday to Sunday.
    public struct Week: Sendable, Hashable {
        /// Its Monday.
        public let monday: Day
        /// Runs that were not hard sessions.
        public let easyRuns: Int
        /// Sessions with reps, races, time trials, hard efforts (hand-logged sessions with reps too).
        public let hardSessions: Int
        /// Easy runs that could be checked (a stored check, or a moving pace and that day's fitness).
        public let checkedEasyRuns: Int
        /// Easy runs run too hard.
        public let tooHard: Int
        /// The days of the easy runs run too hard.
        public let tooHardDays: [Day]

        /// The share of checked easy runs run too hard, 0–1; nil when none could be checked.
        public var tooHardShare: Double? { checkedEasyRuns > 0 ? Double(tooHard) / Double(checkedEasyRuns) : nil }
    }

    /// The weeks with any run, oldest first.
    public let weeks: [Week]

    /// The Monday of the week `day` falls in (ISO 8601 weeks).
    public static func monday(of day: Day) -> Day { day.adding(days: 1 - day.isoWeekday) }

    /// Whether an easy run was run too hard: its stored check when it has one, else its moving
    /// pace against the fast edge of `easyPace`; nil when neither is known.
    public static func tooHard(_ run: ProgressRun, easyPace: PaceRange?) -> Bool? {
        if let stored = run.storedTooHard { return stored }
        guard let pace = run.movingPace, pace.secondsPerKilometer.isFinite, let easyPace else { return nil }
        return pace.secondsPerKilometer < easyPace.fast.secondsPerKilometer
    }

    /// The balance of `runs` from `since` on; `easyPace` gives the easy band of a day's fitness
    /// (nil when the log holds no evidence before it).
    public init(runs: [ProgressRun], since: Day? = nil, easyPace: (Day) throws -> PaceRange?) rethrows {
        struct Tally { var easy = 0, hard = 0, checked = 0, tooHard: [Day] = [] }
        var tallies: [Day: Tally] = [:]
        var paces: [Day: PaceRange?] = [:]
        for run in runs where run.isRun && (since.map { run.day >= $0 } ?? true) {
            let monday = Self.monday(of: run.day)
            var tally = tallies[monday] ?? Tally()
            if run.isHard {
                tally.hard += 1
            } else {
                tally.easy += 1
                let band: PaceRange?
                if run.storedTooHard != nil { band = nil } else if let cached = paces[run.day] { band = cached } else {
                    band = try easyPace(run.day)
                    paces[run.day] = band
                }
                if let verdict = Self.tooHard(run, easyPace: band) {
                    tally.checked += 1
                    if verdict { tally.tooHard.append(run.day) }
                }
            }
            tallies[monday] = tally
        }
        weeks = tallies.sorted { $0.key < $1.key }.map { monday, tally in
            Week(monday: monday, easyRuns: tally.easy, hardSessions: tally.hard, checkedEasyRuns: tally.checked,
                 tooHard: tally.tooHard.count, tooHardDays: tally.tooHard)
        }
    }
}
