import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import Testing
@testable import SpeedworkCLI

/// `speedwork log` by ISO weeks (M2, M50) on a generated log whose truth is written down here:
/// activities analysed and packed by ActivityRecord, hand sessions and results, across a
/// Sunday/Monday boundary, a year boundary and ISO week 53 (2026 has 53 weeks).
@Suite("Log by weeks")
struct LogWeeksTests {
    /// Where the generated log goes: SQLite always, PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set.
    static let engines: [String] = {
        if Engine.server != nil, let url = Engine.serverURL { return ["sqlite", url] }
        print("note: \(Engine.variable) is not set: the log-by-weeks tests run on SQLite only")
        return ["sqlite"]
    }()

    static func moment(_ day: String, _ hour: Int, _ minute: Int) throws -> Date {
        Date(timeIntervalSince1970: Double(try Day(parsing: day).daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60))
    }

    /// One sample a second through `parts` (seconds, metres per second); the device's totals are
    /// the exact sums, so the log's distance and duration are known.
    static func activity(_ parts: [(seconds: Int, speed: Double)], start: Date, sport: String = "running") -> Activity {
        var samples: [ActivitySample] = []
        var meters = 0.0, second = 0
        for part in parts {
            for _ in 0..<part.seconds {
                samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: part.speed))
                meters += part.speed
                second += 1
            }
        }
        samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: parts.last?.speed))
        return Activity(sport: sport, start: start, samples: samples, laps: [], deviceDistanceMeters: meters, deviceTimerSeconds: Double(second))
    }

    /// 10 min warm-up at 3 m/s, 5 × 80 s at 5 m/s with 90 s jogs at 1 m/s, 5 min cool-down.
    static func intervals(start: Date) -> Activity {
        var parts: [(seconds: Int, speed: Double)] = [(600, 3)]
        for index in 0..<5 {
            parts.append((80, 5))
            parts.append(index == 4 ? (300, 3) : (90, 1))
        }
        return activity(parts, start: start)
    }

    /// Easy pace at VDOT 45 (Daniels): 2.6 m/s (6:25/km) is easy, 4 m/s (4:10/km) is not.
    static let easyPace = TrainingPaces.pace(.easy, vdot: 45)

    struct Truth {
        let timeTrialHash: String
    }

    /// Writes the generated log for `athlete`; returns what the checks need.
    static func fill(_ log: any TrainingStore, for athlete: AthleteID) async throws -> Truth {
        func pack(_ activity: Activity, _ file: String, name: String? = nil) throws -> PackedActivity {
            try ActivityRecord.pack(activity, file: file, name: name, easyPace: easyPace)
        }
        let timeTrial = try pack(activity([(1200, 4.2)], start: moment("2027-01-06", 17, 0)), "k.fit", name: "Mile trial and more")
        let packed = [
            try pack(activity([(1000, 2.6)], start: moment("2026-12-10", 7, 0)), "l.fit"),                 // W50: 2600 m
            try pack(activity([(2400, 2.6)], start: moment("2026-12-28", 7, 0)), "a.fit", name: "Morning Run"), // W53 Mon: easy
            try pack(intervals(start: moment("2026-12-29", 18, 0)), "b.fit", name: "Track"),                // W53 Tue: reps
            try pack(activity([(1500, 4.0)], start: moment("2026-12-31", 9, 0)), "c.fit"),                 // W53 Thu: easy, too hard
            try pack(activity([(3600, 8.0)], start: moment("2027-01-01", 10, 0), sport: "cycling"), "d.fit"),  // W53 Fri: a ride
            try pack(activity([(1800, 2.6)], start: moment("2027-01-03", 23, 30)), "g.fit"),              // W53 Sun late
            try pack(activity([(1200, 2.6)], start: moment("2027-01-04", 0, 10)), "i.fit"),               // W01 Mon just after midnight
            timeTrial,                                                                                  // W01 Wed: a logged time trial
        ]
        _ = try await log.save(ImportBatch(activities: packed), for: athlete)
        let rep = Distance.meters(200)
        _ = try await log.add([
            try LoggedSession(day: Day(parsing: "2027-01-02"), session: "M11", rpe: 7,
                              reps: [38.2, 37.9, 38.5].map { try LoggedRep(distance: rep, time: .seconds($0)) }),
            try LoggedSession(day: Day(parsing: "2027-01-02"), rpe: 5,
                              strengthSets: [try StrengthSet(exercise: "back squat", reps: 5, loadKilograms: 60, formWasGood: true)]),
            try LoggedSession(day: Day(parsing: "2027-01-05"), rpe: 4, notes: "easy jog, no watch"),
        ], for: athlete)
        _ = try await log.add([
            try LoggedResult(day: Day(parsing: "2027-01-03"), kind: .race, distance: .meters(5000), time: .seconds(1200)),
            try LoggedResult(day: Day(parsing: "2027-01-06"), kind: .timeTrial, distance: .meters(1609.344), time: .seconds(380),
                             activityHash: timeTrial.summary.contentHash),
        ], for: athlete)
        return Truth(timeTrialHash: timeTrial.summary.contentHash)
    }

    static func weeks(url: String, since: Day?) async throws -> (weeks: [LogWeek], truth: Truth) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-weeks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location: DatabaseLocation
        if url == "sqlite" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            location = .sqlite(path: folder.appendingPathComponent("log.sqlite").path)
        } else {
            location = try DatabaseLocation(url: url)
        }
        let log = try await location.open()
        do {
            // A runner of its own, so runs on a shared server never see each other's rows.
            let runner = try await log.addAthlete(handle: "weeks-\(UUID().uuidString.prefix(8).lowercased())", name: "Weeks")
            let truth = try await fill(log, for: runner.id)
            let weeks = LogWeek.weeks(results: try await log.results(for: runner.id, since: nil),
                                      sessions: try await log.sessions(for: runner.id, since: since),
                                      activities: try await log.activities(for: runner.id, in: nil), since: since)
            await log.close()
            return (weeks, truth)
        } catch {
            await log.close()
            throw error
        }
    }

    @Test(arguments: engines)
    func weeksHoldTheirEntriesAndTotalsAddUpByHand(url: String) async throws {
        let (weeks, truth) = try await Self.weeks(url: url, since: nil)
        #expect(weeks.map(\.week) == ["2026-W50", "2026-W53", "2027-W01"], "empty weeks are not listed")
        #expect(weeks.map(\.monday) == ["2026-12-07", "2026-12-28", "2027-01-04"])
        #expect(weeks[1].sunday == "2027-01-03")

        // W53 by hand: runs 2400 + 1660 (the intervals) + 1500 + 1800 s, the hand reps 38.2 + 37.9 + 38.5 s,
        // the 5K race 1200 s; metres 6240 + 5060 + 6000 + 4680 + 600 + 5000. The ride is not running.
        let w53 = weeks[1].totals
        #expect(abs(w53.runningSeconds - (2400 + 1660 + 1500 + 1800 + 114.6 + 1200)) < 0.05)
        #expect(abs(w53.runningMeters - (6240 + 5060 + 6000 + 4680 + 600 + 5000)) < 0.05)
        #expect(w53 == LogWeek.Totals(runningSeconds: w53.runningSeconds, runningMeters: w53.runningMeters,
                                      hard: 3, easy: 3, easyTooHard: 1, strength: 1, other: 1))
        // W01: two runs of 1200 s (3120 m, 5040 m); the hand session without reps adds no running.
        let w01 = weeks[2].totals
        #expect(w01 == LogWeek.Totals(runningSeconds: 2400, runningMeters: 3120 + 5040, hard: 1, easy: 2, easyTooHard: 0, strength: 0, other: 0))
        #expect(weeks[0].totals == LogWeek.Totals(runningSeconds: 1000, runningMeters: 2600, hard: 0, easy: 1, easyTooHard: 0, strength: 0, other: 0))

        let entries = weeks[1].entries
        #expect(entries.map(\.date) == ["2026-12-28", "2026-12-29", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-02", "2027-01-03", "2027-01-03"])
        #expect(entries.map(\.kind) == [.easy, .hard, .easy, .other, .hard, .strength, .easy, .hard])
        #expect(entries.map(\.why) == ["easy-run", "reps", "easy-run", "sport", "rpe", "strength", "easy-run", "race"])
        #expect(entries.map(\.tooHard) == [false, nil, true, nil, nil, nil, false, nil])
        #expect(entries[1].reps == 5, "the five 80 s reps are found in the samples")
        #expect(entries[6].time == "23:30", "Sunday 23:30 UTC belongs to the week it started in")
        #expect(weeks[2].entries.first?.time == "00:10")
        #expect(entries[0].title == "Morning Run" && entries[2].title == "running")
        #expect(entries[0].secondsPerKm.map { abs($0 - 1000 / 2.6) < 0.1 } == true)
        let trial = try #require(weeks[2].entries.first { $0.id == truth.timeTrialHash })
        #expect(trial.kind == .hard && trial.why == "time-trial")
        #expect(!weeks[2].entries.contains { $0.source == "result" }, "a result measured in an activity is that activity's row")
    }

    @Test(arguments: engines)
    func sinceStartsMidWeekAndDropsEarlierWeeks(url: String) async throws {
        let (weeks, _) = try await Self.weeks(url: url, since: try Day(parsing: "2026-12-31"))
        #expect(weeks.map(\.week) == ["2026-W53", "2027-W01"])
        #expect(weeks[0].entries.first?.date == "2026-12-31")
        // From Thursday on: 1500 + 114.6 + 1800 + 1200 s; 6000 + 600 + 4680 + 5000 m.
        let totals = weeks[0].totals
        #expect(abs(totals.runningSeconds - 4614.6) < 0.05 && abs(totals.runningMeters - 16280) < 0.05)
        #expect((totals.hard, totals.easy, totals.easyTooHard, totals.strength, totals.other) == (2, 2, 1, 1, 1))
    }
}

/// The `log` command's output on the same log, with the older keys still there (contract: add, never remove).
@Suite("Log command by weeks")
struct LogCommandWeeksTests {
    @Test func jsonKeepsResultsAndSessionsAndAddsWeeks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-weeks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "sqlite://" + folder.appendingPathComponent("log.sqlite").path
        let log = try await DatabaseLocation(url: url).open()
        _ = try await LogWeeksTests.fill(log, for: try await log.defaultAthlete().id)
        await log.close()

        let json = try #require(try SpeedworkCommand.parseAsRoot(["log", "--json", "--database", url]) as? LogListCommand)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try await json.render(environment: [:]).utf8)) as? [String: Any])
        #expect((object["results"] as? [Any])?.count == 2)
        #expect((object["sessions"] as? [Any])?.count == 3)
        let weeks = try #require(object["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["week"] as? String } == ["2026-W50", "2026-W53", "2027-W01"])
        let totals = try #require(weeks[2]["totals"] as? [String: Any])
        #expect(totals["runningMeters"] as? Double == 8160 && totals["hard"] as? Int == 1 && totals["easy"] as? Int == 2)

        let text = try #require(try SpeedworkCommand.parseAsRoot(["log", "--database", url, "--since", "2027-01-04"]) as? LogListCommand)
        let lines = try await text.render(environment: [:]).split(separator: "\n").map(String.init)
        #expect(lines.first == "2027-W01  2027-01-04 to 2027-01-10  running 40:00, 8.2 km · 1 hard, 2 easy")
        #expect(lines.contains { $0.contains("Mon 04") && $0.contains("00:10") && $0.contains("easy: easy-run") && $0.contains("3.1 km") })
        #expect(lines.contains { $0.contains("Mile trial and more") && $0.contains("hard: time-trial") })
        #expect(lines.contains { $0.contains("Tue 05") && $0.contains("RPE 4") && $0.contains("(easy jog, no watch)") })
    }

    @Test func anEmptyLogSaysHowToFillIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-weeks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try #require(try SpeedworkCommand.parseAsRoot(["log", "--database", "sqlite://" + folder.appendingPathComponent("log.sqlite").path]) as? LogListCommand)
        #expect(try await command.render(environment: [:]).hasPrefix("The log is empty"))
    }
}
