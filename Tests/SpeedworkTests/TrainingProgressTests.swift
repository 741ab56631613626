import Foundation
import Testing
@testable import Speedwork

/// The views of progress over time (M52) on small hand-made histories whose answers are worked out
/// by hand in each test.
@Suite struct TrainingProgressTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    @Test func seasonsAreCalendarYearsOrHalfYears() {
        #expect(Season.Length.year.season(of: Self.day("2025-06-30")).label == "2025")
        #expect(Season.Length.half.season(of: Self.day("2025-06-30")).label == "2025 H1")
        #expect(Season.Length.half.season(of: Self.day("2025-07-01")).label == "2025 H2")
        #expect(Season.Length.half.season(of: Self.day("2025-07-01")).first == Self.day("2025-07-01"))
        #expect(Season.Length.half.season(of: Self.day("2024-12-31")) < Season.Length.half.season(of: Self.day("2025-01-01")))
    }

    @Test(arguments: [(412.0, 400.0), (196, 200), (1640, 1609.344), (243, 250), (730, 750), (1000, 1000)])
    func repsRoundToTheTrack(measured: Double, track: Double) {
        // 412 m is 3 % off 400 m and 196 m 2 % off 200 m: within 8 %. 243 m is 19 % off 200 m and
        // 730 m 9 % off 800 m: the nearest 50 m.
        #expect(RepeatedSession.trackMeters(measured) == track)
    }

    @Test func theSameShapeIsComparedAndAPyramidHasItsOwnShape() {
        let twoHundreds = { (day: String, times: [Double]) in
            ProgressRun(day: Self.day(day), reference: day, reps: times.map { ProgressRun.Rep(meters: 200, seconds: $0) },
                        recoverySeconds: Array(repeating: 60, count: times.count - 1))
        }
        let pyramid = ProgressRun(day: Self.day("2025-03-04"), reference: "p", reps: [
            .init(meters: 405, seconds: 80), .init(meters: 298, seconds: 58), .init(meters: 201, seconds: 38)])
        let once = ProgressRun(day: Self.day("2025-03-05"), reference: "o", reps: [.init(meters: 800, seconds: 170), .init(meters: 800, seconds: 172)])
        let sessions = RepeatedSession.group([
            twoHundreds("2025-01-07", [40, 40, 41, 41, 42, 42]), pyramid, once,
            twoHundreds("2025-02-04", [39, 39, 39, 39, 39, 39]),
        ] + [pyramid].map { var p = $0; p.day = Self.day("2025-04-01"); p.reference = "q"; return p })
        #expect(sessions.map(\.shape) == ["400m + 300m + 200m", "6 × 200m"])
        let first = sessions[1].occurrences[0]
        #expect(first.averageSeconds == 41)
        #expect(first.fastestSeconds == 40 && first.slowestSeconds == 42)
        // Last third (42, 42) against the first (40, 40): 5 % slower.
        #expect(abs(first.fadePercent! - 5) < 1e-9)
        #expect(first.averageRecoverySeconds == 60)
        #expect(sessions[1].occurrences[1].fadePercent == 0)
        #expect(sessions[0].occurrences[0].averageRecoverySeconds == nil)
    }

    @Test func strideIsComparedWithinOnePaceBand() {
        // 400 m in 80 s is 200 s/km (band 200–210); in 78 s 195 s/km (band 190–200).
        let runs = [
            ProgressRun(day: Self.day("2024-05-01"), reference: "a", reps: [
                .init(meters: 400, seconds: 80, cadence: 180, stepLength: 1.67), .init(meters: 400, seconds: 78, cadence: 184, stepLength: 1.67)]),
            ProgressRun(day: Self.day("2025-05-01"), reference: "b", reps: [
                .init(meters: 400, seconds: 80, cadence: 186, stepLength: 1.61), .init(meters: 400, seconds: 80, cadence: 188, stepLength: 1.60)]),
        ]
        let trend = StrideTrend(runs: runs, length: .year)
        #expect(trend.bands.map(\.fastSecondsPerKm) == [190, 200])
        let band200 = trend.bands[1]
        #expect(band200.seasons.map(\.season.label) == ["2024", "2025"])
        #expect(band200.seasons.map(\.reps) == [1, 2])
        #expect(band200.seasons.map(\.cadence) == [180, 187])
        #expect(abs(band200.seasons[1].stepLength! - 1.605) < 1e-9)
    }

    @Test func easyRunsAreTooHardByTheirStoredCheckOrTheirPaceAgainstTheDaysBand() {
        let band = PaceRange(fast: Pace(secondsPerKilometer: 330), slow: Pace(secondsPerKilometer: 370))
        let monday = Self.day("2025-03-03")
        let runs = [
            ProgressRun(day: monday, reference: "fast", movingPace: Pace(secondsPerKilometer: 300)),
            ProgressRun(day: monday.adding(days: 1), reference: "ok", movingPace: Pace(secondsPerKilometer: 350)),
            // The stored check wins over the pace: 20 % of it fast is not too hard, whatever the average.
            ProgressRun(day: monday.adding(days: 2), reference: "checked", movingPace: Pace(secondsPerKilometer: 320), storedTooHard: false),
            ProgressRun(day: monday.adding(days: 3), reference: "session", reps: [.init(meters: 400, seconds: 80), .init(meters: 400, seconds: 80)],
                        movingPace: Pace(secondsPerKilometer: 280)),
            ProgressRun(day: monday.adding(days: 6), reference: "race", movingPace: Pace(secondsPerKilometer: 240), isHardEffort: true),
            ProgressRun(day: monday.adding(days: 7), reference: "next week, no fitness", movingPace: Pace(secondsPerKilometer: 300)),
        ]
        let balance = WeeklyBalance(runs: runs) { $0 < monday.adding(days: 7) ? band : nil }
        #expect(balance.weeks.map(\.monday) == [monday, monday.adding(days: 7)])
        let week = balance.weeks[0]
        #expect((week.easyRuns, week.hardSessions, week.checkedEasyRuns, week.tooHard) == (3, 2, 3, 1))
        #expect(week.tooHardDays == [monday])
        #expect(balance.weeks[1].checkedEasyRuns == 0 && balance.weeks[1].tooHardShare == nil)
    }

    @Test func seasonBestsTakeTheFastestEffortOrResult() throws {
        let runs = [
            ProgressRun(day: Self.day("2025-02-01"), reference: "a", bestEfforts: [.init(distance: .meters(5000), seconds: 1260),
                                                                                  .init(distance: .marathon, seconds: 12_000)]),
            ProgressRun(day: Self.day("2025-03-01"), reference: "b", bestEfforts: [.init(distance: .meters(5000), seconds: 1250)]),
        ]
        // A 5.01 km race (0.2 % long) in 20:30 counts as 5K at its pace: 1230 × 5000 / 5010 = 1227.5 s.
        let race = try FitnessEvidence(performance: Performance(distance: .meters(5010), time: .seconds(1230), date: Self.day("2025-04-01")),
                                       source: .race, reference: "r")
        // A 5.3 km result is no 5K.
        let long = try FitnessEvidence(performance: Performance(distance: .meters(5300), time: .seconds(1100), date: Self.day("2025-05-01")),
                                       source: .race, reference: "l")
        let bests = SeasonBests(runs: runs, results: [race, long], length: .year)
        #expect(bests.rows.map(\.distance) == [.meters(5000)], "the marathon is not shown")
        let best = try #require(bests.rows.first?.bests.first)
        #expect(abs(best.seconds - 1230 * 5000 / 5010) < 1e-9 && best.fromResult && best.reference == "r")
    }
}
