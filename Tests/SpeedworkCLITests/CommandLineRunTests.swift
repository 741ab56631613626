import Foundation
import Testing
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI

/// The executable as a runner meets it, on the cases: numbers that once trapped, one
/// range and one exit status per option, options that do not apply, short messages, and the
/// README's exit-code table.
@Suite("Command line: numbers, messages, exit codes")
struct CommandLineRunTests {
    static let enabled = ExecutableErrorTests.binary != nil
    static let plan = ["plan", "--from", "mile=6:40", "--race-date", "2027-03-06", "--start", "2026-12-07", "--days", "mon,tue,thu,sat,sun"]

    /// Runs the executable; checks the message is one `Error:` line with no runtime or Foundation text.
    static func failure(_ arguments: [String]) throws -> (status: Int32, message: String) {
        let result = try ExecutableErrorTests.run(arguments)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Error: ") == true, "\(arguments): \(result.error.prefix(300))")
        #expect(lines.count == 1, "\(arguments): \(lines.count) lines: \(result.error.prefix(300))")
        for forbidden in ["Fatal error", "NSCocoaErrorDomain", "The operation could not be completed", "Swift/"] {
            #expect(!result.error.contains(forbidden), "\(arguments): \(result.error.prefix(300))")
        }
        return (result.status, lines.first ?? "")
    }

    /// `5k=1e23` trapped in Duration.formatted (SIGILL); now every command refuses it with 64.
    @Test(.enabled(if: enabled), arguments: [
        ["predict", "--from", "5k=1e23"],
        ["predict", "--from", "5k=1e308"],
        ["paces", "--from", "5k=1e23"],
        ["paces", "--from", "5k=20:00", "--goal", "5k=1e308"],
        ["workout", "show", "M11", "--from", "5k=1e23"],
        plan + ["--goal", "mile=1e23"],
        ["predict", "--from", "1e23k=20:00"],
        ["predict", "--from", "5k=0x1p10"],
        ["predict", "--from", "5k=inf"],
        ["predict", "--from", "5k=20:00", "--to", "1e5m"],
    ])
    func exponentsAndHugeNumbersAreRefused(_ arguments: [String]) throws {
        let (status, message) = try Self.failure(arguments)
        #expect(status == ExitStatus.usage.rawValue, "\(arguments): \(status)")
        #expect(message.contains("is not a time") || message.contains("is not a distance") || message.contains("is not a plain")
                || message.contains("outside"), "\(message)")
    }

    /// `--riegel-exponent -1` said "Missing value": the value now reaches the option.
    @Test(.enabled(if: enabled), arguments: [
        (["predict", "--from", "5k=20:00", "--model", "riegel", "--riegel-exponent", "-1"], "Riegel exponent -1 must be positive"),
        (["predict", "--from", "5k=20:00", "--speed-reserve", "-1.5"], "speed reserve ratio -1.5 must be positive"),
        (["stride", "--from", "10k=40:00", "--cadence", "-180"], "cadence -180 must be positive"),
        (["stride", "--from", "10k=40:00", "--cadence", "180", "--cadence-gain", "-2"], "cadence gain -2 must be positive"),
        (["stride", "--from", "10k=40:00", "--cadence", "180", "--stride-gain", "-2cm"], "a distance must be positive"),
        (["workout", "show", "M11", "--from", "400m=80", "--week", "-1"], "week -1 must be positive"),
        (["predict", "--from", "-5k=20:00"], "a distance must be positive"),
    ])
    func negativeValuesMustBePositive(_ arguments: [String], _ expected: String) throws {
        let (status, message) = try Self.failure(arguments)
        #expect(status == ExitStatus.usage.rawValue)
        #expect(message.contains(expected), "\(message)")
    }

    /// `--cadence 0` and `--cadence 1000` got 1–1000 and exit 64, then 120–250 and exit 1.
    @Test(.enabled(if: enabled)) func oneRangeAndOneExitStatusPerOption() throws {
        for options in [["--cadence", "0"], ["--cadence", "1000"], ["--cadence", "119"], ["--cadence", "251"], ["--cadence", "fast"]] {
            let (status, message) = try Self.failure(["stride", "--from", "10k=40:00"] + options)
            #expect(status == ExitStatus.usage.rawValue, "\(options): \(status)")
            #expect(message.contains("120–250"), "\(options): \(message)")
        }
        for week in ["0", "521", "x"] {
            let (status, message) = try Self.failure(["workout", "show", "M11", "--from", "400m=80", "--week", week])
            #expect(status == ExitStatus.usage.rawValue)
            #expect(message.contains("1–520"), "\(message)")
        }
    }

    /// A 100 KB argument was echoed in full (twice); now it is cut to about 40 characters.
    @Test(.enabled(if: enabled)) func longArgumentsAreShortened() throws {
        let huge = String(repeating: "x", count: 100_000)
        for arguments in [["predict", "--from", "5k=" + huge], ["predict", "--from", huge], ["workout", "show", huge, "--from", "5k=20:00"],
                          ["stride", "--from", "10k=40:00", "--cadence", huge], ["analyze", "/tmp/" + huge]] {
            let result = try ExecutableErrorTests.run(arguments)
            #expect(result.status != 0 && result.status < 128)
            #expect(result.error.utf8.count < 2_000, "\(arguments[0]): \(result.error.utf8.count) bytes")
            #expect(result.error.contains("…"))
            #expect(!result.error.contains(String(repeating: "x", count: 41)))
        }
    }

    /// Options that change nothing were silently ignored; now they are usage errors.
    @Test(.enabled(if: enabled), arguments: [
        (["analyze", "run.gpx", "--workout", "M32", "--from", "5k=20:00"], "M32 is not a run"),
        (["analyze", "run.gpx", "--workout", "M5", "--from", "5k=20:00"], "M5 is not a run"),
        (["analyze", "run.gpx", "--week", "3"], "--week applies only with --workout"),
        (["analyze", "run.gpx", "--goal", "mile=6:00"], "--goal applies only with --workout"),
        (["analyze", "run.gpx", "--as-of", "2026-11-22"], "--as-of applies only with --from"),
        (["predict", "--from", "5k=20:00", "--riegel-exponent", "1.08"], "--riegel-exponent applies only with --model riegel"),
        (["paces", "--from", "5k=20:00", "--riegel-exponent", "1.08"], "Unknown option '--riegel-exponent'"),
        (["workout", "show", "M21", "--from", "5k=20:00", "--week", "3"], "--week does not apply to M21"),
        (["workout", "show", "M32", "--from", "5k=20:00", "--block-weeks", "4"], "--block-weeks does not apply to M32"),
        (["workout", "show", "M11", "--from", "5k=20:00", "--goal", "mile=6:00"], "--goal does not apply to M11"),
    ])
    func optionsThatDoNotApplyAreErrors(_ arguments: [String], _ expected: String) throws {
        let (status, message) = try Self.failure(arguments)
        #expect(status == ExitStatus.usage.rawValue, "\(arguments): \(status)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test(.enabled(if: enabled)) func optionsThatApplyStillWork() throws {
        let riegel = try ExecutableErrorTests.run(["predict", "--from", "5k=20:00", "--model", "riegel", "--riegel-exponent", "1.08", "--as-of", "2026-11-22"])
        #expect(riegel.status == 0, "\(riegel.error)")
        let m13 = try ExecutableErrorTests.run(["workout", "show", "M13", "--from", "5k=20:00", "--goal", "mile=6:00", "--week", "3", "--as-of", "2026-11-22"])
        #expect(m13.status == 0, "\(m13.error)")
        #expect(m13.output.contains("week 3 of 8"))
    }

    /// A folder gave "(NSCocoaErrorDomain error 256.)"; a missing file and a non-activity file
    /// get their own status.
    @Test(.enabled(if: enabled)) func filesGivePlainMessagesAndTheirOwnStatus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("notes.gpx")
        try Data("not an activity\n".utf8).write(to: text)

        var (status, message) = try Self.failure(["analyze", folder.path])
        #expect(status == ExitStatus.noInput.rawValue)
        #expect(message.hasSuffix("is a folder, not a file"), "\(message)")
        (status, message) = try Self.failure(["analyze", folder.appendingPathComponent("missing.fit").path])
        #expect(status == ExitStatus.noInput.rawValue)
        #expect(message.hasSuffix("does not exist"), "\(message)")
        (status, message) = try Self.failure(["analyze", text.path])
        #expect(status == ExitStatus.dataError.rawValue)
        #expect(message == "Error: notes.gpx: not a FIT, GPX, TCX or gzip file")
        (status, message) = try Self.failure(["analyze", text.path, "--plan-session", text.path + "@2026-12-08", ])
        #expect(status == ExitStatus.dataError.rawValue)
        (status, message) = try Self.failure(["inspect", text.path])
        #expect(status == ExitStatus.dataError.rawValue, "a file that is not FIT makes inspect fail")
        #expect(message.contains("not a FIT file header at byte 0"), "\(message)")
    }

    /// `plan > /dev/full` exited 0; a failed write to standard output now exits 73.
    @Test(.enabled(if: enabled && FileManager.default.fileExists(atPath: "/dev/full")))
    func failedWriteToStandardOutputExitsNonZero() throws {
        let process = Process()
        process.executableURL = try #require(ExecutableErrorTests.binary)
        process.arguments = ["predict", "--from", "5k=20:00"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == ExitStatus.cannotWrite.rawValue)
        #expect(error == "Error: cannot write to standard output: no space left on device\n")
    }

    /// `-1` after an option is joined to it; paths after `inspect` bypass the parser.
    @Test func argumentsArePreparedLinearly() {
        #expect(CommandLineRun.prepared(["predict", "--riegel-exponent", "-1", "--from", "5k=20:00"]).arguments
                == ["predict", "--riegel-exponent=-1", "--from", "5k=20:00"])
        #expect(CommandLineRun.prepared(["stride", "--stride-gain", "-2cm", "--json"]).arguments == ["stride", "--stride-gain=-2cm", "--json"])
        let paths = (0..<2_000).map { "run-\($0).fit" }
        let prepared = CommandLineRun.prepared(["inspect"] + paths + ["--json", "--files-from", "list.txt", "-", "--", "--odd.fit"])
        #expect(prepared.arguments == ["inspect", "--json", "--files-from", "list.txt"])
        #expect(prepared.inspectPaths == paths + ["-", "--odd.fit"])
    }

    /// The exit codes are the README's table.
    @Test func exitCodesAreTheDocumentedOnes() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for status in ExitStatus.allCases {
            #expect(readme.contains("| \(status.rawValue) |"), "README lacks exit code \(status.rawValue)")
        }
    }

    /// Foundation errors never reach the user as text; the project's own errors keep theirs.
    @Test func foundationErrorsAreNotShown() {
        let cocoa = CommandLineRun.describe(CocoaError(.fileReadUnknown))
        #expect(cocoa.status == ExitStatus.failure.rawValue && !cocoa.message.contains("NSCocoaErrorDomain"))
        let ns = CommandLineRun.describe(NSError(domain: NSCocoaErrorDomain, code: 256))
        #expect(ns.status == ExitStatus.failure.rawValue && !ns.message.contains("256"), "\(ns.message)")
        let input = CommandLineRun.describe(InputError("cadence 0 is outside 120–250"))
        #expect(input == (ExitStatus.usage.rawValue, "cadence 0 is outside 120–250"))
    }

    /// `--ignore-crc` on a GPX file (which has no CRC) is refused rather than ignored.
    @Test(.enabled(if: enabled)) func ignoreCRCAppliesToFITOnly() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-\(UUID().uuidString).gpx")
        try Data("<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg></trkseg></trk></gpx>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, message) = try Self.failure(["analyze", file.path, "--ignore-crc"])
        #expect(status == ExitStatus.usage.rawValue)
        #expect(message.contains("--ignore-crc applies only to FIT files") && message.contains("is GPX"), "\(message)")
    }
}
