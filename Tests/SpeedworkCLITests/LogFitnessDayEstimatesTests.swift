import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The log's estimates over many days (``LogFitness/DayEstimates``) against estimating each day on
/// its own (``LogFitness/estimate(asOf:model:estimator:)``), on a generated multi-year history.
@Suite struct LogFitnessDayEstimatesTests {
    /// Four seeded years: races and time trials from 800 m to the half marathon, activities whose
    /// best efforts sometimes beat the recent evidence, fitness rising then falling, and a
    /// five-month break with nothing logged (windows that empty, confidence that drops).
    static func history(seed: UInt64) throws -> LogFitness {
        var random = SeededGenerator(state: seed)
        let first = try Day(parsing: "2022-01-03")
        let distances: [Double] = [800, 1500, 1609.344, 3000, 5000, 10_000, 21_097.5]
        var results: [LoggedResult] = []
        var activities: [ActivitySummary] = []
        var day = first
        var index = 0
        while day < first.adding(days: 4 * 365) {
            let breakStart = first.adding(days: 2 * 365 + 40)
            if day >= breakStart && day < breakStart.adding(days: 150) {
                day = day.adding(days: 7)
                continue
            }
            // VDOT 45 rising to 52 over two years, then falling back.
            let years = Double(first.days(until: day)) / 365
            let vdot = (years < 2 ? 45 + 3.5 * years : 52 - 2 * (years - 2)) + Double.random(in: -1.5...1.5, using: &random)
            if Int.random(in: 0..<2, using: &random) == 0 {
                let meters = distances.randomElement(using: &random)!
                let seconds = DanielsGilbert.time(for: .meters(meters), atVDOT: vdot).seconds.rounded()
                let kind: LoggedResult.Kind = [.race, .timeTrial, .effort].randomElement(using: &random)!
                results.append(try LoggedResult(day: day, kind: kind, distance: .meters(meters), time: .seconds(seconds)))
            }
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let runDay = day.adding(days: Int.random(in: 0..<7, using: &random))
                let meters = [1000.0, 1609.344, 5000, 10_000].randomElement(using: &random)!
                let effort = vdot - Double.random(in: 0...6, using: &random)
                let seconds = DanielsGilbert.time(for: .meters(meters), atVDOT: effort).seconds.rounded()
                let start = Date(timeIntervalSince1970: Double(runDay.daysSinceEpoch) * 86_400 + 7 * 3600)
                let json = "{\"analysedAsRun\":true,\"bestEfforts\":[{\"distance\":\"x\",\"meters\":\(meters),\"seconds\":\(seconds),\"startSeconds\":0}],\"sport\":\"running\"}"
                activities.append(ActivitySummary(contentHash: "run-\(index)", start: start, sport: "running", distanceMeters: meters,
                                                  durationSeconds: seconds, sampleCount: 0, analysisJSON: json))
                index += 1
            }
            day = day.adding(days: 7)
        }
        return LogFitness(results: results, activities: activities)
    }

    static func expectSame(_ cached: FitnessEstimate?, _ single: FitnessEstimate?, _ day: Day) {
        guard let cached, let single else {
            #expect(cached == nil && single == nil, "\(day): one path has no estimate")
            return
        }
        #expect(cached.model == single.model, "\(day)")
        #expect(cached.vdot.bitPattern == single.vdot.bitPattern, "\(day)")
        #expect(cached.speedReserve == single.speedReserve, "\(day)")
        #expect(cached.speedReserveIsPersonal == single.speedReserveIsPersonal, "\(day)")
        #expect(cached.results == single.results, "\(day)")
        #expect(cached.confidence == single.confidence, "\(day)")
        #expect(cached.confidenceReasons == single.confidenceReasons, "\(day)")
        #expect(cached.notes == single.notes, "\(day)")
        #expect(cached.asOf == single.asOf, "\(day)")
    }

    /// Every day from before the first evidence to a year and a half after the last, in order:
    /// the cached path gives what the day-by-day one gives.
    @Test func everyDayInOrderMatchesTheDayByDayEstimate() throws {
        let fitness = try Self.history(seed: 9)
        #expect(fitness.evidence.count > 80, "a history with enough evidence to mean something")
        #expect(fitness.evidence.contains { $0.source == .activity })
        var estimates = fitness.estimates()
        var confidences: Set<Confidence> = []
        var empty = 0
        let first = try Day(parsing: "2021-12-20")
        for offset in 0..<(5 * 365 + 200) {
            let day = first.adding(days: offset)
            let single = try fitness.estimate(asOf: day)
            Self.expectSame(try estimates.estimate(asOf: day), single, day)
            if let single { confidences.insert(single.confidence) } else { empty += 1 }
        }
        #expect(empty > 14, "days before the first evidence and after the window ends have none")
        #expect(confidences.count >= 2, "the break moves the confidence")
    }

    /// Days asked in a shuffled order, twice each, with another model choice: still the same.
    @Test func daysInAnyOrderMatch() throws {
        let fitness = try Self.history(seed: 17)
        var random = SeededGenerator(state: 3)
        let first = try Day(parsing: "2022-01-01")
        let days = (0..<600).map { _ in first.adding(days: Int.random(in: 0..<(4 * 365 + 60), using: &random)) }
        var estimates = fitness.estimates(model: .vdot)
        for day in days + days.shuffled(using: &random) {
            Self.expectSame(try estimates.estimate(asOf: day), try fitness.estimate(asOf: day, model: .vdot), day)
        }
    }
}
