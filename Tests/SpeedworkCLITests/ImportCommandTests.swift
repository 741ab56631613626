import Foundation
import Testing
@testable import SpeedworkCLI
import Speedwork
@testable import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore

/// `speedwork import` in-process against a temporary SQLite log, on generated files only.
@Suite("Import command")
struct ImportCommandTests {
    private static func count(_ summary: [String: Any], _ key: String) -> Int? {
        summary[key] as? Int
    }

    /// The same run as `.fit` and `.fit.gz` is one activity; a folder imported twice adds nothing
    /// the second time and reads none of its files again.
    @Test func importIsIdempotent() async throws {
        let folder = try ImportFixtures.folder("idempotent")
        defer { ImportFixtures.remove(folder) }
        let archive = folder.appendingPathComponent("archive")
        let fit = ImportFixtures.run(seconds: 900)
        let plain = try ImportFixtures.write(fit, "run.fit", in: archive)
        let gzipped = try ImportFixtures.write(try Gzip.compress(fit), "run.fit.gz", in: archive)
        try ImportFixtures.write(Data(ActivityFixtures.gpx(ActivityFixtures.standingRecoveries()).utf8), "track/reps.gpx", in: archive)
        let database = ImportFixtures.database(in: folder)

        var summary = try await ImportFixtures.importJSON([plain.path], database: database)
        #expect(Self.count(summary, "added") == 1)
        #expect(Self.count(summary, "alreadyThere") == 0)
        summary = try await ImportFixtures.importJSON([gzipped.path], database: database)
        #expect(Self.count(summary, "added") == 0, "the .gz holds the same run")
        #expect(Self.count(summary, "alreadyThere") == 1)
        summary = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(summary, "files") == 3)
        #expect(Self.count(summary, "added") == 1, "only the GPX is new")
        #expect(Self.count(summary, "unchanged") == 2, "the two files imported by name are recognised")
        summary = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(summary, "added") == 0)
        #expect(Self.count(summary, "alreadyThere") == 0)
        #expect(Self.count(summary, "unchanged") == 3)
        #expect(Self.count(summary, "skipped") == 0)

        let log = try await ImportFixtures.contents(database)
        #expect(log.activities.count == 2)
        #expect(log.analysed == 2, "every activity keeps its analysis")
        #expect(log.files.map(\.outcome) == [.added, .alreadyThere, .added])
        #expect(log.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["run.fit", "run.fit.gz", "reps.gpx"])
        #expect(log.files[0].contentHash == log.files[1].contentHash)
    }

    /// A run changed after its import (new size and time) is read again; its old record stays.
    @Test func changedFileIsReadAgain() async throws {
        let folder = try ImportFixtures.folder("changed")
        defer { ImportFixtures.remove(folder) }
        let url = try ImportFixtures.write(ImportFixtures.run(seconds: 600), "run.fit", in: folder)
        let database = ImportFixtures.database(in: folder, "other.sqlite")
        _ = try await ImportFixtures.importJSON([url.path], database: database)
        try ImportFixtures.run(seconds: 700).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: url.path)
        let summary = try await ImportFixtures.importJSON([url.path], database: database)
        #expect(Self.count(summary, "added") == 1)
        #expect(Self.count(summary, "unchanged") == 0)
        let log = try await ImportFixtures.contents(database)
        #expect(log.activities.count == 2)
        #expect(log.files.count == 2)
    }

    /// A corrupt file among good ones is skipped with its reason, recorded, and not read again;
    /// the good ones are imported; a file that does not look like an activity is ignored.
    @Test func corruptFileIsSkippedWithItsReason() async throws {
        let folder = try ImportFixtures.folder("corrupt")
        defer { ImportFixtures.remove(folder) }
        let archive = folder.appendingPathComponent("archive")
        for (index, seconds) in [600, 700, 800].enumerated() {
            try ImportFixtures.write(ImportFixtures.run(seconds: seconds), "run-\(index).fit", in: archive)
        }
        try ImportFixtures.write(ImportFixtures.damaged(ImportFixtures.run(seconds: 650)), "broken.fit", in: archive)
        try ImportFixtures.write(Data("<gpx><trk><trkseg><trkpt lat=\"1\"".utf8), "cut.gpx", in: archive)
        try ImportFixtures.write(Data("a shopping list\n".utf8), "notes.txt", in: archive)
        let database = ImportFixtures.database(in: folder)

        let summary = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(summary, "files") == 5, "notes.txt is not an activity file and is left alone")
        #expect(Self.count(summary, "added") == 3)
        #expect(Self.count(summary, "skipped") == 2)
        let skipped = try #require(summary["skippedFiles"] as? [[String: String]])
        #expect(skipped.map { URL(fileURLWithPath: $0["path"] ?? "").lastPathComponent } == ["broken.fit", "cut.gpx"])
        let reasons = skipped.compactMap { $0["reason"] }
        #expect(reasons.count == 2)
        #expect(reasons[0].hasPrefix(archive.appendingPathComponent("broken.fit").path + ": "), "\(reasons[0])")
        #expect(reasons[0].contains("byte"), "a FIT error names its byte offset: \(reasons[0])")
        #expect(reasons[1].contains("cut.gpx:1:"), "an XML error names its line: \(reasons[1])")
        #expect(reasons.allSatisfy { !$0.contains("\n") })

        let log = try await ImportFixtures.contents(database)
        #expect(log.activities.count == 3)
        #expect(log.files.filter { $0.outcome == .skipped }.map(\.detail) == reasons)
        let again = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(again, "unchanged") == 5)
        #expect(Self.count(again, "skipped") == 0)
    }

    /// Folders are read with their subfolders, extensions in any case and gzip-compressed, in the
    /// same sorted order every time; hidden entries are left out and a link back up ends.
    @Test func foldersAreReadRecursively() throws {
        let folder = try ImportFixtures.folder("recursive")
        defer { ImportFixtures.remove(folder) }
        let fit = ImportFixtures.run(seconds: 300)
        for name in ["b/2024/02/run.FIT", "b/2024/01/run.fit.GZ", "a/track.gpx", "a/z/ride.TCX", "c.fit",
                     ".hidden/run.fit", "a/.run.fit", "a/readme.md", "a/run.fit.bak"] {
            try ImportFixtures.write(fit, name, in: folder)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b/2024/up").path,
                                                   withDestinationPath: folder.path)
        let inputs = try ImportInputs.collect([folder.path])
        let names = inputs.compactMap { input -> String? in
            guard case .file(let candidate, let named) = input, !named else { return nil }
            return String(candidate.path.dropFirst(folder.path.count + 1))
        }
        #expect(names == ["a/track.gpx", "a/z/ride.TCX", "b/2024/01/run.fit.GZ", "b/2024/02/run.FIT", "c.fit"])
        #expect(inputs.count == names.count, "each file once, the linked folder walked once")
    }

    /// An archive that cannot be read is skipped with a reason naming it, is not recorded (so a
    /// later import tries it again), and does not stop the import of the files beside it.
    @Test func unreadableArchiveIsSkippedAndNotRecorded() async throws {
        let folder = try ImportFixtures.folder("archive")
        defer { ImportFixtures.remove(folder) }
        let archive = folder.appendingPathComponent("export")
        let zip = try ImportFixtures.write(Data("PK this is not a zip archive".utf8), "export.ZIP", in: archive)
        try ImportFixtures.write(ImportFixtures.run(seconds: 520), "run.fit", in: archive)
        let database = ImportFixtures.database(in: folder)
        let summary = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(summary, "added") == 1)
        #expect(Self.count(summary, "skipped") == 1)
        let skipped = try #require(summary["skippedFiles"] as? [[String: String]])
        #expect(skipped.first?["path"] == zip.path)
        #expect(skipped.first?["reason"]?.hasPrefix(zip.path + ": ") == true, "\(skipped)")
        let log = try await ImportFixtures.contents(database)
        #expect(log.files.map(\.path) == [archive.appendingPathComponent("run.fit").path])
    }

    /// A zip in Strava's layout (`activities.csv` naming `activities/*.fit.gz`), made with the
    /// `zip` tool: its runs are imported with the csv's names, recorded as `export.zip/member`,
    /// and a second import recognises every member without inflating it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zip"), "the zip tool is installed"))
    func stravaExportIsImportedWithItsNames() async throws {
        let folder = try ImportFixtures.folder("strava")
        defer { ImportFixtures.remove(folder) }
        let export = folder.appendingPathComponent("export")
        let fit = ImportFixtures.run(seconds: 640)
        try ImportFixtures.write(try Gzip.compress(fit), "activities/101.fit.gz", in: export)
        try ImportFixtures.write(ImportFixtures.run(seconds: 660), "activities/102.fit", in: export)
        try ImportFixtures.write(Data("""
            Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Distance
            101,"Nov 1, 2026, 7:00:00 AM","Track: 6 x 200m",Run,,640,1.92,activities/101.fit.gz,1920
            102,"Nov 3, 2026, 7:00:00 AM",Easy loop,Run,,660,1.98,activities/102.fit,1980
            """.utf8), "activities.csv", in: export)
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.currentDirectoryURL = export
        zip.arguments = ["-q", "-r", "../export.zip", "."]
        try zip.run()
        zip.waitUntilExit()
        #expect(zip.terminationStatus == 0)
        let archive = folder.appendingPathComponent("export.zip")
        try ImportFixtures.write(fit, "loose/101.fit", in: folder)
        let database = ImportFixtures.database(in: folder)

        let summary = try await ImportFixtures.importJSON([archive.path, folder.appendingPathComponent("loose").path], database: database)
        #expect(Self.count(summary, "added") == 2)
        #expect(Self.count(summary, "alreadyThere") == 1, "the loose .fit is the export's first run")
        let log = try await ImportFixtures.contents(database)
        #expect(log.files.map(\.path).sorted() == [archive.path + "/activities/101.fit.gz", archive.path + "/activities/102.fit",
                                                    folder.appendingPathComponent("loose/101.fit").path].sorted())
        let store = try await DatabaseLocation(url: database).open()
        let runner = try await store.defaultAthlete()
        let names = try await store.activities(for: runner.id, in: nil).compactMap(\.name).sorted()
        await store.close()
        #expect(names == ["Easy loop", "Track: 6 x 200m"])
        let again = try await ImportFixtures.importJSON([archive.path], database: database)
        #expect(Self.count(again, "unchanged") == 2)
        #expect(Self.count(again, "added") == 0)
    }

    /// A named file is tried whatever its extension: content decides.
    @Test func namedFileIsTriedWhateverItsName() async throws {
        let folder = try ImportFixtures.folder("named")
        defer { ImportFixtures.remove(folder) }
        let url = try ImportFixtures.write(ImportFixtures.run(seconds: 420), "download.bin", in: folder)
        let summary = try await ImportFixtures.importJSON([url.path, url.path], database: ImportFixtures.database(in: folder))
        #expect(Self.count(summary, "added") == 1)
        #expect(Self.count(summary, "files") == 1, "a path given twice is read once")
    }

    /// A path that does not exist ends the command with 66 and one line, before the log is touched.
    @Test func missingPathExitsNoInput() async throws {
        let folder = try ImportFixtures.folder("missing")
        defer { ImportFixtures.remove(folder) }
        let good = try ImportFixtures.write(ImportFixtures.run(seconds: 500), "run.fit", in: folder)
        let missing = folder.appendingPathComponent("nope").path
        let command = try #require(try SpeedworkCommand.parseAsRoot(
            ["import", good.path, missing, "--database", ImportFixtures.database(in: folder)]) as? ImportCommand)
        do {
            _ = try await command.render(environment: [:])
            Issue.record("a missing path was accepted")
        } catch {
            let (status, message) = CommandLineRun.describe(error)
            #expect(status == ExitStatus.noInput.rawValue)
            #expect(message == "\(InputError.quoted(missing)) does not exist")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("log.sqlite").path), "nothing was written")
    }

    /// The built executable: exit 66 with one line for a missing path, 64 without any path, 0 with skips.
    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"))
    func executableExitStatuses() throws {
        let folder = try ImportFixtures.folder("exit")
        defer { ImportFixtures.remove(folder) }
        let database = ImportFixtures.database(in: folder)
        var result = try ExecutableErrorTests.run(["import", folder.appendingPathComponent("nope.fit").path, "--database", database])
        #expect(result.status == ExitStatus.noInput.rawValue)
        #expect(result.error.hasSuffix("nope.fit' does not exist\n"))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
        result = try ExecutableErrorTests.run(["import", "--database", database])
        #expect(result.status == ExitStatus.usage.rawValue)
        let bad = try ImportFixtures.write(Data("not a run".utf8), "bad.fit", in: folder)
        try ImportFixtures.write(ImportFixtures.run(seconds: 450), "good.fit", in: folder)
        result = try ExecutableErrorTests.run(["import", folder.path, "--database", database])
        #expect(result.status == ExitStatus.success.rawValue)
        #expect(result.error.isEmpty, "no progress bar when standard error is not a terminal: \(result.error)")
        #expect(result.output.contains("Added       1 activity"))
        #expect(result.output.contains("Skipped     1 file\n  \(bad.path): not a FIT, GPX, TCX or gzip file"))
    }

    /// The text lists at most 20 skipped files and says how many more; JSON lists all.
    @Test func summaryCapsTheSkippedList() throws {
        var summary = ImportSummary(database: "/tmp/log.sqlite")
        for index in 1...25 { summary.skip("/runs/\(index).fit", "/runs/\(index).fit: not a FIT, GPX, TCX or gzip file") }
        let lines = summary.text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("  /runs/") }.count == 20)
        #expect(lines.last == "  … and 5 more (--json lists them all)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONOutput.render(summary).utf8)) as? [String: Any])
        #expect((json["skippedFiles"] as? [Any])?.count == 25)
        #expect(json["skipped"] as? Int == 25)
    }

    /// The progress line: 12 of 48 MB in 3 s is a quarter done at 4 MB/s, 9 s left.
    @Test func progressLineReadsRight() {
        var progress = ImportProgress(totalFiles: 400, totalBytes: 48_000_000, terminal: false)
        for _ in 0..<100 { progress.advance(bytes: 120_000) }
        #expect(progress.line(elapsedSeconds: 3) == "[######------------------]  100/400 files  12.0/48.0 MB  4.0 MB/s  ETA 0:09")
        #expect(ImportProgress.written(3_725) == "1:02:05")
    }
}
