/// What happens to a missed key session (M43: "missed sessions are rescheduled or dropped, never
/// stacked"): it moves to the next day of its own plan week that is one of the runner's days and
/// keeps the weekly rules as written (M41: no two hard days in a row, at least one rest day; M34:
/// no strength on a hard day or the day before one; M40: nothing hard in the two days before the
/// race), or it is dropped. A session that was moved and missed again is dropped: it is never
/// moved twice or put on a day that already holds another session.
public struct MissedSessionRule: Sendable {
    /// Whether a day holding only an easy run counts as free, the easy run giving way to the key
    /// session (product setting; the method is silent on which day may take it: common coaching
    /// advice, in Pfitzinger and Douglas among others, keeps the week's quality session in place of an
    /// easy run rather than adding a hard day).
    public static let easyRunGivesWay = true
    /// Days before the race that take no hard session (M40 taper; docs/plans.md).
    public static let easyDaysBeforeRace = 2

    /// The runner's training days (M41).
    public let days: Set<Weekday>
    /// The race day, the plan's last.
    public let raceDay: Day

    /// The rule for a plan with these training days and race day.
    public init(days: Set<Weekday>, raceDay: Day) {
        self.days = days
        self.raceDay = raceDay
    }

    /// A key session is a hard one the plan builds on (M3, M21: speed, hills, time trial); the race is not moved.
    public static func isKey(_ session: Plan.Session) -> Bool {
        session.workout.isHard && session.workout.kind != .race
    }

    /// Where a missed session goes.
    public enum Decision: Sendable, Hashable {
        /// To `day`; `replacing` is the easy run that gives way there, if any.
        case move(to: Day, replacing: Plan.Session?)
        /// Nowhere: why, day by day.
        case drop(reason: String)
    }

    /// Where `missed` goes, given the other sessions of the plan as they now stand, the days of its
    /// plan week, and the first day it may take (the day its miss is known; earlier days are past).
    /// `closed` are days that take no session (a pause).
    public func place(_ missed: Plan.Session, among sessions: [Plan.Session], week: [Day], from earliest: Day,
                      closed: Set<Day> = []) -> Decision {
        var others = sessions
        if let index = others.firstIndex(of: missed) { others.remove(at: index) }
        var why: [String] = []
        for day in week where day >= earliest && day < raceDay {
            let name = "\(Weekday(day).shortName) \(day)"
            guard !closed.contains(day) else { why.append("\(name) is in a pause"); continue }
            guard days.contains(Weekday(day)) else { why.append("\(name) is not one of your days"); continue }
            let onDay = others.filter { $0.day == day }
            let givesWay = Self.easyRunGivesWay && onDay.count == 1 && onDay[0].workout.kind == .easy ? onDay.first : nil
            if let taken = onDay.first, givesWay == nil {
                why.append("\(name) holds \(taken.workout.title)")
                continue
            }
            let rest = others.filter { $0 != givesWay }
            let hard = { (day: Day) in rest.contains { $0.day == day && $0.workout.isHard } }
            if hard(day.adding(days: -1)) { why.append("\(name) follows a hard day (M41)"); continue }
            if hard(day.adding(days: 1)) { why.append("\(name) comes before a hard day (M41)"); continue }
            if rest.contains(where: { $0.day == day.adding(days: -1) && $0.workout.kind == .strength }) {
                why.append("\(name) follows strength (M34)")
                continue
            }
            if (1...Self.easyDaysBeforeRace).contains(day.days(until: raceDay)) {
                why.append("\(name) is \(day.days(until: raceDay)) day(s) before the race (M40)")
                continue
            }
            let weekDays = week.filter { $0 <= raceDay }
            let busy = Set(rest.map(\.day)).union([day])
            if weekDays.count == 7, weekDays.allSatisfy({ busy.contains($0) }) {
                why.append("\(name) would leave the week without a rest day (M41)")
                continue
            }
            return .move(to: day, replacing: givesWay)
        }
        let detail = why.isEmpty ? "no day of its week is left" : why.joined(separator: "; ")
        return .drop(reason: "no day left in its week keeps the weekly rules (\(detail)); missed sessions are not stacked (M43)")
    }
}
