import Foundation
import GRDB

/// Failed log-ins on SQLite (issue 12; ``LoginFailureStore``): the admit step runs in a
/// `BEGIN IMMEDIATE` transaction, so processes sharing the file take turns.
extension SQLiteStore: LoginFailureStore {
    public func admitLogin(_ limits: [LoginLimit], window: TimeInterval, at now: Date) async throws -> LoginAdmission {
        let moment = StoredTime.milliseconds(now)
        let since = moment - Int64((window * 1000).rounded())
        return try await immediately { db in
            var wait: Int64 = 0
            for limit in limits {
                let key = LoginLimit.stored(limit.key)
                try db.execute(sql: "DELETE FROM login_failures WHERE key = ? AND at <= ?", arguments: [key, since])
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failures WHERE key = ?", arguments: [key]) ?? 0
                guard count >= limit.limit else { continue }
                // The failure whose leaving brings the count under the limit.
                let freeing = try Int64.fetchOne(db, sql: "SELECT at FROM login_failures WHERE key = ? ORDER BY at LIMIT 1 OFFSET ?",
                                                 arguments: [key, count - limit.limit]) ?? moment
                wait = max(wait, freeing - since)
            }
            if wait > 0 { return .refused(retryAfter: TimeInterval(wait) / 1000) }
            let attempt = UUID()
            for key in Set(limits.map { LoginLimit.stored($0.key) }) {
                try db.execute(sql: "INSERT INTO login_failures (attempt, key, at) VALUES (?, ?, ?)",
                               arguments: [StoreRecords.key(attempt), key, moment])
            }
            return .admitted(attempt: attempt)
        }
    }

    public func loginSucceeded(_ attempt: UUID, forgetting key: String) async throws {
        try await writing { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE attempt = ? OR key = ?",
                           arguments: [StoreRecords.key(attempt), LoginLimit.stored(key)])
        }
    }

    public func pruneLoginFailures(before moment: Date) async throws -> Int {
        try await writing { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE at <= ?", arguments: [StoredTime.milliseconds(moment)])
            return db.changesCount
        }
    }
}
