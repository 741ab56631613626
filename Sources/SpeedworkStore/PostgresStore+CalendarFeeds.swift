import Foundation
import PostgresNIO

/// The web app's calendar feeds on PostgreSQL (issue 11; ``CalendarFeedStore``).
extension PostgresStore: CalendarFeedStore {
    private typealias FeedColumns = (String, String, String, Int64, Int64?)

    private static func calendarFeed(_ c: FeedColumns, location: String) throws -> CalendarFeed {
        CalendarFeed(id: try StoreRecords.uuid(c.0, location, "calendar feed"), account: AccountID(rawValue: c.1), secretHash: c.2,
                     createdAt: StoredTime.date(c.3), revokedAt: c.4.map(StoredTime.date))
    }

    public func startCalendarFeed(_ feed: CalendarFeed) async throws {
        let created = StoredTime.milliseconds(feed.createdAt)
        let id = StoreRecords.key(feed.id)
        let revoked = feed.revokedAt.map(StoredTime.milliseconds)
        let logger = logger
        _ = try await run {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("""
                    UPDATE calendar_feeds SET revoked_at = \(created) WHERE account_id = \(feed.account.rawValue) AND revoked_at IS NULL
                    """, logger: logger)
                try await connection.query("""
                    INSERT INTO calendar_feeds (id, account_id, secret_hash, created_at, revoked_at)
                    VALUES (\(id), \(feed.account.rawValue), \(feed.secretHash), \(created), \(revoked))
                    """, logger: logger)
            }
        }
    }

    public func activeCalendarFeed(for account: AccountID) async throws -> CalendarFeed? {
        try await run {
            for try await columns in try await client.query("""
                SELECT id, account_id, secret_hash, created_at, revoked_at FROM calendar_feeds
                WHERE account_id = \(account.rawValue) AND revoked_at IS NULL
                """, logger: logger).decode(FeedColumns.self) {
                return try PostgresStore.calendarFeed(columns, location: location)
            }
            return nil
        }
    }

    public func activeCalendarFeed(hash secretHash: String) async throws -> (feed: CalendarFeed, account: Account)? {
        try await run {
            for try await (f0, f1, f2, f3, f4, a0, a1, a2, a3, a4, a5) in try await client.query("""
                SELECT f.id, f.account_id, f.secret_hash, f.created_at, f.revoked_at,
                    a.id, a.login, a.athlete_id, a.password_hash, a.created_at, a.is_coach
                FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
                WHERE f.secret_hash = \(secretHash) AND f.revoked_at IS NULL
                """, logger: logger).decode((String, String, String, Int64, Int64?, String, String, String, String, Int64, Bool).self) {
                let account = Account(id: AccountID(rawValue: a0), login: a1, athlete: AthleteID(rawValue: a2), passwordHash: a3,
                                      createdAt: StoredTime.date(a4), isCoach: a5)
                return (feed: try PostgresStore.calendarFeed((f0, f1, f2, f3, f4), location: location), account: account)
            }
            return nil
        }
    }

    public func calendarFeeds(for account: AccountID) async throws -> [CalendarFeed] {
        try await run {
            var feeds: [CalendarFeed] = []
            for try await columns in try await client.query("""
                SELECT id, account_id, secret_hash, created_at, revoked_at FROM calendar_feeds
                WHERE account_id = \(account.rawValue) ORDER BY created_at, id
                """, logger: logger).decode(FeedColumns.self) {
                feeds.append(try PostgresStore.calendarFeed(columns, location: location))
            }
            return feeds
        }
    }

    public func revokeCalendarFeed(for account: AccountID, at moment: Date) async throws -> Bool {
        try await run {
            try await PostgresStore.count(client.query("""
                UPDATE calendar_feeds SET revoked_at = \(StoredTime.milliseconds(moment))
                WHERE account_id = \(account.rawValue) AND revoked_at IS NULL RETURNING 1
                """, logger: logger)) > 0
        }
    }
}
