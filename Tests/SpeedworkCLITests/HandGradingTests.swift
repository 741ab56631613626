import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import Testing
@testable import SpeedworkCLI

/// A session timed by hand graded like a file (M50, M51): each rep against the target
/// `workout show` prints for the same fitness; sessions and reps that do not fit write nothing.
@Suite("Hand sessions graded")
struct HandGradingTests {
    static func withLog(_ body: (String, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-grades-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        try await body("sqlite://" + path, path)
    }

    static func add(_ arguments: [String], database: String) async throws -> String {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["log", "add"] + arguments + ["--database", database]) as? LogAddCommand)
        return try await command.record(environment: [:])
    }

    /// The 200 m target band of M11 as `workout show M11 --from 400m=80 --json` gives it, from the
    /// main set's per-km pace band (rounded there to 0.1 s/km, so the band is good to 0.02 s).
    static func targetBand() async throws -> (fast: Double, slow: Double) {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["workout", "show", "M11", "--from", "400m=80", "--json"]) as? WorkoutShowCommand)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try command.render().utf8)) as? [String: Any])
        func find(_ steps: [[String: Any]]) -> [String: Any]? {
            for step in steps {
                if step["intensity"] as? String == "active", step["meters"] as? Double == 200 { return step }
                if let inner = step["steps"] as? [[String: Any]], let found = find(inner) { return found }
            }
            return nil
        }
        let steps = try #require(object["steps"] as? [[String: Any]])
        let rep = try #require(find(steps))
        let perKm = try #require((rep["target"] as? [String: Any])?["secondsPerKm"] as? [String: Any])
        let fast = try #require(perKm["fast"] as? Double), slow = try #require(perKm["slow"] as? Double)
        return (fast / 5, slow / 5)
    }

    @Test func repsAreGradedAgainstTheTargetsWorkoutShowGives() async throws {
        let band = try await Self.targetBand()
        // One rep 0.5 s under the band, one in its middle, one 0.5 s over: fast, on target, slow.
        let times = [band.fast - 0.5, (band.fast + band.slow) / 2, band.slow + 0.5].map { ($0 * 10).rounded() / 10 }
        let expected = ["fast", "on-target", "slow"]
        try await Self.withLog { database, _ in
            let text = try await Self.add(["--session", "M11", "--reps", times.map { "\($0)" }.joined(separator: ","), "--rep-distance", "200m",
                                           "--rpe", "8", "--from", "400m=80", "--date", "2026-11-20"], database: database)
            let rows = text.split(separator: "\n").dropFirst(3).map { $0.split(separator: " ").map(String.init) }
            #expect(rows.map { $0.count > 2 ? $0[2] : "" } == expected, "\(text)")
            #expect(text.contains("targets from --from"))
            #expect(text.contains("1 of 3 reps on target"))

            // `log` recomputes the grades from the log's fitness for the day: a 400 m time trial in 80 s the day before.
            _ = try await Self.add(["--result", "400m=1:20", "--kind", "time-trial", "--date", "2026-11-19"], database: database)
            let list = try #require(try SpeedworkCommand.parseAsRoot(["log", "--json", "--database", database]) as? LogListCommand)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(try await list.render(environment: [:]).utf8)) as? [String: Any])
            let weeks = try #require(object["weeks"] as? [[String: Any]])
            let session = try #require((weeks.first?["entries"] as? [[String: Any]])?.first { $0["source"] as? String == "session" })
            let grades = try #require(session["grades"] as? [String: Any])
            #expect((grades["reps"] as? [[String: Any]])?.map { $0["verdict"] as? String } == expected)
            #expect(grades["rule"] as? String == "M11")

            // Without --from, `log add` grades from the log's fitness, and says so.
            let again = try await Self.add(["--session", "m11", "--reps", "\(times[1])", "--date", "2026-11-22"], database: database)
            #expect(again.contains("targets from your log's fitness") && again.contains("1 of 1 reps on target"))
        }
    }

    @Test func withNoFitnessTheSessionIsLoggedAndSaysWhyItIsNotGraded() async throws {
        try await Self.withLog { database, _ in
            let text = try await Self.add(["--session", "M11", "--reps", "38.2,37.9", "--date", "2026-11-20"], database: database)
            #expect(text.hasPrefix("Logged M11 on 2026-11-20: 2 reps, 0 sets.\nNot graded"))
        }
    }

    @Test(arguments: [
        (["--session", "M99", "--reps", "38"], "unknown session 'M99'"),
        (["--session", "M11", "--reps", Array(repeating: "38", count: 11).joined(separator: ",")], "11 reps do not fit M11 (200m repeats): it has at most 10 reps"),
        (["--session", "M11", "--reps", "75,76", "--rep-distance", "400m"], "rep distance 400m does not fit M11 (200m repeats): its reps are 200m"),
        (["--session", "M32", "--reps", "30"], "M32 (Strength routine) is not a run"),
        (["--from", "400m=80", "--rpe", "5"], "--from grades a session's reps"),
    ])
    func sessionsAndRepsThatDoNotFitWriteNothing(arguments: [String], message: String) async throws {
        try await Self.withLog { database, path in
            let error = await #expect(throws: (any Error).self) { try await Self.add(arguments, database: database) }
            let line = error.map { "\($0)" } ?? ""
            #expect(line.contains(message) && !line.contains("\n"), "\(line)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
