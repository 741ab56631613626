import Foundation
import PostgresNIO
import Speedwork

/// Group track sessions on PostgreSQL (issue 12; ``GroupSessionStore``).
extension PostgresStore: GroupSessionStore {
    private typealias HeadColumns = (String, String, String, String, String, Int, Int64, String?)

    public func addGroupSession(_ session: GroupSession) async throws -> GroupSessionWrite {
        let logger = logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> GroupSessionWrite in
                let strangers = try await PostgresStore.notCoached(session.members, by: session.coach, connection, logger: logger)
                guard strangers.isEmpty else { return .notCoached(strangers) }
                try await connection.query("""
                    INSERT INTO group_sessions (id, coach_account, day, name, rule, week, set_text, created_at)
                    VALUES (\(StoreRecords.key(session.id)), \(session.coach.rawValue), \(session.day.description), \(session.name),
                            \(session.rule), \(session.week), \(session.set?.text), \(StoredTime.milliseconds(session.createdAt)))
                    """, logger: logger)
                try await PostgresStore.insertMembers(session, connection, logger: logger)
                return .stored
            }
        }
    }

    /// The members `coach` does not coach (the coaching link the store keeps, ``CoachingStore``).
    private static func notCoached(_ members: [Athlete], by coach: AccountID, _ connection: PostgresConnection,
                                   logger: Logger) async throws -> [Athlete] {
        var strangers: [Athlete] = []
        for member in members {
            let found = try await count(connection.query("""
                SELECT 1 FROM coaching WHERE coach_account = \(coach.rawValue) AND athlete_id = \(member.id.rawValue)
                """, logger: logger))
            if found == 0 { strangers.append(member) }
        }
        return strangers
    }

    private static func insertMembers(_ session: GroupSession, _ connection: PostgresConnection, logger: Logger) async throws {
        let key = StoreRecords.key(session.id)
        for (position, member) in session.members.enumerated() {
            try await connection.query("""
                INSERT INTO group_session_members (session_id, athlete_id, position) VALUES (\(key), \(member.id.rawValue), \(position))
                """, logger: logger)
        }
    }

    public func groupSession(_ id: UUID, visibleTo account: Account) async throws -> GroupSession? {
        let key = StoreRecords.key(id)
        return try await run {
            try await client.withConnection { connection in
                let heads = try await PostgresStore.heads(connection.query("""
                    SELECT s.id, s.coach_account, s.day, s.name, s.rule, s.week, s.created_at, s.set_text FROM group_sessions s
                    WHERE s.id = \(key) AND (s.coach_account = \(account.id.rawValue) OR EXISTS (SELECT 1 FROM group_session_members m
                        WHERE m.session_id = s.id AND m.athlete_id = \(account.athlete.rawValue)))
                    """, logger: logger))
                return try await PostgresStore.withMembers(heads, connection, location: location, logger: logger).first
            }
        }
    }

    public func updateGroupSession(_ session: GroupSession, by coach: AccountID) async throws -> GroupSessionWrite {
        guard session.coach == coach else { return .notYours }
        let key = StoreRecords.key(session.id)
        let logger = logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection -> GroupSessionWrite in
                let strangers = try await PostgresStore.notCoached(session.members, by: coach, connection, logger: logger)
                guard strangers.isEmpty else { return .notCoached(strangers) }
                let changed = try await PostgresStore.count(connection.query("""
                    UPDATE group_sessions SET day = \(session.day.description), name = \(session.name), rule = \(session.rule),
                        week = \(session.week), set_text = \(session.set?.text) WHERE id = \(key) AND coach_account = \(coach.rawValue) RETURNING 1
                    """, logger: logger))
                guard changed > 0 else { return .notYours }
                try await connection.query("DELETE FROM group_session_members WHERE session_id = \(key)", logger: logger)
                try await PostgresStore.insertMembers(session, connection, logger: logger)
                return .stored
            }
        }
    }

    public func deleteGroupSession(_ id: UUID, by coach: AccountID) async throws -> Bool {
        try await run {
            try await PostgresStore.count(client.query("""
                DELETE FROM group_sessions WHERE id = \(StoreRecords.key(id)) AND coach_account = \(coach.rawValue) RETURNING 1
                """, logger: logger)) > 0
        }
    }

    public func groupSessions(coachedBy coach: AccountID) async throws -> [GroupSession] {
        try await run {
            try await client.withConnection { connection in
                let heads = try await PostgresStore.heads(connection.query("""
                    SELECT s.id, s.coach_account, s.day, s.name, s.rule, s.week, s.created_at, s.set_text FROM group_sessions s
                    WHERE s.coach_account = \(coach.rawValue)
                    """, logger: logger))
                return try await PostgresStore.withMembers(heads, connection, location: location, logger: logger)
            }
        }.sorted { ($0.day, $0.createdAt) > ($1.day, $1.createdAt) }
    }

    public func groupSessions(for athlete: AthleteID, from first: Day, through last: Day) async throws -> [GroupSession] {
        try await run {
            try await client.withConnection { connection in
                let heads = try await PostgresStore.heads(connection.query("""
                    SELECT s.id, s.coach_account, s.day, s.name, s.rule, s.week, s.created_at, s.set_text FROM group_sessions s
                    WHERE s.day >= \(first.description) AND s.day <= \(last.description) AND EXISTS (SELECT 1 FROM group_session_members m
                        WHERE m.session_id = s.id AND m.athlete_id = \(athlete.rawValue))
                    """, logger: logger))
                return try await PostgresStore.withMembers(heads, connection, location: location, logger: logger)
            }
        }.sorted { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) }
    }

    private static func heads(_ rows: PostgresRowSequence) async throws -> [HeadColumns] {
        var heads: [HeadColumns] = []
        for try await columns in rows.decode(HeadColumns.self) { heads.append(columns) }
        return heads
    }

    /// Each session head with its members in order.
    private static func withMembers(_ heads: [HeadColumns], _ connection: PostgresConnection, location: String,
                                    logger: Logger) async throws -> [GroupSession] {
        var sessions: [GroupSession] = []
        for head in heads {
            var members: [Athlete] = []
            for try await (id, handle, name, created) in try await connection.query("""
                SELECT a.id, a.handle, a.name, a.created_at FROM group_session_members m JOIN athletes a ON a.id = m.athlete_id
                WHERE m.session_id = \(head.0) ORDER BY m.position
                """, logger: logger).decode((String, String, String, Int64).self) {
                members.append(Athlete(id: AthleteID(rawValue: id), handle: handle, name: name, createdAt: StoredTime.date(created)))
            }
            sessions.append(try StoreRecords.groupSession(id: head.0, coach: head.1, day: head.2, name: head.3, rule: head.4,
                                                          week: head.5, setText: head.7, members: members, createdAt: head.6, location: location))
        }
        return sessions
    }
}
