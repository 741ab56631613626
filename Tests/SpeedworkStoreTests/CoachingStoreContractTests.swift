import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `CoachingStore` must do (issue 12; docs/server.md, "Coaches"): on
/// SQLite always and on PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct CoachingStoreContractTests {
    private static let hash = "$2b$04$abcdefghijklmnopqrstuu5Gh1PEJ.ThX6W4Ur3yZ9QKJz6vlkEMC"
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    private static let day: TimeInterval = 86_400

    /// A club: coach Carla, her rival coach Dan, athletes Ana and Ben.
    private struct Club {
        let carla: Account, dan: Account, ana: Account, ben: Account
    }

    private func club(_ store: any ServerStore) async throws -> Club {
        func make(_ handle: String, _ name: String, coach: Bool) async throws -> Account {
            let made = try await store.createAccount(login: handle, passwordHash: Self.hash, athleteHandle: handle, athleteName: name)
            if coach { try await store.setCoaching(true, for: made.id) }
            return try #require(try await store.account(id: made.id))
        }
        return Club(carla: try await make("carla", "Carla", coach: true), dan: try await make("dan", "Dan", coach: true),
                    ana: try await make("ana", "Ana", coach: false), ben: try await make("ben", "Ben", coach: false))
    }

    private func invite(_ coach: Account, code: String, store: any ServerStore, made: Date = t0,
                        days: Double = 14) async throws -> CoachInvite {
        let invite = CoachInvite(id: UUID(), coach: coach.id, codeHash: SHA256.hex(of: Array(code.utf8)), createdAt: made,
                                 expiresAt: made.addingTimeInterval(days * Self.day))
        try await store.addInvite(invite)
        return invite
    }

    @Test(arguments: Engine.available)
    func coachingIsOffUntilTurnedOnAndReadBackWithTheAccount(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let made = try await store.createAccount(login: "carla", passwordHash: Self.hash, athleteHandle: "carla", athleteName: "C")
            #expect(made.isCoach == false)
            #expect(try await store.account(id: made.id)?.isCoach == false)
            try await store.setCoaching(true, for: made.id)
            #expect(try await store.account(id: made.id)?.isCoach == true)
            #expect(try await store.account(login: "carla")?.isCoach == true)
        }
    }

    @Test(arguments: Engine.available)
    func oneInviteLetsAWholeGroupJoinOnce(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let club = try await club(store)
            _ = try await invite(club.carla, code: "K7QX-93HD", store: store)
            let hash = SHA256.hex(of: Array("K7QX-93HD".utf8))
            let joined = try await store.join(codeHash: hash, athlete: club.ana, at: Self.t0.addingTimeInterval(60))
            guard case .joined(let coach) = joined else { Issue.record("ana did not join: \(joined)"); return }
            #expect(coach.account == club.carla.id && coach.login == "carla" && coach.name == "Carla")
            #expect(coach.since == Self.t0.addingTimeInterval(60))
            guard case .joined = try await store.join(codeHash: hash, athlete: club.ben, at: Self.t0.addingTimeInterval(120)) else {
                Issue.record("ben did not join with the same code"); return
            }
            #expect(try await store.join(codeHash: hash, athlete: club.ana, at: Self.t0.addingTimeInterval(180)) == .alreadyCoached(coach))
            #expect(try await store.athletes(coachedBy: club.carla.id).map(\.athlete.handle) == ["ana", "ben"])
            #expect(try await store.athletes(coachedBy: club.carla.id).first?.login == "ana")
            #expect(try await store.athletes(coachedBy: club.dan.id).isEmpty)
            #expect(try await store.coaches(of: club.ana.athlete) == [coach])
        }
    }

    @Test(arguments: Engine.available)
    func expiredRevokedUnknownAndOwnCodesDoNotJoin(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let club = try await club(store)
            let short = try await invite(club.carla, code: "SHORT", store: store, days: 1)
            let revoked = try await invite(club.carla, code: "REVOKED", store: store)
            #expect(try await store.revokeInvite(revoked.id, from: club.dan.id, at: Self.t0) == false)
            #expect(try await store.revokeInvite(revoked.id, from: club.carla.id, at: Self.t0))
            #expect(try await store.revokeInvite(revoked.id, from: club.carla.id, at: Self.t0) == false)
            let later = Self.t0.addingTimeInterval(Self.day + 1)
            #expect(try await store.join(codeHash: short.codeHash, athlete: club.ana, at: later) == .unknownOrExpired)
            #expect(try await store.join(codeHash: revoked.codeHash, athlete: club.ana, at: Self.t0) == .unknownOrExpired)
            #expect(try await store.join(codeHash: SHA256.hex(of: Array("NEVER".utf8)), athlete: club.ana, at: Self.t0) == .unknownOrExpired)
            #expect(try await store.join(codeHash: short.codeHash, athlete: club.carla, at: Self.t0) == .ownInvite)
            #expect(try await store.coaches(of: club.ana.athlete).isEmpty)
            #expect(try await store.openInvites(from: club.carla.id, at: Self.t0).map(\.id) == [short.id])
            #expect(try await store.openInvites(from: club.carla.id, at: later).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aCoachSeesOnlyTheirOwnAthletesAndAnAthleteOnlyThemself(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let club = try await club(store)
            let code = try await invite(club.carla, code: "CARLA", store: store)
            _ = try await store.join(codeHash: code.codeHash, athlete: club.ana, at: Self.t0)
            #expect(try await store.athlete(handle: "ana", visibleTo: club.carla)?.id == club.ana.athlete)
            #expect(try await store.athlete(handle: "carla", visibleTo: club.carla)?.id == club.carla.athlete)
            #expect(try await store.athlete(handle: "ben", visibleTo: club.carla) == nil)
            #expect(try await store.athlete(handle: "ana", visibleTo: club.dan) == nil)
            #expect(try await store.athlete(handle: "ana", visibleTo: club.ana)?.id == club.ana.athlete)
            #expect(try await store.athlete(handle: "ben", visibleTo: club.ana) == nil)
            #expect(try await store.athlete(handle: "carla", visibleTo: club.ana) == nil)
            #expect(try await store.athlete(handle: "nobody", visibleTo: club.carla) == nil)
            #expect(try await store.canSee(club.ana.athlete, account: club.carla))
            #expect(try await store.canSee(club.ana.athlete, account: club.dan) == false)
            #expect(try await store.canSee(club.carla.athlete, account: club.ana) == false)
            #expect(try await store.canSee(club.ben.athlete, account: club.ben))
        }
    }

    @Test(arguments: Engine.available)
    func leavingOrStoppingCoachingEndsTheView(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let club = try await club(store)
            let code = try await invite(club.carla, code: "CARLA", store: store)
            _ = try await store.join(codeHash: code.codeHash, athlete: club.ana, at: Self.t0)
            _ = try await store.join(codeHash: code.codeHash, athlete: club.ben, at: Self.t0)
            #expect(try await store.endCoaching(coach: club.carla.id, athlete: club.ana.athlete))
            #expect(try await store.endCoaching(coach: club.carla.id, athlete: club.ana.athlete) == false)
            #expect(try await store.athlete(handle: "ana", visibleTo: club.carla) == nil)
            #expect(try await store.athlete(handle: "ben", visibleTo: club.carla) != nil)
            try await store.setCoaching(false, for: club.carla.id)
            #expect(try await store.athlete(handle: "ben", visibleTo: club.carla) == nil)
            #expect(try await store.openInvites(from: club.carla.id, at: Self.t0).isEmpty)
            #expect(try await store.join(codeHash: code.codeHash, athlete: club.ana, at: Self.t0) == .unknownOrExpired)
        }
    }

    @Test(arguments: Engine.available)
    func stoppingCoachingUndoesItAllInOneGoAndLeavesTheAthletesLogs(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let club = try await club(store)
            let code = try await invite(club.carla, code: "CARLA", store: store)
            let spare = try await invite(club.carla, code: "SPARE", store: store)
            _ = try await invite(club.carla, code: "STALE", store: store, days: 0.5)
            let dans = try await invite(club.dan, code: "DAN", store: store)
            _ = try await store.join(codeHash: code.codeHash, athlete: club.ana, at: Self.t0)
            _ = try await store.join(codeHash: code.codeHash, athlete: club.ben, at: Self.t0)
            _ = try await store.join(codeHash: dans.codeHash, athlete: club.ben, at: Self.t0)
            let ana = try #require(try await store.athlete(handle: "ana"))
            let ben = try #require(try await store.athlete(handle: "ben"))
            let day = try Day(parsing: "2026-12-01")
            let carlas = try GroupSession(coach: club.carla.id, day: day, name: "Tuesday track", rule: "M13", week: 1,
                                          members: [ana, ben], createdAt: Self.t0)
            let danSession = try GroupSession(coach: club.dan.id, day: day, name: "Dan's track", rule: "M13", week: 1,
                                              members: [ben], createdAt: Self.t0)
            #expect(try await store.addGroupSession(carlas) == .stored)
            #expect(try await store.addGroupSession(danSession) == .stored)
            let result = try LoggedResult(day: day, kind: .race, distance: .kilometers(5), time: .seconds(1260))
            #expect(try await store.add([result], for: ana.id) == 1)
            let anasRevision = try await store.logRevision(for: ana.id)

            // A day after the invites were made: the half-day one has expired on its own and is not counted.
            let moment = Self.t0.addingTimeInterval(Self.day)
            let stop = try await store.stopCoaching(club.carla.id, at: moment)
            #expect(stop == CoachingStop(athletesReleased: 2, invitesRevoked: 2, groupSessionsDeleted: 1))
            #expect(try await store.account(id: club.carla.id)?.isCoach == false)
            #expect(try await store.athletes(coachedBy: club.carla.id).isEmpty)
            #expect(try await store.athlete(handle: "ana", visibleTo: club.carla) == nil)
            #expect(try await store.canSee(ben.id, account: club.carla) == false)
            #expect(try await store.openInvites(from: club.carla.id, at: moment).isEmpty)
            #expect(try await store.join(codeHash: spare.codeHash, athlete: club.ana, at: moment) == .unknownOrExpired)
            #expect(try await store.groupSession(carlas.id, visibleTo: club.ana) == nil)
            #expect(try await store.groupSessions(coachedBy: club.carla.id).isEmpty)
            #expect(try await store.groupSessions(for: ana.id, from: day, through: day).isEmpty)
            // The athletes' own logs and the other coach's link and session are untouched.
            #expect(try await store.results(for: ana.id, since: nil) == [result])
            #expect(try await store.logRevision(for: ana.id) == anasRevision)
            #expect(try await store.coaches(of: ben.id).map(\.login) == ["dan"])
            #expect(try await store.groupSessions(for: ben.id, from: day, through: day).map(\.id) == [danSession.id])
            #expect(try await store.account(id: club.dan.id)?.isCoach == true)
            #expect(try await store.account(id: club.ana.id)?.isCoach == false)

            // Not a coach (any more, or ever): nothing to stop, nothing changes.
            #expect(try await store.stopCoaching(club.carla.id, at: moment) == nil)
            #expect(try await store.stopCoaching(club.ana.id, at: moment) == nil)
            #expect(try await store.coaches(of: ben.id).map(\.login) == ["dan"])
            // Coaching again starts from nothing: no athlete comes back.
            try await store.setCoaching(true, for: club.carla.id)
            #expect(try await store.athletes(coachedBy: club.carla.id).isEmpty)
            #expect(try await store.stopCoaching(club.carla.id, at: moment) == CoachingStop(athletesReleased: 0, invitesRevoked: 0,
                                                                                             groupSessionsDeleted: 0))
        }
    }
}
