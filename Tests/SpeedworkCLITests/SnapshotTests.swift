import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// Golden files for what a runner reads: the text of `predict`, `paces`, `workout show` and
/// `plan`, and `plan --json`. Any change to them shows up as a diff here and is read by a person
/// before the golden file is re-recorded with `SPEEDWORK_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite("Golden outputs")
struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["SPEEDWORK_RECORD_SNAPSHOTS"] == "1"

    static let cases: [(name: String, arguments: [String])] = [
        ("predict", ["predict", "--from", "5k=20:00", "--from", "400m=75@2026-11-01", "--as-of", "2026-11-22"]),
        ("paces", ["paces", "--from", "mile=6:30", "--goal", "mile=6:00", "--as-of", "2026-11-22"]),
        ("workout-M11", ["workout", "show", "M11", "--from", "400m=80", "--week", "3", "--as-of", "2026-11-22"]),
        ("plan", ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07",
                  "--days", "mon,tue,thu,sat,sun", "--max-session", "60m", "--base-weeks", "12", "--as-of", "2026-11-22"]),
        ("plan-markdown", ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-01-17", "--start", "2026-12-07",
                           "--days", "tue,thu,sat,sun", "--as-of", "2026-11-22", "--markdown"]),
        ("plan-json", ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2026-12-27", "--start", "2026-12-07",
                       "--days", "mon,wed,fri,sun", "--base-weeks", "20", "--as-of", "2026-11-22", "--json"]),
    ]

    static func output(_ arguments: [String]) throws -> String {
        switch try SpeedworkCommand.parseAsRoot(arguments) {
        case let command as PredictCommand: try command.render()
        case let command as PacesCommand: try command.render()
        case let command as WorkoutShowCommand: try command.render()
        case let command as PlanCommand: try command.render(command.build())
        default: throw CancellationError()
        }
    }

    @Test(arguments: cases.map(\.name))
    func matchesGoldenFile(_ name: String) throws {
        let arguments = try #require(Self.cases.first { $0.name == name }).arguments
        let actual = try Self.output(arguments) + "\n"
        let file = Self.directory.appendingPathComponent(name + (name.hasSuffix("json") ? ".json" : ".txt"))
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from \(file.lastPathComponent); re-record only after reading the diff")
    }
}
