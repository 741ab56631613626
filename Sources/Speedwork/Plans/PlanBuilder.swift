/// Builds a periodized plan from a ``PlanRequest`` (M40–M44).
///
/// Phases (M40): base when the runner has fewer than 12 weeks of it (M8), speed development,
/// race-specific work at the goal race's pace (M13 for the mile, ``GoalPaceSession`` for every
/// goal distance), and a taper week with a leg-speed session (M10) three to five days before the
/// race and no hard session in the two days before it. Each week (M41): one or two speed sessions
/// (two when five or more days are available), a hill session in the speed phase when the days
/// allow, two strength sessions (M34) on easy days never back to back nor the day before a hard
/// day, easy runs on the other available days, at least one rest day, no two hard days in a row,
/// a time trial (M21) at most every fifth week of speed work. Goal-pace targets come from the
/// best reachable goal (``GoalFeasibility/reachableGoal``), and no rep of 400 m or more is faster
/// than the runner's current race time over it. Weekly running follows ``WeeklyVolume``. Every
/// session fits the time budget, warm-up and cool-down included, shortened when needed
/// (``SessionLibrary/fitted(rule:budget:_:)``). What cannot be kept is listed in
/// ``Plan/relaxed`` with the reason. Deterministic: the same request gives the same plan.
public struct PlanBuilder: Sendable {
    public let sessions: any SessionSource

    /// Weeks of speed work between time trials (M21: every 4–6 weeks).
    public static let timeTrialEvery = 5
    /// The longest race-specific phase, in weeks (product setting: a third of the speed work, at
    /// most six weeks, so the time trial before it still covers it, M21).
    public static let longestRaceSpecificPhase = 6
    /// The longest gap the method allows between time trials (M21).
    public static let timeTrialLongestGap = 6
    /// Days before the race that may hold race week's leg-speed session: never the two days before
    /// it (no hard session then), within five days (M10, M40).
    public static let raceWeekLegSpeedDays = 3...5
    /// A hard session's largest share of the week's running, warm-up and cool-down included
    /// (product setting after Daniels' caps on quality running per session: 8–10 % of the week's
    /// volume at I or T pace, here with the frame around it), and the floor below which no
    /// session is cut.
    public static let hardSessionShare = 0.35
    /// The shortest a hard session is cut to for a small week, in minutes.
    public static let shortestHardSession = 35
    /// All hard sessions' largest share of the week's running (product setting; the rest is easy
    /// running, M2, M3).
    public static let hardWeekShare = 0.6
    /// How far under the week's planned running a week may fall before a speed session's
    /// cool-down grows to carry more of it, and the most it grows (product settings).
    public static let volumeTolerance = 0.05
    /// The most a speed session's cool-down jog grows to carry the week's volume, in minutes.
    public static let longestCoolDownExtension = 20
    /// The longest the race-week leg-speed session takes when it goes on a free day, in minutes.
    public static let raceWeekLegSpeedMinutes = 35
    /// VDOT under which easy runs are written as run/walk (product setting: novices, docs/plans.md).
    public static let walkRunBelowVDOT = 33.0

    public init(sessions: any SessionSource) {
        self.sessions = sessions
    }

    /// Why a plan's targets use ``GoalFeasibility/reachableGoal``: one sentence.
    public static func targetGoalReason(_ feasibility: GoalFeasibility, goal: Performance) -> String {
        switch feasibility.verdict {
        case .realistic:
            "the goal is realistic in the time left, so every goal-pace target is the goal's own pace"
        case .ambitious, .unrealistic:
            "the goal \(goal.written) is \(feasibility.verdict.rawValue), so goal-pace targets use \(feasibility.reachableGoal.written), the best time realistically reachable by race day; run the goal on the day if you are ahead"
        }
    }

    /// Everything one week's scheduling needs from the weeks before it.
    struct Progress {
        var placed: [Plan.Session] = []
        /// The running minutes of the last full (not cutback) week the plan gave, or the start.
        var lastFullWeekMinutes: Int
        /// The planned running minutes of a full week, before this one.
        var level: Double
    }

    /// The week's running time (``WeeklyVolume``): the planned level grown 8 % (a full week), 75 %
    /// of it (cutback) or 60 % (taper), never more than +10 % over the last full week run.
    func weekTarget(_ week: Plan.Week, progress: Progress, request: PlanRequest) -> (total: Int, ceiling: Int, level: Double) {
        let start = Double(request.volume.startMinutes)
        let level = week.index == 1 ? start
            : min(progress.level * (1 + WeeklyVolume.weeklyGrowth), max(start * WeeklyVolume.peakShare, progress.level))
        let wanted: Double
        switch (week.phase, week.cutback) {
        case (.taper, _): wanted = progress.level * WeeklyVolume.taperShare
        case (_, true): wanted = progress.level * WeeklyVolume.cutbackShare
        default: wanted = level
        }
        var ceiling = Int((Double(progress.lastFullWeekMinutes) * (1 + WeeklyVolume.maximumGrowth)).rounded(.down))
        // A cutback week always runs less than the full week before it.
        if week.cutback { ceiling = min(ceiling, Int(Double(progress.lastFullWeekMinutes) * WeeklyVolume.cutbackCeiling)) }
        return (min(Int(wanted.rounded()), ceiling), ceiling, week.cutback || week.phase == .taper ? progress.level : level)
    }

    public func build(_ request: PlanRequest) throws -> Plan {
        var relaxed: [Plan.Relaxation] = []
        let feasibility = GoalFeasibility(fitness: request.fitness, goal: request.goal, days: request.start.days(until: request.raceDay),
                                          baseWeeks: request.baseWeeks)
        let target = feasibility.reachableGoal
        let phases = phaseLayout(request, relaxed: &relaxed)
        let raceSpecificWeeks = phases.filter { $0 == .raceSpecific }.count
        let lastSpeedWeek = phases.lastIndex(of: .speed)
        var weeks: [Plan.Week] = []
        var progress = Progress(lastFullWeekMinutes: request.volume.startMinutes, level: Double(request.volume.startMinutes))
        var speedWeeksSinceTrial = 0
        var speedWeekCounter = 0
        for (index, phase) in phases.enumerated() {
            let start = request.start.adding(days: 7 * index)
            let weekOfPhase = phases[..<index].reversed().prefix { $0 == phase }.count + 1
            var hardRules: [String] = []
            var hill: String?
            let days = (0..<7).map { start.adding(days: $0) }.filter { $0 <= request.raceDay }
            let available = days.filter { request.days.contains(Weekday($0)) && $0 != request.raceDay }
            let two = available.count >= 5
            switch phase {
            case .base:
                hardRules = ["M10"]
            case .speed:
                speedWeekCounter += 1
                speedWeeksSinceTrial += 1
                // Each session of the speed phase leads a week in turn, so none is lost when a
                // week holds only one; a hill session every week the days allow (M14 and M15 in
                // turn), in place of the second speed session when the week cannot hold both.
                let rotation = two ? [["M11", "M17"], ["M17", "M12"], ["M12", "M18"], ["M18", "M11"], ["M16", "M17"]]
                                   : [["M11"], ["M17"], ["M12"], ["M18"], ["M16"]]
                hardRules = rotation[(speedWeekCounter - 1) % rotation.count]
                if available.count >= 4 { hill = weekOfPhase % 2 == 1 ? "M14" : "M15" }
                let trialBeforeRaceSpecific = index == lastSpeedWeek && speedWeeksSinceTrial + raceSpecificWeeks > Self.timeTrialLongestGap
                if speedWeeksSinceTrial >= Self.timeTrialEvery || trialBeforeRaceSpecific {
                    hardRules[0] = "M21"
                    speedWeeksSinceTrial = 0
                }
            case .raceSpecific:
                speedWeekCounter += 1
                speedWeeksSinceTrial += 1
                hardRules = two ? ["goal", ["M11", "M12", "M10"][(weekOfPhase - 1) % 3]] : ["goal"]
                if speedWeeksSinceTrial >= Self.timeTrialEvery, two, phases.count - 1 - index >= 2 {
                    hardRules[1] = "M21"
                    speedWeeksSinceTrial = 0
                }
            case .taper:
                hardRules = ["M10"]
            }
            let cutback = phase != .taper && (index + 1) % WeeklyVolume.cutbackEvery == 0
            var week = Plan.Week(index: index + 1, start: start, phase: phase, weekOfPhase: weekOfPhase, sessions: [], cutback: cutback)
            let goalStep = GoalPaceSession.stepIndex(week: weekOfPhase, of: raceSpecificWeeks,
                                                     stepCount: GoalPaceSession.steps(for: target.distance).count)
            week.sessions = try schedule(week: week, days: days, available: available, hardRules: hardRules, hill: hill,
                                         goal: (target, goalStep), request: request, progress: progress, relaxed: &relaxed)
            progress.placed += week.sessions
            progress.level = weekTarget(week, progress: progress, request: request).level
            if !cutback, phase != .taper { progress.lastFullWeekMinutes = week.runningMinutes }
            weeks.append(week)
        }
        try keepRaceWeekLegSpeed(&weeks, request: request, relaxed: &relaxed)
        return Plan(request: request, feasibility: feasibility, weeks: weeks, relaxed: relaxed, targetGoal: target,
                    targetGoalReason: Self.targetGoalReason(feasibility, goal: request.goal))
    }

    /// When the race falls early in its week, the days three to five before it lie in the week
    /// before: a short leg-speed session (M10, M40) goes on the latest of them that no hard or
    /// strength session next to it rules out, in place of an easy run; on a day that is not the
    /// runner's, the plan says so in `relaxed`.
    private func keepRaceWeekLegSpeed(_ weeks: inout [Plan.Week], request: PlanRequest, relaxed: inout [Plan.Relaxation]) throws {
        let race = request.raceDay
        let planned = weeks.flatMap(\.sessions)
        guard !planned.contains(where: { $0.workout.rule == "M10" && (1...5).contains($0.day.days(until: race)) }) else { return }
        let window = Self.raceWeekLegSpeedDays.map { race.adding(days: -$0) }.filter { $0 >= request.start }
        // A speed or hill session already in the window becomes the leg-speed session; a
        // goal-pace one only when another week keeps goal-pace work.
        let goalPaceWeeks = Set(weeks.filter { $0.sessions.contains(where: \.goalPace) }.map(\.index))
        for goalPaceToo in [false, true] {
            for day in window {
                guard let index = weeks.firstIndex(where: { $0.start <= day && day < $0.start.adding(days: 7) }),
                      let position = weeks[index].sessions.firstIndex(where: { $0.day == day && [.speed, .hills].contains($0.workout.kind)
                          && (!$0.goalPace || (goalPaceToo && goalPaceWeeks.subtracting([weeks[index].index]).count > 0)) }),
                      let workout = try sessions.fitted(rule: "M10", week: 1, budget: request.maxSessionMinutes) else { continue }
                let replaced = weeks[index].sessions[position]
                let before = weeks[index].runningMinutes
                weeks[index].sessions[position] = Plan.Session(day: day, workout: workout, minutes: minutes(workout, request))
                rebalance(&weeks[index], before: before, request: request)
                if replaced.workout.kind == .hills || replaced.goalPace {
                    relaxed.append(Plan.Relaxation(
                        rule: replaced.goalPace ? GoalPaceSession.relaxedRule(goal: request.goal.distance) : replaced.workout.rule,
                        why: "its day, \(day.days(until: race)) days before the race, takes race week's leg speed (M10, M40), and no other day of the week can hold it",
                        week: weeks[index].index))
                }
                return
            }
        }
        let hard = Set(planned.filter { $0.workout.isHard }.map(\.day))
        // The latest day of the window with no hard day next to it; strength on it or the day
        // before gives way (M34: never the day before a hard session).
        guard let day = window.first(where: { day in
                  !hard.contains(day) && !hard.contains(day.adding(days: -1)) && !hard.contains(day.adding(days: 1))
              }),
              let index = weeks.firstIndex(where: { $0.start <= day && day < $0.start.adding(days: 7) }),
              let workout = try legSpeed(fitting: min(request.maxSessionMinutes ?? Self.raceWeekLegSpeedMinutes, Self.raceWeekLegSpeedMinutes))
        else {
            relaxed.append(Plan.Relaxation(rule: "M10", why: "no day 3–5 days before the race can hold the leg-speed session without a hard day next to it", week: weeks.count))
            return
        }
        for position in weeks.indices {
            let before = weeks[position].sessions.count
            weeks[position].sessions.removeAll { $0.workout.kind == .strength && ($0.day == day || $0.day == day.adding(days: -1)) }
            if weeks[position].sessions.count < before, weeks[position].phase != .taper {
                relaxed.append(Plan.Relaxation(rule: "M34", why: "race week's leg speed (M10) on \(Weekday(day).shortName) \(day) takes a strength day (never the day before or on a hard day)", week: weeks[position].index))
            }
        }
        let before = weeks[index].runningMinutes
        weeks[index].sessions.removeAll { $0.day == day && $0.workout.kind.isRun }
        weeks[index].sessions.append(Plan.Session(day: day, workout: workout, minutes: minutes(workout, request)))
        // One or two speed sessions a week (M3): a second one gives way to the leg speed.
        let speed = weeks[index].sessions.indices.filter { [.speed, .timeTrial].contains(weeks[index].sessions[$0].workout.kind) }
        if speed.count > 2, let drop = speed.last(where: { weeks[index].sessions[$0].day != day && !weeks[index].sessions[$0].goalPace
                                                        && weeks[index].sessions[$0].workout.kind == .speed }) {
            weeks[index].sessions.remove(at: drop)
        }
        rebalance(&weeks[index], before: before, request: request)
        weeks[index].sessions.sort { ($0.day, $0.workout.kind.isRun ? 0 : 1) < ($1.day, $1.workout.kind.isRun ? 0 : 1) }
        if !request.days.contains(Weekday(day)) {
            relaxed.append(Plan.Relaxation(
                rule: "M41", why: "race week needs leg speed (M10) 3–5 days before the race and none of your days there can hold it: a short one on \(Weekday(day).shortName) \(day)",
                week: weeks[index].index))
        }
    }

    /// After race week's leg speed changed a week: it runs no more than `before` (easy runs give
    /// back what was added, longest first) and its long run stays within 30 % of it.
    private func rebalance(_ week: inout Plan.Week, before: Int, request: PlanRequest) {
        if week.phase != .taper {
            for _ in 0..<week.sessions.count {
                let excess = week.runningMinutes - before
                guard excess > 0, let longest = week.sessions.indices
                    .filter({ [.easy, .long].contains(week.sessions[$0].workout.kind) && week.sessions[$0].minutes > WeeklyVolume.shortestEasyRun })
                    .max(by: { week.sessions[$0].minutes < week.sessions[$1].minutes }) else { break }
                let run = week.sessions[longest]
                let shorter = max(WeeklyVolume.shortestEasyRun, run.minutes - excess)
                week.sessions[longest] = easyRun(minutes: shorter, long: run.workout.kind == .long, day: run.day, request: request)
            }
        }
        if let long = week.sessions.firstIndex(where: { $0.workout.kind == .long }) {
            let run = week.sessions[long]
            let others = week.runningMinutes - run.minutes
            let cap = Int(Double(others) * WeeklyVolume.longRunShare / (1 - WeeklyVolume.longRunShare))
            if run.minutes > cap {
                week.sessions[long] = easyRun(minutes: max(cap, 10), long: true, day: run.day, request: request)
            }
        }
        week.sessions.sort { ($0.day, $0.workout.kind.isRun ? 0 : 1) < ($1.day, $1.workout.kind.isRun ? 0 : 1) }
    }

    /// The short leg-speed session of race week, within `budget` minutes.
    private func legSpeed(fitting budget: Int) throws -> Workout? {
        try sessions.fitted(rule: "M10", week: 1, budget: budget)
    }

    // MARK: - Phases

    /// One phase per week, in order.
    func phaseLayout(_ request: PlanRequest, relaxed: inout [Plan.Relaxation]) -> [Plan.Phase] {
        let weekCount = (request.start.days(until: request.raceDay) + 7) / 7
        let beforeTaper = weekCount - 1
        let baseNeeded = max(0, 12 - request.baseWeeks)
        var base = 0
        if baseNeeded > 0 {
            base = min(baseNeeded, max(0, beforeTaper - 2))
            if base < baseNeeded {
                relaxed.append(Plan.Relaxation(
                    rule: "M8",
                    why: "\(weekCount) weeks to the race leave room for \(base) of the \(baseNeeded) base weeks still needed (12 weeks of base before speed work); speed work starts on a shorter base (a runner who already runs regularly should give their weeks of base)",
                    week: nil))
            }
        }
        let rest = beforeTaper - base
        let raceSpecific = min(Self.longestRaceSpecificPhase, rest >= 3 ? max(1, rest / 3) : (rest >= 2 ? 1 : 0))
        let speed = rest - raceSpecific
        return Array(repeating: .base, count: base) + Array(repeating: .speed, count: speed)
            + Array(repeating: .raceSpecific, count: raceSpecific) + [.taper]
    }

    // MARK: - One week

    private func schedule(week: Plan.Week, days: [Day], available: [Day], hardRules: [String], hill: String?,
                          goal: (performance: Performance, step: Int), request: PlanRequest, progress: Progress,
                          relaxed: inout [Plan.Relaxation]) throws -> [Plan.Session] {
        let placed = progress.placed
        let previousHard = Set(placed.filter { $0.workout.isHard }.map(\.day))
        let previousStrength = Set(placed.filter { $0.workout.kind == .strength }.map(\.day))
        let isTaper = week.phase == .taper
        let fixedHard: [Day] = isTaper ? [request.raceDay] : []

        // The full set of hard sessions first; then the first speed session with the hill; then
        // the speed sessions without the hill; then one speed session.
        var attempts: [[String]] = [hardRules + (hill.map { [$0] } ?? [])]
        if let hill, hardRules.count > 1 { attempts.append([hardRules[0], hill]) }
        if hill != nil { attempts.append(hardRules) }
        if hardRules.count > 1 { attempts.append([hardRules[0]]) }
        let strengthWanted = isTaper ? 1 : 2
        var choice: (hard: [Day], strength: [Day], rules: [String])?
        // Before race week the five days before the race stay free of hard sessions when they can
        // (they hold race week's leg speed); never the two days before it.
        let quiet = isTaper ? [2] : [5, 2]
        search: for strengthCount in stride(from: strengthWanted, through: 0, by: -1) {
            for quietDays in quiet {
            for rules in attempts {
                if let found = bestPlacement(available: available, hardCount: rules.count, strengthCount: strengthCount,
                                             fixedHard: fixedHard, previousHard: previousHard, previousStrength: previousStrength,
                                             taperRaceDay: isTaper ? request.raceDay : nil, raceDay: request.raceDay, quietDays: quietDays,
                                             allDays: days) {
                    choice = (found.hard, found.strength, rules)
                    if strengthCount < strengthWanted, !isTaper {
                        relaxed.append(Plan.Relaxation(
                            rule: "M34", why: "the available days (\(available.map { Weekday($0).shortName }.joined(separator: ","))) leave room for \(strengthCount) strength session\(strengthCount == 1 ? "" : "s") that are not back to back, not on a hard day and not the day before one",
                            week: week.index))
                    }
                    break search
                }
            }
            }
        }
        var result: [Plan.Session] = []
        var hardDays: [Day] = []
        var strengthDays: [Day] = []
        if let choice {
            hardDays = choice.hard
            strengthDays = choice.strength
            if let hill, !choice.rules.contains(hill) {
                relaxed.append(Plan.Relaxation(
                    rule: hill, why: "the available days (\(available.map { Weekday($0).shortName }.joined(separator: ","))) cannot hold the hill session besides the speed work without two hard days in a row or losing a strength day",
                    week: week.index))
            }
            // Hard sessions: speed sessions around the hill session, in date order.
            var ordered = choice.rules
            if ordered.count == 3 { ordered = [ordered[0], ordered[2], ordered[1]] }
            let total = weekTarget(week, progress: progress, request: request).total
            // Few running days leave the hard session a larger share (three runs: 40 %, the long run
            // and the easy run 30 % each).
            let runningDays = available.count - (available.count == 7 ? 1 : 0)
            let share = max(Self.hardSessionShare, 1 - WeeklyVolume.longRunShare * Double(max(runningDays - 1, 1)))
            let volumeBudget = isTaper ? Int.max : max(Self.shortestHardSession, Int(Double(total) * share))
            let budget = min(request.maxSessionMinutes ?? Int.max, volumeBudget)
            let budgetText = budget == request.maxSessionMinutes ? "the \(budget) min budget"
                : budget == Int.max ? "the week" : "the \(budget) min your weekly running (\(total) min) leaves for one session"
            for (day, rule) in zip(choice.hard.sorted(), ordered) {
                let taken = Set(result.map(\.workout.rule) + ordered.filter { $0 != rule })
                if let session = try hardSession(rule: rule, week: week, day: day, avoiding: taken, goal: goal,
                                                  budget: budget == Int.max ? nil : budget, budgetText: budgetText,
                                                  request: request, relaxed: &relaxed) {
                    result.append(session)
                }
            }
            // Hard sessions take at most their share of the week's running: the second speed
            // session goes first (M41 asks for one or two), then the hill.
            func secondSpeed() -> Int? {
                let speed = result.indices.filter { [.speed, .timeTrial].contains(result[$0].workout.kind) }
                return speed.count > 1 ? speed.last { !result[$0].goalPace && result[$0].workout.kind != .timeTrial } : nil
            }
            while !isTaper, result.count > 1,
                  Double(result.reduce(0) { $0 + $1.minutes }) > Double(total) * Self.hardWeekShare,
                  let drop = secondSpeed() ?? result.lastIndex(where: { $0.workout.kind == .hills }) {
                if result[drop].workout.kind == .hills {
                    relaxed.append(Plan.Relaxation(
                        rule: result[drop].workout.rule,
                        why: "a hill session besides the speed work would make hard sessions more than \(Int(Self.hardWeekShare * 100)) % of this week's \(total) min of running",
                        week: week.index))
                }
                result.remove(at: drop)
            }
            hardDays = result.map(\.day)
        } else if isTaper {
            // Race week keeps its leg speed (M10, M40): a short session on a free day three to five
            // days before the race when none of the runner's days falls there.
            let free = days.filter { Self.raceWeekLegSpeedDays.contains($0.days(until: request.raceDay)) }
                .filter { day in !previousHard.contains(day.adding(days: -1)) && !previousStrength.contains(day.adding(days: -1)) }
            if let day = free.last, let workout = try legSpeed(fitting: min(request.maxSessionMinutes ?? Self.raceWeekLegSpeedMinutes, Self.raceWeekLegSpeedMinutes)) {
                result.append(Plan.Session(day: day, workout: workout, minutes: minutes(workout, request)))
                hardDays = [day]
                relaxed.append(Plan.Relaxation(
                    rule: "M41", why: "race week needs leg speed (M10) 3–5 days before the race and none of your days there can hold it (none falls there, or it follows a hard or strength day): a short one on \(Weekday(day).shortName) \(day)",
                    week: week.index))
            }
            if let day = available.filter({ $0.days(until: request.raceDay) >= 3 && !hardDays.contains($0)
                && !hardDays.contains($0.adding(days: 1)) && !previousStrength.contains($0.adding(days: -1)) }).first {
                strengthDays = [day]
            }
        } else {
            relaxed.append(Plan.Relaxation(rule: "M41", why: "no day this week can hold a speed session without two hard days in a row", week: week.index))
        }
        if isTaper { result.append(try race(goal.performance, request)) }

        // Easy days: the rest of the available days, keeping at least one day of the week free.
        var easyDays = available.filter { !hardDays.contains($0) }
        let busy = Set(easyDays + hardDays + strengthDays + (isTaper ? [request.raceDay] : []))
        if days.count > 1, days.allSatisfy({ busy.contains($0) }) {
            let candidates = easyDays.filter { !strengthDays.contains($0) }
            let dayBeforeRace = request.raceDay.adding(days: -1)
            if let rest = candidates.contains(dayBeforeRace) ? dayBeforeRace : candidates.last {
                easyDays.removeAll { $0 == rest }
            }
        }
        // No long run in the six days before the race, whichever week they fall in.
        let longDays = easyDays.filter { $0.days(until: request.raceDay) > 6 }
        let longDay = isTaper ? nil : (longDays.last { [.sunday, .saturday].contains(Weekday($0)) } ?? longDays.last)
        var runs = easyRuns(on: easyDays, longDay: longDay, week: week, hard: result.filter(\.isRunning).reduce(0) { $0 + $1.minutes },
                            request: request, progress: progress)
        // With few running days the long run's 30 % leaves the week short: the first speed
        // session's cool-down jog grows (by up to 20 min, within the budget) to carry the rest.
        let total = weekTarget(week, progress: progress, request: request).total
        func shortfall(_ sessions: [Plan.Session]) -> Int { total - sessions.filter(\.isRunning).reduce(0) { $0 + $1.minutes } }
        if !isTaper, let first = result.firstIndex(where: { $0.workout.kind == .speed || $0.workout.kind == .timeTrial }),
           Double(shortfall(result + runs)) > Double(total) * Self.volumeTolerance {
            let original = result[first]
            for extra in stride(from: 5, through: Self.longestCoolDownExtension, by: 5) {
                let workout = original.workout.withCoolDownJog(longerBy: .minutes(Double(extra)))
                let minutes = minutes(workout, request)
                guard minutes <= request.maxSessionMinutes ?? Int.max else { break }
                var trial = result
                trial[first] = Plan.Session(day: original.day, workout: workout, minutes: minutes, goalPace: original.goalPace)
                let trialRuns = easyRuns(on: easyDays, longDay: longDay, week: week, hard: trial.filter(\.isRunning).reduce(0) { $0 + $1.minutes },
                                         request: request, progress: progress)
                guard abs(shortfall(trial + trialRuns)) < abs(shortfall(result + runs)) else { continue }
                result = trial
                runs = trialRuns
                if Double(shortfall(result + runs)) <= Double(total) * Self.volumeTolerance { break }
            }
        }
        result += runs
        for day in strengthDays {
            let routine = sessions.strength(request.strength, budget: request.maxSessionMinutes)
            result.append(Plan.Session(day: day, workout: routine, minutes: minutes(routine, request)))
        }
        return result.sorted { ($0.day, $0.workout.kind.isRun ? 0 : 1) < ($1.day, $1.workout.kind.isRun ? 0 : 1) }
    }

    /// The best days for the hard and strength sessions of a week, or `nil` when none fit.
    private func bestPlacement(available: [Day], hardCount: Int, strengthCount: Int, fixedHard: [Day],
                               previousHard: Set<Day>, previousStrength: Set<Day>, taperRaceDay: Day?, raceDay: Day, quietDays: Int,
                               allDays: [Day])
        -> (hard: [Day], strength: [Day])?
    {
        var best: (score: [Int], hard: [Day], strength: [Day])?
        for hard in combinations(available, hardCount) {
            if let race = taperRaceDay, !hard.allSatisfy({ Self.raceWeekLegSpeedDays.contains($0.days(until: race)) }) { continue }
            // Nothing hard in the `quietDays` days before the race, whichever week they fall in.
            if hard.contains(where: { (1...quietDays).contains($0.days(until: raceDay)) }) { continue }
            let allHard = Set(hard + fixedHard).union(previousHard)
            guard hard.allSatisfy({ !allHard.contains($0.adding(days: -1)) && !allHard.contains($0.adding(days: 1)) }),
                  hard.allSatisfy({ !previousStrength.contains($0.adding(days: -1)) })
            else { continue }
            let rest = available.filter { !hard.contains($0) }
            for strength in combinations(rest, strengthCount) {
                let strengthDays = Set(strength).union(previousStrength)
                guard strength.allSatisfy({ !strengthDays.contains($0.adding(days: -1)) && !strengthDays.contains($0.adding(days: 1)) }),
                      strength.allSatisfy({ !allHard.contains($0.adding(days: 1)) && !allHard.contains($0) })
                else { continue }
                if !strength.allSatisfy({ $0.days(until: raceDay) >= 3 }) { continue }
                // A seven-day week needs a free day besides these.
                if allDays.count == 7, available.count == 7, hard.count + strength.count >= 7 { continue }
                let sortedHard = (hard + fixedHard + previousHard.filter { $0.days(until: allDays[0]) <= 3 }).sorted()
                let gaps = zip(sortedHard, sortedHard.dropFirst()).map { $0.days(until: $1) }
                let weekendHard = hard.filter { [.saturday, .sunday].contains(Weekday($0)) }.count
                let score = [gaps.min() ?? 7, -weekendHard, -(hard.first.map { $0.daysSinceEpoch } ?? 0)]
                if best.map({ $0.score.lexicographicallyPrecedes(score) }) ?? true {
                    best = (score, hard, strength)
                }
            }
        }
        return best.map { ($0.hard, $0.strength) }
    }

    // MARK: - Sessions

    /// Shorter sessions of the method that stand in when a session cannot fit the time budget
    /// even shortened (M41: a session fits the runner's time budget).
    static let standIns: [String: [String]] = [
        "M17": ["M12", "M11", "M10"], "M18": ["M12", "M11", "M10"], "M13": ["M12", "M11", "M10"],
        "M16": ["M11", "M10"], "M12": ["M11", "M10"], "M11": ["M10"], "M14": ["M15", "M10"], "M15": ["M10"],
        "M21": ["M10"],
    ]

    /// The hard session of `rule` ("goal" for the week's goal-pace session), as large as fits the
    /// budget and with no rep faster than today's race time over its distance; when it cannot
    /// fit, a stand-in (listed in `relaxed`), else nothing (listed in `relaxed`).
    private func hardSession(rule: String, week: Plan.Week, day: Day, avoiding taken: Set<String>,
                             goal: (performance: Performance, step: Int), budget: Int?, budgetText: String, request: PlanRequest,
                             relaxed: inout [Plan.Relaxation]) throws -> Plan.Session? {
        if rule == "goal" {
            // The planned step, then shorter reps, each only when no rep beats today's race time.
            let steps = GoalPaceSession.steps(for: goal.performance.distance)
            for step in steps[...min(goal.step, steps.count - 1)].reversed() + GoalPaceSession.shortReps {
                if let workout = try sessions.goalPace(goal: goal.performance, step: step, week: week.weekOfPhase, budget: budget),
                   !isFasterThanToday(workout, request) {
                    return Plan.Session(day: day, workout: workout, minutes: minutes(workout, request), goalPace: true)
                }
            }
            let goalRule = GoalPaceSession.relaxedRule(goal: goal.performance.distance)
            relaxed.append(Plan.Relaxation(
                rule: goalRule, why: "no goal-pace session fits \(budgetText) with reps no faster than your current race times",
                week: week.index))
            return try hardSession(rule: "M10", week: week, day: day, avoiding: taken, goal: goal, budget: budget, budgetText: budgetText,
                                   request: request, relaxed: &relaxed)
        }
        let standIns = Self.standIns[rule] ?? []
        for candidate in [rule] + standIns.filter({ !taken.contains($0) }) + standIns.filter({ taken.contains($0) }) {
            guard let workout = try sessions.fitted(rule: candidate, week: week.weekOfPhase, budget: budget),
                  !isFasterThanToday(workout, request) else { continue }
            if candidate != rule {
                relaxed.append(Plan.Relaxation(
                    rule: rule, why: "\(rule) does not fit \(budgetText) even shortened; \(candidate) stands in", week: week.index))
            }
            return Plan.Session(day: day, workout: workout, minutes: minutes(workout, request))
        }
        relaxed.append(Plan.Relaxation(rule: "M41", why: "\(rule) does not fit \(budgetText) even shortened, nor does a shorter session of the method", week: week.index))
        return nil
    }

    /// Whether any rep of 400 m or more aims faster than the runner's race time over it today.
    private func isFasterThanToday(_ workout: Workout, _ request: PlanRequest) -> Bool {
        workout.expandedSteps.contains { step in
            guard step.intensity == .active, case .distance(let distance) = step.length, distance.meters >= 400,
                  case .pace(let band) = step.target else { return false }
            return band.fast.time(for: distance) < request.fitness.time(for: distance)
        }
    }

    private func minutes(_ workout: Workout, _ request: PlanRequest) -> Int {
        workout.minutes(openPace: TrainingPaces.pace(.easy, vdot: request.fitness.vdot).middle)
    }

    /// The week's easy runs (M20): what the week's running time (``WeeklyVolume``) leaves after
    /// the hard sessions, the long run at most 30 % of the week and sized for the goal, every run
    /// within the budget and at least ``WeeklyVolume/shortestEasyRun`` minutes (days that cannot
    /// hold that stay rest days).
    private func easyRuns(on days: [Day], longDay: Day?, week: Plan.Week, hard: Int, request: PlanRequest,
                          progress: Progress) -> [Plan.Session] {
        let (total, ceiling, _) = weekTarget(week, progress: progress, request: request)
        let budget = request.maxSessionMinutes ?? 600
        var runDays = days
        while !runDays.isEmpty {
            let long = longDay.flatMap { runDays.contains($0) ? $0 : nil }
            let others = runDays.count - (long == nil ? 0 : 1)
            if let (longMinutes, each) = fill(total: total, ceiling: ceiling, hard: hard, others: others, long: long != nil,
                                              longCap: min(WeeklyVolume.longRunCap(for: request.goal.distance), budget), budget: budget) {
                return runDays.map { day in
                    easyRun(minutes: day == long ? longMinutes : each, long: day == long, day: day, request: request)
                }
            }
            // Fewer easy days when the week's time cannot give each its shortest run.
            let drop = runDays.last { $0 != longDay } ?? runDays[0]
            runDays.removeAll { $0 == drop }
        }
        return []
    }

    /// Minutes for the long run and each other easy run so that the week comes near `total`,
    /// stays within `ceiling`, every run lies between the shortest easy run and the budget, no
    /// easy run is longer than the long run, and the long run is at most 30 % of the week; `nil`
    /// when the runs cannot all have their shortest length.
    private func fill(total: Int, ceiling: Int, hard: Int, others: Int, long: Bool, longCap: Int, budget: Int) -> (long: Int, each: Int)? {
        let shortest = WeeklyVolume.shortestEasyRun
        var best: (miss: Int, long: Int, each: Int)?
        let longRange = long ? Array(shortest...max(shortest, longCap)) : [0]
        for longMinutes in longRange {
            // Each other run: as near the even share of what is left as the ceiling, the long
            // run's 30 % and the run lengths allow.
            var each = 0
            if others > 0 {
                let rest = Double(hard + longMinutes)
                let upper = min(budget, long ? longMinutes : budget, Int((Double(ceiling) - rest) / Double(others)))
                let shareFloor = long ? Int((Double(longMinutes) / WeeklyVolume.longRunShare - rest) / Double(others)) : 0
                let lower = max(shortest, shareFloor)
                guard lower <= upper else { continue }
                each = min(upper, max(lower, (total - hard - longMinutes) / others))
            }
            var candidates = [each]
            if others > 0 { candidates.append(each + 1) }
            for each in candidates {
                let actual = hard + longMinutes + each * others
                guard actual <= ceiling, each <= budget, !long || each <= longMinutes,
                      !long || Double(longMinutes) <= Double(actual) * WeeklyVolume.longRunShare else { continue }
                let miss = abs(actual - total)
                if best.map({ miss < $0.miss || (miss == $0.miss && longMinutes > $0.long) }) ?? true {
                    best = (miss, longMinutes, each)
                }
            }
        }
        return best.map { ($0.long, $0.each) }
    }

    /// An easy run (M20) of `minutes` in all: 5 min walk or jog, easy running (run/walk for
    /// novices), 5 min walk or jog.
    private func easyRun(minutes total: Int, long: Bool, day: Day, request: PlanRequest) -> Plan.Session {
        let easy = TrainingPaces.pace(.easy, vdot: request.fitness.vdot)
        let main = max(5, total - 10)
        let walkRun = request.fitness.vdot < Self.walkRunBelowVDOT
        let rest = main % 5
        let body: [WorkoutBlock] = walkRun
            ? [.repeats(count: main / 5, steps: [
                WorkoutStep(.active, .time(.minutes(4)), target: .pace(easy), name: "Run easy", note: "conversational (M2)"),
                WorkoutStep(.recovery, .time(.minutes(1)), target: .effort(1...1), name: "Walk"),
              ])] + (rest > 0 ? [.step(WorkoutStep(.active, .time(.minutes(Double(rest))), target: .pace(easy), name: "Run easy"))] : [])
            : [.step(WorkoutStep(.active, .time(.minutes(Double(main))), target: .pace(easy), name: "Easy run", note: "conversational; walking is fine (M2)"))]
        let length = main + 10
        let name = long ? "Long easy run" : (walkRun ? "Run/walk" : "Easy run")
        let workout = Workout(
            rule: "M20", kind: long ? .long : .easy, title: "\(name), \(length) min",
            blocks: [.step(WorkoutStep(.warmup, .time(.minutes(5)), target: .effort(1...1), name: "Warm-up walk/jog", note: "brisk walk or easy jog (M4)"))]
                + body
                + [.step(WorkoutStep(.cooldown, .time(.minutes(5)), target: .effort(1...1), name: "Cool-down", note: "then stretch while warm, 30 s each (M5)"))],
            notes: ["Easy means easy: slower than you think (M2)."] + (walkRun ? ["Run 4 min, walk 1 min: the walk breaks build the base (M2, M8)."] : []))
        return Plan.Session(day: day, workout: workout, minutes: minutes(workout, request))
    }

    /// The goal race on race day, at the target goal's pace.
    private func race(_ target: Performance, _ request: PlanRequest) throws -> Plan.Session {
        let goalPace = PaceRange(around: target.pace, tolerance: 0.01)
        let workout = Workout(
            rule: "M40", kind: .race, title: "Race: \(request.goal.written)",
            blocks: [
                .step(WorkoutStep(.warmup, .time(.minutes(15)), target: .effort(1...2), name: "Warm-up jog", note: "then stretches and 5 min more jogging with a few strides (M4, M5)")),
                .step(WorkoutStep(.active, .distance(request.goal.distance), target: .pace(goalPace), name: "Race", note: "pace for \(target.written)")),
                .step(WorkoutStep(.cooldown, .time(.minutes(10)), target: .effort(1...1), name: "Cool-down", note: "easy jog, then stretch (M4, M5)")),
            ])
        return Plan.Session(day: request.raceDay, workout: workout, minutes: minutes(workout, request))
    }
}

/// All `k`-element subsets of `items`, in lexicographic order.
func combinations<T>(_ items: [T], _ k: Int) -> [[T]] {
    guard k > 0 else { return [[]] }
    guard items.count >= k else { return [] }
    var result: [[T]] = []
    for (index, item) in items.enumerated() {
        for rest in combinations(Array(items[(index + 1)...]), k - 1) {
            result.append([item] + rest)
        }
    }
    return result
}
