import Foundation
import GRDB
import Speedwork

/// Group track sessions on SQLite (issue 12; ``GroupSessionStore``).
extension SQLiteStore: GroupSessionStore {
    public func addGroupSession(_ session: GroupSession) async throws -> GroupSessionWrite {
        try await writing { db in
            let strangers = try SQLiteStore.notCoached(session.members, by: session.coach, db)
            guard strangers.isEmpty else { return .notCoached(strangers) }
            try db.execute(sql: """
                INSERT INTO group_sessions (id, coach_account, day, name, rule, week, set_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [StoreRecords.key(session.id), session.coach.rawValue, session.day.description, session.name,
                                 session.rule, session.week, session.set?.text, StoredTime.milliseconds(session.createdAt)])
            try SQLiteStore.insertMembers(session, db)
            return .stored
        }
    }

    /// The members `coach` does not coach (the coaching link the store keeps, ``CoachingStore``).
    private static func notCoached(_ members: [Athlete], by coach: AccountID, _ db: Database) throws -> [Athlete] {
        try members.filter { member in
            try Row.fetchOne(db, sql: "SELECT 1 FROM coaching WHERE coach_account = ? AND athlete_id = ?",
                             arguments: [coach.rawValue, member.id.rawValue]) == nil
        }
    }

    private static func insertMembers(_ session: GroupSession, _ db: Database) throws {
        let key = StoreRecords.key(session.id)
        for (position, member) in session.members.enumerated() {
            try db.execute(sql: "INSERT INTO group_session_members (session_id, athlete_id, position) VALUES (?, ?, ?)",
                           arguments: [key, member.id.rawValue, position])
        }
    }

    public func groupSession(_ id: UUID, visibleTo account: Account) async throws -> GroupSession? {
        let location = location
        return try await reading { db in
            try SQLiteStore.groupSessions(db, location: location, where: """
                s.id = ? AND (s.coach_account = ? OR EXISTS (SELECT 1 FROM group_session_members m
                    WHERE m.session_id = s.id AND m.athlete_id = ?))
                """, [StoreRecords.key(id), account.id.rawValue, account.athlete.rawValue]).first
        }
    }

    public func updateGroupSession(_ session: GroupSession, by coach: AccountID) async throws -> GroupSessionWrite {
        try await writing { db in
            guard session.coach == coach else { return .notYours }
            let strangers = try SQLiteStore.notCoached(session.members, by: coach, db)
            guard strangers.isEmpty else { return .notCoached(strangers) }
            let key = StoreRecords.key(session.id)
            try db.execute(sql: "UPDATE group_sessions SET day = ?, name = ?, rule = ?, week = ?, set_text = ? WHERE id = ? AND coach_account = ?",
                           arguments: [session.day.description, session.name, session.rule, session.week, session.set?.text, key, coach.rawValue])
            guard db.changesCount > 0 else { return .notYours }
            try db.execute(sql: "DELETE FROM group_session_members WHERE session_id = ?", arguments: [key])
            try SQLiteStore.insertMembers(session, db)
            return .stored
        }
    }

    public func deleteGroupSession(_ id: UUID, by coach: AccountID) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM group_sessions WHERE id = ? AND coach_account = ?",
                           arguments: [StoreRecords.key(id), coach.rawValue])
            return db.changesCount > 0
        }
    }

    public func groupSessions(coachedBy coach: AccountID) async throws -> [GroupSession] {
        let location = location
        return try await reading { db in
            try SQLiteStore.groupSessions(db, location: location, where: "s.coach_account = ?", [coach.rawValue])
        }.sorted { ($0.day, $0.createdAt) > ($1.day, $1.createdAt) }
    }

    public func groupSessions(for athlete: AthleteID, from first: Day, through last: Day) async throws -> [GroupSession] {
        let location = location
        return try await reading { db in
            try SQLiteStore.groupSessions(db, location: location, where: """
                s.day >= ? AND s.day <= ? AND EXISTS (SELECT 1 FROM group_session_members m WHERE m.session_id = s.id AND m.athlete_id = ?)
                """, [first.description, last.description, athlete.rawValue])
        }.sorted { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) }
    }

    /// The sessions matching `condition` (on `group_sessions s`), each with its members in order.
    private static func groupSessions(_ db: Database, location: String, where condition: String,
                                      _ arguments: StatementArguments) throws -> [GroupSession] {
        let heads = try Row.fetchAll(db, sql: """
            SELECT s.id, s.coach_account, s.day, s.name, s.rule, s.week, s.created_at, s.set_text FROM group_sessions s WHERE \(condition)
            """, arguments: arguments)
        return try heads.map { row in
            let key: String = row[0]
            let members = try Row.fetchAll(db, sql: """
                SELECT a.id, a.handle, a.name, a.created_at FROM group_session_members m JOIN athletes a ON a.id = m.athlete_id
                WHERE m.session_id = ? ORDER BY m.position
                """, arguments: [key]).map {
                Athlete(id: AthleteID(rawValue: $0[0]), handle: $0[1], name: $0[2], createdAt: StoredTime.date($0[3]))
            }
            return try StoreRecords.groupSession(id: key, coach: row[1], day: row[2], name: row[3], rule: row[4], week: row[5],
                                                 setText: row[7], members: members, createdAt: row[6], location: location)
        }
    }
}
