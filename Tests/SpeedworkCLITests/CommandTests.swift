import Foundation
@testable import SpeedworkReports
import Testing
import SpeedworkFiles
@testable import SpeedworkCLI

/// The commands in-process: text and the README's JSON contract.
@Suite("Commands")
struct CommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let dated = arguments.first == "stride" ? [] : ["--as-of", "2026-11-22"]
        let command = try SpeedworkCommand.parseAsRoot(arguments + ["--json"] + dated)
        let text: String
        switch command {
        case let predict as PredictCommand: text = try predict.render()
        case let paces as PacesCommand: text = try paces.render()
        case let stride as StrideCommand: text = try stride.render()
        default: throw CancellationError()
        }
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func predictContract() throws {
        let object = try Self.json(["predict", "--from", "5k=20:00", "--model", "vdot", "--to", "mile,10k"])
        #expect(object["model"] as? String == "vdot")
        #expect(object["vdot"] as? Double == 49.8)
        let predictions = try #require(object["predictions"] as? [[String: Any]])
        #expect(predictions.map { $0["distance"] as? String } == ["mile", "10k"])
        #expect(predictions[0]["meters"] as? Double == 1609.344)
        #expect((predictions[0]["seconds"] as? Double).map { (345...355).contains($0) } == true)
    }

    @Test func pacesContract() throws {
        let object = try Self.json(["paces", "--from", "400m=80", "--from", "mile=6:40", "--goal", "mile=6:00"])
        let zones = try #require(object["zones"] as? [[String: Any]])
        #expect(zones.map { $0["code"] as? String } == ["E", "M", "T", "I", "R"])
        let easy = try #require(zones[0]["secondsPerKm"] as? [String: Double])
        #expect(try #require(easy["fast"]) < (try #require(easy["slow"])))
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        let m11 = try #require(sessions.first { $0["rule"] as? String == "M11" })
        let rep = try #require(m11["repTarget"] as? [String: Any])
        #expect(rep["meters"] as? Double == 200)
        #expect(rep["fast"] as? Double == 37.6)
        #expect(rep["slow"] as? Double == 38.4)
        let m13 = try #require(sessions.first { $0["rule"] as? String == "M13" })
        let lap = try #require(m13["repTarget"] as? [String: Any])
        #expect(((lap["fast"] as? Double ?? 0) + (lap["slow"] as? Double ?? 0)) / 2 == 90)
        let pace = try #require(m11["pace"] as? [String: Any])
        #expect(pace["secondsPerKm"] is [String: Double] && pace["secondsPerMile"] is [String: Double])
    }

    @Test func strideContract() throws {
        let object = try Self.json(["stride", "--from", "10k=40:00", "--cadence", "180", "--stride-gain", "2cm", "--cadence-gain", "2"])
        #expect(object["metersPerMileFromStride"] as? Double == 23.2)
        #expect(object["metersPerMileFromCadence"] as? Double == 17.9)
        #expect(object["savedSeconds"] as? Double == 60.1)
        #expect(object["newSeconds"] as? Double == 2339.9)
    }

    @Test func textOutputReadsAtAGlance() throws {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["paces", "--from", "mile=6:30", "--as-of", "2026-11-22"]) as? PacesCommand)
        let text = try command.render()
        #expect(text.contains("VDOT 44.3"))
        for rule in ["M10", "M11", "M12", "M13", "M17", "M18"] {
            #expect(text.contains(rule))
        }
    }
}

/// The built executable, as a runner runs it: bad input exits non-zero with a short message.
@Suite("Executable errors")
struct ExecutableErrorTests {
    static let binary: URL? = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("speedwork")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        guard let binary = Self.binary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static let badInputs: [[String]] = [
        ["predict"],
        ["predict", "--from", "5x=20:00"],
        ["predict", "--from", "5k=20:7x"],
        ["predict", "--from", "5k=0"],
        ["predict", "--from", "400m=0:30"],
        ["predict", "--from", "5k=55:00"],
        ["predict", "--from", "5k=20:00@2026-02-30"],
        ["predict", "--from", "5k=20:00@2999-01-01"],
        ["predict", "--from", "5k=20:00", "--model", "magic"],
        ["predict", "--from", "5k=20:00", "--model", "cs"],
        ["predict", "--from", "5k=20:00", "--to", "mile,lightyear"],
        ["predict", "--from", "400m=80", "--model", "riegel"],
        ["paces", "--from", "mile=6:40", "--goal", "mile=3:40"],
        ["paces"],
        ["stride", "--from", "10k=40:00", "--cadence", "90"],
        ["stride", "--from", "10k=40:00", "--cadence", "fast"],
        ["stride", "--from", "10k=40:00", "--cadence", "180", "--stride-gain", "50cm"],
        ["stride", "--cadence", "180"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--days", "mon,funday"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--days", "mon,wed"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--max-session", "25m"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--max-session", "an hour"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--strength", "elite"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--base-weeks", "-2"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--markdown", "--json"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=3:40", "--race-date", "2027-03-06", "--days", "mon,wed,fri"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2026-12-01", "--start", "2026-12-07", "--days", "mon,wed,fri"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2026-12-10", "--start", "2026-12-07", "--days", "mon,wed,fri"],
        ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,wed,fri", "--ics", "/proc/speedwork/plan.ics"],
        ["workout", "show", "M99", "--from", "400m=80"],
        ["workout", "show", "M11", "--from", "400m=80", "--week", "0"],
        ["inspect"],
        ["inspect", ""],
        ["inspect", "/nonexistent/speedwork-missing.fit"],
    ]

    @Test(.enabled(if: binary != nil, "the speedwork executable is built beside the tests"), arguments: badInputs)
    func badInputExitsNonZero(_ arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status != 0, "\(arguments) exited 0")
        #expect(result.status < 128, "\(arguments) died from a signal")
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: true)
        #expect((1...4).contains(lines.count), "\(arguments) printed \(lines.count) lines:\n\(result.error)")
        #expect(lines.first?.hasPrefix("Error: ") == true)
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Stack dump"))
    }

    @Test(.enabled(if: binary != nil, "the speedwork executable is built beside the tests"))
    func goodInputExitsZero() throws {
        let result = try Self.run(["paces", "--from", "mile=6:30", "--goal", "mile=6:00"])
        #expect(result.status == 0)
        #expect(result.output.contains("M13"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Self.run(["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07",
                                 "--days", "mon,tue,thu,sat,sun", "--json", "--ics", directory.appendingPathComponent("plan.ics").path,
                                 "--fit-dir", directory.appendingPathComponent("fit").path])
        #expect(plan.status == 0, "\(plan.error)")
        #expect((try? JSONSerialization.jsonObject(with: Data(plan.output.utf8))) != nil, "stdout stays pure JSON")
        let fitFiles = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("fit").path)
            .filter { $0 != ExportFiles.manifestName }
        #expect(fitFiles.count > 20 && fitFiles.allSatisfy { $0.hasSuffix(".fit") })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("plan.ics").path))
    }
}
