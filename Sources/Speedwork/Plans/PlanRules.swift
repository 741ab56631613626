/// The plan rules as checkable invariants (M3, M8, M10, M13, M21, M34, M40, M41, M42 and the
/// volume model of docs/volume-model.md): given any plan, lists what breaks them. Written apart
/// from ``PlanBuilder`` so that one checks the other.
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

        // No hard session in the two days before the race (race week, docs/plans.md).
        for session in sessions where session.workout.isHard && session.workout.kind != .race
            && (1...2).contains(session.day.days(until: request.raceDay)) {
            flag("M40", plan.weeks.count, "\(session.workout.title) on \(session.day), \(session.day.days(until: request.raceDay)) day(s) before the race")
        }

        // Goal pace (M13, M40): every race-specific week has a session at the target goal's pace,
        // within 3 %; no rep of 400 m or more aims faster than today's race time over it (M42).
        let goalPace = plan.targetGoal.pace.secondsPerKilometer
        for week in plan.weeks where week.phase == .raceSpecific {
            let marked = week.sessions.filter(\.goalPace)
            let goalRule = GoalPaceSession.relaxedRule(goal: plan.targetGoal.distance)
            if marked.isEmpty { flag(goalRule, week.index, "no goal-pace session in a race-specific week") }
            for session in marked {
                for band in activePaceBands(session.workout) where max(abs(band.fast.secondsPerKilometer - goalPace), abs(band.slow.secondsPerKilometer - goalPace)) > goalPace * goalPaceTolerance {
                    flag(goalRule, week.index, "\(session.workout.title) aims at \(band.perKilometerText), not within 3 % of \(plan.targetGoal.written) pace")
                }
            }
        }
        for session in sessions where session.workout.kind != .race {
            for step in session.workout.expandedSteps where step.intensity == .active {
                guard case .distance(let distance) = step.length, distance.meters >= 400, case .pace(let band) = step.target else { continue }
                let today = request.fitness.time(for: distance)
                if band.fast.time(for: distance) < today {
                    flag("M42", weekIndex(of: session.day), "\(session.workout.title): \(distance.label) in \(band.fast.time(for: distance).formatted(.rep)) is faster than today's \(today.formatted(.rep))")
                }
            }
        }

        // Volume: at most +10 % a week over the last full week; the long run at most 30 % of the
        // week's running (docs/volume-model.md).
        var lastFull = request.volume.startMinutes
        for week in plan.weeks {
            let minutes = week.runningMinutes
            if !week.cutback, week.phase != .taper {
                if Double(minutes) > Double(lastFull) * (1 + WeeklyVolume.maximumGrowth) + 0.5 {
                    flag("M9", week.index, "\(minutes) min of running after \(lastFull): more than +10 %")
                }
                lastFull = minutes
            }
            if Double(week.longRunMinutes) > Double(minutes) * WeeklyVolume.longRunShare + 0.5 {
                flag("M20", week.index, "long run \(week.longRunMinutes) min of \(minutes): more than 30 % of the week")
            }
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
            // A race week of one day (the race) has no room for one.
            if days.count > 1, days.allSatisfy({ busy.contains($0) }) { flag("M41", week.index, "no rest day") }
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

    /// How far a goal-pace target may be from the target goal's pace (the issue's 3 %).
    public static let goalPaceTolerance = 0.03

    /// The pace bands of a workout's active steps.
    static func activePaceBands(_ workout: Workout) -> [PaceRange] {
        workout.expandedSteps.compactMap { step in
            guard step.intensity == .active, case .pace(let band) = step.target else { return nil }
            return band
        }
    }

    /// The violations the plan has not declared in ``Plan/relaxed``.
    public static func unexcused(_ plan: Plan) -> [Violation] {
        check(plan).filter { violation in
            !plan.relaxed.contains { $0.rule == violation.rule && ($0.week == nil || $0.week == violation.week) }
        }
    }
}
