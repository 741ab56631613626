import SpeedworkTestSupport
import Testing
@testable import Speedwork

/// Plans for a spread of runners, checked by `PlanRules`, which did not build them.
@Suite("Plans for generated runner profiles")
struct PlanBuilderTests {
    static let today = try! Day(parsing: "2026-11-22")

    struct Profile: CustomStringConvertible {
        let mile: Double
        let goalMile: Double
        let days: Set<Weekday>
        let weeks: Int
        let startOffset: Int
        let budget: Int?
        let level: StrengthRoutine.Level
        let base: Int

        var description: String {
            "mile \(Duration.seconds(mile).formatted(.rep)) → \(Duration.seconds(goalMile).formatted(.rep)), days \(days.sorted().map(\.shortName).joined(separator: ",")), \(weeks) wk +\(startOffset) d, budget \(budget.map(String.init) ?? "none"), \(level), base \(base)"
        }
    }

    /// Beginners with no base to sub-5 milers; 3 to 7 days; 6 to 30 weeks.
    static let profiles: [Profile] = {
        var generator = SeededGenerator(state: 2026)
        return (0..<240).map { _ in
            let mile = Double.random(in: 285...600, using: &generator)
            let dayCount = Int.random(in: 3...7, using: &generator)
            let days = Set(Weekday.allCases.shuffled(using: &generator).prefix(dayCount))
            return Profile(
                mile: mile, goalMile: mile * Double.random(in: 0.88...1.0, using: &generator), days: days,
                weeks: Int.random(in: 6...30, using: &generator), startOffset: Int.random(in: 0...6, using: &generator),
                budget: [60, 75, 90, 120, nil].randomElement(using: &generator)!,
                level: StrengthRoutine.Level.allCases.randomElement(using: &generator)!,
                base: [0, 0, 4, 8, 12, 30].randomElement(using: &generator)!)
        }
    }()

    static func plan(_ profile: Profile) throws -> Plan {
        let result = try Performance(distance: .mile, time: .seconds(profile.mile))
        let fitness = try FitnessEstimator().estimate(from: [result], asOf: today)
        let goal = try Performance(distance: .mile, time: .seconds(profile.goalMile))
        let start = today.adding(days: profile.startOffset)
        let request = try PlanRequest(
            fitness: fitness, goal: goal, raceDay: start.adding(days: 7 * profile.weeks - 1), start: start, days: profile.days,
            maxSessionMinutes: profile.budget, strength: profile.level, baseWeeks: profile.base)
        let library = SessionLibrary(targets: SessionTargets(fitness: fitness, goal: goal), strengthLevel: profile.level)
        return try PlanBuilder(sessions: library).build(request)
    }

    @Test(arguments: profiles.indices)
    func everyRuleHolds(_ index: Int) throws {
        let profile = Self.profiles[index]
        let plan = try Self.plan(profile)
        let violations = PlanRules.unexcused(plan)
        #expect(violations.isEmpty, "\(profile): \(violations)")
        // Relaxations are only for what the days and horizon truly cannot hold.
        for relaxation in plan.relaxed {
            switch relaxation.rule {
            case "M8": #expect(profile.base + profile.weeks - 3 < 12, "\(profile): M8 relaxed needlessly")
            case "M34": #expect(profile.days.count <= 4, "\(profile): M34 relaxed with \(profile.days.count) days")
            case "M14", "M15":
                // A hill session needs a second hard day with two strength days around it (four or
                // five days cannot always hold it), or room in a low-volume week.
                #expect(profile.days.count <= 5 || relaxation.why.contains("of this week's"),
                        "\(profile): hills relaxed with \(profile.days.count) days: \(relaxation.why)")
            case "M11", "M12", "M13", "M16", "M17", "M18", "M21", GoalPaceSession.rule:
                // A session that does not fit even shortened names its time: the budget or the
                // share of a low weekly volume.
                #expect(relaxation.why.contains("does not fit") || relaxation.why.contains("no goal-pace session fits"),
                        "\(profile): \(relaxation.rule): \(relaxation.why)")
            case "M41" where relaxation.why.contains("does not fit"):
                break
            case "M41":
                // Only race week's leg speed on a free day, when none of the runner's days 3–5
                // days before the race can hold a hard session (none falls there, or each follows
                // a hard or strength day).
                let race = plan.request.raceDay
                #expect(relaxation.week == plan.weeks.count, "\(profile): M41 relaxed in week \(relaxation.week ?? 0)")
                let blocked = Set(plan.sessions.filter { $0.workout.isHard || $0.workout.kind == .strength }.map { $0.day.adding(days: 1) })
                #expect(!(3...5).contains { profile.days.contains(Weekday(race.adding(days: -$0))) && !blocked.contains(race.adding(days: -$0)) },
                        "\(profile): race-week M10 moved needlessly")
            default: Issue.record("\(profile): relaxed \(relaxation.rule): \(relaxation.why)")
            }
        }
    }

    /// The README's example profile keeps every rule; the only relaxed entries are hill sessions
    /// a week's running cannot carry, each with its reason; VO2max miles (M17), threshold (M18)
    /// and hills all appear (issue: they vanished silently with a 60 min budget).
    @Test func examplePlan() throws {
        let profile = Profile(mile: 400, goalMile: 360, days: try Weekday.parseList("mon,tue,thu,sat,sun"), weeks: 13, startOffset: 15,
                              budget: 60, level: .beginner, base: 12)
        let plan = try Self.plan(profile)
        #expect(PlanRules.check(plan).filter { violation in !plan.relaxed.contains { $0.rule == violation.rule && $0.week == violation.week } }.isEmpty,
                "\(PlanRules.check(plan))")
        #expect(plan.relaxed.allSatisfy { ["M14", "M15"].contains($0.rule) && $0.why.contains("of this week's") }, "\(plan.relaxed)")
        for rule in ["M17", "M18", "M11", "M12"] { #expect(plan.sessions.contains { $0.workout.rule == rule }, "\(rule) missing") }
        #expect(plan.sessions.filter { $0.workout.kind == .hills }.count >= 4)
        #expect(plan.weeks.map(\.phase).first == .speed)
        #expect(plan.weeks.last?.phase == .taper)
        #expect(plan.sessions.contains { $0.workout.rule == "M13" })
        #expect(plan.sessions.contains { $0.workout.kind == .timeTrial })
    }

    /// The same request always gives the same plan.
    @Test func deterministic() throws {
        let profile = Self.profiles[7]
        let a = try Self.plan(profile).sessions.map { "\($0.day) \($0.workout.rule) \($0.minutes)" }
        let b = try Self.plan(profile).sessions.map { "\($0.day) \($0.workout.rule) \($0.minutes)" }
        #expect(a == b)
    }

    /// The checker is not blind: it finds rules broken on purpose.
    @Test func checkerFindsBrokenRules() throws {
        let plan = try Self.plan(Self.profiles[0])
        var weeks = plan.weeks
        // Move every session of week 2 onto one day: back-to-back hard days disappear but the
        // rest day, strength spacing and availability break.
        let day = weeks[1].start
        weeks[1].sessions = weeks[1].sessions.map { Plan.Session(day: day, workout: $0.workout, minutes: $0.minutes) }
        weeks[1].sessions += [Plan.Session(day: day.adding(days: 1), workout: weeks[1].sessions[0].workout, minutes: 10)]
        let broken = Plan(request: plan.request, feasibility: plan.feasibility, weeks: weeks, relaxed: [])
        let rules = Set(PlanRules.check(broken).map(\.rule))
        #expect(rules.contains("M34") || rules.contains("M41"))
    }
}

/// The checks added for race week, goal pace, rep speed and volume find what is broken on purpose.
@Suite("Plan rules: race week, goal pace, volume")
struct PlanRulesTests {
    static func plan() throws -> Plan {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00")], asOf: PlanBuilderTests.today)
        let goal = try Performance(parsing: "5k=19:30")
        let start = PlanBuilderTests.today
        let request = try PlanRequest(fitness: fitness, goal: goal, raceDay: start.adding(days: 12 * 7 - 1), start: start,
                                      days: try Weekday.parseList("mon,tue,thu,sat,sun"), maxSessionMinutes: 75, baseWeeks: 12,
                                      weekly: try WeeklyVolume(given: 240))
        return try PlanBuilder(sessions: SessionLibrary(targets: SessionTargets(fitness: fitness, goal: goal))).build(request)
    }

    static func rebuilt(_ plan: Plan, _ weeks: [Plan.Week]) -> Plan {
        Plan(request: plan.request, feasibility: plan.feasibility, weeks: weeks, relaxed: [], targetGoal: plan.targetGoal,
             targetGoalReason: plan.targetGoalReason)
    }

    @Test func theBuiltPlanIsClean() throws {
        let plan = try Self.plan()
        #expect(PlanRules.check(plan).isEmpty, "\(PlanRules.check(plan))")
    }

    @Test func hardSessionTheDayBeforeTheRace() throws {
        let plan = try Self.plan()
        var weeks = plan.weeks
        let last = weeks.count - 1
        let legSpeed = try #require(weeks[last].sessions.firstIndex { $0.workout.rule == "M10" })
        let moved = weeks[last].sessions[legSpeed]
        weeks[last].sessions[legSpeed] = Plan.Session(day: plan.request.raceDay.adding(days: -1), workout: moved.workout, minutes: moved.minutes)
        let found = PlanRules.check(Self.rebuilt(plan, weeks))
        #expect(found.contains { $0.rule == "M40" && $0.message.contains("1 day(s) before the race") }, "\(found)")
    }

    @Test func raceSpecificWeekWithoutGoalPace() throws {
        let plan = try Self.plan()
        var weeks = plan.weeks
        let index = try #require(weeks.firstIndex { $0.phase == .raceSpecific })
        weeks[index].sessions = weeks[index].sessions.map { Plan.Session(day: $0.day, workout: $0.workout, minutes: $0.minutes) }
        // A 5K goal's goal-pace work is M40-GP (M13 is the mile's).
        #expect(PlanRules.check(Self.rebuilt(plan, weeks)).contains { $0.rule == GoalPaceSession.rule && $0.week == index + 1 })
    }

    @Test func goalPaceOffByMoreThanThreePercent() throws {
        let plan = try Self.plan()
        let slower = Plan(request: plan.request, feasibility: plan.feasibility, weeks: plan.weeks, relaxed: [],
                          targetGoal: try Performance(parsing: "5k=18:50"), targetGoalReason: "")
        // 19:30 pace is 3.5 % slower than 18:50 pace.
        #expect(PlanRules.check(slower).contains { $0.rule == GoalPaceSession.rule && $0.message.contains("not within 3 %") })
    }

    @Test func weekGrowingMoreThanTenPercent() throws {
        let plan = try Self.plan()
        var weeks = plan.weeks
        let index = try #require(weeks.indices.dropFirst().first { !weeks[$0].cutback && !weeks[$0 - 1].cutback && weeks[$0].phase != .taper })
        let before = weeks[index - 1].runningMinutes
        let extra = Int(Double(before) * 0.2)
        let day = weeks[index].start
        let run = Workout(rule: "M20", kind: .easy, title: "Extra", blocks: [.step(WorkoutStep(.active, .time(.minutes(Double(extra))), name: "Easy run"))])
        weeks[index].sessions.append(Plan.Session(day: day, workout: run, minutes: extra))
        #expect(PlanRules.check(Self.rebuilt(plan, weeks)).contains { $0.rule == "M9" && $0.week == index + 1 })
    }
}

/// M44: goals checked against the time left.
@Suite("Goal feasibility (M44)")
struct GoalFeasibilityTests {
    static func verdict(_ from: String, _ goal: String, weeks: Int) throws -> GoalFeasibility.Verdict {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: from)], asOf: PlanBuilderTests.today)
        return GoalFeasibility(fitness: fitness, goal: try Performance(parsing: goal), days: weeks * 7).verdict
    }

    @Test func sixFortyToSixInTwelveWeeks() throws {
        #expect([.realistic, .ambitious].contains(try Self.verdict("mile=6:40", "mile=6:00", weeks: 12)))
    }

    @Test func sixFortyToFiveInEightWeeks() throws {
        #expect(try Self.verdict("mile=6:40", "mile=5:00", weeks: 8) == .unrealistic)
    }

    @Test func alreadyThere() throws {
        #expect(try Self.verdict("mile=5:50", "mile=6:00", weeks: 8) == .realistic)
    }

    @Test func worldRecordGoalIsRefused() {
        #expect(throws: InputError.self) { try Performance(parsing: "mile=3:40") }
    }
}
