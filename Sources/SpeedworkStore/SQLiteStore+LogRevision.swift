import Foundation
import GRDB

/// The runner's log revision on SQLite (``TrainingStore/logRevision(for:)``, migration
/// `0011-log-revision`).
extension SQLiteStore {
    /// Read on every cached request, so read on the calling thread: one statement, prepared once per
    /// connection, outside a transaction (a single SELECT sees one snapshot), with no hand-off to the
    /// reader's queue and back (docs/server.md, "Under load").
    public func logRevision(for athlete: AthleteID) async throws -> Int64 {
        try readingHere { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT revision FROM log_revisions WHERE athlete_id = ?"),
                               arguments: [athlete.rawValue]) ?? 0
        }
    }

    public func publishRevision(for athlete: AthleteID) async throws -> Int64 {
        try await writing { db in
            try SQLiteStore.raiseRevision(db, for: athlete)
            return try Int64.fetchOne(db, sql: "SELECT revision FROM log_revisions WHERE athlete_id = ?", arguments: [athlete.rawValue]) ?? 0
        }
    }

    /// Raises the runner's revision by one inside the write transaction `db` is in.
    static func raiseRevision(_ db: Database, for athlete: AthleteID) throws {
        try db.execute(sql: LogRevisionSQL.raise, arguments: [athlete.rawValue])
    }
}

/// The statement both engines raise a revision with: the first write of a runner stores 1.
enum LogRevisionSQL {
    /// One placeholder, the athlete's key (`?` on SQLite).
    static let raise = """
        INSERT INTO log_revisions (athlete_id, revision) VALUES (?, 1)
        ON CONFLICT (athlete_id) DO UPDATE SET revision = log_revisions.revision + 1
        """
}
