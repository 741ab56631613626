/// A run of key sessions well below target lowers the fitness estimate (M43: "logged results move
/// the fitness estimate"; issue 10: illness, a bad month). One slow session means little (M3); the
/// rule fires when the latest ``sessions`` key sessions graded from watch files (M51), all within
/// ``windowDays`` and all after the newest result the estimate rests on, each ran its reps more
/// than ``slowerByPercent`` slower than target on average. The estimate is then slowed by their
/// mean shortfall: the goal distance's predicted time times (1 + shortfall), estimated again. The
/// method is silent on the numbers; they are product settings (docs/active-plan.md): three
/// sessions are more than the "one bad session" M3 dismisses, four weeks hold three paced sessions
/// even in a plan with one a week, and 3 % beyond the slow end of a band is more than wind or heat
/// usually cost a track session.
public struct UnderTargetRule: Sendable {
    /// Key sessions in a row that must all be slow.
    public static let sessions = 3
    /// They fall within this many days, the day the rule is read on included.
    public static let windowDays = 28
    /// A session is well below target when its reps ran on average more than this much slower (per cent).
    public static let slowerByPercent = 3.0

    /// One key session graded against its targets.
    public struct Graded: Sendable, Hashable {
        public let day: Day
        /// What it was: the session's title.
        public let title: String
        /// How much slower than target its reps ran on average, per cent of the band's near end
        /// (Compliance's `offByPercent`; on target 0, faster negative).
        public let slowerByPercent: Double

        public init(day: Day, title: String, slowerByPercent: Double) {
            self.day = day
            self.title = title
            self.slowerByPercent = slowerByPercent
        }
    }

    /// The estimate lowered, and why.
    public struct Lowering: Sendable, Hashable {
        /// The sessions that lowered it, oldest first.
        public let sessions: [Graded]
        /// Their mean shortfall, per cent: every predicted time is this much slower.
        public let percent: Double
        /// In a runner's words, naming the rule.
        public let reason: String
    }

    /// The lowering in effect on `day`, or nil: the latest ``sessions`` graded sessions on or before
    /// `day` within ``windowDays``, all after `since` (the newest result the estimate rests on),
    /// all more than ``slowerByPercent`` slow.
    public static func lowering(_ graded: [Graded], asOf day: Day, since: Day?) -> Lowering? {
        let first = day.adding(days: -windowDays)
        let recent = graded.filter { item in item.day <= day && item.day > first && (since.map { item.day > $0 } ?? true) }
            .sorted { ($0.day, $0.title) < ($1.day, $1.title) }
            .suffix(sessions)
        guard recent.count == sessions, recent.allSatisfy({ $0.slowerByPercent > slowerByPercent }) else { return nil }
        let percent = recent.map(\.slowerByPercent).reduce(0, +) / Double(recent.count)
        let list = recent.map { "\($0.title) on \($0.day) (\($0.slowerByPercent.text(decimals: 1)) % slow)" }.joined(separator: ", ")
        return Lowering(sessions: Array(recent), percent: percent,
                        reason: "your last \(sessions) key sessions in \(windowDays) days all ran more than \(slowerByPercent.text(decimals: 0)) % slower than target: \(list); targets ease by \(percent.text(decimals: 1)) % until a new result shows your fitness (M43)")
    }

    /// `estimate` slowed by `lowering`: the time it predicts for `distance`, `percent` slower, estimated again as of `day`.
    public static func lowered(_ estimate: FitnessEstimate, by lowering: Lowering, distance: Distance, asOf day: Day,
                               estimator: FitnessEstimator = FitnessEstimator()) throws -> FitnessEstimate {
        let time = Duration.seconds(estimate.time(for: distance).seconds * (1 + lowering.percent / 100))
        return try estimator.estimate(from: [try Performance(distance: distance, time: time, date: day)], asOf: day)
    }
}
