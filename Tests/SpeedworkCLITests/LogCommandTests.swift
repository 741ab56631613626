import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `speedwork log add` and `speedwork log --json` in-process, against a temporary SQLite log.
@Suite("Log command")
struct LogCommandTests {
    private static func withLog(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body("sqlite://" + folder.appendingPathComponent("log.sqlite").path)
    }

    private static func add(_ arguments: [String], database: String) async throws -> String {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["log", "add"] + arguments + ["--database", database]) as? LogAddCommand)
        return try await command.record(environment: [:])
    }

    private static func list(_ arguments: [String], database: String) async throws -> [String: Any] {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["log"] + arguments + ["--json", "--database", database]) as? LogListCommand)
        let text = try await command.render(environment: [:])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aTrackSessionAndAResultAreLoggedAndListed() async throws {
        try await Self.withLog { database in
            let line = try await Self.add(["--session", "M11", "--reps", "38.2,37.9,38.5", "--rep-distance", "200m", "--rpe", "7",
                                           "--date", "2026-11-20"], database: database)
            #expect(line.split(separator: "\n").first == "Logged M11 on 2026-11-20: 3 reps, 0 sets.")
            _ = try await Self.add(["--result", "mile=6:31", "--kind", "time-trial", "--date", "2026-11-21", "--notes", "track, calm"],
                                   database: database)
            _ = try await Self.add(["--set", "back squat:5:62.5:good", "--set", "back squat:5:62.5:poor", "--set", "calf raise:15",
                                    "--rpe", "5", "--date", "2026-11-22"], database: database)
            let log = try await Self.list([], database: database)
            let results = try #require(log["results"] as? [[String: Any]])
            #expect(results.count == 1)
            #expect(results[0]["kind"] as? String == "time-trial")
            #expect(results[0]["meters"] as? Double == 1609.344)
            #expect(results[0]["seconds"] as? Double == 391)
            #expect(results[0]["date"] as? String == "2026-11-21")
            let sessions = try #require(log["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2)
            let reps = try #require(sessions[0]["reps"] as? [[String: Any]])
            #expect(reps.map { $0["seconds"] as? Double } == [38.2, 37.9, 38.5])
            #expect(reps.map { $0["meters"] as? Double } == [200, 200, 200])
            #expect(sessions[0]["rpe"] as? Int == 7)
            let strength = try #require(sessions[1]["strength"] as? [[String: Any]])
            #expect(strength.map { $0["formWasGood"] as? Bool } == [true, false, true])
            #expect(strength.map { $0["loadKg"] as? Double } == [62.5, 62.5, nil])
            let since = try await Self.list(["--since", "2026-11-21"], database: database)
            #expect((since["sessions"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test(arguments: [
        (["--rpe", "11"], "RPE 11"),
        (["--set", "squat:five"], "set 'squat:five'"),
        (["--session", "track", "--rpe", "5"], "session 'track'"),
        (["--reps", "38,fast"], "'fast' is not a time"),
    ])
    func badEntriesAreOneLineAndWriteNothing(arguments: [String], named: String) async throws {
        try await Self.withLog { database in
            let error = await #expect(throws: (any Error).self) { try await Self.add(arguments, database: database) }
            let line = "\(error.map { "\($0)" } ?? "")"
            #expect(line.contains(named) && !line.contains("\n"))
            let path = String(database.dropFirst("sqlite://".count))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func aBadDatabaseURLIsOneLine() async throws {
        let error = await #expect(throws: (any Error).self) {
            try await Self.add(["--rpe", "5"], database: "mysql://root@localhost/log")
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("unknown scheme"))
    }
}
