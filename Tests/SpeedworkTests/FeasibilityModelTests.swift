import Foundation
import Testing
@testable import Speedwork

/// M44's honest check (issue 7, item 7): the expected gain shrinks with the runner's level and
/// base, against the examples and the published figures in `docs/feasibility.md`.
@Suite("Goal feasibility: level and base")
struct FeasibilityModelTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func feasibility(_ from: String, _ goal: String, weeks: Int, baseWeeks: Int) throws -> GoalFeasibility {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: from)], asOf: today)
        return GoalFeasibility(fitness: fitness, goal: try Performance(parsing: goal), days: weeks * 7, baseWeeks: baseWeeks)
    }

    /// The issue: a 4:10 miler to 3:58 in 18 weeks is not realistic, whatever the base.
    @Test(arguments: [0, 52, 260])
    func fourTenToThreeFiftyEight(baseWeeks: Int) throws {
        #expect(try Self.feasibility("mile=4:10", "mile=3:58", weeks: 18, baseWeeks: baseWeeks).verdict != .realistic)
    }

    /// The issue: 33:00 to 31:00 for 10K in 12–16 weeks is not realistic.
    @Test(arguments: [12, 14, 16])
    func tenKThirtyThreeToThirtyOne(weeks: Int) throws {
        for base in [0, 52, 260] {
            #expect(try Self.feasibility("10k=33:00", "10k=31:00", weeks: weeks, baseWeeks: base).verdict != .realistic, "base \(base)")
        }
    }

    /// The issue: 6:40 to 6:00 for the mile in 12 weeks stays ambitious for a runner in the first
    /// months; 6:40 to 5:00 in 8 weeks is unrealistic.
    @Test func sixFortyExamples() throws {
        for base in [0, 12] {
            #expect(try Self.feasibility("mile=6:40", "mile=6:00", weeks: 12, baseWeeks: base).verdict == .ambitious, "base \(base)")
        }
        #expect(try Self.feasibility("mile=6:40", "mile=5:00", weeks: 8, baseWeeks: 0).verdict == .unrealistic)
        #expect(try Self.feasibility("mile=6:40", "mile=5:00", weeks: 8, baseWeeks: 0).reachableGoal.time.seconds < 400)
    }

    /// The expected gain shrinks as the runner gets faster and with more base.
    @Test func gainShrinksWithLevelAndBase() {
        for base in stride(from: 0.0, through: 520, by: 26) {
            for vdot in stride(from: 30.0, to: 85, by: 1) {
                #expect(GoalFeasibility.weeklyGain(vdot: vdot + 1, baseWeeks: base) < GoalFeasibility.weeklyGain(vdot: vdot, baseWeeks: base))
                #expect(GoalFeasibility.weeklyGain(vdot: vdot, baseWeeks: base + 26) < GoalFeasibility.weeklyGain(vdot: vdot, baseWeeks: base))
            }
        }
    }

    /// Five years of base improve slower than a first year, for the same goal and time.
    @Test func fiveYearsOfBaseImproveSlower() throws {
        let firstYear = try Self.feasibility("5k=22:00", "5k=21:00", weeks: 12, baseWeeks: 26)
        let fiveYears = try Self.feasibility("5k=22:00", "5k=21:00", weeks: 12, baseWeeks: 260)
        #expect(fiveYears.realisticGain < firstYear.realisticGain * 0.6)
    }

    /// Daniels: about one VDOT point per 4–6 weeks of consistent training for a typical runner
    /// (here VDOT 40–50 with a year of base).
    @Test func danielsOnePointPerFourToSixWeeks() {
        for vdot in stride(from: 40.0, through: 50, by: 1) {
            let weeksPerPoint = 1 / GoalFeasibility.weeklyGain(vdot: vdot, baseWeeks: 52)
            #expect((4...6).contains(weeksPerPoint), "VDOT \(vdot): \(weeksPerPoint) weeks per point")
        }
    }

    /// HERITAGE (Bouchard et al. 1999): 20 weeks of training raised untrained adults' VO2max by
    /// about 17 % on average (≈400 of ≈2,400 ml/min), from −5 % to +48 % between people. For new
    /// runners (VDOT 30–35, no base) the realistic gain is near the mean and the ambitious one
    /// within the best responders.
    @Test func heritageUntrainedTwentyWeeks() {
        for vdot in stride(from: 30.0, through: 35, by: 1) {
            let realistic = GoalFeasibility.expectedGain(from: vdot, baseWeeks: 0, days: 140) / vdot
            #expect((0.10...0.25).contains(realistic), "VDOT \(vdot): \(realistic)")
            #expect(realistic * GoalFeasibility.ambitiousFactor <= 0.48)
        }
    }

    /// Haugen et al. 2018: world-ranked runners improve 3.4–5.2 % in time over the five years
    /// before their peak (0.68–1.04 % a year). For a VDOT 80 runner with eight years of base the
    /// realistic year stays within that and the ambitious one reaches it.
    @Test func haugenWorldClassYear() {
        let vdot = 80.0
        let mile = DanielsGilbert.time(for: .mile, atVDOT: vdot).seconds
        func timeGain(_ gain: Double) -> Double { 1 - DanielsGilbert.time(for: .mile, atVDOT: vdot + gain).seconds / mile }
        let realistic = GoalFeasibility.expectedGain(from: vdot, baseWeeks: 416, days: 365)
        #expect(timeGain(realistic) <= 0.0104)
        #expect(timeGain(realistic * GoalFeasibility.ambitiousFactor) >= 0.0068)
    }

    /// The reachable goal is the goal when realistic, otherwise slower than it and never faster
    /// than what the realistic gain allows.
    @Test func reachableGoal() throws {
        let realistic = try Self.feasibility("5k=22:00", "5k=21:50", weeks: 12, baseWeeks: 0)
        #expect(realistic.verdict == .realistic)
        #expect(realistic.reachableGoal.time.seconds == 1310)
        let far = try Self.feasibility("5k=22:00", "5k=18:00", weeks: 12, baseWeeks: 0)
        #expect(far.reachableGoal.time.seconds > 1080)
        let reachableVDOT = DanielsGilbert.vdot(of: far.reachableGoal)
        #expect(reachableVDOT <= far.currentVDOT + far.realisticGain + 1e-9)
        #expect(far.message.contains(far.reachableGoal.written))
    }
}
