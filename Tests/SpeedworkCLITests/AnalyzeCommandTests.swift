import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `analyze` end to end, on a GPX file the test writes itself: 8 × 400 m in 90 s around a 400 m
/// circle (a stand-in for a track), with 2:00 jogs, a 10 min warm-up and a 5 min cool-down.
@Suite("analyze")
struct AnalyzeCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Writes the session as GPX 1.1 and returns its path.
    static func trackSession() throws -> URL {
        var parts: [(seconds: Int, speed: Double)] = [(600, 2.9)]
        for index in 0..<8 {
            parts.append((90, 400.0 / 90))
            parts.append(index == 7 ? (300, 2.9) : (120, 2.2))
        }
        let radius = 400 / (2 * Double.pi)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let formatter = ISO8601DateFormatter()
        var points: [String] = []
        var distance = 0.0
        var second = 0
        for part in parts {
            for _ in 0..<part.seconds {
                let angle = distance / radius
                let latitude = 51.5 + radius * sin(angle) / 111_320
                let longitude = -0.1 + radius * cos(angle) / (111_320 * cos(51.5 * .pi / 180))
                points.append("<trkpt lat=\"\(latitude)\" lon=\"\(longitude)\"><time>\(formatter.string(from: start.addingTimeInterval(Double(second))))</time></trkpt>")
                distance += part.speed
                second += 1
            }
        }
        let gpx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="speedwork tests" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><type>running</type><trkseg>
            \(points.joined(separator: "\n"))
            </trkseg></trk></gpx>
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-track-\(UUID().uuidString).gpx")
        try gpx.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments + ["--json"]) as? AnalyzeCommand)
        return try #require(try JSONSerialization.jsonObject(with: Data(command.render().utf8)) as? [String: Any])
    }

    /// M13 at 6:00 mile pace is 90 s a lap: every rep found, on the track, on target.
    @Test func gradesTrackRepsAgainstGoalPace() throws {
        let file = try Self.trackSession()
        defer { try? FileManager.default.removeItem(at: file) }
        // Week 4 of the block: M13's peak of 8 reps.
        let report = try Self.json(["analyze", file.path, "--workout", "M13", "--week", "4", "--from", "mile=6:40", "--goal", "mile=6:00", "--as-of", "2026-11-22"])
        let reps = try #require(report["reps"] as? [[String: Any]])
        #expect(reps.count == 8)
        #expect(report["trackSnapped"] as? Bool == true)
        #expect(reps.allSatisfy { $0["meters"] as? Double == 400 && abs(($0["seconds"] as? Double ?? 0) - 90) <= 2 })
        let compliance = try #require(report["compliance"] as? [String: Any])
        let grades = try #require(compliance["reps"] as? [[String: Any]])
        #expect(grades.filter { $0["verdict"] as? String == "on-target" }.count == 8, "\(grades)")
        #expect((report["recoveries"] as? [[String: Any]])?.count == 7)
        let efforts = try #require(report["bestEfforts"] as? [[String: Any]])
        let best400 = try #require(efforts.first { $0["distance"] as? String == "400m" })
        #expect(abs((best400["seconds"] as? Double ?? 0) - 90) < 1)
    }

    /// The same file graded against a session saved in a plan (`--plan-session plan.json@DATE`);
    /// from a 6:10 mile the 6:00 goal is realistic, so the plan's M13 laps are the goal's 90 s.
    @Test func gradesAgainstAPlanSession() throws {
        let file = try Self.trackSession()
        let planFile = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-plan-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: planFile)
        }
        let plan = try #require(try SpeedworkCommand.parseAsRoot(
            ["plan", "--from", "mile=6:10", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07",
             "--days", "mon,tue,thu,sat,sun", "--base-weeks", "12", "--as-of", "2026-11-22", "--json"]) as? PlanCommand)
        try plan.render(plan.build()).write(to: planFile, atomically: true, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: planFile)) as? [String: Any])
        let sessions = (object["weeks"] as? [[String: Any]] ?? []).flatMap { $0["sessions"] as? [[String: Any]] ?? [] }
        let m13 = try #require(sessions.first { $0["rule"] as? String == "M13" })
        let date = try #require(m13["date"] as? String)
        let report = try Self.json(["analyze", file.path, "--plan-session", "\(planFile.path)@\(date)"])
        let compliance = try #require(report["compliance"] as? [String: Any])
        #expect(compliance["rule"] as? String == "M13")
        #expect((compliance["reps"] as? [[String: Any]])?.first?["verdict"] as? String == "on-target")
    }

    /// A real steady run: no reps, distance as the device measured it, best efforts found.
    @Test func steadyRunFromTheCorpus() throws {
        let file = Self.corpus.appendingPathComponent("fit/slither__running.fit")
        guard FileManager.default.fileExists(atPath: file.path) else {
            print("skipped: ../shared/corpus not found")
            return
        }
        let report = try Self.json(["analyze", file.path])
        #expect((report["reps"] as? [Any])?.isEmpty == true)
        let distance = try #require(report["distanceMeters"] as? Double), device = try #require(report["deviceDistanceMeters"] as? Double)
        #expect(abs(distance - device) / device < 0.005)
        #expect((report["bestEfforts"] as? [[String: Any]])?.contains { $0["distance"] as? String == "5k" } == true)
    }

    @Test(arguments: [
        ["analyze", "/nonexistent/run.fit"],
        ["analyze", "run.fit", "--workout", "M11"],
        ["analyze", "run.fit", "--workout", "M11", "--plan-session", "plan.json@2026-12-08", "--from", "400m=80"],
    ])
    func refusesBadInput(_ arguments: [String]) {
        #expect(throws: (any Error).self) {
            let command = try SpeedworkCommand.parseAsRoot(arguments)
            _ = try (command as? AnalyzeCommand)?.render()
        }
    }
}
