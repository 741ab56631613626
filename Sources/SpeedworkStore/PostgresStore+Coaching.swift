import Foundation
import PostgresNIO

/// Coaches and their athletes on PostgreSQL (issue 12; ``CoachingStore``).
extension PostgresStore: CoachingStore {
    private typealias InviteColumns = (String, String, String, Int64, Int64, Int64?)
    private typealias CoachColumns = (String, String, String, Int64)

    private static func invite(_ c: InviteColumns, location: String) throws -> CoachInvite {
        CoachInvite(id: try StoreRecords.uuid(c.0, location, "coach invite"), coach: AccountID(rawValue: c.1), codeHash: c.2,
                    createdAt: StoredTime.date(c.3), expiresAt: StoredTime.date(c.4), revokedAt: c.5.map(StoredTime.date))
    }

    private static func coach(_ c: CoachColumns) -> Coach {
        Coach(account: AccountID(rawValue: c.0), login: c.1, name: c.2, since: StoredTime.date(c.3))
    }

    public func setCoaching(_ isCoach: Bool, for account: AccountID) async throws {
        let logger = logger
        let now = StoredTime.milliseconds(Date())
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("UPDATE accounts SET is_coach = \(isCoach) WHERE id = \(account.rawValue)", logger: logger)
                if !isCoach {
                    try await connection.query("DELETE FROM coaching WHERE coach_account = \(account.rawValue)", logger: logger)
                    try await connection.query("""
                        UPDATE coach_invites SET revoked_at = \(now) WHERE coach_account = \(account.rawValue) AND revoked_at IS NULL
                        """, logger: logger)
                }
            }
        }
    }

    public func stopCoaching(_ coach: AccountID, at moment: Date) async throws -> CoachingStop? {
        let logger = logger
        let now = StoredTime.milliseconds(moment)
        let id = coach.rawValue
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> CoachingStop? in
                guard try await PostgresStore.count(connection.query(
                    "UPDATE accounts SET is_coach = FALSE WHERE id = \(id) AND is_coach RETURNING 1", logger: logger)) > 0 else {
                    return nil
                }
                let released = try await PostgresStore.count(connection.query(
                    "DELETE FROM coaching WHERE coach_account = \(id) RETURNING 1", logger: logger))
                let revoked = try await PostgresStore.count(connection.query("""
                    UPDATE coach_invites SET revoked_at = \(now) WHERE coach_account = \(id) AND revoked_at IS NULL AND expires_at > \(now)
                    RETURNING 1
                    """, logger: logger))
                let deleted = try await PostgresStore.count(connection.query(
                    "DELETE FROM group_sessions WHERE coach_account = \(id) RETURNING 1", logger: logger))
                return CoachingStop(athletesReleased: released, invitesRevoked: revoked, groupSessionsDeleted: deleted)
            }
        }
    }

    public func addInvite(_ invite: CoachInvite) async throws {
        _ = try await run {
            try await client.query("""
                INSERT INTO coach_invites (id, coach_account, code_hash, created_at, expires_at, revoked_at)
                VALUES (\(StoreRecords.key(invite.id)), \(invite.coach.rawValue), \(invite.codeHash),
                    \(StoredTime.milliseconds(invite.createdAt)), \(StoredTime.milliseconds(invite.expiresAt)),
                    \(invite.revokedAt.map(StoredTime.milliseconds)))
                """, logger: logger)
        }
    }

    public func openInvites(from coach: AccountID, at now: Date) async throws -> [CoachInvite] {
        try await run {
            var invites: [CoachInvite] = []
            for try await columns in try await client.query("""
                SELECT id, coach_account, code_hash, created_at, expires_at, revoked_at FROM coach_invites
                WHERE coach_account = \(coach.rawValue) AND revoked_at IS NULL AND expires_at > \(StoredTime.milliseconds(now))
                ORDER BY created_at DESC, id
                """, logger: logger).decode(InviteColumns.self) {
                invites.append(try PostgresStore.invite(columns, location: location))
            }
            return invites
        }
    }

    public func revokeInvite(_ id: UUID, from coach: AccountID, at moment: Date) async throws -> Bool {
        let now = StoredTime.milliseconds(moment)
        return try await run {
            try await PostgresStore.count(client.query("""
                UPDATE coach_invites SET revoked_at = \(now)
                WHERE id = \(StoreRecords.key(id)) AND coach_account = \(coach.rawValue) AND revoked_at IS NULL AND expires_at > \(now)
                RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func join(codeHash: String, athlete account: Account, at moment: Date) async throws -> InviteAnswer {
        let now = StoredTime.milliseconds(moment)
        let logger = logger
        let athlete = account.athlete.rawValue
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> InviteAnswer in
                var coachID: String?
                for try await (found) in try await connection.query("""
                    SELECT i.coach_account FROM coach_invites i JOIN accounts a ON a.id = i.coach_account
                    WHERE i.code_hash = \(codeHash) AND i.revoked_at IS NULL AND i.expires_at > \(now) AND a.is_coach
                    """, logger: logger).decode(String.self) {
                    coachID = found
                }
                guard let coachID else { return .unknownOrExpired }
                if coachID == account.id.rawValue { return .ownInvite }
                let joined = try await PostgresStore.count(connection.query("""
                    INSERT INTO coaching (coach_account, athlete_id, since) VALUES (\(coachID), \(athlete), \(now))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, logger: logger)) > 0
                for try await columns in try await connection.query("""
                    SELECT a.id, a.login, t.name, c.since
                    FROM coaching c JOIN accounts a ON a.id = c.coach_account JOIN athletes t ON t.id = a.athlete_id
                    WHERE c.athlete_id = \(athlete) AND c.coach_account = \(coachID)
                    """, logger: logger).decode(CoachColumns.self) {
                    let coach = PostgresStore.coach(columns)
                    return joined ? .joined(coach) : .alreadyCoached(coach)
                }
                return .unknownOrExpired
            }
        }
    }

    public func endCoaching(coach: AccountID, athlete: AthleteID) async throws -> Bool {
        try await run {
            try await PostgresStore.count(client.query("""
                DELETE FROM coaching WHERE coach_account = \(coach.rawValue) AND athlete_id = \(athlete.rawValue) RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func athletes(coachedBy coach: AccountID) async throws -> [CoachedAthlete] {
        try await run {
            var athletes: [CoachedAthlete] = []
            for try await (id, handle, name, created, account, login, since) in try await client.query("""
                SELECT t.id, t.handle, t.name, t.created_at, a.id, a.login, c.since
                FROM coaching c JOIN athletes t ON t.id = c.athlete_id JOIN accounts a ON a.athlete_id = t.id
                WHERE c.coach_account = \(coach.rawValue) ORDER BY t.name, t.handle
                """, logger: logger).decode((String, String, String, Int64, String, String, Int64).self) {
                athletes.append(CoachedAthlete(
                    athlete: Athlete(id: AthleteID(rawValue: id), handle: handle, name: name, createdAt: StoredTime.date(created)),
                    account: AccountID(rawValue: account), login: login, since: StoredTime.date(since)))
            }
            return athletes
        }
    }

    public func coaches(of athlete: AthleteID) async throws -> [Coach] {
        try await run {
            var coaches: [Coach] = []
            for try await columns in try await client.query("""
                SELECT a.id, a.login, t.name, c.since
                FROM coaching c JOIN accounts a ON a.id = c.coach_account JOIN athletes t ON t.id = a.athlete_id
                WHERE c.athlete_id = \(athlete.rawValue) ORDER BY t.name, a.login
                """, logger: logger).decode(CoachColumns.self) {
                coaches.append(PostgresStore.coach(columns))
            }
            return coaches
        }
    }

    public func athlete(handle: String, visibleTo account: Account) async throws -> Athlete? {
        try await run {
            for try await (id, handle, name, created) in try await client.query("""
                SELECT t.id, t.handle, t.name, t.created_at FROM athletes t
                WHERE t.handle = \(handle) AND (t.id = \(account.athlete.rawValue) OR EXISTS (
                    SELECT 1 FROM coaching c WHERE c.coach_account = \(account.id.rawValue) AND c.athlete_id = t.id))
                """, logger: logger).decode((String, String, String, Int64).self) {
                return Athlete(id: AthleteID(rawValue: id), handle: handle, name: name, createdAt: StoredTime.date(created))
            }
            return nil
        }
    }

    public func canSee(_ athlete: AthleteID, account: Account) async throws -> Bool {
        if athlete == account.athlete { return true }
        return try await run {
            try await PostgresStore.count(client.query("""
                SELECT 1 FROM coaching WHERE coach_account = \(account.id.rawValue) AND athlete_id = \(athlete.rawValue)
                """, logger: logger)) > 0
        }
    }
}
