import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `ImportJobStore` must do (issue 12; docs/server.md, "Import jobs"): jobs
/// claimed oldest first, one worker at a time, a lease that only its holder renews or ends, expired
/// leases claimed again, and a job read only by its own runner. On SQLite always and on PostgreSQL
/// when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct ImportJobStoreContractTests {
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)
    /// A lease cut-off long before any claim here, so no running job counts as abandoned.
    private static let never = Date(timeIntervalSince1970: 0)

    @Test(arguments: Engine.available)
    func aJobIsClaimedOnceRenewedAndFinishedByItsWorkerOnly(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.appliedMigrations().contains("0008-import-jobs"))
            let ana = try await store.addAthlete(handle: "ana", name: "Ana").id
            let bob = try await store.addAthlete(handle: "bob", name: "Bob").id
            let first = ImportJob(athlete: ana, folder: "/data/uploads/1", files: ["run.fit", "export (2).zip"], createdAt: Self.t0)
            let second = ImportJob(athlete: bob, folder: "/data/uploads/2", files: ["track.gpx"], createdAt: Self.t0.addingTimeInterval(1))
            try await store.enqueue(second)
            try await store.enqueue(first)

            // Read back as queued by its own runner only.
            let queued = try await store.importJob(first.id, for: ana)
            #expect(queued == first)
            #expect(queued?.state == .queued)
            #expect(queued?.files == ["run.fit", "export (2).zip"])
            #expect(try await store.importJob(first.id, for: bob) == nil)
            #expect(try await store.importJob(UUID(), for: ana) == nil)

            // The oldest is claimed first, whichever was queued first.
            let claimed = try #require(try await store.claimImportJob(worker: "w1", at: Self.t0.addingTimeInterval(2), leaseExpiredBefore: Self.never))
            #expect(claimed.id == first.id)
            #expect(claimed.state == .running)
            #expect(claimed.claimedBy == "w1")
            #expect(claimed.attempts == 1)

            // Only the holder renews its lease.
            #expect(try await store.recordImportProgress(first.id, worker: "w1", filesDone: 3, filesTotal: 41, at: Self.t0.addingTimeInterval(3)))
            #expect(try await store.recordImportProgress(first.id, worker: "w2", filesDone: 9, filesTotal: 41, at: Self.t0.addingTimeInterval(3)) == false)
            let running = try await store.importJob(first.id, for: ana)
            #expect(running?.filesDone == 3)
            #expect(running?.filesTotal == 41)
            #expect(running?.claimedAt.map { abs($0.timeIntervalSince(Self.t0.addingTimeInterval(3))) < 0.001 } == true)

            // The next claim takes Bob's; then nothing is left while both leases hold.
            let next = try await store.claimImportJob(worker: "w2", at: Self.t0.addingTimeInterval(4), leaseExpiredBefore: Self.never)
            #expect(next?.id == second.id)
            #expect(try await store.claimImportJob(worker: "w3", at: Self.t0.addingTimeInterval(4), leaseExpiredBefore: Self.never) == nil)

            let result = ImportJob.Result(files: 41, added: 38, alreadyThere: 2,
                                          skipped: [.init(file: "export (2).zip/activities/7.fit", reason: "the file is cut short")],
                                          activities: ["aa11", "bb22"])
            #expect(try await store.finishImportJob(first.id, worker: "w2", outcome: .done(result), at: Self.t0.addingTimeInterval(5)) == false)
            #expect(try await store.finishImportJob(first.id, worker: "w1", outcome: .done(result), at: Self.t0.addingTimeInterval(5)))
            #expect(try await store.finishImportJob(first.id, worker: "w1", outcome: .failed("late"), at: Self.t0.addingTimeInterval(6)) == false)
            let done = try #require(try await store.importJob(first.id, for: ana))
            #expect(done.state == .done)
            #expect(done.result == result)
            #expect(done.filesDone == 41 && done.filesTotal == 41)
            #expect(done.failure == nil)
            #expect(done.finishedAt.map { abs($0.timeIntervalSince(Self.t0.addingTimeInterval(5))) < 0.001 } == true)

            #expect(try await store.finishImportJob(second.id, worker: "w2", outcome: .failed("the database cannot be reached"),
                                                    at: Self.t0.addingTimeInterval(7)))
            let failed = try #require(try await store.importJob(second.id, for: bob))
            #expect(failed.state == .failed)
            #expect(failed.failure == "the database cannot be reached")
            #expect(failed.result == nil)
            // Finished jobs are never claimed again, however old their lease.
            #expect(try await store.claimImportJob(worker: "w3", at: Self.t0.addingTimeInterval(99), leaseExpiredBefore: Self.t0.addingTimeInterval(98)) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func anExpiredLeaseIsClaimedAgainAndItsOldWorkerLosesIt(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let ana = try await store.addAthlete(handle: "ana", name: "Ana").id
            let job = ImportJob(athlete: ana, folder: "/data/uploads/1", files: ["big.zip"], createdAt: Self.t0)
            try await store.enqueue(job)
            let t1 = Self.t0.addingTimeInterval(10)
            #expect(try await store.claimImportJob(worker: "crashed", at: t1, leaseExpiredBefore: Self.never)?.id == job.id)
            #expect(try await store.recordImportProgress(job.id, worker: "crashed", filesDone: 120, filesTotal: 200, at: t1))

            // A lease renewed at exactly the cut-off still holds; one renewed before it has expired.
            #expect(try await store.claimImportJob(worker: "w2", at: t1.addingTimeInterval(30), leaseExpiredBefore: t1) == nil)
            let again = try #require(try await store.claimImportJob(worker: "w2", at: t1.addingTimeInterval(30),
                                                                    leaseExpiredBefore: t1.addingTimeInterval(0.001)))
            #expect(again.id == job.id)
            #expect(again.claimedBy == "w2")
            #expect(again.attempts == 2)
            #expect(again.filesDone == 120)

            // The first worker's late writes are refused.
            #expect(try await store.recordImportProgress(job.id, worker: "crashed", filesDone: 121, filesTotal: 200, at: t1.addingTimeInterval(31)) == false)
            #expect(try await store.finishImportJob(job.id, worker: "crashed", outcome: .failed("x"), at: t1.addingTimeInterval(31)) == false)
            #expect(try await store.releaseImportJob(job.id, worker: "crashed") == false)

            // Released by its holder, it is queued again for anyone.
            #expect(try await store.releaseImportJob(job.id, worker: "w2"))
            #expect(try await store.importJob(job.id, for: ana)?.state == .queued)
            let third = try await store.claimImportJob(worker: "w3", at: t1.addingTimeInterval(40), leaseExpiredBefore: Self.never)
            #expect(third?.claimedBy == "w3")
            #expect(third?.attempts == 3)
        }
    }

    @Test(arguments: Engine.available)
    func concurrentClaimersNeverGetTheSameJob(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            // Two stores on one database, as two server processes have.
            let stores: [any ServerStore] = [try await database.location.openServerStore(), try await database.location.openServerStore()]
            let athlete = try await stores[0].addAthlete(handle: "ana", name: "Ana").id
            let jobs = (0..<60).map { index in
                ImportJob(athlete: athlete, folder: "/data/uploads/\(index)", files: ["\(index).fit"],
                          createdAt: Self.t0.addingTimeInterval(Double(index % 7)))
            }
            for (index, job) in jobs.enumerated() { try await stores[index % 2].enqueue(job) }

            let claims = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for claimer in 0..<8 {
                    let store = stores[claimer % 2]
                    group.addTask {
                        var mine: [UUID] = []
                        while let job = try await store.claimImportJob(worker: "w\(claimer)", at: Date(), leaseExpiredBefore: Self.never) {
                            #expect(job.claimedBy == "w\(claimer)")
                            mine.append(job.id)
                        }
                        return mine
                    }
                }
                var all: [UUID] = []
                for try await mine in group { all += mine }
                return all
            }
            #expect(claims.count == jobs.count)
            #expect(Set(claims) == Set(jobs.map(\.id)))
            for job in jobs {
                let stored = try await stores[0].importJob(job.id, for: athlete)
                #expect(stored?.state == .running)
                #expect(stored?.attempts == 1)
            }
            for store in stores { await store.close() }
        }
    }
}
