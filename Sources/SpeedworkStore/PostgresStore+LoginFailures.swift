import Foundation
import PostgresNIO

/// Failed log-ins on PostgreSQL (issue 12; ``LoginFailureStore``): the admit step holds an
/// advisory transaction lock on each of its keys, taken in one order by every process, so the
/// count it reads cannot change before its own failure rows are in.
extension PostgresStore: LoginFailureStore {
    /// The first half of the log-in keys' advisory lock ids, so they do not meet other advisory locks.
    static let loginLockSpace: Int32 = 0x4C_4F_47_49

    public func admitLogin(_ limits: [LoginLimit], window: TimeInterval, at now: Date) async throws -> LoginAdmission {
        let logger = logger
        let moment = StoredTime.milliseconds(now)
        let since = moment - Int64((window * 1000).rounded())
        let keys = limits.map { (key: LoginLimit.stored($0.key), limit: $0.limit) }
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> LoginAdmission in
                for key in Set(keys.map(\.key)).sorted() {
                    _ = try await PostgresStore.count(connection.query(
                        "SELECT pg_advisory_xact_lock(\(PostgresStore.loginLockSpace), hashtext(\(key)))", logger: logger))
                }
                var wait: Int64 = 0
                for (key, limit) in keys {
                    try await connection.query("DELETE FROM login_failures WHERE key = \(key) AND at <= \(since)", logger: logger)
                    var count = 0
                    for try await found in try await connection.query(
                        "SELECT count(*) FROM login_failures WHERE key = \(key)", logger: logger).decode(Int.self) {
                        count = found
                    }
                    guard count >= limit else { continue }
                    // The failure whose leaving brings the count under the limit.
                    var freeing = moment
                    for try await found in try await connection.query("""
                        SELECT at FROM login_failures WHERE key = \(key) ORDER BY at LIMIT 1 OFFSET \(count - limit)
                        """, logger: logger).decode(Int64.self) {
                        freeing = found
                    }
                    wait = max(wait, freeing - since)
                }
                if wait > 0 { return .refused(retryAfter: TimeInterval(wait) / 1000) }
                let attempt = UUID()
                let id = StoreRecords.key(attempt)
                for key in Set(keys.map(\.key)) {
                    try await connection.query("INSERT INTO login_failures (attempt, key, at) VALUES (\(id), \(key), \(moment))",
                                               logger: logger)
                }
                return .admitted(attempt: attempt)
            }
        }
    }

    public func loginSucceeded(_ attempt: UUID, forgetting key: String) async throws {
        _ = try await run {
            try await client.query("""
                DELETE FROM login_failures WHERE attempt = \(StoreRecords.key(attempt)) OR key = \(LoginLimit.stored(key))
                """, logger: logger)
        }
    }

    public func pruneLoginFailures(before moment: Date) async throws -> Int {
        try await run {
            try await PostgresStore.count(client.query(
                "DELETE FROM login_failures WHERE at <= \(StoredTime.milliseconds(moment)) RETURNING 1", logger: logger))
        }
    }
}
