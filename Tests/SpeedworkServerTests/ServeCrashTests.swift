import Foundation
@testable import SpeedworkCLI
import SpeedworkFiles
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Imports survive the server (issue 12, crash safety): a real `speedwork serve` killed with SIGKILL
/// in the middle of a large archive's import resumes the job when started again, and the log then
/// holds exactly what a clean import of the archive holds.
@Suite("Serve crash safety", .serialized)
struct ServeCrashTests {
    /// Runs in the generated archive.
    static let runs = 200

    /// `runs` different track sessions a day apart, as one stored zip of FIT files from the
    /// project's encoder (a Strava-style export).
    static func archive() throws -> Data {
        let members = try (0..<runs).map { index in
            (path: String(format: "activities/%03d.fit", index),
             bytes: try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(Double(index) * 86_400)))
        }
        return StoredZip.archive(members)
    }

    @Test(.enabled(if: ServeProcess.binary != nil, "the speedwork executable is built beside the tests"))
    func aKilledServerResumesTheImportToTheCleanLog() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-serve-crash-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = try Self.archive()
        let zipPath = folder.appendingPathComponent("export.zip").path
        try zip.write(to: URL(fileURLWithPath: zipPath))

        // The clean import: the same pipeline in-process into a fresh log.
        let clean = try await SQLiteStore.open(path: folder.appendingPathComponent("clean.sqlite").path)
        let cleanRunner = try await clean.defaultAthlete()
        let cleanTally = try await LogFileImporter().importFiles([zipPath], into: clean, for: cleanRunner.id) { _, _ in }
        let expected = try await clean.activities(for: cleanRunner.id, in: nil)
        await clean.close()
        #expect(cleanTally.added == Self.runs)
        #expect(expected.count == Self.runs)

        let database = folder.appendingPathComponent("served.sqlite").path
        let data = folder.appendingPathComponent("data").path
        let log = try await SQLiteStore.open(path: database)
        let token = try await ServeProcess.account(in: log)
        let runner = try await log.defaultAthlete()

        let first = try ServeProcess(database: "sqlite://" + database, dataFolder: data, arguments: ["--import-workers", "1", "--import-lease", "3"])
        let id: String
        var killedAt = 0
        do {
            id = try await first.upload(zip, name: "export.zip", token: token)
            // Killed once the log holds a part of the archive, whatever the machine's speed.
            let deadline = Date().addingTimeInterval(300)
            while Date() < deadline {
                killedAt = try await log.importedFiles(for: runner.id).count
                if killedAt >= 20 { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            first.crash()
        } catch {
            first.crash()
            throw error
        }
        killedAt = try await log.importedFiles(for: runner.id).count
        #expect(killedAt >= 20)
        #expect(killedAt < Self.runs, "the import ended before the kill; the test proves nothing")
        let jobID = try #require(UUID(uuidString: id))
        let job = try #require(try await log.importJob(jobID, for: runner.id))
        #expect(job.state == .running, "the killed process held the job")

        let second = try ServeProcess(database: "sqlite://" + database, dataFolder: data, arguments: ["--import-workers", "1", "--import-lease", "3"])
        let json: [String: Any]
        do {
            json = try await second.finished(id, token: token)
        } catch {
            second.crash()
            throw error
        }
        second.stop()

        #expect(json["status"] as? String == "done", "\(json)")
        let actual = try await log.activities(for: runner.id, in: nil)
        #expect(actual.map(\.contentHash).sorted() == expected.map(\.contentHash).sorted())
        #expect(actual.map(\.start) == expected.map(\.start))
        #expect(actual.map(\.distanceMeters) == expected.map(\.distanceMeters))
        // Every member recorded once, with the activity it holds.
        let files = try await log.importedFiles(for: runner.id)
        #expect(files.count == Self.runs)
        #expect(Set(files.map(\.path)).count == Self.runs)
        #expect(Set(files.compactMap(\.contentHash)) == Set(expected.map(\.contentHash)))
        // The resumed run added what the killed one had not; the upload lists every activity.
        #expect(json["added"] as? Int == Self.runs - killedAt, "\(json)")
        #expect(Set(json["activities"] as? [String] ?? []) == Set(expected.map(\.contentHash)))
        let resumed = try await log.importJob(jobID, for: runner.id)
        #expect(resumed?.attempts == 2)
        #expect(!FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("uploads/\(id)")),
                "the finished job's files are removed")
        await log.close()
        print("note: serve killed with \(killedAt) of \(Self.runs) files imported; resumed to the clean log")
    }
}
