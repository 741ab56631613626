/// The plan rules as checkable invariants (M3, M8, M10, M21, M34, M40, M41): given any plan, lists
/// what breaks them. Written apart from ``PlanBuilder`` so that one checks the other.
public enum PlanRules {
    /// One broken rule.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public let rule: String
        /// The plan week it is in, from 1, or `nil` for the whole plan.
        public let week: Int?
        public let message: String

        public var description: String { "\(rule)\(week.map { " (week \($0))" } ?? ""): \(message)" }
    }

    /// Kinds that count as a speed session for M3/M41 (the race and time trials included).
    static let speedKinds: Set<SessionKind> = [.speed, .timeTrial, .race]

    /// Every violation in `plan`, excusing none.
    public static func check(_ plan: Plan) -> [Violation] {
        var found: [Violation] = []
        let request = plan.request
        let sessions = plan.sessions
        func flag(_ rule: String, _ week: Int?, _ message: String) {
            found.append(Violation(rule: rule, week: week, message: message))
        }
        func weekIndex(of day: Day) -> Int { request.start.days(until: day) / 7 + 1 }

        // Dates and availability (M41).
        for session in sessions {
            if session.day < request.start || session.day > request.raceDay {
                flag("M40", nil, "\(session.workout.title) on \(session.day) lies outside \(request.start)–\(request.raceDay)")
            }
            if session.workout.kind != .race, !request.days.contains(Weekday(session.day)) {
                flag("M41", weekIndex(of: session.day), "\(session.workout.title) on \(session.day), a \(Weekday(session.day).shortName), not an available day")
            }
            if session.workout.kind != .race, let budget = request.maxSessionMinutes, session.minutes > budget {
                flag("M41", weekIndex(of: session.day), "\(session.workout.title) takes \(session.minutes) min, over the \(budget) min budget")
            }
        }

        // The race (M40) and the leg-speed session within five days before it (M10, M40).
        let races = sessions.filter { $0.workout.kind == .race }
        if races.count != 1 || races.first?.day != request.raceDay {
            flag("M40", nil, "the plan should end with the race on \(request.raceDay)")
        }
        if !sessions.contains(where: { $0.workout.rule == "M10" && (1...5).contains($0.day.days(until: request.raceDay)) }) {
            flag("M40", nil, "no leg-speed session (M10) within 5 days before the race")
        }

        // Hard days never back to back (M2, M41).
        let hardDays = Set(sessions.filter { $0.workout.isHard }.map(\.day)).sorted()
        for (a, b) in zip(hardDays, hardDays.dropFirst()) where a.days(until: b) == 1 {
            flag("M41", weekIndex(of: b), "hard days \(a) and \(b) in a row")
        }

        // Strength (M34): never consecutive, never on a hard day, never the day before a hard day.
        let strengthDays = sessions.filter { $0.workout.kind == .strength }.map(\.day).sorted()
        for (a, b) in zip(strengthDays, strengthDays.dropFirst()) where a.days(until: b) <= 1 {
            flag("M34", weekIndex(of: b), "strength on \(a) and \(b): never on consecutive days")
        }
        let hardSet = Set(hardDays)
        for day in strengthDays {
            if hardSet.contains(day) { flag("M34", weekIndex(of: day), "strength on the hard day \(day)") }
            if hardSet.contains(day.adding(days: 1)) { flag("M34", weekIndex(of: day), "strength on \(day), the day before a hard session") }
        }

        // Per week (M3, M34, M41).
        for week in plan.weeks {
            let days = week.days(until: request.raceDay)
            let inWeek = sessions.filter { days.contains($0.day) }
            let speed = inWeek.filter { speedKinds.contains($0.workout.kind) }.count
            if !(1...2).contains(speed) { flag("M41", week.index, "\(speed) speed sessions; the method wants 1–2 (M3)") }
            let hills = inWeek.filter { $0.workout.kind == .hills }.count
            if hills > 1 { flag("M41", week.index, "\(hills) hill sessions; at most one") }
            let strength = inWeek.filter { $0.workout.kind == .strength }.count
            if week.phase != .taper, strength != 2 { flag("M34", week.index, "\(strength) strength sessions; the method wants 2") }
            if week.phase == .taper, strength > 2 { flag("M34", week.index, "\(strength) strength sessions in the taper") }
            let busy = Set(inWeek.map(\.day))
            if days.allSatisfy({ busy.contains($0) }) { flag("M41", week.index, "no rest day") }
        }

        // Phases in order, base first when the runner lacks 12 weeks of it (M8, M40).
        let order = Plan.Phase.allCases
        let indices = plan.weeks.map { order.firstIndex(of: $0.phase)! }
        if indices != indices.sorted() { flag("M40", nil, "phases out of order") }
        if plan.weeks.last?.phase != .taper { flag("M40", nil, "the last week is not the taper") }
        let baseWeeks = plan.weeks.filter { $0.phase == .base }.count
        if request.baseWeeks + baseWeeks < 12 { flag("M8", nil, "\(request.baseWeeks) + \(baseWeeks) weeks of base, short of 12") }

        // Time trials every 4–6 weeks of speed work (M21); the race counts as one.
        var sinceTrial = 0
        for week in plan.weeks where week.phase == .speed || week.phase == .raceSpecific {
            sinceTrial += 1
            let days = week.days(until: request.raceDay)
            if sessions.contains(where: { days.contains($0.day) && $0.workout.kind == .timeTrial }) { sinceTrial = 0 }
            if sinceTrial > 6 { flag("M21", week.index, "more than 6 weeks of speed work without a time trial") }
        }
        return found
    }

    /// The violations the plan has not declared in ``Plan/relaxed``.
    public static func unexcused(_ plan: Plan) -> [Violation] {
        check(plan).filter { violation in
            !plan.relaxed.contains { $0.rule == violation.rule && ($0.week == nil || $0.week == violation.week) }
        }
    }
}
