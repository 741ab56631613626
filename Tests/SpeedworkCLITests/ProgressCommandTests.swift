import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import Testing
@testable import SpeedworkCLI

/// `speedwork progress` (M52) on a generated four-year history whose truth is known
/// (ProgressHistory): each section's values are checked against how the history was made and
/// against Daniels' published table, on SQLite always and on PostgreSQL when
/// `SPEEDWORK_TEST_POSTGRES` names a server.
@Suite("Progress command", .serialized)
struct ProgressCommandTests {
    static let postgresVariable = Engine.variable

    /// The engines to run on; PostgreSQL's absence is printed, not hidden.
    static let engines: [String] = {
        if Engine.server != nil { return ["sqlite", "postgres"] }
        print("note: \(postgresVariable) is not set: progress is tested on SQLite only (bash .ci/run starts a PostgreSQL server)")
        return ["sqlite"]
    }()

    static let history = Result { try ProgressHistory() }

    /// A log on `engine` holding the history for a runner of its own, read back as the `--json` report.
    static func report(on engine: String, season: Season.Length = .year, since: Day? = nil) async throws -> [String: Any] {
        let history = try Self.history.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-progress-\(UUID().uuidString)")
        let url: String
        if engine == "sqlite" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            url = "sqlite://" + folder.appendingPathComponent("log.sqlite").path
        } else {
            url = try #require(Engine.serverURL)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try await DatabaseLocation(url: url).open()
        do {
            // A runner of its own, so a shared PostgreSQL database holds no one else's rows for it.
            let runner = try await log.addAthlete(handle: "progress-\(UUID().uuidString.prefix(8).lowercased())", name: "Test")
            try await history.fill(log, for: runner.id)
            let progress = try await LogProgress.load(from: log, for: runner.id, seasonLength: season, since: since)
            await log.close()
            let text = try JSONOutput.render(ProgressReport(progress))
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        } catch {
            await log.close()
            throw error
        }
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double) -> Bool { a.map { abs($0 - b) <= tolerance } ?? false }

    @Test(arguments: engines)
    func everySectionMatchesTheGeneratedTruth(engine: String) async throws {
        let history = try Self.history.get()
        let report = try await Self.report(on: engine)

        // 1. Fitness over time: one point per race, each from a race of the VDOT it was run at.
        let fitness = try #require(report["fitness"] as? [[String: Any]])
        #expect(fitness.count == history.races.count)
        #expect(fitness.allSatisfy { $0["source"] as? String == "race" })
        for (point, race) in zip(fitness, history.races) {
            #expect(point["date"] as? String == race.day.description)
            #expect(point["reference"] as? String == race.id.uuidString.lowercased())
            let table = ProgressHistory.raceVDOT[ProgressHistory.season(race.day)]
            #expect(Self.close(point["evidenceVdot"] as? Double, table, 0.15), "race on \(race.day): table VDOT \(table)")
        }
        // The first point has only its own race behind it: the estimate is VDOT 46, predicting
        // the table's 21:25 5K and 6:17 mile.
        let first = try #require(fitness.first)
        #expect(Self.close(first["vdot"] as? Double, 46, 0.15))
        #expect(Self.close(first["fiveKSeconds"] as? Double, ProgressHistory.raceSeconds[0], 3))
        #expect(Self.close(first["mileSeconds"] as? Double, ProgressHistory.mileAtVDOT46, 3))
        let vdots = fitness.compactMap { $0["vdot"] as? Double }
        #expect(zip(vdots, vdots.dropFirst()).allSatisfy { $0 <= $1 + 0.05 }, "races only get faster, so the estimate never falls")
        #expect(Self.close(vdots.last, 52, 0.6), "a season of VDOT 52 races ends near 52")

        // 2. Best efforts by season: the 5K is the season's race; 400 m to 3K come from the fast
        // easy runs (400 m at fastEasySpeed); nothing reaches 10K.
        let bests = try #require(report["bestEfforts"] as? [[String: Any]])
        func row(_ label: String) -> [[String: Any]]? { bests.first { $0["distance"] as? String == label }?["seasons"] as? [[String: Any]] }
        #expect(bests.compactMap { $0["distance"] as? String } == ["400m", "800m", "1k", "mile", "3k", "5k"])
        let fiveK = try #require(row("5k"))
        #expect(fiveK.compactMap { $0["season"] as? String } == ["2022", "2023", "2024", "2025"])
        for (season, best) in fiveK.enumerated() {
            #expect(best["seconds"] as? Double == ProgressHistory.raceSeconds[season])
            #expect(best["source"] as? String == "result")
        }
        for (season, best) in try #require(row("400m")).enumerated() {
            #expect(Self.close(best["seconds"] as? Double, 400 / ProgressHistory.fastEasySpeed(season), 0.3))
            #expect(best["source"] as? String == "activity")
        }

        // 3. The same session: every 6 × 200 m side by side, the hand-logged one among them.
        let sessions = try #require(report["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions[0]["shape"] as? String == "6 × 200m")
        let occurrences = try #require(sessions[0]["occurrences"] as? [[String: Any]])
        #expect(occurrences.count == history.sessions.count + 1)
        let recorded = occurrences.filter { $0["source"] as? String == "recorded" }
        #expect(recorded.count == history.sessions.count)
        for (item, truth) in zip(recorded, history.sessions) {
            let fast = ProgressHistory.repSeconds(truth.season)
            #expect(item["date"] as? String == truth.day.description)
            #expect(Self.close(item["averageSeconds"] as? Double, fast + 2 * ProgressHistory.fade / 6, 0.01))
            #expect(Self.close(item["fastestSeconds"] as? Double, fast, 0.01))
            #expect(Self.close(item["slowestSeconds"] as? Double, fast + ProgressHistory.fade, 0.01))
            #expect(Self.close(item["fadePercent"] as? Double, ProgressHistory.fade / fast * 100, 0.051))
            #expect(Self.close(item["averageRecoverySeconds"] as? Double, ProgressHistory.recovery, 0.5))
        }
        let byHand = try #require(occurrences.first { $0["source"] as? String == "hand-logged" })
        #expect(byHand["date"] as? String == ProgressHistory.handLoggedDay.description)
        #expect(Self.close(byHand["averageSeconds"] as? Double, 38.5, 0.01))
        // Last two reps (38.8, 39.0) against the first two (38.0, 38.2): 38.9 / 38.1 − 1 = 2.1 %.
        #expect(Self.close(byHand["fadePercent"] as? Double, 2.1, 0.051))
        #expect(byHand["averageRecoverySeconds"] == nil, "no recoveries are logged by hand")

        // 4. Stride at the same pace: all reps lie in 190–200 s/km; cadence rises 2 spm a season and
        // step length is speed over step rate.
        let stride = try #require(report["stride"] as? [[String: Any]])
        #expect(stride.count == 1)
        #expect(stride.first?["fastSecondsPerKm"] as? Double == 190)
        let seasons = try #require(stride.first?["seasons"] as? [[String: Any]])
        #expect(seasons.compactMap { $0["season"] as? String } == ["2022", "2023", "2024", "2025"])
        for (season, cell) in seasons.enumerated() {
            let count = history.sessions.filter { $0.season == season }.count
            #expect(cell["reps"] as? Int == 6 * count)
            #expect(Self.close(cell["cadence"] as? Double, 190 + 2 * Double(season), 0.05))
            let fast = ProgressHistory.repSeconds(season), steps = ProgressHistory.cadence(season) / 60
            let step = (4 * (200 / fast) + 2 * (200 / (fast + ProgressHistory.fade))) / 6 / steps
            #expect(Self.close(cell["stepLength"] as? Double, step, 0.006), "season \(season): \(step) m")
        }

        // 5. Easy/hard balance: two easy runs a week; a session every other week, a race every
        // eighth, the hand-logged session once; every fourth week one easy run too fast.
        let balance = try #require(report["balance"] as? [String: Any])
        let weeks = try #require(balance["weeks"] as? [[String: Any]])
        #expect(weeks.count == ProgressHistory.weeks)
        for (index, week) in weeks.enumerated() {
            let monday = ProgressHistory.monday(index)
            let hard = (index % 2 == 0 ? 1 : 0) + (index % 8 == 0 ? 1 : 0)
                + (monday == ProgressHistory.handLoggedMonday ? 1 : 0)
            #expect(week["monday"] as? String == monday.description)
            #expect(week["easyRuns"] as? Int == 2)
            #expect(week["hardSessions"] as? Int == hard, "week of \(monday)")
            #expect(week["checkedEasyRuns"] as? Int == 2)
            #expect(week["tooHard"] as? Int == (index % 4 == 0 ? 1 : 0), "week of \(monday)")
        }
        let total = try #require(balance["total"] as? [String: Any])
        let tooFast = history.easyRuns.filter(\.tooFast).count
        #expect(total["tooHard"] as? Int == tooFast)
        #expect(total["easyRuns"] as? Int == history.easyRuns.count)
        #expect(Self.close(total["tooHardShare"] as? Double, Double(tooFast) / Double(history.easyRuns.count), 0.0005))
    }

    @Test func sinceShowsLaterDaysButFitnessStillUsesTheYearBefore() async throws {
        let history = try Self.history.get()
        let since = try Day(parsing: "2024-01-01")
        let report = try await Self.report(on: "sqlite", since: since)
        #expect(report["since"] as? String == "2024-01-01")
        let fitness = try #require(report["fitness"] as? [[String: Any]])
        #expect(fitness.count == history.races.filter { $0.day >= since }.count)
        // Each point's estimate is the one the whole log gives that day: the races before
        // `--since` still count for it.
        let whole = try #require(try await Self.report(on: "sqlite")["fitness"] as? [[String: Any]])
        let later = whole.filter { ($0["date"] as? String ?? "") >= "2024-01-01" }
        #expect(fitness.compactMap { $0["vdot"] as? Double } == later.compactMap { $0["vdot"] as? Double })
        let sessions = try #require(report["sessions"] as? [[String: Any]])
        let occurrences = try #require(sessions.first?["occurrences"] as? [[String: Any]])
        #expect(occurrences.count == history.sessions.filter { $0.day >= since }.count + 1)
        let bests = try #require(report["bestEfforts"] as? [[String: Any]])
        #expect(bests.allSatisfy { ($0["seasons"] as? [[String: Any]])?.allSatisfy { ($0["season"] as? String ?? "") >= "2024" } ?? false })
        let weeks = try #require((report["balance"] as? [String: Any])?["weeks"] as? [[String: Any]])
        #expect(weeks.first?["monday"] as? String == "2024-01-01")
    }

    @Test func halfYearSeasonsSplitJanuaryToJuneFromJulyToDecember() async throws {
        let report = try await Self.report(on: "sqlite", season: .half)
        #expect(report["seasonLength"] as? String == "half")
        let bests = try #require(report["bestEfforts"] as? [[String: Any]])
        let fiveK = try #require(bests.first { $0["distance"] as? String == "5k" }?["seasons"] as? [[String: Any]])
        #expect(fiveK.compactMap { $0["season"] as? String }
                == ["2022 H1", "2022 H2", "2023 H1", "2023 H2", "2024 H1", "2024 H2", "2025 H1", "2025 H2"])
        // Each half-year's best 5K is that year's race time: races are one time all year.
        #expect(fiveK.compactMap { $0["seconds"] as? Double }
                == ProgressHistory.raceSeconds.flatMap { [$0, $0] })
    }

    private static func withEmptyLog(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body("sqlite://" + folder.appendingPathComponent("log.sqlite").path)
    }

    private static func render(_ arguments: [String]) async throws -> String {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["progress"] + arguments) as? ProgressCommand)
        return try await command.render(environment: [:])
    }

    @Test func anEmptyLogSaysHowToFillIt() async throws {
        try await Self.withEmptyLog { database in
            let text = try await Self.render(["--database", database])
            #expect(text == ProgressReport.emptyText)
            #expect(text.contains("speedwork import") && text.contains("speedwork log add") && !text.contains("\n"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try await Self.render(["--json", "--database", database]).utf8)) as? [String: Any])
            #expect((json["fitness"] as? [Any])?.isEmpty == true)
            #expect((json["sessions"] as? [Any])?.isEmpty == true)
            #expect(((json["balance"] as? [String: Any])?["weeks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func theTextShowsEverySection() async throws {
        try await Self.withEmptyLog { database in
            let log = try await DatabaseLocation(url: database).open()
            let runner = try await log.defaultAthlete()
            let history = try Self.history.get()
            try await history.fill(log, for: runner.id)
            await log.close()
            let text = try await Self.render(["--database", database, "--since", "2025-06-01"])
            for heading in ["Progress since 2025-06-01", "Fitness over time (M52)", "Best efforts by season (calendar years)",
                            "The same session over time (M7)", "6 × 200m, run", "Stride at comparable paces (M6)",
                            "Easy/hard balance (M2)"] {
                #expect(text.contains(heading), "missing: \(heading)")
            }
            // The 2025 reps: 38.1 s and 38.4 s, cadence 196.
            #expect(text.contains("38.1") && text.contains("38.4") && text.contains("196"))
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "no line ends in spaces")
        }
    }

    @Test(arguments: [
        (["--season", "weekly"], "weekly"),
        (["--since", "2025-13-01"], "2025-13-01"),
    ])
    func badOptionsAreRefusedNamingTheValue(arguments: [String], named: String) throws {
        let error = #expect(throws: (any Error).self) { try SpeedworkCommand.parseAsRoot(["progress"] + arguments) }
        let (status, message) = CommandLineRun.describe(try #require(error))
        // The parser's message is one line; its usage lines may follow, as for every command.
        #expect(message.split(separator: "\n").first?.contains(named) == true, "\(message)")
        #expect(status == ExitStatus.usage.rawValue)
    }
}
