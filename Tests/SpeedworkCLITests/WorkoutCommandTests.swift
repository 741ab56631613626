import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `workout list` and `workout show`: text, the session JSON contract and input errors.
@Suite("Workout command")
struct WorkoutCommandTests {
    static func render(_ arguments: [String]) throws -> String {
        let command = try SpeedworkCommand.parseAsRoot(arguments)
        switch command {
        case let show as WorkoutShowCommand: return try show.render()
        case let list as WorkoutListCommand: return try list.render()
        default: throw CancellationError()
        }
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let dated = arguments.contains("show") ? ["--as-of", "2026-11-22"] : []
        let text = try render(arguments + ["--json"] + dated)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func listsEverySession() throws {
        let object = try Self.json(["workout", "list"])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["rule"] as? String } == ["M5"] + (10...21).map { "M\($0)" } + ["M32", "M40-GP"])
        #expect(sessions.allSatisfy { $0["title"] is String && $0["kind"] is String && $0["description"] is String })
        let text = try Self.render(["workout", "list"])
        #expect(text.contains("M17") && text.contains("VO2max repeats"))
    }

    /// The goal-pace session outside a plan: 19:00 for 5K is 3:48 a km, so 1k reps in 3:46–3:50 (±1 %).
    @Test func showGoalPaceSession() throws {
        let text = try Self.render(["workout", "show", "M40-GP", "--from", "5k=20:00", "--goal", "5k=19:00", "--as-of", "2026-11-22"])
        #expect(text.hasPrefix("M40-GP  Repeats at goal race pace: 5 × 1k at 5k goal pace"), "\(text)")
        #expect(text.contains("5 × (1k in 3:46–3:50, 2:00 jog)"), "\(text)")
    }

    @Test func showContract() throws {
        let object = try Self.json(["workout", "show", "M11", "--from", "400m=80"])
        #expect(object["rule"] as? String == "M11")
        #expect(object["kind"] as? String == "speed")
        #expect(object["hard"] as? Bool == true)
        #expect(object["title"] is String && object["notes"] is [String])
        #expect((object["minutes"] as? Int).map { (40...70).contains($0) } == true)
        #expect(object["date"] == nil)
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.first?["intensity"] as? String == "warmup")
        #expect(steps.first?["seconds"] as? Double == 900)
        #expect(steps.last?["intensity"] as? String == "cooldown")
        for step in steps {
            #expect(step.keys.contains("target"), "target is always present, null when none")
            let lengths = ["seconds", "meters", "open", "reps"].filter { step[$0] != nil }
            #expect(lengths.count == (step["intensity"] as? String == "repeat" ? 0 : 1))
        }
        let repeatBlock = try #require(steps.first { $0["intensity"] as? String == "repeat" })
        #expect(repeatBlock["count"] as? Int == 6)
        let inner = try #require(repeatBlock["steps"] as? [[String: Any]])
        #expect(inner.map { $0["intensity"] as? String } == ["active", "recovery"])
        #expect(inner[0]["meters"] as? Double == 200)
        let target = try #require(inner[0]["target"] as? [String: Any])
        let perKm = try #require(target["secondsPerKm"] as? [String: Double])
        #expect(target["secondsPerMile"] is [String: Double])
        // 80 s per 400 m → 200 m in 37.6–38.4 (M11's example).
        #expect(abs(try #require(perKm["fast"]) * 0.2 - 37.6) < 0.05)
        #expect(abs(try #require(perKm["slow"]) * 0.2 - 38.4) < 0.05)
        #expect(inner[1]["seconds"] as? Double == 120)
        #expect(steps.contains { $0["target"] is NSNull && ($0["name"] as? String)?.hasPrefix("Stretch") == true })
    }

    @Test func showEffortAndOpenSteps() throws {
        let steps = try #require(try Self.json(["workout", "show", "M14", "--from", "5k=22:00", "--week", "8"])["steps"] as? [[String: Any]])
        let repeatBlock = try #require(steps.first { $0["intensity"] as? String == "repeat" })
        #expect(repeatBlock["count"] as? Int == 10)
        let inner = try #require(repeatBlock["steps"] as? [[String: Any]])
        let rpe = try #require((inner[0]["target"] as? [String: Any])?["rpe"] as? [String: Int])
        #expect(rpe == ["min": 4, "max": 5])
        #expect(inner[1]["open"] as? Bool == true)
    }

    @Test func showStrength() throws {
        let object = try Self.json(["workout", "show", "M32", "--from", "5k=22:00", "--strength", "intermediate"])
        #expect(object["kind"] as? String == "strength")
        #expect(object["hard"] as? Bool == false)
        let blocks = try #require(object["steps"] as? [[String: Any]]).filter { $0["intensity"] as? String == "repeat" }
        let first = try #require((blocks.first?["steps"] as? [[String: Any]])?.first)
        #expect(first["reps"] as? Int == 10)
        #expect(first["name"] as? String == "single-leg deadlift (each side)")
    }

    @Test func textReadsAtAGlance() throws {
        let text = try Self.render(["workout", "show", "M11", "--from", "400m=80", "--week", "8", "--as-of", "2026-11-22"])
        // Week 8 of 8: the shortest jog with one rep fewer than the peak of 10 (reps, then recovery).
        #expect(text.contains("9 × (200m in 37.6–38.4, 30 s jog)"))
        #expect(text.contains("Warm-up") && text.contains("Cool-down") && text.contains("Stretch hamstrings"))
        let m17 = try Self.render(["workout", "show", "m17", "--from", "mile=6:00", "--week", "1", "--as-of", "2026-11-22"])
        #expect(m17.contains("3 × (mile in 6:30–6:40, 4:00 jog)"))
    }

    static let badInputs: [[String]] = [
        ["workout", "show", "M99", "--from", "400m=80"],
        ["workout", "show", "M11", "--from", "400m=80", "--week", "0"],
        ["workout", "show", "M11", "--from", "400m=80", "--week", "-1"],
        ["workout", "show", "M11", "--from", "400m=80", "--week", "x"],
        ["workout", "show", "M32", "--from", "400m=80", "--strength", "elite"],
        ["workout", "show", "M11", "--from", "400m=80", "--strength", "beginner"],
        ["workout", "show", "M11", "--from", "400m=80", "--block-weeks", "0"],
        ["workout", "show", "M21", "--from", "400m=80", "--trial", "5k"],
        ["workout", "show", "M11"],
        ["workout", "show", "M40-GP", "--from", "5k=20:00"],
    ]

    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"), arguments: badInputs)
    func badInputExitsNonZero(_ arguments: [String]) throws {
        let result = try ExecutableErrorTests.run(arguments)
        #expect(result.status != 0 && result.status < 128, "\(arguments) exited \(result.status)")
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: true)
        #expect((1...4).contains(lines.count), "\(arguments) printed:\n\(result.error)")
        #expect(lines.first?.hasPrefix("Error: ") == true)
    }

    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"))
    func errorsNameTheValue() throws {
        #expect(try ExecutableErrorTests.run(["workout", "show", "M99", "--from", "400m=80"]).error.contains("'M99'"))
        #expect(try ExecutableErrorTests.run(["workout", "show", "M99", "--from", "400m=80"]).error.contains("M10, M11"))
        #expect(try ExecutableErrorTests.run(["workout", "show", "M11", "--from", "400m=80", "--week", "x"]).error.contains("week 'x'"))
        #expect(try ExecutableErrorTests.run(["workout", "show", "M32", "--from", "400m=80", "--strength", "elite"]).error.contains("'elite'"))
    }
}
