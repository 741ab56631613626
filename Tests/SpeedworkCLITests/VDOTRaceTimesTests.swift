import Foundation
import Testing
import Speedwork
@testable import SpeedworkReports

/// The checker's source of today's race times, checked twice: the tests' own Daniels–Gilbert
/// equations against Daniels' published race table, and `predict` (which the plan checker asks)
/// against those equations for every single-result profile of the table.
@Suite("Today's race times")
struct VDOTRaceTimesTests {
    /// Rows of Daniels' Table 5.1 (*Daniels' Running Formula*, 3rd ed., 2013): VDOT, then
    /// 1500 m, mile, 3K, 5K and 10K times in seconds.
    static let published: [(vdot: Double, seconds: [Double])] = [
        (40, [6 * 60 + 35, 7 * 60 + 7, 14 * 60 + 3, 24 * 60 + 8, 50 * 60 + 3]),
        (50, [5 * 60 + 24, 5 * 60 + 50, 11 * 60 + 33, 19 * 60 + 57, 41 * 60 + 21]),
        (60, [4 * 60 + 35, 4 * 60 + 57, 9 * 60 + 50, 17 * 60 + 3, 35 * 60 + 22]),
        (70, [4 * 60 + 0, 4 * 60 + 19, 8 * 60 + 34, 14 * 60 + 55, 31 * 60 + 0]),
    ]
    static let meters = [1500, 1609.344, 3000, 5000, 10000]

    @Test(arguments: published.map(\.vdot))
    func equationsMatchThePublishedTable(vdot: Double) throws {
        let row = try #require(Self.published.first { $0.vdot == vdot })
        for (meters, seconds) in zip(Self.meters, row.seconds) {
            let computed = VDOTRaceTimes.seconds(meters: meters, vdot: vdot)
            #expect(abs(computed / seconds - 1) < 0.01, "VDOT \(vdot), \(meters) m: \(computed) s, published \(seconds) s")
            #expect(abs(VDOTRaceTimes.vdot(meters: meters, seconds: seconds) - vdot) < 0.5)
        }
    }

    /// For every profile with one result of 1500 m or more, `predict` gives today's times from
    /// 1500 m to 10K within 1 % of the equations (its VDOT model; shorter distances use another model).
    @Test(arguments: PlanProfileTests.profiles.filter { profile in
        profile.results.count == 1 && !["400m", "800m"].contains(profile.results[0].split(separator: "=")[0])
    })
    func predictAgreesWithTheEquations(_ profile: RunnerProfile) throws {
        let parts = profile.results[0].split(separator: "=")
        let result = try Performance(distance: Distance(parsing: String(parts[0])), time: Duration(parsing: String(parts[1])))
        let vdot = VDOTRaceTimes.vdot(meters: result.distance.meters, seconds: result.time.seconds)
        let distances: Set<Int> = [1500, 1609, 2000, 3000, 5000, 8000, 10000]
        let today = try profile.todayRaceTimes(for: distances)
        for meters in distances.sorted() {
            let expected = VDOTRaceTimes.seconds(meters: Double(meters), vdot: vdot)
            let predicted = try #require(today[meters])
            #expect(abs(predicted / expected - 1) < 0.01, "\(profile.results[0]): \(meters) m predicted \(predicted) s, the equations give \(expected.rounded()) s")
        }
    }
}
