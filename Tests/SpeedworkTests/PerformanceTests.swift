import Testing
@testable import Speedwork

@Suite("Results: parsing and plausibility")
struct PerformanceTests {
    @Test(arguments: [
        ("400m=1:20", 400.0, 80.0), ("5k=20:00@2026-10-04", 5000, 1200), ("mile=6:30.2", 1609.344, 390.2),
        ("half=1:02:03", 21097.5, 3723), ("400m=75", 400, 75), ("800m=2:30.5", 800, 150.5),
    ])
    func parses(_ text: String, _ meters: Double, _ seconds: Double) throws {
        let result = try Performance(parsing: text)
        #expect(abs(result.distance.meters - meters) < 1e-9)
        #expect(abs(result.time.seconds - seconds) < 1e-9)
    }

    /// The world records named in the errors (World Athletics).
    @Test func fasterThanWorldRecord() {
        #expect(throws: InputError("400m=30.0 is faster than the world record (400m 43.03 s, Wayde van Niekerk 2016)")) {
            try Performance(parsing: "400m=0:30")
        }
        #expect(throws: InputError.self) { try Performance(parsing: "mile=3:40") }
        #expect(throws: InputError.self) { try Performance(parsing: "marathon=1:59:00") }
        // Between records the limit is record pace: 600 m lies between 400 m and 800 m.
        #expect(throws: InputError.self) { try Performance(parsing: "600m=1:05") }
        #expect(throws: Never.self) { try Performance(parsing: "mile=3:44") }
    }

    @Test(arguments: ["5k=55:00", "mile=20:00", "marathon=7:30:00"])
    func slowerThanABriskWalk(_ text: String) {
        #expect(throws: InputError.self) { try Performance(parsing: text) }
    }

    @Test(arguments: [
        "5k", "5k=", "=20:00", "5x=20:00", "5k=20:7x", "5k=0", "5k=-20:00", "5k=20:60", "5k=20:00@2026-13-01",
        "5k=20:00@yesterday", "50m=7", "100k=8:00:00", "5k=20:00=1",
    ])
    func refuses(_ text: String) {
        #expect(throws: InputError.self) { try Performance(parsing: text) }
    }

    @Test func errorsNameTheValue() {
        do {
            _ = try Performance(parsing: "5x=20:00")
            Issue.record("should throw")
        } catch let error as InputError {
            #expect(error.description.contains("5x"))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Durations, paces and days")
struct DurationTests {
    @Test(arguments: [("38", 38.0), ("38.5", 38.5), ("1:20", 80), ("6:30.2", 390.2), ("1:02:03", 3723), ("98:14", 5894), ("45s", 45), ("60min", 3600)])
    func parses(_ text: String, _ seconds: Double) throws {
        #expect(abs(try Duration(parsing: text).seconds - seconds) < 1e-9)
    }

    @Test(arguments: [(38.0, "38.0"), (89.5, "1:29.5"), (350.2, "5:50"), (3723, "1:02:03"), (119.96, "2:00.0")])
    func formatsReps(_ seconds: Double, _ text: String) {
        #expect(Duration.seconds(seconds).formatted(.rep) == text)
    }

    /// 1609.344 m per mile: 4:00/km is 6:26/mile.
    @Test func paceConversions() {
        let pace = Pace(secondsPerKilometer: 240)
        #expect(abs(pace.secondsPerMile - 386.24256) < 1e-9)
        #expect(pace.perMileText == "6:26/mi")
        #expect(abs(pace.slower(bySecondsPerMile: 30).secondsPerMile - 416.24256) < 1e-9)
    }

    /// 2000-01-01 is day 10957 of the Unix epoch and a Saturday; 2026-11-22 is a Sunday.
    @Test func days() throws {
        #expect(try Day(parsing: "2000-01-01").daysSinceEpoch == 10957)
        #expect(try Day(parsing: "2000-01-01").isoWeekday == 6)
        #expect(try Day(parsing: "2026-11-22").isoWeekday == 7)
        #expect(try Day(parsing: "2024-02-28").adding(days: 1).description == "2024-02-29")
        #expect(throws: InputError.self) { try Day(parsing: "2025-02-29") }
    }
}
