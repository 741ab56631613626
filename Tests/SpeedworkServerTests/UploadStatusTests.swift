import Foundation
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// An upload as its page and JSON show it, read from its import job (issue 11, upload; issue 12).
struct UploadStatusTests {
    static let ana = AthleteID(rawValue: "ana")

    @Test func aJobReadsAsTheUploadInEachState() {
        var job = ImportJob(athlete: Self.ana, folder: "uploads/u1", files: ["a.fit", "b.zip"],
                            createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        var upload = Upload(job: job)
        #expect(upload.status == .queued)
        #expect(upload.files == ["a.fit", "b.zip"])
        // Until a worker counts the archive's members, the files in all are the files sent.
        #expect(upload.filesTotal == 2)
        #expect(upload.tally == nil)

        job.state = .running
        job.filesDone = 7
        job.filesTotal = 41
        upload = Upload(job: job)
        #expect(upload.status == .importing)
        #expect(upload.statusLine == "importing: 7 of 41 files")

        job.state = .done
        job.result = ImportJob.Result(files: 41, added: 39, alreadyThere: 1, skipped: [.init(file: "b.zip/x.fit", reason: "cut short")],
                                      activities: ["h1", "h2"])
        upload = Upload(job: job)
        #expect(upload.status == .done)
        #expect(upload.tally == ImportTally(files: 41, added: 39, alreadyThere: 1, skipped: [.init(file: "b.zip/x.fit", reason: "cut short")],
                                            activities: ["h1", "h2"]))
        #expect(upload.json.id == job.id.uuidString.lowercased())
        #expect(upload.json.added == 39)

        job.state = .failed
        job.result = nil
        job.failure = "the uploaded files are no longer on the server: upload them again"
        upload = Upload(job: job)
        #expect(upload.status == .failed)
        #expect(upload.json.reason == job.failure)
    }

    @Test func anUploadFolderIsStoredRelativeToTheDataFolder() {
        #expect(UploadPages.relative("/data/uploads/u1", to: "/data") == "uploads/u1")
        #expect(UploadPages.relative("/data/uploads/u1", to: "/data/") == "uploads/u1")
        #expect(UploadPages.relative("/elsewhere/u1", to: "/data") == "/elsewhere/u1")
        let job = ImportJob(athlete: Self.ana, folder: "uploads/u1", files: [])
        #expect(ImportWorkers.folder(of: job, in: "/srv/speedwork") == "/srv/speedwork/uploads/u1")
    }

    @Test func theStatusLineEndsInDoneOrFailedWithTheReason() {
        var upload = Upload(id: UUID(), createdAt: Date(), files: ["a.fit", "b.zip"])
        #expect(upload.statusLine == "receiving the files")
        upload.status = .queued
        #expect(upload.statusLine == "waiting for an import worker")
        upload.status = .importing
        upload.filesDone = 3
        upload.filesTotal = 40
        #expect(upload.statusLine == "importing: 3 of 40 files")
        upload.status = .done
        upload.tally = ImportTally(files: 40, added: 38, alreadyThere: 1, skipped: [.init(file: "b.zip/x.fit", reason: "cut short")])
        #expect(upload.statusLine == "40 files read: done")
        #expect(upload.json.skipped.map(\.file) == ["b.zip/x.fit"])
        upload.status = .failed
        upload.failure = "the training log's database cannot be reached; try again shortly"
        #expect(upload.statusLine == "failed: the training log's database cannot be reached; try again shortly")
    }

    @Test func theUploadFolderIsTakenOutOfNamesAndReasons() {
        let tally = ImportTally(files: 2, added: 1, skipped: [.init(file: "/data/uploads/u1/export.zip/a/3.fit",
                                                                    reason: "/data/uploads/u1/export.zip/a/3.fit: FIT file cut short")])
        let named = UploadPages.named(tally, folder: "/data/uploads/u1")
        #expect(named.skipped == [.init(file: "export.zip/a/3.fit", reason: "export.zip/a/3.fit: FIT file cut short")])
        #expect(ActivityPage.withoutUploadFolder(#"{"file":"/data/uploads/u1/run.fit","sport":"running"}"#,
                                                 source: "/data/uploads/u1/run.fit", uploadsFolder: "/data/uploads")
                == #"{"file":"run.fit","sport":"running"}"#)
        #expect(ActivityPage.withoutUploadFolder(#"{"file":"/home/ana/run.fit"}"#, source: "/home/ana/run.fit", uploadsFolder: "/data/uploads")
                == #"{"file":"/home/ana/run.fit"}"#)
    }
}
