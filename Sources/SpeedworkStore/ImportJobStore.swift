import Foundation

/// Background imports as durable jobs (issue 12; docs/server.md, "Import jobs"): uploads are queued
/// in the database, and any worker of any server process on the same log claims them one at a time
/// under a lease. Both engines implement it and pass the same contract suite; a claim is atomic, so
/// two claimers never hold the same job.
public protocol ImportJobStore: Sendable {
    /// Stores a new queued job.
    func enqueue(_ job: ImportJob) async throws
    /// Claims the oldest job that is queued, or running under a lease renewed before
    /// `leaseExpiredBefore` (its worker stopped): marks it running for `worker` at `now`, counts the
    /// attempt, and returns it; nil when there is none. PostgreSQL takes the row with
    /// `SELECT … FOR UPDATE SKIP LOCKED`, SQLite in one `UPDATE … RETURNING` inside `BEGIN IMMEDIATE`.
    func claimImportJob(worker: String, at now: Date, leaseExpiredBefore: Date) async throws -> ImportJob?
    /// Renews `worker`'s lease on a running job at `now` and records how far it got; false when the
    /// worker no longer holds it (its lease expired and another worker claimed it).
    func recordImportProgress(_ id: UUID, worker: String, filesDone: Int, filesTotal: Int, at now: Date) async throws -> Bool
    /// Ends a running job held by `worker` at `now` with `outcome`; false when the worker no longer holds it.
    func finishImportJob(_ id: UUID, worker: String, outcome: ImportJobOutcome, at now: Date) async throws -> Bool
    /// Puts a running job held by `worker` back in the queue (the process is stopping); false when
    /// the worker no longer holds it.
    func releaseImportJob(_ id: UUID, worker: String) async throws -> Bool
    /// The job `id` when it is `athlete`'s; nil for another runner's, as for none.
    func importJob(_ id: UUID, for athlete: AthleteID) async throws -> ImportJob?
}
