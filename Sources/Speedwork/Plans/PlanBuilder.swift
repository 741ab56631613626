/// Builds a periodized plan from a ``PlanRequest`` (M40–M44).
///
/// Phases (M40): base when the runner has fewer than 12 weeks of it (M8), speed development,
/// race-specific work at goal pace (M13), and a taper week with a leg-speed session (M10) within
/// five days of the race. Each week (M41): one or two speed sessions (two when five or more days
/// are available), at most one hill session (speed phase, four or more days), two strength
/// sessions (M34) on easy days never back to back nor the day before a hard day, easy runs on the
/// other available days, at least one rest day, no two hard days in a row, a time trial (M21) in
/// every fifth week of speed work. Every session fits the time budget, warm-up and cool-down
/// included; speed sessions step back in progression until they do. What cannot be kept is listed
/// in ``Plan/relaxed`` with the reason. Deterministic: the same request gives the same plan.
public struct PlanBuilder: Sendable {
    public let sessions: any SessionSource

    /// Weeks of speed work between time trials (M21: every 4–6 weeks).
    public static let timeTrialEvery = 5

    public init(sessions: any SessionSource) {
        self.sessions = sessions
    }

    public func build(_ request: PlanRequest) throws -> Plan {
        var relaxed: [Plan.Relaxation] = []
        let phases = phaseLayout(request, relaxed: &relaxed)
        var weeks: [Plan.Week] = []
        var placed: [Plan.Session] = []
        var speedWeeksSinceTrial = 0
        var speedWeekCounter = 0
        for (index, phase) in phases.enumerated() {
            let start = request.start.adding(days: 7 * index)
            let weekOfPhase = phases[..<index].reversed().prefix { $0 == phase }.count + 1
            var hardRules: [String] = []
            var hill: String?
            let days = (0..<7).map { start.adding(days: $0) }.filter { $0 <= request.raceDay }
            let available = days.filter { request.days.contains(Weekday($0)) && $0 != request.raceDay }
            switch phase {
            case .base:
                hardRules = ["M10"]
            case .speed, .raceSpecific:
                speedWeekCounter += 1
                speedWeeksSinceTrial += 1
                let two = available.count >= 5
                if phase == .speed {
                    let rotation = two ? [["M11", "M18"], ["M17", "M12"], ["M16", "M11"], ["M12", "M17"]] : [["M11"], ["M17"], ["M12"], ["M18"], ["M16"]]
                    hardRules = rotation[(speedWeekCounter - 1) % rotation.count]
                    if available.count >= 4 { hill = weekOfPhase % 2 == 1 ? "M14" : "M15" }
                } else {
                    hardRules = two ? ["M13", ["M11", "M12", "M10"][(weekOfPhase - 1) % 3]] : ["M13"]
                }
                let weeksToRace = phases.count - 1 - index
                if speedWeeksSinceTrial >= Self.timeTrialEvery, weeksToRace >= 2 {
                    hardRules[0] = "M21"
                    speedWeeksSinceTrial = 0
                }
            case .taper:
                hardRules = ["M10"]
            }
            var week = Plan.Week(index: index + 1, start: start, phase: phase, weekOfPhase: weekOfPhase, sessions: [])
            week.sessions = try schedule(week: week, days: days, available: available, hardRules: hardRules, hill: hill,
                                         request: request, placed: placed, relaxed: &relaxed)
            placed += week.sessions
            weeks.append(week)
        }
        let feasibility = GoalFeasibility(fitness: request.fitness, goal: request.goal, days: request.start.days(until: request.raceDay),
                                          baseWeeks: request.baseWeeks)
        return Plan(request: request, feasibility: feasibility, weeks: weeks, relaxed: relaxed)
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
        let raceSpecific = rest >= 3 ? max(1, rest / 3) : (rest >= 2 ? 1 : 0)
        let speed = rest - raceSpecific
        return Array(repeating: .base, count: base) + Array(repeating: .speed, count: speed)
            + Array(repeating: .raceSpecific, count: raceSpecific) + [.taper]
    }

    // MARK: - One week

    private func schedule(week: Plan.Week, days: [Day], available: [Day], hardRules: [String], hill: String?,
                          request: PlanRequest, placed: [Plan.Session], relaxed: inout [Plan.Relaxation]) throws -> [Plan.Session] {
        let previousHard = Set(placed.filter { $0.workout.isHard }.map(\.day))
        let previousStrength = Set(placed.filter { $0.workout.kind == .strength }.map(\.day))
        let isTaper = week.phase == .taper
        let fixedHard: [Day] = isTaper ? [request.raceDay] : []

        // Try the full set of hard sessions first, then without the hill, then one speed session.
        var attempts: [[String]] = [hardRules + (hill.map { [$0] } ?? [])]
        if hill != nil { attempts.append(hardRules) }
        if hardRules.count > 1 { attempts.append([hardRules[0]]) }
        let strengthWanted = isTaper ? 1 : 2
        var choice: (hard: [Day], strength: [Day], rules: [String])?
        search: for strengthCount in stride(from: strengthWanted, through: 0, by: -1) {
            for rules in attempts {
                if let found = bestPlacement(available: available, hardCount: rules.count, strengthCount: strengthCount,
                                             fixedHard: fixedHard, previousHard: previousHard, previousStrength: previousStrength,
                                             taperRaceDay: isTaper ? request.raceDay : nil, allDays: days) {
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
        guard let choice else {
            relaxed.append(Plan.Relaxation(rule: "M41", why: "no day this week can hold a speed session without two hard days in a row", week: week.index))
            return isTaper ? [try race(request)] : []
        }

        var result: [Plan.Session] = []
        // Hard sessions: speed sessions around the hill session, in date order.
        var ordered = choice.rules
        if ordered.count == 3 { ordered = [ordered[0], ordered[2], ordered[1]] }
        for (day, rule) in zip(choice.hard.sorted(), ordered) {
            let taken = Set(result.map(\.workout.rule) + ordered.filter { $0 != rule })
            result.append(try fitted(rule: rule, week: week, day: day, avoiding: taken, request: request, relaxed: &relaxed))
        }
        if isTaper { result.append(try race(request)) }

        // Easy days: the rest of the available days, keeping at least one day of the week free.
        var easyDays = available.filter { !choice.hard.contains($0) }
        let everyDayTaken = days.allSatisfy { request.days.contains(Weekday($0)) || $0 == request.raceDay }
        if everyDayTaken {
            let candidates = easyDays.filter { !choice.strength.contains($0) }
            let dayBeforeRace = request.raceDay.adding(days: -1)
            if let rest = candidates.contains(dayBeforeRace) ? dayBeforeRace : candidates.last {
                easyDays.removeAll { $0 == rest }
            }
        }
        let longDay = easyDays.last { [.sunday, .saturday].contains(Weekday($0)) } ?? (easyDays.count >= 3 ? easyDays.last : nil)
        for day in easyDays {
            result.append(easyRun(week: week, long: day == longDay && !isTaper, day: day, request: request))
        }
        for day in choice.strength {
            let routine = sessions.strength(request.strength)
            result.append(Plan.Session(day: day, workout: routine, minutes: minutes(routine, request)))
        }
        return result.sorted { ($0.day, $0.workout.kind.isRun ? 0 : 1) < ($1.day, $1.workout.kind.isRun ? 0 : 1) }
    }

    /// The best days for the hard and strength sessions of a week, or `nil` when none fit.
    private func bestPlacement(available: [Day], hardCount: Int, strengthCount: Int, fixedHard: [Day],
                               previousHard: Set<Day>, previousStrength: Set<Day>, taperRaceDay: Day?, allDays: [Day])
        -> (hard: [Day], strength: [Day])?
    {
        var best: (score: [Int], hard: [Day], strength: [Day])?
        for hard in combinations(available, hardCount) {
            if let race = taperRaceDay, !hard.allSatisfy({ (2...5).contains($0.days(until: race)) }) { continue }
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
                if let race = taperRaceDay, !strength.allSatisfy({ $0.days(until: race) >= 3 }) { continue }
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
    /// even at its lightest (M41: a session fits the runner's time budget).
    static let standIns: [String: [String]] = [
        "M17": ["M12", "M11", "M10"], "M18": ["M12", "M11", "M10"], "M13": ["M12", "M11", "M10"],
        "M16": ["M11", "M10"], "M12": ["M11", "M10"], "M11": ["M10"], "M14": ["M15", "M10"], "M15": ["M10"],
    ]

    /// The session at the highest progression week (up to `week.weekOfPhase`) that fits the
    /// budget; when even its lightest form does not, the first stand-in that fits and is not
    /// already in the week (`avoiding`), else the first stand-in that fits.
    private func fitted(rule: String, week: Plan.Week, day: Day, avoiding taken: Set<String>, request: PlanRequest,
                        relaxed: inout [Plan.Relaxation]) throws -> Plan.Session {
        let standIns = Self.standIns[rule] ?? []
        for candidate in [rule] + standIns.filter({ !taken.contains($0) }) + standIns.filter({ taken.contains($0) }) {
            var progression = week.weekOfPhase
            var workout = try sessions.workout(rule: candidate, week: progression)
            while let budget = request.maxSessionMinutes, minutes(workout, request) > budget, progression > 1 {
                progression -= 1
                workout = try sessions.workout(rule: candidate, week: progression)
            }
            if request.maxSessionMinutes.map({ minutes(workout, request) <= $0 }) ?? true {
                return Plan.Session(day: day, workout: workout, minutes: minutes(workout, request))
            }
        }
        let workout = try sessions.workout(rule: rule, week: 1)
        let taken = minutes(workout, request)
        relaxed.append(Plan.Relaxation(rule: "M41", why: "\(rule) takes \(taken) min even at its lightest, over the \(request.maxSessionMinutes ?? 0) min budget, and no shorter session fits", week: week.index))
        return Plan.Session(day: day, workout: workout, minutes: taken)
    }

    private func minutes(_ workout: Workout, _ request: PlanRequest) -> Int {
        workout.minutes(openPace: TrainingPaces.pace(.easy, vdot: request.fitness.vdot).middle)
    }

    /// An easy run (M20), warm-up and cool-down included (M4); the long run of the week grows gently.
    private func easyRun(week: Plan.Week, long: Bool, day: Day, request: PlanRequest) -> Plan.Session {
        let easy = TrainingPaces.pace(.easy, vdot: request.fitness.vdot)
        let budget = request.maxSessionMinutes ?? 90
        let growth = min(week.index - 1, 10)
        var main = long ? 35 + 2 * growth : 20 + growth
        if week.phase == .taper { main = 20 }
        main = max(10, min(main, budget - 15))
        let workout = Workout(
            rule: "M20", kind: long ? .long : .easy, title: long ? "Long easy run, \(main + 15) min" : "Easy run, \(main + 15) min",
            blocks: [
                .step(WorkoutStep(.warmup, .time(.minutes(10)), target: .effort(1...1), name: "Warm-up walk/jog", note: "brisk walk or easy jog (M4)")),
                .step(WorkoutStep(.active, .time(.minutes(Double(main))), target: .pace(easy), name: "Easy run", note: "conversational; walking is fine (M2)")),
                .step(WorkoutStep(.cooldown, .time(.minutes(5)), target: .effort(1...1), name: "Cool-down", note: "then stretch while warm, 30 s each (M5)")),
            ],
            notes: ["Easy means easy: slower than you think (M2)."])
        return Plan.Session(day: day, workout: workout, minutes: minutes(workout, request))
    }

    /// The goal race on race day.
    private func race(_ request: PlanRequest) throws -> Plan.Session {
        let goalPace = PaceRange(around: request.goal.pace, tolerance: 0.01)
        let workout = Workout(
            rule: "M40", kind: .race, title: "Race: \(request.goal.written)",
            blocks: [
                .step(WorkoutStep(.warmup, .time(.minutes(15)), target: .effort(1...2), name: "Warm-up jog", note: "then stretches and 5 min more jogging with a few strides (M4, M5)")),
                .step(WorkoutStep(.active, .distance(request.goal.distance), target: .pace(goalPace), name: "Race", note: "goal \(request.goal.written)")),
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
