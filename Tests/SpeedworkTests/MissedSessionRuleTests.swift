import Testing
@testable import Speedwork

/// Missed key sessions (M43) on hand-made weeks, each checked against the weekly rules as the
/// method writes them (M41: no two hard days in a row, a rest day; M34: no strength the day before
/// a hard day; M40: nothing hard in the two days before the race): moved to the next day that
/// keeps them, else dropped, never stacked.
@Suite struct MissedSessionRuleTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    static func session(_ date: String, _ rule: String, _ kind: SessionKind) -> Plan.Session {
        Plan.Session(day: day(date), workout: Workout(rule: rule, kind: kind, title: "\(rule) \(kind.rawValue)", blocks: []), minutes: 40)
    }

    /// The days of the plan week Monday 2026-12-07 to Sunday 2026-12-13.
    static let week = (0..<7).map { day("2026-12-07").adding(days: $0) }
    static let farRace = day("2027-03-06")
    static let fiveDays: Set<Weekday> = [.monday, .tuesday, .thursday, .saturday, .sunday]
    static let allDays = Set(Weekday.allCases)

    /// Monday 200s, Tuesday easy and strength, Thursday hills, Saturday easy, Sunday long run and strength.
    static let usual = [
        Self.session("2026-12-07", "M11", .speed),
        Self.session("2026-12-08", "M20", .easy), Self.session("2026-12-08", "M32", .strength),
        Self.session("2026-12-10", "M14", .hills),
        Self.session("2026-12-12", "M20", .easy),
        Self.session("2026-12-13", "M20", .long), Self.session("2026-12-13", "M32", .strength),
    ]

    @Test func mondaysMissedSessionTakesSaturdayWhoseEasyRunGivesWay() {
        // Known missed on Wednesday: Wednesday and Friday are not the runner's days, Thursday holds
        // the hills; Saturday's only session is an easy run, Friday and Sunday hold nothing hard and
        // Friday no strength, and Monday (now empty), Wednesday and Friday stay rest days.
        let rule = MissedSessionRule(days: Self.fiveDays, raceDay: Self.farRace)
        let decision = rule.place(Self.usual[0], among: Self.usual, week: Self.week, from: Self.day("2026-12-09"))
        #expect(decision == .move(to: Self.day("2026-12-12"), replacing: Self.usual[4]))
    }

    @Test func withoutAFreeDayThatKeepsTheRulesTheSessionIsDropped() {
        // Mon–Thu only: Wednesday holds strength, Thursday the hills, the weekend is not the runner's.
        let days: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday]
        let sessions = [Self.session("2026-12-07", "M11", .speed), Self.session("2026-12-08", "M20", .easy),
                        Self.session("2026-12-09", "M32", .strength), Self.session("2026-12-10", "M14", .hills)]
        let decision = MissedSessionRule(days: days, raceDay: Self.farRace)
            .place(sessions[0], among: sessions, week: Self.week, from: Self.day("2026-12-09"))
        guard case .drop(let reason) = decision else { Issue.record("moved: \(decision)"); return }
        #expect(reason.contains("wed 2026-12-09 holds M32 strength"))
        #expect(reason.contains("thu 2026-12-10 holds M14 hills"))
        #expect(reason.contains("sat 2026-12-12 is not one of your days"))
        #expect(reason.contains("M43"))
    }

    @Test func neverNextToAHardDay() {
        // Every day is a training day. Wednesday sits before Thursday's hills, Friday after them,
        // Saturday before Sunday's mile reps: no day keeps hard days apart.
        let sessions = [Self.session("2026-12-07", "M11", .speed), Self.session("2026-12-08", "M20", .easy),
                        Self.session("2026-12-10", "M14", .hills),
                        Self.session("2026-12-13", "M17", .speed)]
        let decision = MissedSessionRule(days: Self.allDays, raceDay: Self.farRace)
            .place(sessions[0], among: sessions, week: Self.week, from: Self.day("2026-12-09"))
        guard case .drop(let reason) = decision else { Issue.record("moved: \(decision)"); return }
        #expect(reason.contains("wed 2026-12-09 comes before a hard day (M41)"))
        #expect(reason.contains("fri 2026-12-11 follows a hard day (M41)"))
        #expect(reason.contains("sat 2026-12-12 comes before a hard day (M41)"))
        #expect(reason.contains("sun 2026-12-13 holds M17 speed"))
    }

    @Test func notTheDayAfterStrength() {
        // Wednesday holds strength, so Thursday (free) is the day after strength (M34); Friday is next.
        let sessions = [Self.session("2026-12-07", "M11", .speed), Self.session("2026-12-08", "M20", .easy),
                        Self.session("2026-12-09", "M32", .strength), Self.session("2026-12-13", "M20", .long)]
        let decision = MissedSessionRule(days: Self.allDays, raceDay: Self.farRace)
            .place(sessions[0], among: sessions, week: Self.week, from: Self.day("2026-12-09"))
        #expect(decision == .move(to: Self.day("2026-12-11"), replacing: Optional<Plan.Session>.none))
    }

    @Test func theWeekKeepsARestDay() {
        // Monday also holds mobility, so it stays busy; Friday is the week's only free day and taking
        // it would leave no rest day: Saturday's easy run gives way instead.
        let sessions = [Self.session("2026-12-07", "M11", .speed), Self.session("2026-12-07", "M5", .mobility),
                        Self.session("2026-12-08", "M20", .easy), Self.session("2026-12-09", "M32", .strength),
                        Self.session("2026-12-10", "M20", .easy), Self.session("2026-12-12", "M20", .easy),
                        Self.session("2026-12-13", "M20", .long)]
        let decision = MissedSessionRule(days: Self.allDays, raceDay: Self.farRace)
            .place(sessions[0], among: sessions, week: Self.week, from: Self.day("2026-12-10"))
        #expect(decision == .move(to: Self.day("2026-12-12"), replacing: sessions[5]))
    }

    @Test func nothingHardInTheTwoDaysBeforeTheRace() {
        // Race on Sunday: Friday and Saturday are within two days of it; Thursday's easy run follows
        // Wednesday's strength.
        let sessions = [Self.session("2026-12-07", "M11", .speed), Self.session("2026-12-08", "M20", .easy),
                        Self.session("2026-12-09", "M32", .strength), Self.session("2026-12-10", "M20", .easy),
                        Self.session("2026-12-13", "race", .race)]
        let decision = MissedSessionRule(days: Self.allDays, raceDay: Self.day("2026-12-13"))
            .place(sessions[0], among: sessions, week: Self.week, from: Self.day("2026-12-09"))
        guard case .drop(let reason) = decision else { Issue.record("moved: \(decision)"); return }
        #expect(reason.contains("fri 2026-12-11 is 2 day(s) before the race (M40)"))
        #expect(reason.contains("thu 2026-12-10 follows strength (M34)"))
    }

    @Test func pausedDaysAndPastDaysAreNotTaken() {
        let rule = MissedSessionRule(days: Self.fiveDays, raceDay: Self.farRace)
        let decision = rule.place(Self.usual[0], among: Self.usual, week: Self.week, from: Self.day("2026-12-09"),
                                  closed: [Self.day("2026-12-12")])
        guard case .drop(let reason) = decision else { Issue.record("moved: \(decision)"); return }
        #expect(reason.contains("sat 2026-12-12 is in a pause"))
        #expect(!reason.contains("2026-12-08"), "days before the miss was known are not candidates")
    }

    @Test func onlyHardSessionsOtherThanTheRaceAreKey() {
        #expect(MissedSessionRule.isKey(Self.session("2026-12-07", "M11", .speed)))
        #expect(MissedSessionRule.isKey(Self.session("2026-12-07", "M14", .hills)))
        #expect(MissedSessionRule.isKey(Self.session("2026-12-07", "M21", .timeTrial)))
        #expect(!MissedSessionRule.isKey(Self.session("2026-12-07", "race", .race)))
        #expect(!MissedSessionRule.isKey(Self.session("2026-12-07", "M20", .long)))
        #expect(!MissedSessionRule.isKey(Self.session("2026-12-07", "M32", .strength)))
    }

    // MARK: the plan adapting, match by match

    /// A one-week plan around ``usual`` (the race far away: only the week's sessions matter here).
    static func plan() throws -> Plan {
        let fitness = try FitnessEstimator().estimate(from: [try Performance(parsing: "mile=6:40@2026-12-01")], asOf: day("2026-12-01"))
        let request = try PlanRequest(fitness: fitness, goal: try Performance(parsing: "mile=6:30"), raceDay: farRace,
                                      start: day("2026-12-07"), days: fiveDays)
        let feasibility = GoalFeasibility(fitness: fitness, goal: request.goal, days: 89)
        return Plan(request: request, feasibility: feasibility,
                    weeks: [Plan.Week(index: 1, start: day("2026-12-07"), phase: .speed, weekOfPhase: 1, sessions: usual)], relaxed: [])
    }

    static func work(_ id: String, _ date: String, _ shape: PlanMatching.Work.Shape) -> PlanMatching.Work {
        PlanMatching.Work(id: id, day: day(date), shape: shape)
    }

    @Test func aMovedSessionMissedAgainIsDroppedNotMovedTwice() throws {
        let plan = try Self.plan()
        // Tuesday done; nothing on Monday. On Tuesday the miss is not known yet (a day late still counts).
        let tuesday = PlanAdaptation(plan: plan, work: [Self.work("easy", "2026-12-08", .steady)], today: Self.day("2026-12-08"))
        #expect(tuesday.adjustments.isEmpty)
        #expect(tuesday.placed.map(\.session) == plan.sessions)

        // On Wednesday it is: the 200s move to Saturday, whose easy run gives way.
        let wednesday = PlanAdaptation(plan: plan, work: [Self.work("easy", "2026-12-08", .steady)], today: Self.day("2026-12-09"))
        #expect(wednesday.adjustments.map(\.change) == [.gaveWay, .moved])
        let moved = try #require(wednesday.placed.first { $0.session.workout.rule == "M11" })
        #expect(moved.session.day == Self.day("2026-12-12"))
        #expect(moved.movedFrom == Self.day("2026-12-07"))
        #expect(moved.ref == PlanMatching.SessionRef(day: Self.day("2026-12-07")))
        #expect(wednesday.placed.filter { $0.session.day == Self.day("2026-12-12") }.count == 1, "never stacked")
        #expect(wednesday.outcome.missed.isEmpty)

        // Reps run on Saturday fulfil the moved session.
        let hills = Self.work("hills", "2026-12-10", .reps)
        let done = PlanAdaptation(plan: plan, work: [Self.work("easy", "2026-12-08", .steady), hills, Self.work("reps", "2026-12-12", .reps)],
                                  today: Self.day("2026-12-14"))
        #expect(done.outcome.matched[moved.ref]?.id == "reps")
        #expect(done.adjustments.map(\.change) == [.gaveWay, .moved])

        // Nothing on Saturday either: by Monday it is missed again, and dropped.
        let again = PlanAdaptation(plan: plan, work: [Self.work("easy", "2026-12-08", .steady), hills], today: Self.day("2026-12-14"))
        #expect(again.adjustments.map(\.change) == [.gaveWay, .moved, .dropped])
        #expect(again.adjustments.last?.reason.contains("never stacked") == true)
        #expect(again.outcome.missed.contains(moved.ref))
        // The hills missed on Thursday find no day: Saturday now holds the moved 200s.
        #expect(wednesday.adjustments.count == 2)
        let thursday = PlanAdaptation(plan: plan, work: [Self.work("easy", "2026-12-08", .steady)], today: Self.day("2026-12-12"))
        let dropped = try #require(thursday.adjustments.first { $0.rule == "M14" })
        #expect(dropped.change == .dropped)
        #expect(dropped.reason.contains("sat 2026-12-12 holds M11 speed"))
    }

    @Test func theSameLogGivesTheSamePlanOnAnyLaterDay() throws {
        let plan = try Self.plan()
        let work = [Self.work("easy", "2026-12-08", .steady), Self.work("hills", "2026-12-10", .reps), Self.work("reps", "2026-12-12", .reps)]
        let days = (0..<8).map { Self.day("2026-12-13").adding(days: $0) }
        let plans = days.map { PlanAdaptation(plan: plan, work: work, today: $0).placed }
        #expect(Set(plans).count == 1)
    }

    @Test func pausedDaysLoseTheirSessions() throws {
        let plan = try Self.plan()
        let closed: Set<Day> = [Self.day("2026-12-10"), Self.day("2026-12-11")]
        let adapted = PlanAdaptation(plan: plan, work: [], today: Self.day("2026-12-08"),
                                     pauses: [try PlanPause(from: Self.day("2026-12-10"), to: Self.day("2026-12-11"))])
        #expect(!adapted.placed.contains { closed.contains($0.session.day) })
        #expect(adapted.adjustments.map(\.change) == [.paused])
        #expect(adapted.adjustments.first?.rule == "M14")
    }
}
