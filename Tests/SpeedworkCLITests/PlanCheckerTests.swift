import Foundation
@testable import SpeedworkReports
import Testing

/// The plan checker itself, on the hand-written ``SamplePlan``: the good plan passes every check,
/// and for each check a plan broken in one place fails it with a line naming the week or date
/// and the rule. This is what makes the profile table's "no violation" mean something.
@Suite("Plan checker")
struct PlanCheckerTests {
    typealias Check = PlanChecker.Check

    /// The checks that fired, and the lines.
    static func findings(_ plan: SamplePlan) -> (checks: Set<Check>, lines: [String]) {
        let violations = plan.violations
        return (Set(violations.map(\.check)), violations.map(\.description))
    }

    /// Expects exactly `check` to fire, with a line containing every fragment.
    static func expectOnly(_ check: Check, in plan: SamplePlan, naming fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = findings(plan)
        #expect(found.checks == [check], "expected only [\(check.rawValue)], got:\n\(found.lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
        let line = found.lines.first { line in fragments.allSatisfy(line.contains) }
        #expect(line != nil, "no line names \(fragments):\n\(found.lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func goodPlanPasses() {
        let found = Self.findings(.good)
        #expect(found.lines.isEmpty, "\(found.lines.joined(separator: "\n"))")
    }

    @Test func theSampleIsTheHandWrittenOne() throws {
        let plan = try CheckedPlan.decode(SamplePlan.good.data)
        #expect(plan.weeks.map { $0.runningMinutes } == [235, 247, 253, 205, 260, 141])
        #expect(plan.weeks.map { $0.longRunMinutes } == [60, 62, 68, 45, 70, 0])
        #expect(plan.weeks.flatMap(\.sessions).count == 9 * 5 + 7)
        // Riegel from a 6:10 mile: 400 m in 84.6 s, 5K in 20:30 (hand-computed).
        #expect(abs(try #require(SamplePlan.today(400)) - 84.6) < 0.1)
        #expect(abs(try #require(SamplePlan.today(5000)) - 1230) < 1)
    }

    // MARK: - Contract

    @Test func missingKeyIsNamed() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: SamplePlan.good.data) as? [String: Any])
        var weeks = try #require(object["weeks"] as? [[String: Any]])
        weeks[2]["runningMinutes"] = nil
        object["weeks"] = weeks
        object["targetGoal"] = nil
        let data = try JSONSerialization.data(withJSONObject: object)
        let violations = PlanChecker(request: SamplePlan.request, todaySeconds: SamplePlan.today).violations(json: data)
        #expect(violations.map(\.check) == [.contract])
        #expect(violations.first?.text.contains("targetGoal") == true)
        #expect(violations.first?.text.contains("weeks[].runningMinutes (1 of 6 weeks)") == true)
    }

    @Test func unreadablePlanIsOneContractLine() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: SamplePlan.good.data) as? [String: Any])
        object["weeks"] = nil
        let violations = PlanChecker(request: SamplePlan.request, todaySeconds: SamplePlan.today)
            .violations(json: try JSONSerialization.data(withJSONObject: object))
        #expect(violations.count == 1)
        #expect(violations.first?.check == .contract)
        #expect(violations.first?.text.contains("missing key “weeks”") == true)
    }

    @Test func runningMinutesMustAddUp() {
        var plan = SamplePlan.good
        plan.weeks[1].runningMinutes = 250
        Self.expectOnly(.contract, in: plan, naming: ["week 2 (2027-01-11", "runningMinutes is 250", "add up to 247"])
    }

    @Test func everyDayIsListed() {
        var plan = SamplePlan.good
        plan.weeks[0].sessions.removeAll { $0.date == "2027-01-07" }
        Self.expectOnly(.contract, in: plan, naming: ["week 1 (2027-01-04", "2027-01-07 not listed"])
    }

    @Test func hardFollowsTheKind() {
        var plan = SamplePlan.good
        plan.weeks[5].sessions[1].hard = false
        Self.expectOnly(.contract, in: plan, naming: ["2027-02-09 M10", "hard is false for a speed session"])
    }

    // MARK: - Target goal

    @Test func targetGoalFasterThanTheGoal() {
        var plan = SamplePlan.good
        plan.verdict = "ambitious"
        plan.targetGoal = "mile=5:55"
        Self.expectOnly(.targetGoal, in: plan, naming: ["mile=5:55", "faster than the goal mile=6:00"])
    }

    @Test func realisticVerdictKeepsTheGoal() {
        var plan = SamplePlan.good
        plan.targetGoal = "mile=6:05"
        Self.expectOnly(.targetGoal, in: plan, naming: ["mile=6:05", "differs", "realistic"])
    }

    @Test func ambitiousGoalIsNotTheTarget() {
        var plan = SamplePlan.good
        plan.verdict = "ambitious"
        Self.expectOnly(.targetGoal, in: plan, naming: ["mile=6:00 is the goal itself", "ambitious", "reachable"])
    }

    @Test func slowerTargetForAnAmbitiousGoalPasses() {
        var plan = SamplePlan.good
        plan.verdict = "ambitious"
        plan.targetGoal = "mile=6:05"
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    // MARK: - Volume

    @Test func givenVolumeMustBeSaidGiven() {
        var plan = SamplePlan.good
        plan.volume["source"] = "default"
        Self.expectOnly(.volume, in: plan, naming: ["--weekly was given", "default"])
    }

    @Test func givenVolumeIsTheStart() {
        var plan = SamplePlan.good
        plan.volume["startWeeklyMinutes"] = 230
        Self.expectOnly(.volume, in: plan, naming: ["--weekly gave 220 min", "230"])
    }

    // MARK: - Goal pace

    @Test func goalPaceRepsOffByMoreThanThreePercent() {
        var plan = SamplePlan.good
        // 215–217 s/km: 86.0–86.8 s a lap, 3.4 % faster than 6:00 mile pace (223.7 s/km).
        plan.replace(week: 5, date: "2027-02-01", with: SamplePlan.goalLaps("2027-02-01", fast: 215, slow: 217))
        Self.expectOnly(.goalPace, in: plan, naming: ["week 5 (2027-02-01", "M13", "3:36/km", "3:44/km", "−3.4 %"])
    }

    @Test func goalPaceWithinThreePercentPasses() {
        var plan = SamplePlan.good
        // 228–230 s/km: +2.4 % slower than goal pace, inside 3 %.
        plan.replace(week: 5, date: "2027-02-01", with: SamplePlan.goalLaps("2027-02-01", fast: 228, slow: 230))
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func goalPaceFollowsTheTargetGoal() {
        var plan = SamplePlan.good
        // An unrealistic verdict with targets from 6:30 (242.3 s/km): the 6:00 laps are 7.7 % too fast.
        plan.verdict = "unrealistic"
        plan.targetGoal = "mile=6:30"
        Self.expectOnly(.goalPace, in: plan, naming: ["week 5", "mile=6:30", "−7.7 %"])
    }

    // MARK: - Reps against today

    @Test func mileRepsFasterThanTodaysMile() {
        var plan = SamplePlan.good
        // Mile reps at 3:45–3:49/km: 6:02.1 at the fast end, faster than today's 6:10 mile (6:09.9 for 1609 m).
        plan.replace(week: 2, date: "2027-01-11", with: SamplePlan.miles("2027-01-11", fast: 225, slow: 229))
        Self.expectOnly(.repSpeed, in: plan, naming: ["week 2 (2027-01-11", "M17", "1609 m in 6:02.1", "6:09.9"])
    }

    @Test func repsJoinAcrossActiveSteps() throws {
        // M12's negative split: two 200 m halves with no recovery between are one 400 m rep.
        let json = """
            [{"intensity": "repeat", "name": "6 ×", "count": 6, "target": null, "steps": [
              {"intensity": "active", "name": "first 200m", "meters": 200, "target": {"secondsPerKm": {"fast": 240, "slow": 245}}},
              {"intensity": "active", "name": "second 200m", "meters": 200, "target": {"secondsPerKm": {"fast": 215, "slow": 220}}},
              {"intensity": "recovery", "name": "Jog", "seconds": 120, "target": {"secondsPerKm": {"fast": 330, "slow": 370}}}]},
             {"intensity": "active", "name": "10 min", "seconds": 600, "target": {"secondsPerKm": {"fast": 250, "slow": 260}}},
             {"intensity": "recovery", "name": "walk", "open": true, "target": null},
             {"intensity": "active", "name": "strides", "seconds": 20, "target": {"rpe": {"min": 4, "max": 5}}}]
            """
        let steps = try JSONDecoder().decode([CheckedPlan.Step].self, from: Data(json.utf8))
        let reps = PlanChecker.reps(steps)
        // The strides carry an effort, not a pace: not a rep the pace checks can read.
        try #require(reps.count == 2)
        // 200 m at 240 s/km (48 s) + 200 m at 215 s/km (43 s) = 400 m in 91 s.
        #expect(abs(reps[0].meters - 400) < 1e-9 && abs(reps[0].fastestSeconds - 91) < 1e-9)
        // 600 s at 250 s/km = 2400 m.
        #expect(abs(reps[1].meters - 2400) < 1e-9 && reps[1].fastestSeconds == 600)
        // Least time: 6 × (48 + 43 + 120) + 600 + 20 = 1886 s.
        #expect(abs(PlanChecker.leastSeconds(steps) - 1886) < 1e-9)
    }

    @Test func missingRaceTimeIsReported() {
        let checker = PlanChecker(request: SamplePlan.request, todaySeconds: { _ in nil })
        let violations = checker.violations(json: SamplePlan.good.data)
        #expect(!violations.isEmpty && violations.allSatisfy { $0.check == .contract && $0.text.contains("no race time today") })
    }

    // MARK: - Weekly volume

    @Test func growthOverTenPercent() {
        var plan = SamplePlan.good
        // Week 3: 278 min after 247 min is +12.6 %.
        plan.replace(week: 3, date: "2027-01-19", rule: "M20", with: SamplePlan.easy("2027-01-19", 70))
        Self.expectOnly(.weeklyGrowth, in: plan, naming: ["week 3 (2027-01-18", "278 min", "247 min", "+12.6 %"])
    }

    @Test func growthAfterACutbackCountsFromTheWeekBefore() {
        var plan = SamplePlan.good
        // Week 5 after the cutback: 285 min against week 3's 253 min is +12.6 % (against the cutback's 205 it would be +39 %).
        plan.replace(week: 5, date: "2027-02-02", rule: "M20", with: SamplePlan.easy("2027-02-02", 70))
        Self.expectOnly(.weeklyGrowth, in: plan, naming: ["week 5 (2027-02-01", "285 min", "253 min (week 3)", "+12.6 %"])
    }

    @Test func firstWeekGrowsFromTheGivenVolume() {
        var plan = SamplePlan.good
        // 235 min after 200 min given is +17.5 %.
        plan.volume["startWeeklyMinutes"] = 200
        let found = Self.findings(plan)
        #expect(found.checks == [.volume, .weeklyGrowth])
        #expect(found.lines.contains { $0.contains("week 1 (2027-01-04") && $0.contains("+17.5 %") && $0.contains("the starting volume") })
    }

    @Test func theRaceIsNotTrainingGrowth() {
        var plan = SamplePlan.good
        // Race week: 70 + 50 + 70 + 70 = 260 min of training, as much as week 5; with the 31 min
        // race it is 291 min, +11.9 %, which is the race and not growth (no taper either, which
        // `taperThatDoesNotCut` checks).
        plan.replace(week: 6, date: "2027-02-08", with: SamplePlan.easy("2027-02-08", 70))
        plan.replace(week: 6, date: "2027-02-10", rule: "M20", with: SamplePlan.easy("2027-02-10", 70))
        plan.replace(week: 6, date: "2027-02-12", with: SamplePlan.easy("2027-02-12", 70))
        #expect(!Self.findings(plan).checks.contains(.weeklyGrowth), "\(Self.findings(plan).lines)")
        plan.weeks[5].sessions.append(SamplePlan.easy("2027-02-10", 27))
        let found = Self.findings(plan)
        // 287 min is also no taper after 260 (`taperThatDoesNotCut`).
        #expect(found.checks == [.weeklyGrowth, .cutbacks], "\(found.lines)")
        #expect(found.lines.contains { $0.contains("week 6 (2027-02-08") && $0.contains("287 min of running besides the race") && $0.contains("260 min (week 5)") })
    }

    @Test func fourBuildWeeksWithoutCutback() {
        var plan = SamplePlan.good
        plan.weeks[3].cutback = false
        let found = Self.findings(plan)
        // Week 4 is no longer a cutback, so week 5's 260 min also grows +26.8 % from it.
        #expect(found.checks == [.cutbacks, .weeklyGrowth], "\(found.lines)")
        #expect(found.lines.contains { $0.contains("week 4 (2027-01-25") && $0.contains("4th week in a row without a cutback") })
        #expect(found.lines.contains { $0.contains("week 5 (2027-02-01") && $0.contains("+26.8 %") })
    }

    @Test func cutbackThatDoesNotCut() {
        var plan = SamplePlan.good
        // Week 4 marked cutback but 50 + 70 + 50 + 65 + 45 = 280 min after week 3's 253.
        plan.replace(week: 4, date: "2027-01-26", rule: "M20", with: SamplePlan.easy("2027-01-26", 70))
        plan.replace(week: 4, date: "2027-01-29", rule: "M20", with: SamplePlan.easy("2027-01-29", 65))
        Self.expectOnly(.cutbacks, in: plan, naming: ["week 4 (2027-01-25", "marked cutback", "280 min after 253 min"])
    }

    @Test func cutbackThatCutsMoreThanHalf() {
        var plan = SamplePlan.good
        // Week 4 keeps its two hard sessions and a 20 min long run: 205 − (30 + 30 + 45) + 20 = 120 min
        // after week 3's 253, 47 %.
        plan.replace(week: 4, date: "2027-01-26", rule: "M20", with: SamplePlan.rest("2027-01-26"))
        plan.replace(week: 4, date: "2027-01-29", rule: "M20", with: SamplePlan.rest("2027-01-29"))
        plan.replace(week: 4, date: "2027-01-31", with: SamplePlan.easy("2027-01-31", 20, long: true))
        Self.expectOnly(.cutbacks, in: plan, naming: ["week 4 (2027-01-25", "cutback of 120 min after 253 min", "less than 50 %"])
    }

    @Test func timeTrialsThreeWeeksApart() {
        var plan = SamplePlan.good
        // Mondays of weeks 1 and 4: three weeks apart, under M21's four.
        plan.replace(week: 1, date: "2027-01-04", with: SamplePlan.timeTrial("2027-01-04"))
        plan.replace(week: 4, date: "2027-01-25", with: SamplePlan.timeTrial("2027-01-25"))
        Self.expectOnly(.timeTrials, in: plan, naming: ["week 4 (2027-01-25", "3 weeks after week 1", "M21"])
        plan.relaxed = [["rule": "M21", "why": "the race-specific weeks cannot hold one", "week": 4]]
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func timeTrialsFourWeeksApartPass() {
        var plan = SamplePlan.good
        plan.replace(week: 1, date: "2027-01-04", with: SamplePlan.timeTrial("2027-01-04"))
        plan.replace(week: 5, date: "2027-02-03", with: SamplePlan.timeTrial("2027-02-03"))
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func taperThatDoesNotCut() {
        var plan = SamplePlan.good
        // Race week: 70 + 50 + 70 + 60 = 250 min besides the race after week 5's 260 (96 %, over 90 %).
        plan.replace(week: 6, date: "2027-02-08", with: SamplePlan.easy("2027-02-08", 70))
        plan.replace(week: 6, date: "2027-02-10", rule: "M20", with: SamplePlan.easy("2027-02-10", 70))
        plan.replace(week: 6, date: "2027-02-12", with: SamplePlan.easy("2027-02-12", 60))
        Self.expectOnly(.cutbacks, in: plan, naming: ["week 6 (2027-02-08", "250 min besides the race after 260 min (week 5)", "10 % less"])
    }

    @Test func weekWithoutEasyRuns() {
        var plan = SamplePlan.good
        // Week 2 keeps its two hard sessions and strength only: 247 − (40 + 35 + 62) = 110 min.
        plan.replace(week: 2, date: "2027-01-12", rule: "M20", with: SamplePlan.rest("2027-01-12"))
        plan.replace(week: 2, date: "2027-01-15", rule: "M20", with: SamplePlan.rest("2027-01-15"))
        plan.replace(week: 2, date: "2027-01-17", with: SamplePlan.rest("2027-01-17"))
        let found = Self.findings(plan)
        // Week 3's 253 min after 110 is also growth the checker flags.
        #expect(found.checks == [.weeklyGrowth, .dropped], "\(found.lines)")
        #expect(found.lines.contains { $0.contains("week 2 (2027-01-11") && $0.contains("no easy run on any of 5 days") && $0.contains("M20") })
    }

    @Test func longRunOverThirtyPercent() {
        var plan = SamplePlan.good
        // The cutback week: 70 of 50 + 20 + 50 + 20 + 70 = 210 min is 33 %.
        plan.replace(week: 4, date: "2027-01-26", rule: "M20", with: SamplePlan.easy("2027-01-26", 20))
        plan.replace(week: 4, date: "2027-01-29", rule: "M20", with: SamplePlan.easy("2027-01-29", 20))
        plan.replace(week: 4, date: "2027-01-31", with: SamplePlan.easy("2027-01-31", 70, long: true))
        Self.expectOnly(.longRun, in: plan, naming: ["week 4 (2027-01-25", "70 of 210 min", "33 %"])
    }

    // MARK: - Budget

    @Test func sessionOverTheBudget() {
        var plan = SamplePlan.good
        plan.replace(week: 5, date: "2027-02-07", with: SamplePlan.easy("2027-02-07", 75, long: true))
        Self.expectOnly(.budget, in: plan, naming: ["2027-02-07 M20", "75 min", "70 min budget"])
    }

    @Test func minutesBelowWhatTheStepsTake() {
        var plan = SamplePlan.good
        // 3 × (mile at 4:03/km = 391 s + 240 s jog) + 25 min of warm-up and cool-down = 56.6 min, said to be 45.
        plan.replace(week: 2, date: "2027-01-11", with: SamplePlan.miles("2027-01-11", minutes: 45))
        Self.expectOnly(.budget, in: plan, naming: ["2027-01-11 M17", "says 45 min", "at least 56 min"])
    }

    // MARK: - Race week and hard days

    @Test func hardSessionTwoDaysBeforeTheRace() {
        var plan = SamplePlan.good
        plan.replace(week: 6, date: "2027-02-09", with: SamplePlan.rest("2027-02-09"))
        plan.replace(week: 6, date: "2027-02-11", with: SamplePlan.legSpeed("2027-02-11"))
        Self.expectOnly(.raceWeek, in: plan, naming: ["2027-02-11 M10", "2 days before the race"])
    }

    @Test func noLegSpeedBeforeTheRace() {
        var plan = SamplePlan.good
        plan.replace(week: 6, date: "2027-02-09", with: SamplePlan.easy("2027-02-09", 50))
        Self.expectOnly(.raceWeek, in: plan, naming: ["2027-02-08–2027-02-12", "no leg-speed session (M10)"])
    }

    @Test func noRaceOnRaceDay() {
        var plan = SamplePlan.good
        plan.replace(week: 6, date: "2027-02-13", with: SamplePlan.rest("2027-02-13"))
        Self.expectOnly(.raceWeek, in: plan, naming: ["2027-02-13", "no race session"])
    }

    @Test func twoHardDaysInARow() {
        var plan = SamplePlan.good
        // Week 2: 200s on Tuesday between Monday's miles and Wednesday's hills (257 min, +4 %).
        plan.replace(week: 2, date: "2027-01-12", rule: "M20", with: SamplePlan.twoHundreds("2027-01-12"))
        let found = Self.findings(plan)
        #expect(found.checks == [.hardDays], "\(found.lines)")
        #expect(found.lines.contains { $0.contains("2027-01-11 and 2027-01-12") && $0.contains("M41") })
        #expect(found.lines.contains { $0.contains("2027-01-12 and 2027-01-13") })
    }

    // MARK: - Weekly pattern and what is dropped

    @Test func threeSpeedSessions() {
        var plan = SamplePlan.good
        plan.replace(week: 5, date: "2027-02-05", rule: "M20", with: SamplePlan.twoHundreds("2027-02-05"))
        Self.expectOnly(.weeklyPattern, in: plan, naming: ["week 5 (2027-02-01", "3 speed sessions", "M3"])
    }

    @Test func sessionOnADayTheRunnerDidNotGive() {
        var plan = SamplePlan.good
        // Week 1's hills move from Wednesday to Thursday, a day the runner did not give.
        plan.replace(week: 1, date: "2027-01-06", with: SamplePlan.rest("2027-01-06"))
        plan.replace(week: 1, date: "2027-01-07", with: SamplePlan.hills("2027-01-07"))
        Self.expectOnly(.weeklyPattern, in: plan, naming: ["2027-01-07 M14", "thu", "not one of the runner's days (mon,tue,wed,fri,sun)"])
    }

    @Test func noRestDay() {
        var plan = SamplePlan.good
        plan.replace(week: 4, date: "2027-01-28", with: SamplePlan.easy("2027-01-28", 20))
        plan.replace(week: 4, date: "2027-01-30", with: SamplePlan.easy("2027-01-30", 20))
        Self.expectOnly(.weeklyPattern, in: plan, naming: ["week 4 (2027-01-25", "no rest day"])
    }

    @Test func goalPaceSessionDropped() {
        var plan = SamplePlan.good
        // Week 4 becomes race-specific too, with 200s and hills but no goal-pace session.
        plan.weeks[3].phase = "race-specific"
        Self.expectOnly(.dropped, in: plan, naming: ["week 4 (2027-01-25, race-specific)", "no goal-pace session", "M13"])
    }

    @Test func goalPaceCannotBeRelaxedAway() {
        var plan = SamplePlan.good
        // The only race-specific week without goal-pace work: a relaxed entry does not excuse a
        // race-specific phase with none at all.
        plan.weeks[4].sessions[0].goalPace = false
        plan.relaxed = [["rule": "M13", "why": "no day holds it", "week": NSNull()]]
        Self.expectOnly(.goalPace, in: plan, naming: ["weeks 5 (race-specific)", "not one goal-pace session"])
    }

    @Test func droppedWithARelaxedEntryPasses() {
        var plan = SamplePlan.good
        plan.replace(week: 2, date: "2027-01-13", with: SamplePlan.easy("2027-01-13", 50))
        plan.relaxed = [["rule": "M14", "why": "the hill is under snow", "week": 2]]
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func relaxedEntryForAnotherWeekDoesNotCount() {
        var plan = SamplePlan.good
        plan.replace(week: 2, date: "2027-01-13", with: SamplePlan.easy("2027-01-13", 50))
        plan.relaxed = [["rule": "M14", "why": "the hill is under snow", "week": 3]]
        Self.expectOnly(.dropped, in: plan, naming: ["week 2", "no hill session"])
    }

    @Test func relaxedEntryForAVariantOfTheRule() {
        var plan = SamplePlan.good
        plan.weeks[3].phase = "race-specific"
        plan.relaxed = [["rule": "M40-GP", "why": "the cutback week keeps its 200s", "week": 4]]
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func hillsDropped() {
        var plan = SamplePlan.good
        plan.replace(week: 2, date: "2027-01-13", with: SamplePlan.easy("2027-01-13", 50))
        Self.expectOnly(.dropped, in: plan, naming: ["week 2 (2027-01-11", "no hill session", "5 days are free"])
    }

    @Test func strengthDropped() {
        var plan = SamplePlan.good
        plan.replace(week: 1, date: "2027-01-08", rule: "M32", with: SamplePlan.rest("2027-01-08"))
        Self.expectOnly(.dropped, in: plan, naming: ["week 1 (2027-01-04", "1 strength session", "M34"])
    }

    @Test func strengthDroppedForTheWholePlanWithAReason() {
        var plan = SamplePlan.good
        plan.replace(week: 1, date: "2027-01-08", rule: "M32", with: SamplePlan.rest("2027-01-08"))
        plan.relaxed = [["rule": "M34", "why": "the days leave room for one", "week": NSNull()]]
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    @Test func speedSessionDropped() {
        var plan = SamplePlan.good
        plan.replace(week: 1, date: "2027-01-04", with: SamplePlan.easy("2027-01-04", 50))
        Self.expectOnly(.dropped, in: plan, naming: ["week 1 (2027-01-04", "no speed session", "M3"])
    }

    @Test func legSpeedRecoveryCut() throws {
        var plan = SamplePlan.good
        var legSpeed = SamplePlan.legSpeed("2027-02-09")
        legSpeed.steps[1] = SamplePlan.repeats(4, [SamplePlan.timed("active", 25, SamplePlan.band(205, 215), "Sprint"),
                                                   SamplePlan.timed("recovery", 110, SamplePlan.easyBand, "Easy running")])
        plan.replace(week: 6, date: "2027-02-09", with: legSpeed)
        Self.expectOnly(.legSpeedRecovery, in: plan, naming: ["2027-02-09 M10", "1:50.0 between sprints", "5 min"])
    }

    @Test func mostRepsWithShortestRecovery() {
        var plan = SamplePlan.good
        var miles = SamplePlan.miles("2027-01-11", minutes: 60)
        // 6 × mile at 4:03–4:09/km with 45 s jogs: 15 + 6 × (6:31 + 0:45) + 10 = 68.6 min at the fast end.
        miles.steps[1] = SamplePlan.repeats(6, [SamplePlan.metered("active", 1609.344, SamplePlan.band(243, 249), "mile rep"),
                                                SamplePlan.timed("recovery", 45, SamplePlan.easyBand, "Jog")])
        miles.minutes = 70
        plan.replace(week: 2, date: "2027-01-11", with: miles)
        Self.expectOnly(.hardestForm, in: plan, naming: ["2027-01-11 M17", "6 reps with 45 s recovery"])
    }

    @Test func mostRepsWithLongerRecoveryPasses() {
        var plan = SamplePlan.good
        var twos = SamplePlan.twoHundreds("2027-01-04")
        twos.steps[1] = SamplePlan.repeats(10, [SamplePlan.metered("active", 200, SamplePlan.band(190, 194), "200m rep"),
                                                SamplePlan.timed("recovery", 60, SamplePlan.easyBand, "Jog")])
        plan.replace(week: 1, date: "2027-01-04", with: twos)
        #expect(Self.findings(plan).lines.isEmpty, "\(Self.findings(plan).lines)")
    }

    // MARK: - Today's race times come from predict

    @Test func todayComesFromPredict() throws {
        let profile = RunnerProfile(name: "5K 20:00", results: ["5k=20:00"], goal: "5k=19:00", weeks: 10, days: "mon,wed,fri", maxSession: 60)
        let today = try profile.todayRaceTimes(for: [5000, 1609])
        // The VDOT model gives back the result itself at its own distance, and a mile in 5:51 (README).
        #expect(abs(try #require(today[5000]) - 1200) < 0.5)
        #expect(abs(try #require(today[1609]) - 351) < 1.5)
    }
}
