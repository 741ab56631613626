/// One change the plan made to itself as the log came in (M43): a missed key session moved to a
/// free day of its week, or dropped; an easy run that gave way to a moved session; a session left
/// out for a pause. Each says what, when it was decided and why, so the runner sees it.
public struct PlanAdjustment: Sendable, Hashable {
    /// What happened to the session.
    public enum Change: String, Sendable, Hashable, Codable {
        /// Moved to ``PlanAdjustment/to`` (M43: rescheduled).
        case moved
        /// Not rescheduled: no day of its week keeps the weekly rules, or it was missed again (M43: dropped, never stacked).
        case dropped
        /// An easy run that made room for a moved key session on its day.
        case gaveWay = "gave-way"
        /// Left out because it falls in a pause (`plan pause`).
        case paused
        /// Made easier for the return after a pause (``ReturnAfterBreak``).
        case reEntry = "re-entry"
    }

    /// The session's place in the plan as built (`plan link` names it so).
    public let session: PlanMatching.SessionRef
    /// The session's rule (`M11`) and title, as the plan wrote them.
    public let rule: String
    public let title: String
    public let change: Change
    /// The day it moved to, for ``Change/moved``.
    public let to: Day?
    /// The first day the change could be known: the day after a missed session's last matching day.
    public let decidedOn: Day
    /// Why, in a runner's words, naming the rule.
    public let reason: String

    /// An adjustment of `session` (`rule`, `title`) decided on `decidedOn`.
    public init(session: PlanMatching.SessionRef, rule: String, title: String, change: Change, to: Day? = nil, decidedOn: Day, reason: String) {
        self.session = session
        self.rule = rule
        self.title = title
        self.change = change
        self.to = to
        self.decidedOn = decidedOn
        self.reason = reason
    }
}
