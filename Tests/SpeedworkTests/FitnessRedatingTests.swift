import Foundation
import Testing
@testable import Speedwork

/// Redating an estimate to a later day (``FitnessEstimator/redated(_:to:)``) against estimating
/// again from the same results on that day: every field must be the same, bit for bit.
@Suite("An estimate redated to a later day equals one made that day")
struct FitnessRedatingTests {
    static func same(_ redated: FitnessEstimate, _ fresh: FitnessEstimate) {
        #expect(redated.model == fresh.model)
        #expect(redated.vdot.bitPattern == fresh.vdot.bitPattern)
        #expect(redated.speedReserve == fresh.speedReserve)
        #expect(redated.speedReserveIsPersonal == fresh.speedReserveIsPersonal)
        #expect(redated.results == fresh.results)
        #expect(redated.confidence == fresh.confidence)
        #expect(redated.confidenceReasons == fresh.confidenceReasons)
        #expect(redated.notes == fresh.notes)
        #expect(redated.asOf == fresh.asOf)
    }

    static let results: [Performance] = [
        try! Performance(distance: .meters(5000), time: .seconds(20 * 60 + 10), date: try! Day(parsing: "2026-03-01")),
        try! Performance(distance: .meters(10_000), time: .seconds(42 * 60), date: try! Day(parsing: "2026-04-12")),
        // A newer, faster 5K supersedes the March one.
        try! Performance(distance: .meters(5000), time: .seconds(19 * 60 + 50), date: try! Day(parsing: "2026-05-03")),
        try! Performance(distance: .meters(800), time: .seconds(2 * 60 + 31), date: try! Day(parsing: "2026-05-20")),
    ]

    /// From the day of the newest result to a year after it, across the confidence steps at 60
    /// and 180 days (high or medium, then medium, then low), for every model the results allow.
    @Test(arguments: [FitnessModelChoice.auto, .vdot, .riegel, .speedReserve, .cs])
    func laterDaysMatchAFreshEstimate(model: FitnessModelChoice) throws {
        let estimator = FitnessEstimator()
        let first = try Day(parsing: "2026-05-20")
        let base = try estimator.estimate(from: Self.results, model: model, asOf: first)
        var confidences: Set<Confidence> = []
        for offset in [0, 1, 30, 60, 61, 62, 180, 181, 365] {
            let day = first.adding(days: offset)
            let fresh = try estimator.estimate(from: Self.results, model: model, asOf: day)
            Self.same(try estimator.redated(base, to: day), fresh)
            confidences.insert(fresh.confidence)
        }
        #expect(confidences.contains(.low), "the year crosses the 180-day step")
    }

    /// Redating an estimate made later back to an earlier day (still after every result) works too.
    @Test func anEarlierDayAfterTheResultsMatches() throws {
        let estimator = FitnessEstimator()
        let late = try estimator.estimate(from: Self.results, asOf: try Day(parsing: "2027-01-01"))
        let day = try Day(parsing: "2026-06-15")
        Self.same(try estimator.redated(late, to: day), try estimator.estimate(from: Self.results, asOf: day))
    }

    /// A day before a result is refused as ``FitnessEstimator/estimate(from:model:asOf:)`` refuses it.
    @Test func aDayBeforeAResultIsRefused() throws {
        let estimator = FitnessEstimator()
        let base = try estimator.estimate(from: Self.results, asOf: try Day(parsing: "2026-06-01"))
        #expect(throws: InputError.self) { try estimator.redated(base, to: try Day(parsing: "2026-05-19")) }
    }
}
