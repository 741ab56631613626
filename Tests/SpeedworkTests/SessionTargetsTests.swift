import Testing
@testable import Speedwork

/// The method's worked examples (METHODOLOGY §2), exactly as stated there.
@Suite("Session targets: the method's worked examples")
struct SessionTargetsTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func targets(_ results: [String], goal: String? = nil) throws -> SessionTargets {
        let estimate = try FitnessEstimator().estimate(from: results.map { try Performance(parsing: $0) }, asOf: today)
        return SessionTargets(fitness: estimate, goal: try goal.map { try Performance(parsing: $0) })
    }

    /// M11: "400 m in 80 s → 200 m in 38 s".
    @Test func m11From400In80() throws {
        let rep = try #require(try Self.targets(["400m=80"]).twoHundreds.repTarget)
        #expect(rep.distance == .meters(200))
        #expect(abs(rep.middle.seconds - 38.0) < 0.05)
        #expect(abs(rep.fast.seconds - 37.62) < 0.01 && abs(rep.slow.seconds - 38.38) < 0.01)
    }

    /// M13: "6:00 mile → 90 s per 400 m".
    @Test func m13GoalMile600() throws {
        let target = try Self.targets(["mile=6:40"], goal: "mile=6:00").goalPaceFourHundreds
        let rep = try #require(target.repTarget)
        #expect(abs(rep.middle.seconds - 90.0) < 0.01)
        #expect(rep.fast.seconds < 90 && rep.slow.seconds > 90)
        #expect(abs(target.pace.middle.secondsPerMile - 360) < 0.01)
    }

    /// M12: first 200 m 5 s slower than the second; second faster than goal mile pace (45 s).
    @Test func m12NegativeSplit() throws {
        let rep = try #require(try Self.targets(["mile=6:40"], goal: "mile=6:00").negativeSplitFourHundreds.repTarget)
        #expect(rep.splits.count == 2)
        let (first, second) = (rep.splits[0], rep.splits[1])
        #expect(abs(first.fast.seconds - second.fast.seconds - 5) < 1e-9)
        #expect(abs(first.slow.seconds - second.slow.seconds - 5) < 1e-9)
        #expect(second.slow.seconds < 45.0)
        #expect(abs(rep.fast.seconds - (first.fast.seconds + second.fast.seconds)) < 1e-9)
    }

    /// M17: mile pace + 30–40 s per mile; the method's M18 figure, mile pace + 40–50 s per mile,
    /// kept as the threshold's cross-check.
    @Test func m17AndMethodThresholdOffsets() throws {
        let targets = try Self.targets(["mile=6:00"])
        let mile = targets.currentMile.seconds
        #expect(abs(mile - 360) < 0.01)
        let vo2 = try #require(targets.vo2maxMiles.repTarget)
        #expect(abs(vo2.fast.seconds - mile - 30) < 1e-9 && abs(vo2.slow.seconds - mile - 40) < 1e-9)
        #expect(abs(targets.vo2maxMiles.pace.fast.secondsPerMile - mile - 30) < 1e-9)
        let method = targets.methodThreshold
        #expect(abs(method.fast.secondsPerMile - mile - 40) < 1e-9 && abs(method.slow.secondsPerMile - mile - 50) < 1e-9)
        #expect(targets.threshold.repDuration == Duration.minutes(10)...Duration.minutes(10))
        #expect(targets.threshold.basis.contains("6:40–6:50/mi"))
    }

    /// M18 is Daniels' T (one threshold pace): a 5:50 mile is VDOT 50 (Table 5.1), whose published
    /// T pace is 4:15/km (Table 5.2); the band is that pace ±1 %, within the table's rounding.
    @Test func m18IsDanielsThreshold() throws {
        let targets = try Self.targets(["mile=5:50"])
        let band = targets.threshold.pace
        #expect(abs(band.middle.secondsPerKilometer - 255) / 255 < 0.01)
        #expect(abs(band.fast.secondsPerKilometer / band.middle.secondsPerKilometer - 0.99) < 1e-9)
        #expect(abs(band.slow.secondsPerKilometer / band.middle.secondsPerKilometer - 1.01) < 1e-9)
        #expect(band.contains(TrainingPaces.pace(.threshold, vdot: targets.fitness.vdot).middle))
        // The method's own figure (5:50 + 40–50 s = 6:30–6:40/mi, 4:02–4:09/km) is faster than the band.
        #expect(targets.methodThreshold.slow < band.fast)
    }

    /// M10: 20–30 s at about 400 m race pace.
    @Test func m10AboutFourHundredPace() throws {
        let target = try Self.targets(["400m=80"]).legSpeed
        #expect(target.pace.contains(Pace(distance: .meters(400), time: .seconds(80))))
        #expect(target.repDuration == Duration.seconds(20)...Duration.seconds(30))
    }

    /// Without a goal, goal-pace sessions aim at the current mile; with one, at the goal.
    @Test func goalOnlyMovesGoalPaceSessions() throws {
        let without = try Self.targets(["mile=6:40"])
        let with = try Self.targets(["mile=6:40"], goal: "mile=6:00")
        #expect(abs(try #require(without.goalPaceFourHundreds.repTarget).middle.seconds - 100) < 0.01)
        #expect(without.twoHundreds.repTarget == with.twoHundreds.repTarget)
        #expect(without.vo2maxMiles.repTarget == with.vo2maxMiles.repTarget)
    }

    /// A goal at another distance aims at its mile equivalent by VDOT: a 19:57 5K is a VDOT 50
    /// runner, whose published mile is 5:50 (Daniels Table 5.1).
    @Test func goalAtAnotherDistance() throws {
        let rep = try #require(try Self.targets(["5k=22:00"], goal: "5k=19:57").goalPaceFourHundreds.repTarget)
        #expect(abs(rep.middle.seconds * 4 - 350) < 350 * 0.015)
    }
}
