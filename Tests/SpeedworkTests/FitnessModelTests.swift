import Foundation
import Testing
@testable import Speedwork

@Suite("Riegel, critical speed, speed reserve and model choice")
struct FitnessModelTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func estimate(_ results: [String], model: FitnessModelChoice = .auto, exponent: Double? = nil) throws -> FitnessEstimate {
        try FitnessEstimator(riegelExponent: exponent).estimate(from: results.map { try Performance(parsing: $0) }, model: model, asOf: today)
    }

    /// Riegel 1981: t₂ = t₁·(d₂/d₁)^1.06; 20:00 5K → 10K in 1200·2^1.06 = 2501.9 s (by hand).
    @Test func riegelPublishedExponent() throws {
        let estimate = try Self.estimate(["5k=20:00"], model: .riegel, exponent: 1.06)
        #expect(abs(estimate.time(for: .kilometers(10)).seconds - 2501.9) < 0.1)
    }

    /// Two results give a personal exponent: ln(2520/1200)/ln 2 = 1.0704 for 20:00 and 42:00.
    @Test func riegelPersonalExponent() throws {
        let estimate = try Self.estimate(["5k=20:00", "10k=42:00"])
        guard case .riegel(let model) = estimate.model else {
            Issue.record("auto with two distances should pick Riegel, got \(estimate.model.name)")
            return
        }
        #expect(model.isPersonal)
        #expect(abs(model.exponent - log(2520.0 / 1200) / log(2)) < 1e-9)
        #expect(abs(estimate.time(for: .kilometers(10)).seconds - 2520) < 0.01)
    }

    /// CS and D′ by hand: 1500 m in 300 s and 5000 m in 1080 s → CS = 3500/780 m/s,
    /// D′ = 1500 − 300·CS.
    @Test func criticalSpeedTwoPoints() throws {
        let estimate = try Self.estimate(["1500m=5:00", "5k=18:00"], model: .cs)
        guard case .criticalSpeed(let model) = estimate.model else {
            Issue.record("expected cs")
            return
        }
        let cs = 3500.0 / 780
        #expect(abs(model.criticalSpeed.metersPerSecond - cs) < 1e-9)
        #expect(abs(model.dPrime.meters - (1500 - 300 * cs)) < 1e-6)
        // 3000 m: (3000 − D′)/CS.
        #expect(abs(estimate.time(for: .meters(3000)).seconds - (3000 - (1500 - 300 * cs)) / cs) < 0.01)
        // The marathon is far outside 2–30 min: it comes from VDOT instead, and says so.
        #expect(estimate.prediction(for: .marathon).model == "vdot")
    }

    @Test func criticalSpeedNeedsTwoShortEfforts() {
        #expect(throws: InputError.self) { try Self.estimate(["5k=20:00"], model: .cs) }
        #expect(throws: InputError.self) { try Self.estimate(["10k=40:00", "half=1:30:00"], model: .cs) }
    }

    /// Bundle et al. 2003: S(t) = S_aer + (S_anaer − S_aer)·e^(−0.013 t). With S_aer = 4 m/s and
    /// ratio 1.6 the average speed over 80 s is 4 + 2.4·e^(−1.04) = 4.8484 m/s (by hand).
    @Test func speedReserveCurve() {
        let model = SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: 4), reserveRatio: 1.6)
        #expect(abs(model.averageSpeed(over: .seconds(80)).metersPerSecond - (4 + 2.4 * exp(-1.04))) < 1e-12)
    }

    /// A lone 400 m gives a low-confidence speed-reserve estimate that predicts itself.
    @Test func lone400() throws {
        let estimate = try Self.estimate(["400m=80"])
        #expect(estimate.model == .speedReserve)
        #expect(estimate.confidence == .low)
        #expect(abs(estimate.time(for: .meters(400)).seconds - 80) < 0.01)
    }

    /// A 400 m beside a 5K: VDOT from the 5K, the speed reserve ratio fitted so the 400 m holds.
    @Test func fourHundredBesideFiveK() throws {
        let estimate = try Self.estimate(["400m=75", "5k=20:00"])
        #expect(estimate.speedReserveIsPersonal)
        #expect(abs(estimate.vdot - DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1200))) < 1e-9)
        #expect(abs(estimate.time(for: .meters(400)).seconds - 75) < 0.01)
        #expect(estimate.model == .vdot)
    }

    /// Newer results weigh more: the weight halves every 60 days.
    @Test func recencyWeights() throws {
        let estimate = try Self.estimate(["5k=20:00@2026-09-23", "5k=21:00@2026-11-22"], model: .vdot)
        let weights = estimate.results.map(\.weight)
        #expect(weights == [1.0, 0.5])
        let expected = (DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1260)) * 1 + DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1200)) * 0.5) / 1.5
        #expect(abs(estimate.vdot - expected) < 1e-9)
    }

    @Test func futureResultsAreRefused() {
        #expect(throws: InputError.self) { try Self.estimate(["5k=20:00@2026-12-01"]) }
    }

    @Test func noResultsAreRefused() {
        #expect(throws: InputError.self) { try FitnessEstimator().estimate(from: [], asOf: Self.today) }
    }

    /// An old result lowers confidence.
    @Test func oldResultLowersConfidence() throws {
        #expect(try Self.estimate(["5k=20:00@2026-01-01"]).confidence == .low)
        #expect(try Self.estimate(["5k=20:00"]).confidence == .medium)
        #expect(try Self.estimate(["5k=20:00", "10k=41:30"]).confidence == .high)
    }
}
