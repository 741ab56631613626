import Foundation
import GRDB

/// Coaches and their athletes on SQLite (issue 12; ``CoachingStore``).
extension SQLiteStore: CoachingStore {
    static let inviteColumns = "id, coach_account, code_hash, created_at, expires_at, revoked_at"

    private static func invite(_ row: Row, location: String) throws -> CoachInvite {
        CoachInvite(id: try StoreRecords.uuid(row[0], location, "coach invite"), coach: AccountID(rawValue: row[1]),
                    codeHash: row[2], createdAt: StoredTime.date(row[3]), expiresAt: StoredTime.date(row[4]),
                    revokedAt: (row[5] as Int64?).map(StoredTime.date))
    }

    public func setCoaching(_ isCoach: Bool, for account: AccountID) async throws {
        try await writing { db in
            try db.execute(sql: "UPDATE accounts SET is_coach = ? WHERE id = ?", arguments: [isCoach, account.rawValue])
            if !isCoach {
                try db.execute(sql: "DELETE FROM coaching WHERE coach_account = ?", arguments: [account.rawValue])
                try db.execute(sql: "UPDATE coach_invites SET revoked_at = ? WHERE coach_account = ? AND revoked_at IS NULL",
                               arguments: [StoredTime.milliseconds(Date()), account.rawValue])
            }
        }
    }

    public func stopCoaching(_ coach: AccountID, at moment: Date) async throws -> CoachingStop? {
        let now = StoredTime.milliseconds(moment)
        return try await writing { db in
            try db.execute(sql: "UPDATE accounts SET is_coach = FALSE WHERE id = ? AND is_coach", arguments: [coach.rawValue])
            guard db.changesCount > 0 else { return nil }
            try db.execute(sql: "DELETE FROM coaching WHERE coach_account = ?", arguments: [coach.rawValue])
            let released = db.changesCount
            try db.execute(sql: "UPDATE coach_invites SET revoked_at = ? WHERE coach_account = ? AND revoked_at IS NULL AND expires_at > ?",
                           arguments: [now, coach.rawValue, now])
            let revoked = db.changesCount
            try db.execute(sql: "DELETE FROM group_sessions WHERE coach_account = ?", arguments: [coach.rawValue])
            return CoachingStop(athletesReleased: released, invitesRevoked: revoked, groupSessionsDeleted: db.changesCount)
        }
    }

    public func addInvite(_ invite: CoachInvite) async throws {
        try await writing { db in
            try db.execute(sql: "INSERT INTO coach_invites (\(SQLiteStore.inviteColumns)) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [StoreRecords.key(invite.id), invite.coach.rawValue, invite.codeHash,
                                       StoredTime.milliseconds(invite.createdAt), StoredTime.milliseconds(invite.expiresAt),
                                       invite.revokedAt.map(StoredTime.milliseconds)])
        }
    }

    public func openInvites(from coach: AccountID, at now: Date) async throws -> [CoachInvite] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(SQLiteStore.inviteColumns) FROM coach_invites
                WHERE coach_account = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id
                """, arguments: [coach.rawValue, StoredTime.milliseconds(now)]).map { try SQLiteStore.invite($0, location: location) }
        }
    }

    public func revokeInvite(_ id: UUID, from coach: AccountID, at moment: Date) async throws -> Bool {
        let now = StoredTime.milliseconds(moment)
        return try await writing { db in
            try db.execute(sql: """
                UPDATE coach_invites SET revoked_at = ?
                WHERE id = ? AND coach_account = ? AND revoked_at IS NULL AND expires_at > ?
                """, arguments: [now, StoreRecords.key(id), coach.rawValue, now])
            return db.changesCount > 0
        }
    }

    public func join(codeHash: String, athlete account: Account, at moment: Date) async throws -> InviteAnswer {
        let now = StoredTime.milliseconds(moment)
        return try await writing { db in
            guard let coachID = try String.fetchOne(db, sql: """
                SELECT i.coach_account FROM coach_invites i JOIN accounts a ON a.id = i.coach_account
                WHERE i.code_hash = ? AND i.revoked_at IS NULL AND i.expires_at > ? AND a.is_coach
                """, arguments: [codeHash, now]) else { return .unknownOrExpired }
            if coachID == account.id.rawValue { return .ownInvite }
            try db.execute(sql: "INSERT INTO coaching (coach_account, athlete_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [coachID, account.athlete.rawValue, now])
            let joined = db.changesCount > 0
            guard let coach = try SQLiteStore.coaches(db, athlete: account.athlete.rawValue, coach: coachID).first else {
                return .unknownOrExpired
            }
            return joined ? .joined(coach) : .alreadyCoached(coach)
        }
    }

    public func endCoaching(coach: AccountID, athlete: AthleteID) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM coaching WHERE coach_account = ? AND athlete_id = ?",
                           arguments: [coach.rawValue, athlete.rawValue])
            return db.changesCount > 0
        }
    }

    public func athletes(coachedBy coach: AccountID) async throws -> [CoachedAthlete] {
        try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT t.id, t.handle, t.name, t.created_at, a.id, a.login, c.since
                FROM coaching c JOIN athletes t ON t.id = c.athlete_id JOIN accounts a ON a.athlete_id = t.id
                WHERE c.coach_account = ? ORDER BY t.name, t.handle
                """, arguments: [coach.rawValue]).map { row in
                CoachedAthlete(athlete: Athlete(id: AthleteID(rawValue: row[0]), handle: row[1], name: row[2],
                                                createdAt: StoredTime.date(row[3])),
                               account: AccountID(rawValue: row[4]), login: row[5], since: StoredTime.date(row[6]))
            }
        }
    }

    public func coaches(of athlete: AthleteID) async throws -> [Coach] {
        try await reading { db in try SQLiteStore.coaches(db, athlete: athlete.rawValue, coach: nil) }
    }

    private static func coaches(_ db: Database, athlete: String, coach: String?) throws -> [Coach] {
        try Row.fetchAll(db, sql: """
            SELECT a.id, a.login, t.name, c.since
            FROM coaching c JOIN accounts a ON a.id = c.coach_account JOIN athletes t ON t.id = a.athlete_id
            WHERE c.athlete_id = ? AND (? IS NULL OR c.coach_account = ?) ORDER BY t.name, a.login
            """, arguments: [athlete, coach, coach]).map { row in
            Coach(account: AccountID(rawValue: row[0]), login: row[1], name: row[2], since: StoredTime.date(row[3]))
        }
    }

    public func athlete(handle: String, visibleTo account: Account) async throws -> Athlete? {
        try await reading { db in
            try Row.fetchOne(db, sql: """
                SELECT t.id, t.handle, t.name, t.created_at FROM athletes t
                WHERE t.handle = ? AND (t.id = ? OR EXISTS (
                    SELECT 1 FROM coaching c WHERE c.coach_account = ? AND c.athlete_id = t.id))
                """, arguments: [handle, account.athlete.rawValue, account.id.rawValue])
                .map { Athlete(id: AthleteID(rawValue: $0[0]), handle: $0[1], name: $0[2], createdAt: StoredTime.date($0[3])) }
        }
    }

    public func canSee(_ athlete: AthleteID, account: Account) async throws -> Bool {
        if athlete == account.athlete { return true }
        return try await reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM coaching WHERE coach_account = ? AND athlete_id = ?)",
                              arguments: [account.id.rawValue, athlete.rawValue]) ?? false
        }
    }
}
