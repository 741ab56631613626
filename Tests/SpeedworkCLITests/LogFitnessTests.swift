import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import Testing
@testable import SpeedworkCLI

/// The log's fitness evidence (M21, M43, M52): which logged results and activity efforts count.
@Suite struct LogFitnessTests {
    static func summary(_ hash: String, _ day: String, run: Bool = true, efforts: [(meters: Double, seconds: Double)]) throws -> ActivitySummary {
        let start = try Day(parsing: day)
        let date = Date(timeIntervalSince1970: Double(start.daysSinceEpoch) * 86_400 + 8 * 3600)
        let list = efforts.map { "{\"distance\":\"x\",\"meters\":\($0.meters),\"seconds\":\($0.seconds),\"startSeconds\":0}" }
        let json = "{\"analysedAsRun\":\(run),\"bestEfforts\":[\(list.joined(separator: ","))],\"sport\":\"running\"}"
        return ActivitySummary(contentHash: hash, start: date, sport: run ? "running" : "cycling", distanceMeters: 10_000,
                               durationSeconds: 3000, sampleCount: 0, analysisJSON: json)
    }

    @Test func activityEffortsCountOnlyWhenTheyMatchOrBeatTheRecentBest() throws {
        let result = try LoggedResult(day: Day(parsing: "2026-01-10"), kind: .race, distance: .meters(5000), time: .seconds(20 * 60))
        let activities = [
            try Self.summary("faster", "2026-02-01", efforts: [(5000, 19 * 60 + 30), (1609.344, 6 * 60)]),  // 19:30 5K beats 20:00
            try Self.summary("easy", "2026-02-05", efforts: [(5000, 24 * 60)]),                             // an easy 5K: slower
            try Self.summary("strides", "2026-02-06", efforts: [(400, 60)]),                                  // too short to count
            try Self.summary("ride", "2026-02-07", run: false, efforts: [(5000, 8 * 60)]),                   // not a run
        ]
        let fitness = LogFitness(results: [result], activities: activities)
        #expect(fitness.evidence.map(\.source) == [.race, .activity])
        #expect(fitness.evidence.last?.reference == "faster")
        // Of the faster activity's efforts, the one with the highest VDOT is its evidence:
        // 19:30 for 5K is VDOT 51.3 and 6:00 for the mile 48.4 (Daniels' Running Formula, table 5.1).
        #expect(fitness.evidence.last?.performance.distance == .meters(5000))
    }

    @Test func theEstimateUsesTheYearBeforeTheDayAndNothingAfterIt() throws {
        let older = try LoggedResult(day: Day(parsing: "2025-01-10"), kind: .race, distance: .meters(5000), time: .seconds(22 * 60))
        let newer = try LoggedResult(day: Day(parsing: "2026-01-10"), kind: .timeTrial, distance: .meters(1609.344), time: .seconds(6 * 60))
        let fitness = LogFitness(results: [older, newer], activities: [])
        #expect(try fitness.estimate(asOf: Day(parsing: "2024-12-31")) == nil)
        #expect(fitness.evidence(asOf: try Day(parsing: "2025-06-01")).count == 1)
        #expect(fitness.evidence(asOf: try Day(parsing: "2026-01-10")).count == 2, "365 days before still counts")
        #expect(fitness.evidence(asOf: try Day(parsing: "2026-01-11")).count == 1, "the 2025 race is now 366 days before")
        #expect(try fitness.estimate(asOf: Day(parsing: "2027-02-01")) == nil)
        // One 6:00 mile alone: the estimate is that result's VDOT, 48.4 in Daniels' table 5.1 (6:03 at 48, 5:56 at 49).
        let estimate = try #require(try fitness.estimate(asOf: Day(parsing: "2026-02-01")))
        #expect(abs(estimate.vdot - 48.4) < 0.2)
    }
}
