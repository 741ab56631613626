import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI
import SpeedworkFiles
import SpeedworkStore
import SpeedworkTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `speedwork import` killed with SIGKILL at seeded random moments, then run to its end: the log
/// holds exactly what a clean import into a fresh log holds (issue 9: crash-safe, resumable).
@Suite("Import crash safety")
struct ImportCrashTests {
    /// Runs in the generated archive.
    static let runs = 300
    /// Files in it: the runs, 12 gzip copies and 8 damaged files.
    static let files = 320

    /// A few hundred runs in nested folders, with gzip copies of some (the same activities) and
    /// a few corrupt files, so every outcome is in the log.
    static func archive(in folder: URL) throws -> URL {
        let archive = folder.appendingPathComponent("archive")
        for index in 0..<runs {
            let fit = ImportFixtures.run(seconds: 60 + index)
            let name = String(format: "%04d/%02d/run-%03d.fit", 2016 + index / 30, index % 12 + 1, index)
            if index % 10 == 3 {
                try ImportFixtures.write(try Gzip.compress(fit), name + ".gz", in: archive)
            } else {
                try ImportFixtures.write(fit, name, in: archive)
            }
            if index % 25 == 0 {
                try ImportFixtures.write(try Gzip.compress(fit), "copies/run-\(index).fit.gz", in: archive)
            }
            if index % 40 == 7 {
                try ImportFixtures.write(ImportFixtures.damaged(fit), "broken/run-\(index).fit", in: archive)
            }
        }
        return archive
    }

    /// Starts the executable importing `archive` into `database`, output discarded.
    static func start(_ binary: URL, _ archive: URL, _ database: String) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", archive.path, "--database", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"))
    func killedImportCompletesToTheCleanLog() async throws {
        let binary = try #require(ExecutableErrorTests.binary)
        let folder = try ImportFixtures.folder("crash")
        defer { ImportFixtures.remove(folder) }
        let archive = try Self.archive(in: folder)
        let clean = ImportFixtures.database(in: folder, "clean.sqlite")
        let killed = ImportFixtures.database(in: folder, "killed.sqlite")

        let reference = try Self.start(binary, archive, clean)
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 0)

        // The log is created by an import of an empty folder, so the test can watch it fill
        // without racing the first run's migrations.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let create = try Self.start(binary, empty, killed)
        create.waitUntilExit()
        #expect(create.terminationStatus == 0)
        let killedPath = folder.appendingPathComponent("killed.sqlite").path

        // Each run is killed once the log records a seeded random number of files (whatever the
        // machine's speed), plus a seeded random 0–150 ms, so kills land between and inside batches.
        var random = SeededGenerator(state: 0x5EED_0009)
        let targets = [10...70, 90...150, 170...230, 250...300].map { Int.random(in: $0, using: &random) }
        var interrupted = 0
        var partial = 0
        for target in targets {
            let process = try Self.start(binary, archive, killed)
            let delay = Int.random(in: 0...150, using: &random)
            let watch = try await KillWatch.run(process, whenRecorded: target, in: killedPath, thenWaitMilliseconds: delay)
            guard watch == .killed else { continue }
            interrupted += 1
            // Whatever the moment, the log holds whole activities, each with its file record.
            let log = try await ImportFixtures.contents(killed)
            let recorded = Set(log.files.compactMap(\.contentHash))
            #expect(log.activities.allSatisfy(recorded.contains), "an activity without its file record")
            #expect(recorded.isSubset(of: Set(log.activities)), "a file record without its activity")
            if !log.files.isEmpty, log.files.count < Self.files { partial += 1 }
        }
        let finish = try Self.start(binary, archive, killed)
        finish.waitUntilExit()
        #expect(finish.terminationStatus == 0)

        let expected = try await ImportFixtures.contents(clean)
        let actual = try await ImportFixtures.contents(killed)
        #expect(interrupted >= 2, "runs were killed before they ended")
        #expect(partial >= 2, "kills left a part of the import saved")
        #expect(expected.activities.count == Self.runs, "\(expected)")
        #expect(expected.files.count == Self.files)
        #expect(expected.files.filter { $0.outcome == .skipped }.count == 8)
        #expect(expected.files.filter { $0.outcome == .alreadyThere }.count == 12)
        #expect(actual.activities == expected.activities, "killed then resumed: \(actual); clean: \(expected)")
        #expect(actual.files == expected.files)
        print("note: import killed \(interrupted) times (\(partial) with a part saved), then completed: \(actual)")
    }
}
