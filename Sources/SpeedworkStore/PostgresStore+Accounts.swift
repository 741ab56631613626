import Foundation
import PostgresNIO

/// The web app's accounts on PostgreSQL (issue 11; ``AccountStore``).
extension PostgresStore {
    typealias AccountColumns = (String, String, String, String, Int64, Bool)
    private typealias TokenColumns = (String, String, String, String, Int64, Int64?)

    static func account(_ c: AccountColumns) -> Account {
        Account(id: AccountID(rawValue: c.0), login: c.1, athlete: AthleteID(rawValue: c.2), passwordHash: c.3,
                createdAt: StoredTime.date(c.4), isCoach: c.5)
    }

    private static func token(_ c: TokenColumns, location: String) throws -> APIToken {
        APIToken(id: try StoreRecords.uuid(c.0, location, "API token"), account: AccountID(rawValue: c.1), tokenHash: c.2,
                 name: c.3, createdAt: StoredTime.date(c.4), revokedAt: c.5.map(StoredTime.date))
    }

    public func accountCount() async throws -> Int {
        try await run {
            for try await (count) in try await client.query("SELECT count(*) FROM accounts", logger: logger).decode(Int.self) {
                return count
            }
            return 0
        }
    }

    public func createAccount(login: String, passwordHash: String, athleteHandle: String, athleteName: String) async throws -> Account {
        try StoreRecords.checkHandle(athleteHandle)
        let login = login.lowercased()
        let now = StoredTime.milliseconds(Date())
        let id = StoreRecords.key(UUID())
        let newAthlete = StoreRecords.key(UUID())
        let logger = logger
        let location = location
        let outcome: Result<Account, AccountConflict> = try await run {
            try await client.withTransaction(logger: logger) { connection in
                let taken = try await PostgresStore.count(connection.query(
                    "SELECT 1 FROM accounts WHERE login = \(login)", logger: logger))
                if taken > 0 { return .failure(.loginTaken(login)) }
                try await connection.query("""
                    INSERT INTO athletes (id, handle, name, created_at) VALUES (\(newAthlete), \(athleteHandle), \(athleteName), \(now))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
                var athlete: String?
                for try await (found) in try await connection.query(
                    "SELECT id FROM athletes WHERE handle = \(athleteHandle)", logger: logger).decode(String.self) {
                    athlete = found
                }
                guard let athlete else {
                    throw StoreError.engine(location: location, reason: "athlete '\(athleteHandle)' was not stored")
                }
                let linked = try await PostgresStore.count(connection.query(
                    "SELECT 1 FROM accounts WHERE athlete_id = \(athlete)", logger: logger))
                if linked > 0 { return .failure(.athleteTaken(athleteHandle)) }
                try await connection.query("""
                    INSERT INTO accounts (id, login, athlete_id, password_hash, created_at)
                    VALUES (\(id), \(login), \(athlete), \(passwordHash), \(now))
                    """, logger: logger)
                return .success(Account(id: AccountID(rawValue: id), login: login, athlete: AthleteID(rawValue: athlete),
                                        passwordHash: passwordHash, createdAt: StoredTime.date(now)))
            }
        }
        return try outcome.get()
    }

    public func account(login: String) async throws -> Account? {
        try await run {
            for try await columns in try await client.query("""
                SELECT id, login, athlete_id, password_hash, created_at, is_coach FROM accounts WHERE login = \(login.lowercased())
                """, logger: logger).decode(AccountColumns.self) {
                return PostgresStore.account(columns)
            }
            return nil
        }
    }

    public func account(id: AccountID) async throws -> Account? {
        try await run {
            for try await columns in try await client.query("""
                SELECT id, login, athlete_id, password_hash, created_at, is_coach FROM accounts WHERE id = \(id.rawValue)
                """, logger: logger).decode(AccountColumns.self) {
                return PostgresStore.account(columns)
            }
            return nil
        }
    }

    public func startSession(_ session: WebSession) async throws {
        _ = try await run {
            try await client.query("""
                INSERT INTO web_sessions (token_hash, account_id, csrf_token, created_at, expires_at)
                VALUES (\(session.tokenHash), \(session.account.rawValue), \(session.csrfToken),
                    \(StoredTime.milliseconds(session.createdAt)), \(StoredTime.milliseconds(session.expiresAt)))
                """, logger: logger)
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await run {
            for try await (hash, account, csrf, created, expires) in try await client.query("""
                SELECT token_hash, account_id, csrf_token, created_at, expires_at FROM web_sessions
                WHERE token_hash = \(tokenHash) AND expires_at > \(StoredTime.milliseconds(now))
                """, logger: logger).decode((String, String, String, Int64, Int64).self) {
                return WebSession(tokenHash: hash, account: AccountID(rawValue: account), csrfToken: csrf,
                                  createdAt: StoredTime.date(created), expiresAt: StoredTime.date(expires))
            }
            return nil
        }
    }

    public func endSession(tokenHash: String) async throws {
        _ = try await run {
            try await client.query("DELETE FROM web_sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func endSessions(expiredBefore moment: Date) async throws -> Int {
        try await run {
            try await PostgresStore.count(client.query(
                "DELETE FROM web_sessions WHERE expires_at <= \(StoredTime.milliseconds(moment)) RETURNING 1", logger: logger))
        }
    }

    public func addToken(_ token: APIToken) async throws {
        _ = try await run {
            try await client.query("""
                INSERT INTO api_tokens (id, account_id, token_hash, name, created_at, revoked_at)
                VALUES (\(StoreRecords.key(token.id)), \(token.account.rawValue), \(token.tokenHash), \(token.name),
                    \(StoredTime.milliseconds(token.createdAt)), \(token.revokedAt.map(StoredTime.milliseconds)))
                """, logger: logger)
        }
    }

    public func activeToken(hash tokenHash: String) async throws -> (token: APIToken, account: Account)? {
        try await run {
            for try await (t0, t1, t2, t3, t4, t5, a0, a1, a2, a3, a4, a5) in try await client.query("""
                SELECT t.id, t.account_id, t.token_hash, t.name, t.created_at, t.revoked_at,
                    a.id, a.login, a.athlete_id, a.password_hash, a.created_at, a.is_coach
                FROM api_tokens t JOIN accounts a ON a.id = t.account_id
                WHERE t.token_hash = \(tokenHash) AND t.revoked_at IS NULL
                """, logger: logger).decode((String, String, String, String, Int64, Int64?, String, String, String, String, Int64, Bool).self) {
                return (token: try PostgresStore.token((t0, t1, t2, t3, t4, t5), location: location),
                        account: PostgresStore.account((a0, a1, a2, a3, a4, a5)))
            }
            return nil
        }
    }

    public func tokens(for account: AccountID) async throws -> [APIToken] {
        try await run {
            var tokens: [APIToken] = []
            for try await columns in try await client.query("""
                SELECT id, account_id, token_hash, name, created_at, revoked_at FROM api_tokens
                WHERE account_id = \(account.rawValue) ORDER BY created_at, id
                """, logger: logger).decode(TokenColumns.self) {
                tokens.append(try PostgresStore.token(columns, location: location))
            }
            return tokens
        }
    }

    public func revokeToken(_ id: UUID, for account: AccountID, at moment: Date) async throws -> Bool {
        try await run {
            try await PostgresStore.count(client.query("""
                UPDATE api_tokens SET revoked_at = \(StoredTime.milliseconds(moment))
                WHERE id = \(StoreRecords.key(id)) AND account_id = \(account.rawValue) AND revoked_at IS NULL RETURNING 1
                """, logger: logger)) > 0
        }
    }
}
