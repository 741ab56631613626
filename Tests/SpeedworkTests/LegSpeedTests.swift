import Testing
@testable import Speedwork

/// M6: leg speed = step length × cadence.
@Suite("Leg speed (M6)")
struct LegSpeedTests {
    /// The method's example: a 40:00 10K runner at 180 steps/min gains "close to a minute" from
    /// +2 cm of step and +2 steps/min. By hand: speed 250 m/min, step 250/180 m; new speed
    /// (250/180 + 0.02)·182 m/min; 10 000 m at that speed is 2339.9 s, 60.1 s faster.
    @Test func fortyMinuteTenK() throws {
        let legSpeed = try LegSpeed(race: Performance(parsing: "10k=40:00"), cadence: 180)
        #expect(abs(legSpeed.stepLength.meters - 250.0 / 180) < 1e-12)
        let newTime = legSpeed.newTime(stepGain: .meters(0.02), cadenceGain: 2)
        #expect(abs(newTime.seconds - 10_000 / ((250.0 / 180 + 0.02) * 182) * 60) < 1e-9)
        #expect((55...65).contains(2400 - newTime.seconds))
        // Exact metres per mile: 1609.344·0.02/(250/180) = 23.17 m and 1609.344·2/180 = 17.88 m.
        #expect(abs(legSpeed.metersPerMile(fromStepGain: .meters(0.02)) - 23.17456) < 1e-4)
        #expect(abs(legSpeed.metersPerMile(fromCadenceGain: 2) - 17.8816) < 1e-4)
    }

    @Test(arguments: [90.0, 60, 300, 0])
    func refusesImplausibleCadence(_ cadence: Double) {
        #expect(throws: InputError.self) { try LegSpeed(race: Performance(parsing: "10k=40:00"), cadence: cadence) }
    }

    @Test func refusesLargeGains() {
        #expect(throws: InputError.self) { try LegSpeed.validateStepGain(.meters(0.5)) }
        #expect(throws: InputError.self) { try LegSpeed.validateCadenceGain(-3) }
    }
}
