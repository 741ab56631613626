import Foundation
import GRDB

/// The web app's calendar feeds on SQLite (issue 11; ``CalendarFeedStore``).
extension SQLiteStore: CalendarFeedStore {
    static let calendarFeedColumns = "id, account_id, secret_hash, created_at, revoked_at"

    private static func calendarFeed(_ row: Row, location: String) throws -> CalendarFeed {
        CalendarFeed(id: try StoreRecords.uuid(row[0], location, "calendar feed"), account: AccountID(rawValue: row[1]),
                     secretHash: row[2], createdAt: StoredTime.date(row[3]), revokedAt: (row[4] as Int64?).map(StoredTime.date))
    }

    public func startCalendarFeed(_ feed: CalendarFeed) async throws {
        let created = StoredTime.milliseconds(feed.createdAt)
        try await writing { db in
            try db.execute(sql: "UPDATE calendar_feeds SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                           arguments: [created, feed.account.rawValue])
            try db.execute(sql: "INSERT INTO calendar_feeds (\(SQLiteStore.calendarFeedColumns)) VALUES (?, ?, ?, ?, ?)",
                           arguments: [StoreRecords.key(feed.id), feed.account.rawValue, feed.secretHash, created,
                                       feed.revokedAt.map(StoredTime.milliseconds)])
        }
    }

    public func activeCalendarFeed(for account: AccountID) async throws -> CalendarFeed? {
        let location = location
        return try await reading { db in
            try Row.fetchOne(db, sql: """
                SELECT \(SQLiteStore.calendarFeedColumns) FROM calendar_feeds WHERE account_id = ? AND revoked_at IS NULL
                """, arguments: [account.rawValue]).map { try SQLiteStore.calendarFeed($0, location: location) }
        }
    }

    public func activeCalendarFeed(hash secretHash: String) async throws -> (feed: CalendarFeed, account: Account)? {
        let location = location
        let found = try await reading { db -> (CalendarFeed, Account)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT f.id, f.account_id, f.secret_hash, f.created_at, f.revoked_at,
                    a.id, a.login, a.athlete_id, a.password_hash, a.created_at, a.is_coach
                FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
                WHERE f.secret_hash = ? AND f.revoked_at IS NULL
                """, arguments: [secretHash]) else { return nil }
            let account = Account(id: AccountID(rawValue: row[5]), login: row[6], athlete: AthleteID(rawValue: row[7]),
                                  passwordHash: row[8], createdAt: StoredTime.date(row[9]), isCoach: row[10] as Bool)
            return (try SQLiteStore.calendarFeed(row, location: location), account)
        }
        return found.map { (feed: $0.0, account: $0.1) }
    }

    public func calendarFeeds(for account: AccountID) async throws -> [CalendarFeed] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(SQLiteStore.calendarFeedColumns) FROM calendar_feeds WHERE account_id = ? ORDER BY created_at, id
                """, arguments: [account.rawValue]).map { try SQLiteStore.calendarFeed($0, location: location) }
        }
    }

    public func revokeCalendarFeed(for account: AccountID, at moment: Date) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: "UPDATE calendar_feeds SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                           arguments: [StoredTime.milliseconds(moment), account.rawValue])
            return db.changesCount > 0
        }
    }
}
