import Foundation
import Testing
import SpeedworkTestSupport
@testable import Speedwork

/// The predicted pace–distance curve (issue 7, item 8): pace never gets faster as the distance
/// grows, from 100 m to the marathon, for every model and every mix of results; and the newest
/// result at a distance dominates an older, slower one.
@Suite("Pace–distance curve and newest results")
struct PaceCurveTests {
    static let today = try! Day(parsing: "2026-11-22")

    /// 100 m to the marathon: 120 log-spaced distances, the standard ones, and both sides of the
    /// 1500 m junction.
    static let grid: [Distance] = {
        let logSpaced = (0...119).map { Distance.meters(100 * pow(Distance.marathon.meters / 100, Double($0) / 119)) }
        let standard: [Distance] = [.meters(200), .meters(400), .meters(800), .meters(1000), .meters(1499.9), .meters(1500), .meters(1500.1),
                                    .mile, .meters(3000), .meters(5000), .kilometers(10), .halfMarathon, .marathon]
        return (logSpaced + standard).sorted()
    }()

    /// Where a curve's pace gets faster as the distance grows, in words; empty when it never does.
    /// Tolerance 0.01 s/km: the times are solved by bisection to 0.005 s.
    static func speedUps(_ estimate: FitnessEstimate) -> [String] {
        let paces = grid.map { (distance: $0, pace: estimate.racePace(for: $0).secondsPerKilometer) }
        return zip(paces, paces.dropFirst()).compactMap { shorter, longer in
            longer.pace < shorter.pace - 0.01
                ? "\(longer.distance.label) \(longer.pace) s/km faster than \(shorter.distance.label) \(shorter.pace) s/km" : nil
        }
    }

    /// Results for one runner: Daniels' published times (Table 5.1) at 1500 m to the marathon, and
    /// a 400 m and an 800 m at typical fractions of the published mile; each varied by up to ±3 %
    /// and dated up to 120 days back (seeded).
    static func pool(vdotRow: (vdot: Double, times: [String]), random: inout SeededGenerator) throws -> [(String, Double)] {
        var pool = try zip(DanielsRaceTable.distances, row(vdotRow)).map { ($0, $1) }
        let mile = try Duration(parsing: vdotRow.times[1]).seconds
        pool.append(("400m", mile / 4 * Double.random(in: 0.78...0.90, using: &random)))
        pool.append(("800m", mile / 2 * Double.random(in: 0.88...0.95, using: &random)))
        return pool
    }

    static func row(_ row: (vdot: Double, times: [String])) throws -> [Double] {
        try row.times.map { try Duration(parsing: $0).seconds }
    }

    @Test(arguments: FitnessModelChoice.allCases)
    func paceSlowsWithDistanceForEveryModel(choice: FitnessModelChoice) throws {
        var random = SeededGenerator(state: 0x7ACE_C0DE)
        var checked = 0
        for published in DanielsRaceTable.rows where Int(published.vdot) % 5 == 0 && published.vdot <= 75 {
            let pool = try Self.pool(vdotRow: published, random: &random)
            for size in 1...3 {
                for _ in 0..<8 {
                    let picked = pool.shuffled(using: &random).prefix(size)
                    let results = try picked.map { label, seconds -> Performance in
                        let varied = seconds * Double.random(in: 0.97...1.03, using: &random)
                        let date = Self.today.adding(days: -Int.random(in: 0...120, using: &random))
                        return try Performance(distance: Distance(parsing: label), time: .seconds(varied), date: date)
                    }
                    guard let estimate = try? FitnessEstimator().estimate(from: results, model: choice, asOf: Self.today) else { continue }
                    checked += 1
                    let problems = Self.speedUps(estimate)
                    #expect(problems.isEmpty, "\(choice.rawValue) from \(results.map(\.written)): \(problems.prefix(3))")
                }
            }
        }
        // Every model applies to enough of the sets for the check to mean something.
        #expect(checked >= 40, "only \(checked) estimates for \(choice.rawValue)")
    }

    /// The case: from a 6:40 mile alone, the 800 m was slower per km than the 1500 m.
    @Test func eightHundredFasterThanFifteenHundredFromAMile() throws {
        let estimate = try FitnessEstimator().estimate(from: [Performance(parsing: "mile=6:40")], asOf: Self.today)
        let p400 = estimate.racePace(for: .meters(400)), p800 = estimate.racePace(for: .meters(800))
        let p1500 = estimate.racePace(for: .meters(1500)), mile = estimate.racePace(for: .mile)
        #expect(p400 < p800 && p800 < p1500 && p1500 < mile)
        #expect(abs(estimate.time(for: .mile).seconds - 400) < 0.01)
    }

    /// The curves meet at 1500 m: just under and at 1500 m the paces agree to 0.05 s/km.
    @Test(arguments: ["mile=6:40", "5k=20:00|400m=75", "400m=80", "400m=70|800m=2:40", "5k=18:00|10k=37:30"])
    func curvesMeetAt1500(results: String) throws {
        let performances = try results.split(separator: "|").map { try Performance(parsing: String($0)) }
        let estimate = try FitnessEstimator().estimate(from: performances, asOf: Self.today)
        let below = estimate.racePace(for: .meters(1499.999)).secondsPerKilometer
        let at = estimate.racePace(for: .meters(1500)).secondsPerKilometer
        #expect(abs(below - at) < 0.05, "\(results): \(below) vs \(at) s/km")
    }

    /// A fresh 6:25 mile time trial beside a 6:40 from four weeks earlier: the fitness is the 6:25
    /// (the issue saw 6:31, the newer best averaged down by the older, slower result).
    @Test func newestFasterResultDominates() throws {
        let results = try ["mile=6:40@2026-10-25", "mile=6:25@2026-11-22"].map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, asOf: Self.today)
        #expect(abs(estimate.time(for: .mile).seconds - 385) < 0.5)
        let old = try #require(estimate.results.first { $0.performance.time.seconds == 400 })
        #expect(old.weight == 0)
        #expect(old.supersededBy?.time.seconds == 385)
        #expect(estimate.notes.contains { $0.contains("superseded") })
    }

    /// A newer result at a near distance supersedes too: a 5:50 1500 m is a 6:17 mile by Riegel's
    /// 1.06 (350 · (1609.344/1500)^1.06 = 377.1 s, by hand), faster than last month's 6:40.
    @Test func nearDistanceSupersedes() throws {
        let results = try ["mile=6:40@2026-10-25", "1500m=5:50@2026-11-20"].map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, asOf: Self.today)
        #expect(estimate.results.first { $0.performance.distance == .mile }?.weight == 0)
        #expect(abs(estimate.vdot - DanielsGilbert.vdot(distance: .meters(1500), time: .seconds(350))) < 1e-9)
    }

    /// An older result that is faster still counts, with its decayed weight (60 days: 0.5).
    @Test func olderFasterResultStillCounts() throws {
        let results = try ["mile=6:20@2026-09-23", "mile=6:40@2026-11-22"].map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, model: .vdot, asOf: Self.today)
        let expected = (DanielsGilbert.vdot(distance: .mile, time: .seconds(400)) + 0.5 * DanielsGilbert.vdot(distance: .mile, time: .seconds(380))) / 1.5
        #expect(abs(estimate.vdot - expected) < 1e-9)
        #expect(estimate.results.allSatisfy { $0.supersededBy == nil })
    }

    /// Distances further apart than 1.25× do not supersede each other: a newer, relatively
    /// faster 5K leaves last month's mile counting.
    @Test func farDistancesDoNotSupersede() throws {
        let results = try ["mile=6:40@2026-10-25", "5k=19:00@2026-11-22"].map { try Performance(parsing: $0) }
        let estimate = try FitnessEstimator().estimate(from: results, asOf: Self.today)
        #expect(estimate.results.allSatisfy { $0.weight > 0 })
    }

    /// Results that contradict each other (a 400 m slower per km than the 5K beside it, a short
    /// result far faster than the long one) hold the speed reserve ratio within 1.2–2.5, say so,
    /// and still give a curve that never speeds up.
    @Test(arguments: ["400m=95|5k=17:00", "400m=58|5k=25:00", "800m=3:30|mile=5:00", "400m=70|800m=3:20"])
    func contradictoryResultsStayMonotonic(results: String) throws {
        let performances = try results.split(separator: "|").map { try Performance(parsing: String($0)) }
        for choice in FitnessModelChoice.allCases {
            guard let estimate = try? FitnessEstimator().estimate(from: performances, model: choice, asOf: Self.today) else { continue }
            #expect(Self.speedUps(estimate).isEmpty, "\(results) \(choice.rawValue): \(Self.speedUps(estimate).prefix(2))")
            #expect(SpeedReserveModel.plausibleRatios.contains(estimate.speedReserve.reserveRatio))
        }
    }

    /// A Riegel exponent below 1 would make pace faster with distance: refused.
    @Test func riegelExponentBelowOneIsRefused() {
        #expect(throws: InputError.self) {
            try FitnessEstimator(riegelExponent: 0.95).estimate(from: [Performance(parsing: "5k=20:00")], model: .riegel, asOf: Self.today)
        }
    }
}
