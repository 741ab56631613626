import Foundation
import GRDB

/// The web app's accounts on SQLite (issue 11; ``AccountStore``).
extension SQLiteStore {
    static let accountColumns = "id, login, athlete_id, password_hash, created_at, is_coach"

    private static func account(_ row: Row) -> Account {
        Account(id: AccountID(rawValue: row[0]), login: row[1], athlete: AthleteID(rawValue: row[2]), passwordHash: row[3],
                createdAt: StoredTime.date(row[4]), isCoach: row[5] as Bool)
    }

    private static func token(_ row: Row, location: String) throws -> APIToken {
        APIToken(id: try StoreRecords.uuid(row[0], location, "API token"), account: AccountID(rawValue: row[1]),
                 tokenHash: row[2], name: row[3], createdAt: StoredTime.date(row[4]),
                 revokedAt: (row[5] as Int64?).map(StoredTime.date))
    }

    public func accountCount() async throws -> Int {
        try await reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts") ?? 0 }
    }

    public func createAccount(login: String, passwordHash: String, athleteHandle: String, athleteName: String) async throws -> Account {
        try StoreRecords.checkHandle(athleteHandle)
        let login = login.lowercased()
        let now = StoredTime.milliseconds(Date())
        let id = StoreRecords.key(UUID())
        let location = location
        let outcome = try await writing { db -> Result<Account, AccountConflict> in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE login = ?)", arguments: [login]) == true {
                return .failure(.loginTaken(login))
            }
            try db.execute(sql: "INSERT INTO athletes (id, handle, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [StoreRecords.key(UUID()), athleteHandle, athleteName, now])
            guard let athlete = try String.fetchOne(db, sql: "SELECT id FROM athletes WHERE handle = ?", arguments: [athleteHandle]) else {
                throw StoreError.engine(location: location, reason: "athlete '\(athleteHandle)' was not stored")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE athlete_id = ?)", arguments: [athlete]) == true {
                return .failure(.athleteTaken(athleteHandle))
            }
            try db.execute(sql: "INSERT INTO accounts (\(SQLiteStore.accountColumns)) VALUES (?, ?, ?, ?, ?, FALSE)",
                           arguments: [id, login, athlete, passwordHash, now])
            return .success(Account(id: AccountID(rawValue: id), login: login, athlete: AthleteID(rawValue: athlete),
                                    passwordHash: passwordHash, createdAt: StoredTime.date(now)))
        }
        return try outcome.get()
    }

    public func account(login: String) async throws -> Account? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT \(SQLiteStore.accountColumns) FROM accounts WHERE login = ?",
                             arguments: [login.lowercased()]).map(SQLiteStore.account)
        }
    }

    public func account(id: AccountID) async throws -> Account? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT \(SQLiteStore.accountColumns) FROM accounts WHERE id = ?",
                             arguments: [id.rawValue]).map(SQLiteStore.account)
        }
    }

    public func startSession(_ session: WebSession) async throws {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO web_sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [session.tokenHash, session.account.rawValue, session.csrfToken,
                                 StoredTime.milliseconds(session.createdAt), StoredTime.milliseconds(session.expiresAt)])
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await reading { db in
            try Row.fetchOne(db, sql: """
                SELECT token_hash, account_id, csrf_token, created_at, expires_at FROM web_sessions
                WHERE token_hash = ? AND expires_at > ?
                """, arguments: [tokenHash, StoredTime.milliseconds(now)]).map { row in
                WebSession(tokenHash: row[0], account: AccountID(rawValue: row[1]), csrfToken: row[2],
                           createdAt: StoredTime.date(row[3]), expiresAt: StoredTime.date(row[4]))
            }
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM web_sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func endSessions(expiredBefore moment: Date) async throws -> Int {
        try await writing { db in
            try db.execute(sql: "DELETE FROM web_sessions WHERE expires_at <= ?", arguments: [StoredTime.milliseconds(moment)])
            return db.changesCount
        }
    }

    public func addToken(_ token: APIToken) async throws {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO api_tokens (id, account_id, token_hash, name, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [StoreRecords.key(token.id), token.account.rawValue, token.tokenHash, token.name,
                                 StoredTime.milliseconds(token.createdAt), token.revokedAt.map(StoredTime.milliseconds)])
        }
    }

    public func activeToken(hash tokenHash: String) async throws -> (token: APIToken, account: Account)? {
        let location = location
        // Read for the API's requests (once a second per token): on the calling thread.
        let found = try readingHere { db -> (APIToken, Account)? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT t.id, t.account_id, t.token_hash, t.name, t.created_at, t.revoked_at,
                    a.id, a.login, a.athlete_id, a.password_hash, a.created_at, a.is_coach
                FROM api_tokens t JOIN accounts a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL
                """), arguments: [tokenHash]) else { return nil }
            let account = Account(id: AccountID(rawValue: row[6]), login: row[7], athlete: AthleteID(rawValue: row[8]),
                                  passwordHash: row[9], createdAt: StoredTime.date(row[10]), isCoach: row[11] as Bool)
            return (try SQLiteStore.token(row, location: location), account)
        }
        return found.map { (token: $0.0, account: $0.1) }
    }

    public func tokens(for account: AccountID) async throws -> [APIToken] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, account_id, token_hash, name, created_at, revoked_at FROM api_tokens
                WHERE account_id = ? ORDER BY created_at, id
                """, arguments: [account.rawValue]).map { try SQLiteStore.token($0, location: location) }
        }
    }

    public func revokeToken(_ id: UUID, for account: AccountID, at moment: Date) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: """
                UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL
                """, arguments: [StoredTime.milliseconds(moment), StoreRecords.key(id), account.rawValue])
            return db.changesCount > 0
        }
    }
}
