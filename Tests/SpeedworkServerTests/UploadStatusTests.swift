import Foundation
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The uploads the server remembers and the bound on imports at once (issue 11, upload).
struct UploadBoardTests {
    static let ana = AccountID(rawValue: "ana")
    static let bob = AccountID(rawValue: "bob")

    @Test func anUploadIsSeenByItsAccountOnly() {
        let board = UploadBoard()
        let upload = Upload(id: UUID(), account: Self.ana, createdAt: Date(), files: ["run.fit"])
        board.add(upload)
        #expect(board.upload(upload.id, of: Self.ana)?.files == ["run.fit"])
        #expect(board.upload(upload.id, of: Self.bob) == nil)
        board.update(upload.id) { $0.status = .importing }
        #expect(board.upload(upload.id, of: Self.ana)?.status == .importing)
        board.remove(upload.id)
        #expect(board.upload(upload.id, of: Self.ana) == nil)
    }

    @Test func pastTheLimitTheOldestFinishedUploadsAreForgotten() {
        let board = UploadBoard()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var first: [UUID] = []
        for index in 0..<UploadBoard.remembered {
            var upload = Upload(id: UUID(), account: Self.ana, createdAt: start.addingTimeInterval(Double(index)), files: [])
            upload.status = index == 0 ? .importing : .done
            board.add(upload)
            if index < 3 { first.append(upload.id) }
        }
        board.add(Upload(id: UUID(), account: Self.ana, createdAt: start.addingTimeInterval(5_000), files: []))
        board.add(Upload(id: UUID(), account: Self.ana, createdAt: start.addingTimeInterval(5_001), files: []))
        // The unfinished oldest stays; the two oldest finished ones make room.
        #expect(board.upload(first[0], of: Self.ana) != nil)
        #expect(board.upload(first[1], of: Self.ana) == nil)
        #expect(board.upload(first[2], of: Self.ana) == nil)
    }

    @Test func theStatusLineEndsInDoneOrFailedWithTheReason() {
        var upload = Upload(id: UUID(), account: Self.ana, createdAt: Date(), files: ["a.fit", "b.zip"])
        #expect(upload.statusLine == "receiving the files")
        upload.status = .queued
        #expect(upload.statusLine == "waiting for an import slot")
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

    @Test func importSlotsLetNoMoreThanTheLimitRunAtOnce() async {
        let slots = ImportSlots(limit: 1)
        await slots.acquire()
        let entered = Flag()
        let waiter = Task {
            await slots.acquire()
            await entered.set()
            await slots.release()
        }
        for _ in 0..<200 { await Task.yield() }
        #expect(await entered.value == false)
        await slots.release()
        await waiter.value
        #expect(await entered.value == true)
        // Free again: a new import takes the slot at once.
        await slots.acquire()
        await slots.release()
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

/// A flag set from another task.
actor Flag {
    private(set) var value = false
    func set() { value = true }
}
