import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `GroupSessionStore` must do (issue 12; docs/server.md): a session keeps
/// its members in the coach's order; the coach who made it reads, changes and deletes it, a member
/// reads it, and anyone else is told it does not exist. On SQLite always and on PostgreSQL when
/// `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct GroupSessionStoreContractTests {
    private static let hash = "$2b$04$abcdefghijklmnopqrstuu5Gh1PEJ.ThX6W4Ur3yZ9QKJz6vlkEMC"
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    /// A coach, three runners and another coach.
    private static func people(_ store: any ServerStore) async throws -> (coach: Account, ana: Account, bob: Account, cy: Account, other: Account) {
        let coach = try await store.createAccount(login: "coach", passwordHash: hash, athleteHandle: "coach", athleteName: "Coach")
        let ana = try await store.createAccount(login: "ana", passwordHash: hash, athleteHandle: "ana", athleteName: "Ana")
        let bob = try await store.createAccount(login: "bob", passwordHash: hash, athleteHandle: "bob", athleteName: "Bob")
        let cy = try await store.createAccount(login: "cy", passwordHash: hash, athleteHandle: "cy", athleteName: "Cy")
        let other = try await store.createAccount(login: "other", passwordHash: hash, athleteHandle: "other", athleteName: "Other")
        // The coach coaches all three; the other coach only Cy.
        try await link(coach, [ana, bob, cy], store)
        try await link(other, [cy], store)
        return (coach, ana, bob, cy, other)
    }

    /// Makes `coach` a coach of `athletes` through one invite they each join (``CoachingStore``).
    private static func link(_ coach: Account, _ athletes: [Account], _ store: any ServerStore) async throws {
        try await store.setCoaching(true, for: coach.id)
        let invite = CoachInvite(id: UUID(), coach: coach.id, codeHash: String(repeating: coach.login == "coach" ? "a" : "b", count: 64),
                                 createdAt: t0, expiresAt: t0.addingTimeInterval(86_400), revokedAt: nil)
        try await store.addInvite(invite)
        for athlete in athletes {
            guard case .joined = try await store.join(codeHash: invite.codeHash, athlete: athlete, at: t0.addingTimeInterval(60)) else {
                Issue.record("\(athlete.login) did not join \(coach.login)")
                return
            }
        }
    }

    private static func athlete(_ account: Account, _ store: any ServerStore) async throws -> Athlete {
        try #require(try await store.athlete(handle: account.login))
    }

    /// A free-form set (migration `0012-group-session-sets`) is stored in its canonical text and
    /// read back as the same set; a session can change from a library session to a set and back.
    @Test(arguments: Engine.available)
    func aSetIsStoredAndReadBackAsTheSameSet(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.appliedMigrations().contains("0012-group-session-sets"))
            let p = try await Self.people(store)
            let (ana, bob) = (try await Self.athlete(p.ana, store), try await Self.athlete(p.bob, store))
            let day = try Day(parsing: "2026-12-01")
            let set = try RepSet(parsing: "8x400m @ mile, 90s jog")
            var session = try GroupSession(coach: p.coach.id, day: day, name: "Tuesday track", set: set, members: [ana, bob], createdAt: Self.t0)
            #expect(try await store.addGroupSession(session) == .stored)
            let read = try #require(try await store.groupSession(session.id, visibleTo: p.ana))
            #expect(read == session)
            #expect(read.set?.text == "8 × 400 m @ mile, 90 s jog")
            #expect(read.rule == "M42")
            #expect(try await store.groupSessions(for: bob.id, from: day, through: day).first?.set == set)

            // To a library session, and back to another set.
            let library = try GroupSession(id: session.id, coach: p.coach.id, day: day, name: "Tuesday track", rule: "M17", week: 3,
                                           members: [ana], createdAt: Self.t0)
            #expect(try await store.updateGroupSession(library, by: p.coach.id) == .stored)
            let changed = try #require(try await store.groupSession(session.id, visibleTo: p.coach))
            #expect(changed.set == nil && changed.rule == "M17" && changed.week == 3)
            session = try GroupSession(id: session.id, coach: p.coach.id, day: day, name: "Tuesday track",
                                       set: try RepSet(parsing: "3 × 10 min @ T, 2 min jog"), members: [bob], createdAt: Self.t0)
            #expect(try await store.updateGroupSession(session, by: p.coach.id) == .stored)
            #expect(try await store.groupSessions(coachedBy: p.coach.id) == [session])
            // Another coach cannot change it.
            #expect(try await store.updateGroupSession(session, by: p.other.id) == .notYours)
        }
    }

    @Test(arguments: Engine.available)
    func theCoachAndTheMembersReadASessionAndNobodyElse(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.appliedMigrations().contains("0010-group-sessions"))
            let p = try await Self.people(store)
            let (ana, bob, cy) = (try await Self.athlete(p.ana, store), try await Self.athlete(p.bob, store), try await Self.athlete(p.cy, store))
            let day = try Day(parsing: "2026-12-01")
            // Bob before Ana: the coach's order is kept.
            let session = try GroupSession(coach: p.coach.id, day: day, name: "Tuesday track", rule: "m13", week: 2,
                                           members: [bob, ana], createdAt: Self.t0)
            #expect(try await store.addGroupSession(session) == .stored)

            #expect(try await store.groupSession(session.id, visibleTo: p.coach) == session)
            let read = try #require(try await store.groupSession(session.id, visibleTo: p.ana))
            #expect(read.members.map(\.handle) == ["bob", "ana"])
            #expect(read.rule == "M13")
            #expect(read.week == 2)
            #expect(read.day == day)
            #expect(abs(read.createdAt.timeIntervalSince(Self.t0)) < 0.001)
            #expect(try await store.groupSession(session.id, visibleTo: p.bob) == session)
            // Not a member, another coach: no such session.
            #expect(try await store.groupSession(session.id, visibleTo: p.cy) == nil)
            #expect(try await store.groupSession(session.id, visibleTo: p.other) == nil)
            #expect(try await store.groupSession(UUID(), visibleTo: p.coach) == nil)

            #expect(try await store.groupSessions(coachedBy: p.coach.id).map(\.id) == [session.id])
            #expect(try await store.groupSessions(coachedBy: p.other.id).isEmpty)
            #expect(try await store.groupSessions(for: ana.id, from: day, through: day).map(\.id) == [session.id])
            #expect(try await store.groupSessions(for: ana.id, from: day.adding(days: 1), through: day.adding(days: 7)).isEmpty)
            #expect(try await store.groupSessions(for: ana.id, from: day.adding(days: -7), through: day.adding(days: -1)).isEmpty)
            #expect(try await store.groupSessions(for: cy.id, from: day, through: day).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func onlyItsCoachChangesOrDeletesASession(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let p = try await Self.people(store)
            let (ana, bob, cy) = (try await Self.athlete(p.ana, store), try await Self.athlete(p.bob, store), try await Self.athlete(p.cy, store))
            let day = try Day(parsing: "2026-12-01")
            var session = try GroupSession(coach: p.coach.id, day: day, name: "Tuesday track", rule: "M11", week: 1,
                                           members: [ana, bob], createdAt: Self.t0)
            #expect(try await store.addGroupSession(session) == .stored)

            session.name = "Thursday track"
            session.day = day.adding(days: 2)
            session.rule = "M17"
            session.week = 3
            session.members = [cy, ana]
            // Another coach cannot change it, even naming the coach as the session's own.
            #expect(try await store.updateGroupSession(session, by: p.other.id) == .notYours)
            #expect(try await store.groupSession(session.id, visibleTo: p.coach)?.name == "Tuesday track")
            #expect(try await store.updateGroupSession(session, by: p.coach.id) == .stored)
            let read = try #require(try await store.groupSession(session.id, visibleTo: p.coach))
            #expect(read == session)
            #expect(read.members.map(\.handle) == ["cy", "ana"])
            // Bob left the group: he no longer sees it; Cy now does.
            #expect(try await store.groupSession(session.id, visibleTo: p.bob) == nil)
            #expect(try await store.groupSession(session.id, visibleTo: p.cy) != nil)
            #expect(try await store.groupSessions(for: bob.id, from: day, through: day.adding(days: 7)).isEmpty)

            #expect(try await store.deleteGroupSession(session.id, by: p.other.id) == false)
            #expect(try await store.deleteGroupSession(session.id, by: p.ana.id) == false)
            #expect(try await store.deleteGroupSession(session.id, by: p.coach.id) == true)
            #expect(try await store.deleteGroupSession(session.id, by: p.coach.id) == false)
            #expect(try await store.groupSession(session.id, visibleTo: p.coach) == nil)
            #expect(try await store.groupSessions(for: ana.id, from: day, through: day.adding(days: 7)).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aCoachsSessionsComeNewestDayFirstAndAMembersByDay(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let p = try await Self.people(store)
            let ana = try await Self.athlete(p.ana, store)
            let day = try Day(parsing: "2026-12-01")
            var made: [GroupSession] = []
            for offset in [7, 0, 14] {
                let session = try GroupSession(coach: p.coach.id, day: day.adding(days: offset), name: "Week +\(offset)", rule: "M12",
                                               week: 1, members: [ana], createdAt: Self.t0.addingTimeInterval(Double(offset)))
                #expect(try await store.addGroupSession(session) == .stored)
                made.append(session)
            }
            #expect(try await store.groupSessions(coachedBy: p.coach.id).map(\.name) == ["Week +14", "Week +7", "Week +0"])
            #expect(try await store.groupSessions(for: ana.id, from: day, through: day.adding(days: 13)).map(\.name) == ["Week +0", "Week +7"])
        }
    }

    @Test(arguments: Engine.available)
    func onlyAthletesTheCoachCoachesAreMembers(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let p = try await Self.people(store)
            let (ana, cy) = (try await Self.athlete(p.ana, store), try await Self.athlete(p.cy, store))
            let day = try Day(parsing: "2026-12-01")
            // The other coach coaches Cy only: Ana is refused and nothing is stored.
            let session = try GroupSession(coach: p.other.id, day: day, name: "Poached", rule: "M11", week: 1,
                                           members: [cy, ana], createdAt: Self.t0)
            #expect(try await store.addGroupSession(session) == .notCoached([ana]))
            #expect(try await store.groupSession(session.id, visibleTo: p.other) == nil)
            #expect(try await store.groupSessions(coachedBy: p.other.id).isEmpty)

            var own = try GroupSession(coach: p.other.id, day: day, name: "Cy alone", rule: "M11", week: 1, members: [cy], createdAt: Self.t0)
            #expect(try await store.addGroupSession(own) == .stored)
            own.members = [cy, ana]
            #expect(try await store.updateGroupSession(own, by: p.other.id) == .notCoached([ana]))
            #expect(try await store.groupSession(own.id, visibleTo: p.other)?.members.map(\.handle) == ["cy"])

            // When Cy leaves the coach, a session can no longer be made with her.
            #expect(try await store.endCoaching(coach: p.other.id, athlete: cy.id) == true)
            let later = try GroupSession(coach: p.other.id, day: day, name: "After", rule: "M11", week: 1, members: [cy], createdAt: Self.t0)
            #expect(try await store.addGroupSession(later) == .notCoached([cy]))
        }
    }

    @Test func aSessionIsCheckedBeforeItIsStored() throws {
        let coach = AccountID(rawValue: UUID().uuidString)
        let ana = Athlete(id: AthleteID(rawValue: UUID().uuidString), handle: "ana", name: "Ana", createdAt: Self.t0)
        let day = try Day(parsing: "2026-12-01")
        func make(name: String = "Track", rule: String = "M13", week: Int = 1, members: [Athlete]? = nil) throws -> GroupSession {
            try GroupSession(coach: coach, day: day, name: name, rule: rule, week: week, members: members ?? [ana], createdAt: Self.t0)
        }
        #expect(throws: InputError.self) { try make(name: "  ") }
        #expect(throws: InputError.self) { try make(name: String(repeating: "x", count: GroupSession.longestName + 1)) }
        #expect(throws: InputError.self) { try make(name: "two\nlines") }
        #expect(throws: InputError.self) { try make(name: "bell\u{07}") }
        #expect(throws: InputError.self) { try make(rule: "M99") }
        // Strength and mobility are not track sessions; the goal-pace session needs each runner's goal.
        #expect(throws: InputError.self) { try make(rule: "M32") }
        #expect(throws: InputError.self) { try make(rule: "M5") }
        #expect(throws: InputError.self) { try make(rule: GoalPaceSession.rule) }
        #expect(throws: InputError.self) { try make(week: 0) }
        #expect(throws: InputError.self) { try make(week: BlockProgression.defaultBlockWeeks + 1) }
        #expect(throws: InputError.self) { try make(members: []) }
        #expect(throws: InputError.self) { try make(members: [ana, ana]) }
        #expect(try make(name: " Tuesday track ").name == "Tuesday track")
        #expect(try make(rule: "m17").rule == "M17")
    }
}
