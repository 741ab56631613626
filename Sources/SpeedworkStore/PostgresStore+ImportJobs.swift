import Foundation
import PostgresNIO

/// Import jobs on PostgreSQL (issue 12; ``ImportJobStore``): a claim selects the oldest claimable
/// row `FOR UPDATE SKIP LOCKED` and marks it in the same transaction, so workers of several server
/// processes on one database each take a different job without waiting on one another.
extension PostgresStore: ImportJobStore {
    private typealias JobColumns = (String, String, String, String, String, Int, Int, Int?, Int?, String?, String?, String?,
                                    String?, Int64?, Int, Int64, Int64?)

    private static func job(_ c: JobColumns, location: String) throws -> ImportJob {
        try ImportJobColumns.job(id: c.0, athlete: c.1, folder: c.2, files: c.3, state: c.4, filesDone: c.5, filesTotal: c.6,
                                 added: c.7, alreadyThere: c.8, skipped: c.9, activities: c.10, failure: c.11, claimedBy: c.12,
                                 claimedAt: c.13, attempts: c.14, createdAt: c.15, finishedAt: c.16, location: location)
    }

    public func enqueue(_ job: ImportJob) async throws {
        let (id, files, created) = (StoreRecords.key(job.id), ImportJobColumns.json(job.files), StoredTime.milliseconds(job.createdAt))
        _ = try await run {
            try await client.query("""
                INSERT INTO import_jobs (id, athlete_id, folder, files, state, files_done, files_total, attempts, created_at)
                VALUES (\(id), \(job.athlete.rawValue), \(job.folder), \(files), 'queued', 0, 0, 0, \(created))
                """, logger: logger)
        }
    }

    public func claimImportJob(worker: String, at now: Date, leaseExpiredBefore: Date) async throws -> ImportJob? {
        let (moment, expiry) = (StoredTime.milliseconds(now), StoredTime.milliseconds(leaseExpiredBefore))
        let (logger, location) = (logger, location)
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> ImportJob? in
                var found: String?
                for try await (id) in try await connection.query("""
                    SELECT id FROM import_jobs WHERE state = 'queued' OR (state = 'running' AND claimed_at < \(expiry))
                    ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """, logger: logger).decode(String.self) {
                    found = id
                }
                guard let found else { return nil }
                for try await columns in try await connection.query("""
                    UPDATE import_jobs SET state = 'running', claimed_by = \(worker), claimed_at = \(moment), attempts = attempts + 1
                    WHERE id = \(found) RETURNING \(unescaped: ImportJobColumns.list)
                    """, logger: logger).decode(JobColumns.self) {
                    return try PostgresStore.job(columns, location: location)
                }
                return nil
            }
        }
    }

    public func recordImportProgress(_ id: UUID, worker: String, filesDone: Int, filesTotal: Int, at now: Date) async throws -> Bool {
        let (key, moment) = (StoreRecords.key(id), StoredTime.milliseconds(now))
        return try await run {
            try await PostgresStore.count(client.query("""
                UPDATE import_jobs SET claimed_at = \(moment), files_done = \(filesDone), files_total = \(filesTotal)
                WHERE id = \(key) AND claimed_by = \(worker) AND state = 'running' RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func finishImportJob(_ id: UUID, worker: String, outcome: ImportJobOutcome, at now: Date) async throws -> Bool {
        let end = ImportJobColumns.finish(outcome)
        let (key, moment) = (StoreRecords.key(id), StoredTime.milliseconds(now))
        return try await run {
            try await PostgresStore.count(client.query("""
                UPDATE import_jobs SET state = \(end.state), files_done = COALESCE(\(end.files), files_done),
                    files_total = COALESCE(\(end.files), files_total), added = \(end.added), already_there = \(end.alreadyThere),
                    skipped = \(end.skipped), activities = \(end.activities), failure = \(end.failure), finished_at = \(moment)
                WHERE id = \(key) AND claimed_by = \(worker) AND state = 'running' RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func releaseImportJob(_ id: UUID, worker: String) async throws -> Bool {
        let key = StoreRecords.key(id)
        return try await run {
            try await PostgresStore.count(client.query("""
                UPDATE import_jobs SET state = 'queued', claimed_by = NULL, claimed_at = NULL
                WHERE id = \(key) AND claimed_by = \(worker) AND state = 'running' RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func importJob(_ id: UUID, for athlete: AthleteID) async throws -> ImportJob? {
        let key = StoreRecords.key(id)
        return try await run {
            for try await columns in try await client.query("""
                SELECT \(unescaped: ImportJobColumns.list) FROM import_jobs WHERE id = \(key) AND athlete_id = \(athlete.rawValue)
                """, logger: logger).decode(JobColumns.self) {
                return try PostgresStore.job(columns, location: location)
            }
            return nil
        }
    }
}
