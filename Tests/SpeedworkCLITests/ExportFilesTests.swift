import Foundation
@testable import SpeedworkReports
import Testing
import SpeedworkFiles
@testable import SpeedworkCLI

/// `plan --ics` and `--fit-dir`: files replaced whole or not at all, no folders made up, one plan
/// per workouts folder, and failures (a full disk, a read-only folder) leaving the old files.
@Suite("Plan exports")
struct ExportFilesTests {
    static let enabled = ExecutableErrorTests.binary != nil
    static let plan = ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-03-06", "--start", "2026-12-07",
                       "--days", "mon,tue,thu,sat,sun"]
    /// A shorter plan on other days: most of its workouts have other names.
    static let otherPlan = ["plan", "--from", "mile=6:40", "--goal", "mile=6:00", "--race-date", "2027-02-06", "--start", "2026-12-14",
                            "--days", "mon,wed,fri,sun"]

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func names(_ folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    /// The workouts a plan's JSON lists as runs, named as the export names them (DATE-RULE.fit).
    static func runNames(_ arguments: [String]) throws -> Set<String> {
        let result = try ExecutableErrorTests.run(arguments + ["--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        var names = Set<String>()
        for week in object["weeks"] as? [[String: Any]] ?? [] {
            for session in week["sessions"] as? [[String: Any]] ?? [] {
                let kind = session["kind"] as? String ?? ""
                guard !["strength", "mobility", "rest"].contains(kind) else { continue }
                names.insert("\(session["date"] as? String ?? "")-\(session["rule"] as? String ?? "").fit")
            }
        }
        return names
    }

    /// The issue: `--ics /nonexistent/dir/plan.ics` created the folders silently.
    @Test(.enabled(if: enabled)) func calendarNeedsAnExistingFolder() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("missing/dir/plan.ics")
        let result = try ExecutableErrorTests.run(Self.plan + ["--ics", target.path])
        #expect(result.status == ExitStatus.cannotWrite.rawValue)
        #expect(result.error.contains("does not exist"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("missing").path))
        #expect(result.output.isEmpty, "nothing is printed when an export fails")
    }

    /// A calendar reached through a symbolic link is replaced where it lives; the link stays.
    @Test(.enabled(if: enabled)) func linkedCalendarIsReplacedWhereItLives() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let synced = root.appendingPathComponent("synced")
        try FileManager.default.createDirectory(at: synced, withIntermediateDirectories: false)
        try Data("old".utf8).write(to: synced.appendingPathComponent("plan.ics"))
        let link = root.appendingPathComponent("plan.ics")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "synced/plan.ics")
        let result = try ExecutableErrorTests.run(Self.plan + ["--ics", link.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "synced/plan.ics")
        let text = try String(contentsOf: synced.appendingPathComponent("plan.ics"), encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(try Self.names(synced) == ["plan.ics"])
    }

    /// `--fit-dir ''` wrote into the current folder; `--fit-dir a/b/c` made every level.
    @Test(.enabled(if: enabled)) func workoutFolderIsNamedAndOnlyItsLastLevelMade() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for empty in ["", " "] {
            let result = try ExecutableErrorTests.run(Self.plan + ["--fit-dir", empty])
            #expect(result.status == ExitStatus.usage.rawValue)
            #expect(result.error.contains("--fit-dir needs a folder name"), "\(result.error)")
        }
        let deep = try ExecutableErrorTests.run(Self.plan + ["--fit-dir", root.appendingPathComponent("a/b").path])
        #expect(deep.status == ExitStatus.cannotWrite.rawValue)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("a").path))
        let last = try ExecutableErrorTests.run(Self.plan + ["--fit-dir", root.appendingPathComponent("watch").path])
        #expect(last.status == 0, "\(last.error)")
        let written = try Self.names(root.appendingPathComponent("watch"))
        #expect(written == (try Self.runNames(Self.plan)).union([ExportFiles.manifestName]))
    }

    /// A second plan into the same folder left the first plan's workouts beside it; now the
    /// folder holds exactly the second plan, and a file the runner put there stays.
    @Test(.enabled(if: enabled)) func secondPlanReplacesTheFirstAndOnlyIt() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watch = root.appendingPathComponent("watch")
        #expect(try ExecutableErrorTests.run(Self.plan + ["--fit-dir", watch.path]).status == 0)
        let mine = ["my-own-workout.fit", "notes.txt"]
        for name in mine { try Data("mine".utf8).write(to: watch.appendingPathComponent(name)) }
        let second = try ExecutableErrorTests.run(Self.otherPlan + ["--fit-dir", watch.path])
        #expect(second.status == 0, "\(second.error)")
        let expected = try Self.runNames(Self.otherPlan)
        let firstNames = try Self.runNames(Self.plan)
        #expect(!expected.isEmpty && expected != firstNames)
        #expect(try Self.names(watch) == expected.union(mine).union([ExportFiles.manifestName]))
        let manifest = try String(contentsOf: watch.appendingPathComponent(ExportFiles.manifestName), encoding: .utf8)
        #expect(Set(manifest.split(separator: "\n").map(String.init)) == expected)
    }

    /// A manifest edited to name files elsewhere (or hidden ones) removes nothing but workouts.
    @Test func manifestOnlyNamesWorkoutsInTheFolder() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside.fit")
        try Data("keep".utf8).write(to: outside)
        let watch = root.appendingPathComponent("watch")
        try FileManager.default.createDirectory(at: watch, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: watch.appendingPathComponent(".hidden.fit"))
        try Data("old".utf8).write(to: watch.appendingPathComponent("old.fit"))
        try Data("../outside.fit\n\(outside.path)\n.hidden.fit\nold.fit\n".utf8).write(to: watch.appendingPathComponent(ExportFiles.manifestName))
        let removed = try ExportFiles.replaceWorkouts(in: watch.path, with: [("new.fit", [1, 2, 3])])
        #expect(removed == 1)
        #expect(FileManager.default.fileExists(atPath: outside.path))
        #expect(try Self.names(watch) == [".hidden.fit", "new.fit", ExportFiles.manifestName])
        #expect(try Data(contentsOf: watch.appendingPathComponent("new.fit")) == Data([1, 2, 3]))
    }

    /// A full disk (here a file-size limit of 1 KiB, `ulimit -f 2`, which fails a write past it
    /// with EFBIG as a full disk fails it with ENOSPC; the calendar and the M10 workouts are
    /// larger): the calendar and the workouts written before stay whole, no temporary file is
    /// left, a folder the failed export made is gone again, and the command exits 73.
    @Test(.enabled(if: enabled && FileManager.default.isExecutableFile(atPath: "/bin/sh")))
    func fullDiskLeavesThePreviousExport() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let calendar = root.appendingPathComponent("plan.ics")
        let watch = root.appendingPathComponent("watch")
        let first = try ExecutableErrorTests.run(Self.plan + ["--ics", calendar.path, "--fit-dir", watch.path])
        #expect(first.status == 0, "\(first.error)")
        let before = try Data(contentsOf: calendar)
        let workoutsBefore = try Self.names(watch)
        let bytesBefore = try workoutsBefore.map { try Data(contentsOf: watch.appendingPathComponent($0)) }
        #expect(before.count > 2 * 512)

        let fresh = root.appendingPathComponent("new-watch").path
        for export in [["--ics", calendar.path], ["--fit-dir", watch.path], ["--fit-dir", fresh]] {
            let binary = try #require(ExecutableErrorTests.binary).path
            let command = ([binary] + Self.otherPlan + export).map { "'\($0)'" }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // An ignored SIGXFSZ stays ignored across exec, so the write fails instead of the process.
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f 2; exec \(command)"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == ExitStatus.cannotWrite.rawValue, "\(export[0]): \(error)")
            #expect(error.hasPrefix("Error: cannot write"), "\(error)")
        }
        #expect(try Data(contentsOf: calendar) == before)
        #expect(try Self.names(root) == ["plan.ics", "watch"])
        #expect(try Self.names(watch) == workoutsBefore)
        #expect(try workoutsBefore.map { try Data(contentsOf: watch.appendingPathComponent($0)) } == bytesBefore)
    }

    /// A read-only folder: the calendar and the workouts there are refused with 73 and left as
    /// they were, and no folder is made inside it. Root writes anyway, so as root the command
    /// runs as the unprivileged user 65534 through util-linux `setpriv`; without it the test
    /// notes that and stops.
    @Test(.enabled(if: enabled)) func readOnlyFolderIsRefused() throws {
        let root = try Self.folder()
        let watch = root.appendingPathComponent("watch")
        defer {
            for url in [root, watch] { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            try? FileManager.default.removeItem(at: root)
        }
        let calendar = root.appendingPathComponent("plan.ics")
        let first = try ExecutableErrorTests.run(Self.plan + ["--ics", calendar.path, "--fit-dir", watch.path])
        #expect(first.status == 0, "\(first.error)")
        let before = try Data(contentsOf: calendar)
        let workoutsBefore = try Self.names(watch)
        for url in [watch, root] { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path) }

        let binary = try #require(ExecutableErrorTests.binary).path
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("skipped: running as root without setpriv, a read-only folder stays writable")
                return
            }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        for export in [["--ics", calendar.path], ["--fit-dir", watch.path], ["--fit-dir", root.appendingPathComponent("new").path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: prefix.first ?? binary)
            process.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [binary]) + Self.otherPlan + export
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == ExitStatus.cannotWrite.rawValue, "\(export): \(error)")
            #expect(error.hasPrefix("Error: cannot write") && error.contains("permission denied"), "\(error)")
        }
        #expect(try Data(contentsOf: calendar) == before)
        #expect(try Self.names(root) == ["plan.ics", "watch"])
        #expect(try Self.names(watch) == workoutsBefore)
    }
}
