import Foundation
import PostgresNIO

/// The runner's log revision on PostgreSQL (``TrainingStore/logRevision(for:)``, migration
/// `0011-log-revision`). The raise takes the row's lock until the write commits, so writes of two
/// processes for one runner each get their own revision.
extension PostgresStore {
    public func logRevision(for athlete: AthleteID) async throws -> Int64 {
        try await run {
            for try await (revision) in try await client.query(
                "SELECT revision FROM log_revisions WHERE athlete_id = \(athlete.rawValue)", logger: logger).decode(Int64.self) {
                return revision
            }
            return 0
        }
    }

    public func publishRevision(for athlete: AthleteID) async throws -> Int64 {
        try await run {
            for try await (revision) in try await client.query("""
                INSERT INTO log_revisions (athlete_id, revision) VALUES (\(athlete.rawValue), 1)
                ON CONFLICT (athlete_id) DO UPDATE SET revision = log_revisions.revision + 1
                RETURNING revision
                """, logger: logger).decode(Int64.self) {
                return revision
            }
            throw StoreError.engine(location: location, reason: "the raised revision was not returned")
        }
    }

    /// Raises the runner's revision by one inside the transaction `connection` is in.
    static func raiseRevision(_ connection: PostgresConnection, for athlete: AthleteID, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO log_revisions (athlete_id, revision) VALUES (\(athlete.rawValue), 1)
            ON CONFLICT (athlete_id) DO UPDATE SET revision = log_revisions.revision + 1
            """, logger: logger)
    }
}
