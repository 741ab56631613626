import Foundation
import GRDB

/// Import jobs on SQLite (issue 12; ``ImportJobStore``): a claim is one `UPDATE … RETURNING` of the
/// oldest claimable row inside `BEGIN IMMEDIATE`, which takes the database's write lock first, so
/// processes sharing the file claim one after another and never the same job.
extension SQLiteStore: ImportJobStore {
    private static func job(_ row: Row, location: String) throws -> ImportJob {
        try ImportJobColumns.job(id: row[0], athlete: row[1], folder: row[2], files: row[3], state: row[4], filesDone: row[5],
                                 filesTotal: row[6], added: row[7], alreadyThere: row[8], skipped: row[9], activities: row[10],
                                 failure: row[11], claimedBy: row[12], claimedAt: row[13], attempts: row[14], createdAt: row[15],
                                 finishedAt: row[16], location: location)
    }

    public func enqueue(_ job: ImportJob) async throws {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO import_jobs (id, athlete_id, folder, files, state, files_done, files_total, attempts, created_at)
                VALUES (?, ?, ?, ?, 'queued', 0, 0, 0, ?)
                """, arguments: [StoreRecords.key(job.id), job.athlete.rawValue, job.folder, ImportJobColumns.json(job.files),
                                 StoredTime.milliseconds(job.createdAt)])
        }
    }

    public func claimImportJob(worker: String, at now: Date, leaseExpiredBefore: Date) async throws -> ImportJob? {
        let location = location
        let (moment, expiry) = (StoredTime.milliseconds(now), StoredTime.milliseconds(leaseExpiredBefore))
        // A read first, so idle workers looking every second never take the write lock.
        let waiting = try await reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import_jobs WHERE \(ImportJobColumns.claimable))",
                              arguments: [expiry]) ?? false
        }
        guard waiting else { return nil }
        return try await immediately { db in
            try Row.fetchOne(db, sql: """
                UPDATE import_jobs SET state = 'running', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                WHERE id = (SELECT id FROM import_jobs WHERE \(ImportJobColumns.claimable) ORDER BY created_at, id LIMIT 1)
                RETURNING \(ImportJobColumns.list)
                """, arguments: [worker, moment, expiry]).map { try SQLiteStore.job($0, location: location) }
        }
    }

    public func recordImportProgress(_ id: UUID, worker: String, filesDone: Int, filesTotal: Int, at now: Date) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: """
                UPDATE import_jobs SET claimed_at = ?, files_done = ?, files_total = ?
                WHERE id = ? AND claimed_by = ? AND state = 'running'
                """, arguments: [StoredTime.milliseconds(now), filesDone, filesTotal, StoreRecords.key(id), worker])
            return db.changesCount > 0
        }
    }

    public func finishImportJob(_ id: UUID, worker: String, outcome: ImportJobOutcome, at now: Date) async throws -> Bool {
        let end = ImportJobColumns.finish(outcome)
        return try await writing { db in
            try db.execute(sql: """
                UPDATE import_jobs SET state = ?, files_done = COALESCE(?, files_done), files_total = COALESCE(?, files_total),
                    added = ?, already_there = ?, skipped = ?, activities = ?, failure = ?, finished_at = ?
                WHERE id = ? AND claimed_by = ? AND state = 'running'
                """, arguments: [end.state, end.files, end.files, end.added, end.alreadyThere, end.skipped, end.activities,
                                 end.failure, StoredTime.milliseconds(now), StoreRecords.key(id), worker])
            return db.changesCount > 0
        }
    }

    public func releaseImportJob(_ id: UUID, worker: String) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: """
                UPDATE import_jobs SET state = 'queued', claimed_by = NULL, claimed_at = NULL
                WHERE id = ? AND claimed_by = ? AND state = 'running'
                """, arguments: [StoreRecords.key(id), worker])
            return db.changesCount > 0
        }
    }

    public func importJob(_ id: UUID, for athlete: AthleteID) async throws -> ImportJob? {
        let location = location
        return try await reading { db in
            try Row.fetchOne(db, sql: "SELECT \(ImportJobColumns.list) FROM import_jobs WHERE id = ? AND athlete_id = ?",
                             arguments: [StoreRecords.key(id), athlete.rawValue]).map { try SQLiteStore.job($0, location: location) }
        }
    }
}
