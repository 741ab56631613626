import Foundation
import Speedwork
import SpeedworkReports

/// An independent check of a plan against issue 7's acceptance points, reading only the plan's
/// JSON (``CheckedPlan``), what the runner asked for (``Request``) and today's race times from a
/// source other than the builder. It never calls the plan builder: each check restates its rule
/// from the method (M-ids) or the issue and reports every breach as one line naming the week or
/// date and the rule.
struct PlanChecker: Sendable {
    /// What the runner gave the `plan` command, as far as the checks need it.
    struct Request: Sendable {
        /// ISO weekdays the runner trains on (1 = Monday … 7 = Sunday).
        var days: Set<Int>
        /// `--max-session` in minutes, when given.
        var maxSessionMinutes: Int?
        /// `--weekly` in minutes when it was given as a time (`4h`); `nil` when given as a distance or not at all.
        var weeklyMinutes: Int?
        /// Whether `--weekly` was given at all.
        var weeklyGiven: Bool
    }

    /// The checks, one per acceptance point (plus the contract the checks rely on).
    enum Check: String, CaseIterable, Sendable {
        case contract = "contract"
        case targetGoal = "target goal"
        case volume = "volume"
        case goalPace = "goal pace"
        case repSpeed = "rep faster than today"
        case weeklyGrowth = "weekly growth"
        case cutbacks = "cutbacks"
        case longRun = "long run share"
        case budget = "budget"
        case raceWeek = "race week"
        case hardDays = "hard days"
        case weeklyPattern = "weekly pattern"
        case dropped = "dropped without relaxed"
        case legSpeedRecovery = "leg-speed recovery"
        case hardestForm = "most reps with shortest recovery"
        case timeTrials = "time trials"
    }

    /// One breach: which check, and a line naming the week or date and the rule.
    struct Violation: Sendable, CustomStringConvertible {
        let check: Check
        let text: String

        var description: String { "[\(check.rawValue)] \(text)" }
    }

    /// Goal-pace reps run within this share of the target goal's pace (issue 7 acceptance: 3 %).
    static let goalPaceTolerance = 0.03
    /// Share of a goal-pace session's timed pace work that must be at goal pace for its main reps to count as goal pace.
    static let goalPaceMainShare = 0.5
    /// Weekly running may grow by at most this share outside cutback weeks (issue 7: ~10 % a week,
    /// the coaching rule of thumb; M9: load rises gradually).
    static let weeklyGrowthLimit = 0.10
    /// Weeks in a row without a cutback (issue 7: a cutback week every 3–4 weeks).
    static let buildWeeksBeforeCutback = 3
    /// A cutback week keeps at least this share of the week before it (Pfitzinger and Douglas:
    /// a recovery week cuts 20–30 %; a week cut by more than half is a break, not a cutback).
    static let cutbackLeastShare = 0.5
    /// Race week's training (the race aside) stays under this share of the last full week (M40:
    /// a taper in the last week; Pfitzinger and Douglas cut the final week of a short-race taper
    /// by a third or more, so 10 % less is a floor, not the aim).
    static let taperMostShare = 0.9
    /// The long run's largest share of the week's running (issue 7: ≤ ~30 %).
    static let longRunShareLimit = 0.30
    /// Days before the race with no hard session (issue 7: none in the 2 days before).
    static let easyDaysBeforeRace = 2
    /// The leg-speed session (M10) falls within this many days before the race (M40).
    static let legSpeedWindowDays = 5
    /// Reps this long or longer must not be faster than today's race time (issue 7).
    static let shortestCheckedRepMeters = 400.0
    /// Slack for rounding when comparing a rep with today's race time: the JSON rounds paces to
    /// 0.1 s/km and times to 0.1 s.
    static let repRoundingSeconds = 0.2
    /// Recovery between leg-speed sprints (M10: 5 min easy running, full recovery).
    static let legSpeedRecoverySeconds = 300.0
    /// The far ends of the method's progressions (M11: reps 6→10, recovery 2:00→0:30; M17: reps
    /// 3→6, recovery 4:00→0:45): a session never reaches both at once (issue 7).
    static let progressionEnds: [String: (reps: Int, recoverySeconds: Double)] = ["M11": (10, 30), "M17": (6, 45)]
    /// The kinds the method counts as hard days (M2, M41).
    static let hardKinds: Set<String> = ["speed", "hills", "time-trial", "race"]
    /// Speed sessions a week at most (M3, M41: one or two).
    static let speedSessionsPerWeek = 2
    /// Time trials come every 4–6 weeks (M21): never fewer than this many weeks apart.
    static let timeTrialShortestGapWeeks = 4

    let request: Request
    /// Today's race time in seconds for a distance in whole metres (from `predict`, or a
    /// hand-computed model in the checker's own tests); `nil` when the source has none.
    let todaySeconds: @Sendable (Int) -> Double?

    // MARK: - Entry points

    /// Every violation in `json` (`plan --json` output); a plan that does not decode is one contract violation.
    func violations(json: Data) -> [Violation] {
        do {
            return violations(in: try CheckedPlan.decode(json))
        } catch {
            return [Violation(check: .contract, text: "plan JSON: \(error)")]
        }
    }

    /// Every violation in a decoded plan, in the order of the checks.
    func violations(in plan: CheckedPlan) -> [Violation] {
        var found: [Violation] = []
        func add(_ check: Check, _ text: String) { found.append(Violation(check: check, text: text)) }
        guard let race = try? Day(parsing: plan.raceDate) else {
            add(.contract, "raceDate “\(plan.raceDate)” is not a YYYY-MM-DD date")
            return found
        }
        let sessions = plan.weeks.flatMap(\.sessions)
        var days: [String: Day] = [:]
        for session in sessions {
            guard let day = try? Day(parsing: session.date) else {
                add(.contract, "\(session.label): date is not YYYY-MM-DD")
                continue
            }
            days[session.date] = day
        }
        checkContract(plan, race: race, days: days, add: add)
        let target = checkTargetGoal(plan, add: add)
        checkVolume(plan, add: add)
        if let target { checkGoalPace(plan, target: target, add: add) }
        checkRepSpeed(plan, add: add)
        checkWeeklyGrowth(plan, add: add)
        checkCutbacks(plan, add: add)
        checkLongRun(plan, add: add)
        checkBudget(plan, add: add)
        checkRaceWeek(plan, race: race, days: days, add: add)
        checkHardDays(sessions, days: days, add: add)
        checkWeeklyPattern(plan, race: race, days: days, add: add)
        checkDropped(plan, race: race, days: days, add: add)
        checkLegSpeedRecovery(plan, add: add)
        checkHardestForm(plan, add: add)
        checkTimeTrials(plan, add: add)
        return found
    }

    // MARK: - Contract

    private func checkContract(_ plan: CheckedPlan, race: Day, days: [String: Day], add: (Check, String) -> Void) {
        let phases: Set<String> = ["base", "speed", "race-specific", "taper"]
        if !["high", "medium", "low"].contains(plan.fitness.confidence) {
            add(.contract, "fitness.confidence “\(plan.fitness.confidence)” is not high, medium or low")
        }
        if !["realistic", "ambitious", "unrealistic"].contains(plan.feasibility.verdict) {
            add(.contract, "feasibility.verdict “\(plan.feasibility.verdict)” is not realistic, ambitious or unrealistic")
        }
        var missing: [String] = []
        if plan.targetGoal == nil { missing.append("targetGoal") }
        if plan.targetGoalReason == nil { missing.append("targetGoalReason") }
        if plan.volume == nil { missing.append("volume") }
        for (key, count) in [("runningMinutes", plan.weeks.filter { $0.runningMinutes == nil }.count),
                             ("cutback", plan.weeks.filter { $0.cutback == nil }.count),
                             ("longRunMinutes", plan.weeks.filter { $0.longRunMinutes == nil }.count)] where count > 0 {
            missing.append("weeks[].\(key) (\(count) of \(plan.weeks.count) weeks)")
        }
        let sessions = plan.weeks.flatMap(\.sessions)
        for (key, count) in [("goalPace", sessions.filter { $0.goalPace == nil }.count),
                             ("longRun", sessions.filter { $0.longRun == nil }.count)] where count > 0 {
            missing.append("sessions[].\(key) (\(count) of \(sessions.count) sessions)")
        }
        if !missing.isEmpty {
            add(.contract, "missing keys of the plan JSON contract: \(missing.joined(separator: ", "))")
        }
        if let reason = plan.targetGoalReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            add(.contract, "targetGoalReason is empty: the plan must say which goal its targets use and why")
        }
        if plan.weeks.isEmpty { add(.contract, "the plan has no weeks") }
        for (position, week) in plan.weeks.enumerated() {
            if week.index != position + 1 { add(.contract, "\(week.label): index \(week.index), expected \(position + 1)") }
            if !phases.contains(week.phase) { add(.contract, "\(week.label): phase “\(week.phase)” is not base, speed, race-specific or taper") }
            guard let start = try? Day(parsing: week.start) else {
                add(.contract, "\(week.label): start is not a YYYY-MM-DD date")
                continue
            }
            for session in week.sessions {
                guard let day = days[session.date] else { continue }
                if !(0...6).contains(start.days(until: day)) { add(.contract, "\(week.label): \(session.label) falls outside the week") }
                if day > race { add(.contract, "\(session.label) is after the race (\(plan.raceDate))") }
                if session.minutes < 0 { add(.contract, "\(session.label): negative minutes") }
            }
            let listed = Set(week.sessions.compactMap { days[$0.date] })
            let missingDays = (0..<7).map { start.adding(days: $0) }.filter { $0 <= race && !listed.contains($0) }
            if !missingDays.isEmpty {
                add(.contract, "\(week.label): \(missingDays.map(\.description).joined(separator: ", ")) not listed (every day of the plan is listed, rest days as rest)")
            }
            for session in week.sessions where session.hard != Self.hardKinds.contains(session.kind) {
                add(.contract, "\(session.label): hard is \(session.hard) for a \(session.kind) session (speed, hills, time trials and races are the hard days, M2, M41)")
            }
            if let given = week.runningMinutes, given != week.sessionRunningMinutes {
                add(.contract, "\(week.label): runningMinutes is \(given) but its running sessions add up to \(week.sessionRunningMinutes) min")
            }
            let longRuns = week.sessions.filter(\.isLongRun)
            if longRuns.count > 1 {
                add(.contract, "\(week.label): \(longRuns.count) sessions marked longRun (\(longRuns.map(\.date).joined(separator: ", "))), at most one")
            }
            let longMinutes = longRuns.first?.minutes ?? 0
            if let given = week.longRunMinutes, longMinutes != given {
                add(.contract, "\(week.label): longRunMinutes is \(given) but its long run takes \(longMinutes) min")
            }
            for session in longRuns where !session.isRun {
                add(.contract, "\(session.label): marked longRun but its kind “\(session.kind)” is not a run")
            }
        }
    }

    // MARK: - Target goal

    /// The target goal, when it parses; checks it is never faster than the goal, equal for a realistic verdict.
    private func checkTargetGoal(_ plan: CheckedPlan, add: (Check, String) -> Void) -> Performance? {
        guard let goal = try? Performance(parsing: plan.goal) else {
            add(.contract, "goal “\(plan.goal)” is not a result as a runner writes it")
            return nil
        }
        guard let targetText = plan.targetGoal else { return goal }
        guard let target = try? Performance(parsing: targetText) else {
            add(.contract, "targetGoal “\(targetText)” is not a result as a runner writes it (e.g. 5k=19:25)")
            return nil
        }
        guard abs(target.distance.meters - goal.distance.meters) < 0.5 else {
            add(.targetGoal, "targetGoal \(targetText) is not at the goal's distance (\(plan.goal))")
            return target
        }
        let difference = target.time.seconds - goal.time.seconds
        if difference < -0.05 {
            add(.targetGoal, "targetGoal \(targetText) is faster than the goal \(plan.goal): targets come from a goal no faster than the runner's own (M44)")
        }
        if plan.feasibility.verdict == "realistic", abs(difference) >= 0.05 {
            add(.targetGoal, "targetGoal \(targetText) differs from the goal \(plan.goal) although the verdict is realistic (M44)")
        }
        if plan.feasibility.verdict != "realistic", abs(difference) < 0.05 {
            add(.targetGoal, "targetGoal \(targetText) is the goal itself although the verdict is \(plan.feasibility.verdict): targets come from the best reachable goal (M44)")
        }
        return target
    }

    // MARK: - Volume

    private func checkVolume(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        guard let volume = plan.volume else { return }
        if volume.startWeeklyMinutes <= 0 {
            add(.volume, "volume.startWeeklyMinutes is \(volume.startWeeklyMinutes): the plan must build from some weekly running")
        }
        if !["given", "default"].contains(volume.source) {
            add(.contract, "volume.source “\(volume.source)” is not given or default")
        }
        if volume.note.trimmingCharacters(in: .whitespaces).isEmpty {
            add(.volume, "volume.note is empty: the plan must state where its starting volume comes from")
        }
        if request.weeklyGiven, volume.source != "given" {
            add(.volume, "--weekly was given but volume.source is “\(volume.source)”")
        }
        if !request.weeklyGiven, volume.source != "default" {
            add(.volume, "no --weekly was given but volume.source is “\(volume.source)”")
        }
        if let given = request.weeklyMinutes, given != volume.startWeeklyMinutes {
            add(.volume, "--weekly gave \(given) min but volume.startWeeklyMinutes is \(volume.startWeeklyMinutes)")
        }
    }

    // MARK: - Goal pace

    private func checkGoalPace(_ plan: CheckedPlan, target: Performance, add: (Check, String) -> Void) {
        let goalPace = target.time.seconds / target.distance.meters * 1000
        let raceSpecific = plan.weeks.filter { $0.phase == "race-specific" }
        if !raceSpecific.isEmpty, !raceSpecific.contains(where: { $0.sessions.contains(where: \.isGoalPace) }) {
            add(.goalPace, "weeks \(raceSpecific.map { String($0.index) }.joined(separator: ", ")) (race-specific): not one goal-pace session in the whole race-specific phase, relaxed or not (M13, M40)")
        }
        for week in plan.weeks {
            for session in week.sessions where session.isGoalPace {
                let work = Self.paceWork(session.steps)
                let total = work.reduce(0) { $0 + $1.seconds }
                guard total > 0 else {
                    add(.goalPace, "\(week.label): \(session.label) is marked goalPace but has no rep with a pace target")
                    continue
                }
                let atGoal = work.filter { abs($0.secondsPerKm - goalPace) <= Self.goalPaceTolerance * goalPace }
                    .reduce(0) { $0 + $1.seconds }
                if atGoal < Self.goalPaceMainShare * total {
                    let main = work.reduce(0) { $0 + $1.secondsPerKm * $1.seconds } / total
                    let off = (main / goalPace - 1) * 100
                    add(.goalPace, "\(week.label): \(session.label) is marked goalPace but its reps average \(Self.pace(main)) against \(Self.pace(goalPace)) for \(target.written) (\(Self.signed(off)) %, over \(Int(Self.goalPaceTolerance * 100)) %; M13, M40)")
                }
            }
        }
    }

    /// Active steps with a pace band: the pace of the band's middle and the seconds they take there, repeats multiplied out.
    static func paceWork(_ steps: [CheckedPlan.Step], times: Int = 1) -> [(secondsPerKm: Double, seconds: Double)] {
        steps.flatMap { step -> [(secondsPerKm: Double, seconds: Double)] in
            if let inner = step.steps { return paceWork(inner, times: times * max(step.count ?? 1, 0)) }
            guard step.intensity == "active", let band = step.target?.secondsPerKm, band.middle > 0 else { return [] }
            let seconds = step.seconds ?? step.meters.map { $0 * band.middle / 1000 } ?? 0
            return seconds > 0 ? [(band.middle, seconds * Double(times))] : []
        }
    }

    // MARK: - Reps against today's race times

    /// A rep: consecutive active steps with no recovery between them (so M12's two 200 m halves are one 400 m rep).
    struct Rep: Sendable {
        let name: String
        /// Distance covered at the band's fast end.
        let meters: Double
        /// Time the rep takes at the band's fast end.
        let fastestSeconds: Double
    }

    /// The reps of a session that carry a pace target on every part.
    static func reps(_ steps: [CheckedPlan.Step]) -> [Rep] {
        var found: [Rep] = []
        var parts: [CheckedPlan.Step] = []
        func flush() {
            defer { parts = [] }
            guard !parts.isEmpty else { return }
            var meters = 0.0, seconds = 0.0
            for part in parts {
                guard let fast = part.target?.secondsPerKm?.fast, fast > 0 else { return }
                if let m = part.meters {
                    meters += m
                    seconds += m * fast / 1000
                } else if let s = part.seconds {
                    meters += s / fast * 1000
                    seconds += s
                } else {
                    return
                }
            }
            found.append(Rep(name: parts.map(\.name).joined(separator: " + "), meters: meters, fastestSeconds: seconds))
        }
        for step in steps {
            if let inner = step.steps {
                flush()
                found += reps(inner)
            } else if step.intensity == "active" {
                parts.append(step)
            } else {
                flush()
            }
        }
        flush()
        return found
    }

    /// Reps that this check compares with today's race times: 400 m up to the marathon, outside races and time trials.
    static func checkedReps(_ session: CheckedPlan.Session) -> [Rep] {
        guard session.isRun, session.kind != "race", session.kind != "time-trial" else { return [] }
        return reps(session.steps).filter { $0.meters >= shortestCheckedRepMeters - 0.5 && $0.meters <= 42_195 }
    }

    /// The distances, in whole metres, whose race times today the rep check needs.
    static func repDistances(in plan: CheckedPlan) -> Set<Int> {
        Set(plan.weeks.flatMap(\.sessions).flatMap(checkedReps).map { Int($0.meters.rounded()) })
    }

    private func checkRepSpeed(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        for week in plan.weeks {
            for session in week.sessions {
                var reported: Set<String> = []
                for rep in Self.checkedReps(session) {
                    let meters = Int(rep.meters.rounded())
                    guard let today = todaySeconds(meters) else {
                        add(.contract, "\(session.label): no race time today for \(meters) m to check “\(rep.name)” against")
                        continue
                    }
                    if rep.fastestSeconds < today - Self.repRoundingSeconds, reported.insert(rep.name).inserted {
                        add(.repSpeed, "\(week.label): \(session.label): “\(rep.name)” asks \(meters) m in \(Self.time(rep.fastestSeconds)) at its fast end, faster than today's race time \(Self.time(today)) for that distance (M42: targets from current fitness)")
                    }
                }
            }
        }
    }

    // MARK: - Weekly volume

    /// Growth compares training: the race itself is not load the plan chooses, so race week is
    /// counted without the race session (a beginner's 5K can outweigh a whole easy week).
    private func checkWeeklyGrowth(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        var reference = (minutes: plan.volume?.startWeeklyMinutes ?? 0, label: "the starting volume")
        for week in plan.weeks {
            if !week.isCutback {
                let race = week.sessions.filter { $0.kind == "race" }.reduce(0) { $0 + $1.minutes }
                let training = week.running - race
                let limit = (Double(reference.minutes) * (1 + Self.weeklyGrowthLimit)).rounded(.up)
                if Double(training) > limit, reference.minutes > 0 {
                    let growth = (Double(training) / Double(reference.minutes) - 1) * 100
                    add(.weeklyGrowth, "\(week.label): \(training) min of running\(race > 0 ? " besides the race" : "") after \(reference.minutes) min (\(reference.label)) is +\(growth.formatted(.number.precision(.fractionLength(1)))) %, over \(Int(Self.weeklyGrowthLimit * 100)) % outside a cutback (M9: load rises gradually)")
                }
                reference = (week.running, "week \(week.index)")
            }
        }
    }

    private func checkCutbacks(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        var previous = (minutes: plan.volume?.startWeeklyMinutes ?? Int.max, label: "the starting volume")
        var buildRun = 0
        var lastFull: (minutes: Int, label: String)?
        for week in plan.weeks {
            if week.isCutback {
                if week.running >= previous.minutes {
                    add(.cutbacks, "\(week.label) is marked cutback but runs \(week.running) min after \(previous.minutes) min (\(previous.label)), so it cuts nothing back (M9)")
                } else if Double(week.running) < Double(previous.minutes) * Self.cutbackLeastShare {
                    add(.cutbacks, "\(week.label) is a cutback of \(week.running) min after \(previous.minutes) min (\(previous.label)): less than \(Int(Self.cutbackLeastShare * 100)) % of it is a break, not a cutback (a recovery week cuts 20–30 %)")
                }
                buildRun = 0
            } else if week.phase == "taper" {
                buildRun = 0
                let race = week.sessions.filter { $0.kind == "race" }.reduce(0) { $0 + $1.minutes }
                if let full = lastFull, Double(week.running - race) > Double(full.minutes) * Self.taperMostShare {
                    add(.cutbacks, "\(week.label): race week runs \(week.running - race) min besides the race after \(full.minutes) min (\(full.label)): a taper runs at least \(Int(((1 - Self.taperMostShare) * 100).rounded())) % less (M40)")
                }
            } else {
                buildRun += 1
                if buildRun == Self.buildWeeksBeforeCutback + 1 {
                    add(.cutbacks, "\(week.label) is the \(buildRun)th week in a row without a cutback: a cutback week every 3–4 weeks (M9: work, rest, recover)")
                }
            }
            previous = (week.running, "week \(week.index)")
            if !week.isCutback, week.phase != "taper" { lastFull = previous }
        }
    }

    private func checkLongRun(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        for week in plan.weeks where week.longRun > 0 {
            let limit = (Double(week.running) * Self.longRunShareLimit).rounded(.up)
            if Double(week.longRun) > limit {
                let share = Double(week.longRun) / Double(max(week.running, 1)) * 100
                add(.longRun, "\(week.label): the long run is \(week.longRun) of \(week.running) min (\(Int(share.rounded())) %), over \(Int(Self.longRunShareLimit * 100)) % of the week")
            }
        }
    }

    // MARK: - Budget

    /// The least time the steps take: timed steps, and distance steps at their band's fast end; open steps count nothing.
    static func leastSeconds(_ steps: [CheckedPlan.Step]) -> Double {
        steps.reduce(0) { total, step in
            if let inner = step.steps { return total + Double(max(step.count ?? 1, 0)) * leastSeconds(inner) }
            if let seconds = step.seconds { return total + seconds }
            if let meters = step.meters, let fast = step.target?.secondsPerKm?.fast { return total + meters * fast / 1000 }
            return total
        }
    }

    private func checkBudget(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        for session in plan.weeks.flatMap(\.sessions) where session.kind != "rest" {
            let least = Self.leastSeconds(session.steps) / 60
            if least > Double(session.minutes) + 1 {
                add(.budget, "\(session.label): says \(session.minutes) min but its steps take at least \(Int(least.rounded(.down))) min")
            }
            guard let budget = request.maxSessionMinutes, session.kind != "race" else { continue }
            if session.minutes > budget {
                add(.budget, "\(session.label) takes \(session.minutes) min, over the \(budget) min budget (--max-session; M41)")
            } else if least > Double(budget) + 0.5 {
                add(.budget, "\(session.label): its steps take at least \(Int(least.rounded(.down))) min, over the \(budget) min budget (--max-session; M41)")
            }
        }
    }

    // MARK: - Race week and hard days

    private func checkRaceWeek(_ plan: CheckedPlan, race: Day, days: [String: Day], add: (Check, String) -> Void) {
        let sessions = plan.weeks.flatMap(\.sessions)
        if !sessions.contains(where: { $0.kind == "race" && days[$0.date] == race }) {
            add(.raceWeek, "\(plan.raceDate): no race session on race day (M40)")
        }
        for session in sessions where session.hard && session.kind != "race" {
            guard let day = days[session.date] else { continue }
            let before = day.days(until: race)
            if (1...Self.easyDaysBeforeRace).contains(before) {
                add(.raceWeek, "\(session.label) is hard \(before) day\(before == 1 ? "" : "s") before the race: none in the \(Self.easyDaysBeforeRace) days before it (M40 taper)")
            }
        }
        let legSpeed = sessions.contains { session in
            guard session.rule == "M10", let day = days[session.date] else { return false }
            return (1...Self.legSpeedWindowDays).contains(day.days(until: race))
        }
        if !legSpeed {
            add(.raceWeek, "\(race.adding(days: -Self.legSpeedWindowDays))–\(race.adding(days: -1)): no leg-speed session (M10) in the \(Self.legSpeedWindowDays) days before the race (M40)")
        }
    }

    private func checkHardDays(_ sessions: [CheckedPlan.Session], days: [String: Day], add: (Check, String) -> Void) {
        let hard = Set(sessions.filter(\.hard).compactMap { days[$0.date] })
        for day in hard.sorted() where hard.contains(day.adding(days: 1)) {
            add(.hardDays, "\(day) and \(day.adding(days: 1)) are both hard days: no two hard days in a row (M41)")
        }
    }

    // MARK: - The weekly pattern (M41) and what may only be dropped with a reason

    /// The plan's days of one week, up to the race.
    private func weekDays(_ week: CheckedPlan.Week, race: Day) -> [Day] {
        guard let start = try? Day(parsing: week.start) else { return [] }
        return (0..<7).map { start.adding(days: $0) }.filter { $0 <= race }
    }

    private func checkWeeklyPattern(_ plan: CheckedPlan, race: Day, days: [String: Day], add: (Check, String) -> Void) {
        for week in plan.weeks {
            let speed = week.sessions.filter { $0.kind == "speed" || $0.kind == "time-trial" }
            if speed.count > Self.speedSessionsPerWeek {
                add(.weeklyPattern, "\(week.label): \(speed.count) speed sessions (\(speed.map(\.rule).joined(separator: ", "))), at most \(Self.speedSessionsPerWeek) (M3, M41)")
            }
            let hills = week.sessions.filter { $0.kind == "hills" }
            if hills.count > 1 {
                add(.weeklyPattern, "\(week.label): \(hills.count) hill sessions, at most one (M41)")
            }
            for session in week.sessions where session.kind != "rest" && session.kind != "race" {
                guard let day = days[session.date], !request.days.contains(day.isoWeekday) else { continue }
                // Issue 7: the race week's leg-speed session may take an otherwise free day.
                if session.rule == "M10", (1...Self.legSpeedWindowDays).contains(day.days(until: race)) { continue }
                add(.weeklyPattern, "\(session.label) is on a \(Self.weekdayNames[day.isoWeekday - 1]), not one of the runner's days (\(request.days.sorted().map { Self.weekdayNames[$0 - 1] }.joined(separator: ","))) (M41)")
            }
            let dates = weekDays(week, race: race)
            guard dates.count == 7 else { continue }
            let restDay = dates.contains { day in
                week.sessions.filter { days[$0.date] == day }.allSatisfy { $0.kind == "rest" }
            }
            if !restDay {
                add(.weeklyPattern, "\(week.label): no rest day (M41: at least one a week)")
            }
        }
    }

    private func checkDropped(_ plan: CheckedPlan, race: Day, days: [String: Day], add: (Check, String) -> Void) {
        /// Whether a relaxed entry names one of `rules` (a variant such as `M40-GP` counts as `M40`) for `week` or the whole plan.
        func relaxed(_ rules: Set<String>, week: Int) -> Bool {
            plan.relaxed.contains { entry in
                let base = String(entry.rule.split(separator: "-").first ?? "")
                return (rules.contains(entry.rule) || rules.contains(base)) && (entry.week == nil || entry.week == week)
            }
        }
        for week in plan.weeks {
            let speedWork = week.phase == "speed" || week.phase == "race-specific"
            if speedWork, !week.sessions.contains(where: { $0.kind == "speed" || $0.kind == "time-trial" }),
               !relaxed(["M3", "M41"], week: week.index) {
                add(.dropped, "\(week.label): no speed session and no relaxed entry (M3, M41: one or two a week)")
            }
            let available = weekDays(week, race: race).filter { $0 != race && request.days.contains($0.isoWeekday) }
            if week.phase == "speed", available.count >= 4, !week.sessions.contains(where: { $0.kind == "hills" }),
               !relaxed(["M14", "M15"], week: week.index) {
                add(.dropped, "\(week.label): no hill session although \(available.count) days are free, and no relaxed entry (M14/M15, M41)")
            }
            if week.phase != "taper" {
                let strength = week.sessions.filter { $0.kind == "strength" }.count
                if strength < 2, !relaxed(["M34", "M32"], week: week.index) {
                    add(.dropped, "\(week.label): \(strength) strength session\(strength == 1 ? "" : "s") and no relaxed entry (M34, M41: two a week)")
                }
            }
            let runDays = weekDays(week, race: race).filter { $0 != race && request.days.contains($0.isoWeekday) }
            if week.phase != "taper", runDays.count >= 3, !week.sessions.contains(where: { $0.kind == "easy" || $0.kind == "long" }),
               !relaxed(["M20", "M41"], week: week.index) {
                add(.dropped, "\(week.label): no easy run on any of \(runDays.count) days and no relaxed entry (M20, M41: easy runs on the days without a hard session)")
            }
            if week.phase == "race-specific", !week.sessions.contains(where: \.isGoalPace),
               !relaxed(["M13", "M40"], week: week.index) {
                add(.dropped, "\(week.label): no goal-pace session and no relaxed entry (M13, M40: race-specific work at goal pace)")
            }
        }
    }

    // MARK: - Leg speed

    /// Issue 7: leg-speed recoveries stay full; a session that must be shorter loses reps, not recovery.
    private func checkLegSpeedRecovery(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        func recoveries(_ steps: [CheckedPlan.Step]) -> [Double] {
            steps.flatMap { step -> [Double] in
                if let inner = step.steps { return recoveries(inner) }
                return ["recovery", "rest"].contains(step.intensity) ? [step.seconds ?? 0] : []
            }
        }
        for session in plan.weeks.flatMap(\.sessions) where session.rule == "M10" {
            if let shortest = recoveries(session.steps).min(), shortest < Self.legSpeedRecoverySeconds {
                add(.legSpeedRecovery, "\(session.label): \(Self.time(shortest)) between sprints, short of the full \(Int(Self.legSpeedRecoverySeconds / 60)) min (M10); cut sprints, not recovery")
            }
        }
    }

    private func checkHardestForm(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        for session in plan.weeks.flatMap(\.sessions) {
            guard let ends = Self.progressionEnds[session.rule] else { continue }
            for block in session.steps where block.intensity == "repeat" {
                let recovery = (block.steps ?? []).filter { $0.intensity == "recovery" || $0.intensity == "rest" }.compactMap(\.seconds).min()
                if let count = block.count, let recovery, count >= ends.reps, recovery <= ends.recoverySeconds {
                    add(.hardestForm, "\(session.label): \(count) reps with \(Int(recovery)) s recovery, the most reps and the shortest recovery of \(session.rule) at once")
                }
            }
        }
    }

    // MARK: - Formatting

    /// Time trials every 4–6 weeks (M21): one under four weeks after the last needs a relaxed M21 entry for its week.
    private func checkTimeTrials(_ plan: CheckedPlan, add: (Check, String) -> Void) {
        let trialWeeks = plan.weeks.filter { $0.sessions.contains { $0.kind == "time-trial" } }
        for (earlier, later) in zip(trialWeeks, trialWeeks.dropFirst()) where later.index - earlier.index < Self.timeTrialShortestGapWeeks {
            if !plan.relaxed.contains(where: { $0.rule == "M21" && ($0.week == nil || $0.week == later.index) }) {
                add(.timeTrials, "\(later.label): a time trial \(later.index - earlier.index) weeks after week \(earlier.index)'s and no relaxed entry (M21: every 4–6 weeks)")
            }
        }
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func pace(_ secondsPerKm: Double) -> String {
        let whole = Int(secondsPerKm.rounded())
        return "\(whole / 60):\(String(format: "%02d", whole % 60))/km"
    }

    static func time(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        let minutes = tenths / 600
        let rest = Double(tenths % 600) / 10
        return minutes > 0 ? "\(minutes):\(String(format: "%04.1f", rest))" : String(format: "%.1f s", rest)
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "−") + abs(value).formatted(.number.precision(.fractionLength(1)))
    }
}
