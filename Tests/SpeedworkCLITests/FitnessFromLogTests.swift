import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import Testing
@testable import SpeedworkCLI

/// predict, paces, plan and workout show without `--from` read the log's current fitness (M43)
/// and say so; the same results given with `--from` (an independent path that never opens the
/// log) must give the same numbers.
@Suite("Fitness from the log")
struct FitnessFromLogTests {
    static func withLog(_ results: [LoggedResult], _ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-fitness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "sqlite://" + folder.appendingPathComponent("log.sqlite").path
        if !results.isEmpty {
            let log = try await DatabaseLocation(url: url).open()
            _ = try await log.add(results, for: try await log.defaultAthlete().id)
            await log.close()
        }
        try await body(url)
    }

    static let results: [LoggedResult] = [
        try! LoggedResult(day: Day(parsing: "2026-10-04"), kind: .race, distance: .meters(5000), time: .seconds(20 * 60)),
        try! LoggedResult(day: Day(parsing: "2026-11-08"), kind: .timeTrial, distance: .meters(1609.344), time: .seconds(6 * 60 + 5)),
        // Over a year before the day: not evidence.
        try! LoggedResult(day: Day(parsing: "2025-10-01"), kind: .race, distance: .meters(10_000), time: .seconds(50 * 60)),
    ]
    static let sameOnTheCommandLine = ["--from", "5k=20:00@2026-10-04", "--from", "mile=6:05@2026-11-08"]

    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        switch try SpeedworkCommand.parseAsRoot(arguments) {
        case let command as PredictCommand: try await command.render(environment: environment)
        case let command as PacesCommand: try await command.render(environment: environment)
        case let command as WorkoutShowCommand: try await command.render(environment: environment)
        case let command as PlanCommand:
            try await {
                let current = try await command.fitness.current(store: command.store, environment: environment)
                return try command.render(try command.build(current.estimate), fitnessFrom: current)
            }()
        default: throw InputError("not a fitness command: \(arguments)")
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The object without `fitnessSource`, as JSON text with sorted keys, to compare the two paths.
    static func withoutSource(_ text: String) throws -> String {
        var object = try json(text)
        object["fitnessSource"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: [
        ["predict", "--as-of", "2026-11-29"],
        ["paces", "--as-of", "2026-11-29", "--goal", "mile=5:50"],
        ["workout", "show", "M11", "--as-of", "2026-11-29"],
        ["plan", "--as-of", "2026-11-29", "--goal", "mile=5:50", "--race-date", "2027-03-06", "--start", "2026-11-30", "--days", "mon,tue,thu,sat,sun"],
    ])
    func theLogGivesWhatTheSameResultsOnTheCommandLineGive(arguments: [String]) async throws {
        try await Self.withLog(Self.results) { url in
            let fromLog = try await Self.run(arguments + ["--json", "--database", url])
            let fromCommandLine = try await Self.run(arguments + Self.sameOnTheCommandLine + ["--json"])
            #expect(try Self.withoutSource(fromLog) == Self.withoutSource(fromCommandLine))
            #expect(try Self.json(fromCommandLine)["fitnessSource"] == nil)
            let source = try #require(try Self.json(fromLog)["fitnessSource"] as? [String: Any])
            #expect(source["kind"] as? String == "log")
            let evidence = try #require(source["evidence"] as? [[String: Any]])
            #expect(evidence.map { $0["date"] as? String } == ["2026-11-08", "2026-10-04"], "newest first; the 2025 race is too old")
            #expect(evidence.map { $0["source"] as? String } == ["time-trial", "race"])

            let text = try await Self.run(arguments + ["--database", url])
            #expect(text.contains("Fitness from your log: mile 6:05 on 2026-11-08 (time trial), 5k 20:00 on 2026-10-04 (race)"))
            #expect(!(try await Self.run(arguments + Self.sameOnTheCommandLine)).contains("Fitness from your log"))
        }
    }

    @Test(arguments: ["predict", "paces", "plan"])
    func anEmptyLogIsOneLineAndCreatesNoDatabase(command: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-fitness-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        var arguments = [command, "--database", "sqlite://" + path]
        if command == "plan" { arguments += ["--goal", "mile=5:50", "--race-date", "2027-03-06", "--days", "mon,wed,sat"] }
        await #expect(throws: CommandFailure(.usage, CurrentFitness.nothingToGoOn)) { try await Self.run(arguments) }
        #expect(!FileManager.default.fileExists(atPath: path))
        // An empty log that exists says the same.
        try await Self.withLog([]) { url in
            _ = try await DatabaseLocation(url: url).open().close()
            await #expect(throws: CommandFailure(.usage, CurrentFitness.nothingToGoOn)) {
                try await Self.run([command, "--database", url] + Array(arguments.dropFirst(3)))
            }
        }
        #expect(CurrentFitness.nothingToGoOn.contains("--from 5k=22:30") && CurrentFitness.nothingToGoOn.contains("speedwork log add --result"))
    }

    @Test func withFromTheLogIsNotOpened() async throws {
        // A database that could not be opened: --from must not need it.
        let text = try await Self.run(["predict", "--from", "5k=20:00", "--database", "mysql://nowhere/log", "--json"])
        #expect(try Self.json(text)["vdot"] as? Double != nil)
        await #expect(throws: (any Error).self) { try await Self.run(["predict", "--database", "mysql://nowhere/log"]) }
    }

    @Test func aResultOnlyLaterThanTheDayIsNotUsed() async throws {
        try await Self.withLog(Self.results) { url in
            await #expect(throws: CommandFailure(.usage, CurrentFitness.nothingToGoOn)) {
                try await Self.run(["predict", "--as-of", "2026-10-03", "--database", url] + ["--to", "mile"])
            }
        }
    }
}
