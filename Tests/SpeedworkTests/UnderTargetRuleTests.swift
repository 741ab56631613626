import Testing
@testable import Speedwork

/// A run of key sessions well below target lowers the estimate (M43), on hand-made grades: three
/// in 28 days all more than 3 % slow, none older than the newest result.
@Suite struct UnderTargetRuleTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    static func graded(_ date: String, _ percent: Double) -> UnderTargetRule.Graded {
        UnderTargetRule.Graded(day: day(date), title: "6 × 200m", slowerByPercent: percent)
    }

    @Test func threeSlowSessionsInFourWeeksLowerByTheirMeanShortfall() throws {
        let grades = [Self.graded("2026-12-07", 4), Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        let lowering = try #require(UnderTargetRule.lowering(grades, asOf: Self.day("2026-12-15"), since: Self.day("2026-12-01")))
        #expect(abs(lowering.percent - 5) < 1e-9)   // (4 + 5 + 6) / 3
        #expect(lowering.sessions == grades)
        #expect(lowering.reason.contains("M43") && lowering.reason.contains("2026-12-14"))
        // Not before the third session was run.
        #expect(UnderTargetRule.lowering(grades, asOf: Self.day("2026-12-13"), since: nil) == nil)
    }

    @Test func oneSessionNearTargetTwoSessionsOrAWiderSpreadDoNot() {
        let nearly = [Self.graded("2026-12-07", 4), Self.graded("2026-12-10", 2.9), Self.graded("2026-12-14", 6)]
        #expect(UnderTargetRule.lowering(nearly, asOf: Self.day("2026-12-15"), since: nil) == nil)
        let two = [Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        #expect(UnderTargetRule.lowering(two, asOf: Self.day("2026-12-15"), since: nil) == nil)
        // The first of three is 28 days before the day read: outside the 28-day window.
        let spread = [Self.graded("2026-11-17", 5), Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        #expect(UnderTargetRule.lowering(spread, asOf: Self.day("2026-12-15"), since: nil) == nil)
        let inside = [Self.graded("2026-11-18", 5), Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        #expect(UnderTargetRule.lowering(inside, asOf: Self.day("2026-12-15"), since: nil) != nil)
        #expect(UnderTargetRule.lowering(spread, asOf: Self.day("2026-12-15"), since: nil) == nil)
        // A good session after three slow ones ends it: the latest three are what count.
        let recovered = [Self.graded("2026-12-03", 5), Self.graded("2026-12-07", 5), Self.graded("2026-12-10", 6), Self.graded("2026-12-14", 0)]
        #expect(UnderTargetRule.lowering(recovered, asOf: Self.day("2026-12-15"), since: nil) == nil)
    }

    @Test func aNewerResultEndsTheLowering() {
        let grades = [Self.graded("2026-12-07", 4), Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        #expect(UnderTargetRule.lowering(grades, asOf: Self.day("2026-12-15"), since: Self.day("2026-12-08")) == nil)
    }

    @Test func theLoweredEstimateRunsTheGoalDistanceThatMuchSlower() throws {
        let estimate = try FitnessEstimator().estimate(from: [try Performance(parsing: "mile=6:40@2026-12-01")], asOf: Self.day("2026-12-01"))
        let grades = [Self.graded("2026-12-07", 4), Self.graded("2026-12-10", 5), Self.graded("2026-12-14", 6)]
        let lowering = try #require(UnderTargetRule.lowering(grades, asOf: Self.day("2026-12-15"), since: nil))
        let lowered = try UnderTargetRule.lowered(estimate, by: lowering, distance: .mile, asOf: Self.day("2026-12-15"))
        // 6:40 = 400 s; 5 % slower is 420 s (hand-computed).
        #expect(abs(lowered.time(for: .mile).seconds - 420) < 1)
        #expect(lowered.vdot < estimate.vdot)
    }
}
