import Foundation
import Testing
@testable import Speedwork

/// Recency weights (issue 8): results centuries older than the day of the estimate never make the
/// fitness NaN.
@Suite("Recency weights never underflow")
struct RecencyWeightingTests {
    static let farFuture = try! Day(parsing: "2999-01-01")

    /// 1,099 years is about 6,700 half-lives: 2^−6700 is 0 in a Double, so absolute weights
    /// would all be 0 and the mean 0/0.
    @Test func loneAncientResult() throws {
        let estimate = try FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00@1900-01-01")], asOf: Self.farFuture)
        #expect(estimate.vdot.isFinite)
        #expect(abs(estimate.vdot - DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1200))) < 1e-9)
        #expect(estimate.results.map(\.weight) == [1])
        #expect(estimate.confidence == .low)
    }

    /// Two ancient results 151 days apart, the older one faster (so it still counts): relative
    /// weights 1 and 2^(−151/60), by hand.
    @Test func twoAncientResults() throws {
        let results = try ["5k=21:00@1900-06-01", "5k=20:00@1900-01-01"].map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, model: .vdot, asOf: Self.farFuture)
        let older = pow(0.5, 151.0 / 60)
        let expected = (DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1260))
                        + older * DanielsGilbert.vdot(distance: .meters(5000), time: .seconds(1200))) / (1 + older)
        #expect(abs(estimate.vdot - expected) < 1e-9)
        for distance in [Distance.meters(400), .mile, .marathon] {
            #expect(estimate.time(for: distance).seconds.isFinite)
        }
    }

    /// Every model with a mix of ancient short and long results gives finite numbers.
    @Test(arguments: FitnessModelChoice.allCases)
    func everyModelStaysFinite(choice: FitnessModelChoice) throws {
        let results = try ["400m=75@1900-01-01", "1500m=5:00@1900-01-02", "5k=18:00@1900-01-03", "10k=38:00@1900-01-04"]
            .map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, model: choice, asOf: Self.farFuture)
        #expect(estimate.vdot.isFinite)
        #expect(estimate.results.allSatisfy { $0.weight.isFinite && $0.weight > 0 })
        for distance in [Distance.meters(100), .meters(800), .mile, .kilometers(10), .marathon] {
            #expect(estimate.time(for: distance).seconds.isFinite)
        }
    }

    /// The weight of the newest result is 1 however old it is, and halves every 60 days before it.
    @Test func weightsAreRelativeToTheNewest() {
        let weights = RecencyWeighting().weights(ageDays: [400_000, 400_060, 400_120])
        #expect(weights == [1, 0.5, 0.25])
    }
}
