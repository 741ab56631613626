import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// Runs `body` with a server store (log and accounts) on a fresh database of `engine`.
func withServerStore(_ engine: Engine, _ body: (any ServerStore) async throws -> Void) async throws {
    try await withDatabase(engine) { database in
        let store = try await database.location.openServerStore()
        do {
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

/// What every engine behind `AccountStore` must do (issue 11; docs/server.md): on SQLite always and
/// on PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct AccountStoreContractTests {
    private static let hash = "$2b$04$abcdefghijklmnopqrstuu5Gh1PEJ.ThX6W4Ur3yZ9QKJz6vlkEMC"
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    @Test(arguments: Engine.available)
    func aNewDatabaseHasOnlyTheSchema(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.accountCount() == 0)
            #expect(try await store.athlete(handle: Athlete.defaultHandle) == nil)
            #expect(try await store.appliedMigrations().contains("0004-web-accounts"))
        }
    }

    @Test(arguments: Engine.available)
    func anAccountIsFoundByLoginInAnyCaseAndByKey(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let made = try await store.createAccount(login: "Ana@Example.org", passwordHash: Self.hash,
                                                     athleteHandle: "ana", athleteName: "Ana")
            #expect(made.login == "ana@example.org")
            #expect(made.passwordHash == Self.hash)
            #expect(try await store.account(login: "ANA@example.ORG") == made)
            #expect(try await store.account(id: made.id) == made)
            #expect(try await store.athlete(handle: "ana")?.id == made.athlete)
            #expect(try await store.accountCount() == 1)
            #expect(try await store.account(login: "bob@example.org") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func aTakenLoginOrRunnerIsRefusedAndNothingIsAdded(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            _ = try await store.createAccount(login: "ana", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Ana")
            await #expect(throws: AccountConflict.loginTaken("ana")) {
                _ = try await store.createAccount(login: "ANA", passwordHash: Self.hash, athleteHandle: "other", athleteName: "O")
            }
            #expect(try await store.athlete(handle: "other") == nil)
            await #expect(throws: AccountConflict.athleteTaken("ana")) {
                _ = try await store.createAccount(login: "bob", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Bob")
            }
            #expect(try await store.accountCount() == 1)
        }
    }

    @Test(arguments: Engine.available)
    func theCommandLinesRunnerIsLinkedNotCopied(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let runner = try await store.defaultAthlete()
            let result = try LoggedResult(day: try Day(parsing: "2026-03-01"), kind: .race, distance: .kilometers(5), time: .seconds(1200))
            _ = try await store.add([result], for: runner.id)
            let account = try await store.createAccount(login: "me", passwordHash: Self.hash,
                                                        athleteHandle: Athlete.defaultHandle, athleteName: "Me")
            #expect(account.athlete == runner.id)
            #expect(try await store.results(for: account.athlete, since: nil) == [result])
        }
    }

    @Test(arguments: Engine.available)
    func sessionsLastUntilTheyExpireOrEnd(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let account = try await store.createAccount(login: "ana", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Ana")
            let short = WebSession(tokenHash: String(repeating: "a", count: 64), account: account.id, csrfToken: "c1",
                                   createdAt: Self.t0, expiresAt: Self.t0.addingTimeInterval(60))
            let long = WebSession(tokenHash: String(repeating: "b", count: 64), account: account.id, csrfToken: "c2",
                                  createdAt: Self.t0, expiresAt: Self.t0.addingTimeInterval(3600))
            try await store.startSession(short)
            try await store.startSession(long)
            #expect(try await store.session(tokenHash: short.tokenHash, at: Self.t0.addingTimeInterval(59)) == short)
            #expect(try await store.session(tokenHash: short.tokenHash, at: Self.t0.addingTimeInterval(60)) == nil)
            #expect(try await store.session(tokenHash: String(repeating: "c", count: 64), at: Self.t0) == nil)
            #expect(try await store.endSessions(expiredBefore: Self.t0.addingTimeInterval(61)) == 1)
            #expect(try await store.session(tokenHash: long.tokenHash, at: Self.t0) == long)
            try await store.endSession(tokenHash: long.tokenHash)
            try await store.endSession(tokenHash: long.tokenHash)
            #expect(try await store.session(tokenHash: long.tokenHash, at: Self.t0) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func aRevokedTokenIsRefusedAndOnlyItsOwnerRevokesIt(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let ana = try await store.createAccount(login: "ana", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Ana")
            let bob = try await store.createAccount(login: "bob", passwordHash: Self.hash, athleteHandle: "bob", athleteName: "Bob")
            let token = APIToken(id: UUID(), account: ana.id, tokenHash: String(repeating: "d", count: 64), name: "watch",
                                 createdAt: Self.t0)
            try await store.addToken(token)
            let found = try await store.activeToken(hash: token.tokenHash)
            #expect(found?.token == token)
            #expect(found?.account == ana)
            #expect(try await store.activeToken(hash: String(repeating: "e", count: 64)) == nil)
            #expect(try await store.revokeToken(token.id, for: bob.id, at: Self.t0) == false)
            #expect(try await store.activeToken(hash: token.tokenHash) != nil)
            let later = Self.t0.addingTimeInterval(10)
            #expect(try await store.revokeToken(token.id, for: ana.id, at: later) == true)
            #expect(try await store.revokeToken(token.id, for: ana.id, at: later) == false)
            #expect(try await store.activeToken(hash: token.tokenHash) == nil)
            let listed = try await store.tokens(for: ana.id)
            #expect(listed.map(\.id) == [token.id])
            #expect(listed.first?.revokedAt.map { abs($0.timeIntervalSince(later)) < 0.001 } == true)
            #expect(try await store.tokens(for: bob.id).isEmpty)
        }
    }
}
