import Testing
@testable import Speedwork

/// Bands that do not touch (issue 7, item 9): from the fastest session target to easy running,
/// each band ends before the next slower one begins, for runners from VDOT 30 to 80; and the
/// threshold session and Daniels' T zone are one pace.
@Suite("Pace bands are separated")
struct PaceBandTests {
    static let today = try! Day(parsing: "2026-11-22")

    /// Runners made from Daniels' published mile and 5K times (Table 5.1), VDOT 30–80.
    static var runners: [String] {
        DanielsRaceTable.rows.flatMap { ["mile=" + $0.times[1], "5k=" + $0.times[4]] } + ["400m=60", "400m=75", "400m=90", "400m=110"]
    }

    /// Fastest first: M11 200s, M10 sprints, M13 goal-pace 400s (no goal: current mile pace),
    /// M17 VO2max miles, M18 threshold, M20 easy. (M12's negative-split 400s average goal mile pace
    /// by design, the same intensity as M13, and are left out of the ladder.)
    static func ladder(_ targets: SessionTargets) -> [SessionTarget] {
        [targets.twoHundreds, targets.legSpeed, targets.goalPaceFourHundreds, targets.vo2maxMiles, targets.threshold, targets.easyRun]
    }

    @Test(arguments: runners)
    func sessionBandsDoNotTouch(result: String) throws {
        let estimate = try FitnessEstimator().estimate(from: [Performance(parsing: result)], asOf: Self.today)
        let targets = SessionTargets(fitness: estimate)
        let bands = Self.ladder(targets)
        for (faster, slower) in zip(bands, bands.dropFirst()) {
            #expect(faster.pace.slow < slower.pace.fast,
                    "\(result) (VDOT \(estimate.vdot)): \(faster.rule) \(faster.pace.perKilometerText) touches \(slower.rule) \(slower.pace.perKilometerText)")
        }
    }

    /// Daniels' zones from R to E are separated too, and M18's band holds Daniels' T: one
    /// threshold pace per runner.
    @Test func zonesAreSeparatedAndThresholdIsOne() throws {
        for vdot in stride(from: 30.0, through: 85, by: 0.5) {
            let zones = TrainingPaces.zones(vdot: vdot).reversed().map(\.pace)
            for (faster, slower) in zip(zones, zones.dropFirst()) {
                #expect(faster.slow < slower.fast, "VDOT \(vdot)")
            }
        }
        for result in Self.runners {
            let estimate = try FitnessEstimator().estimate(from: [Performance(parsing: result)], asOf: Self.today)
            let threshold = SessionTargets(fitness: estimate).threshold.pace
            let danielsT = TrainingPaces.pace(.threshold, vdot: estimate.vdot)
            #expect(threshold.contains(danielsT.fast) && threshold.contains(danielsT.slow), "\(result)")
        }
    }
}
