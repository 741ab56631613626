import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `CalendarFeedStore` must do (issue 11; docs/server.md): one active feed
/// an account, a new one revoking the old in the same step, only the owner revoking it. On SQLite
/// always and on PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct CalendarFeedStoreContractTests {
    private static let hash = "$2b$04$abcdefghijklmnopqrstuu5Gh1PEJ.ThX6W4Ur3yZ9QKJz6vlkEMC"
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    @Test(arguments: Engine.available)
    func aNewFeedRevokesTheOldOneAndOnlyTheActiveOneIsFound(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.appliedMigrations().contains("0005-calendar-feeds"))
            let ana = try await store.createAccount(login: "ana", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Ana")
            let bob = try await store.createAccount(login: "bob", passwordHash: Self.hash, athleteHandle: "bob", athleteName: "Bob")
            #expect(try await store.activeCalendarFeed(for: ana.id) == nil)

            let first = CalendarFeed(id: UUID(), account: ana.id, secretHash: String(repeating: "a", count: 64), createdAt: Self.t0)
            try await store.startCalendarFeed(first)
            #expect(try await store.activeCalendarFeed(for: ana.id) == first)
            let found = try await store.activeCalendarFeed(hash: first.secretHash)
            #expect(found?.feed == first)
            #expect(found?.account == ana)
            #expect(try await store.activeCalendarFeed(hash: String(repeating: "f", count: 64)) == nil)

            let later = Self.t0.addingTimeInterval(60)
            let second = CalendarFeed(id: UUID(), account: ana.id, secretHash: String(repeating: "b", count: 64), createdAt: later)
            try await store.startCalendarFeed(second)
            #expect(try await store.activeCalendarFeed(for: ana.id) == second)
            #expect(try await store.activeCalendarFeed(hash: first.secretHash) == nil)
            #expect(try await store.activeCalendarFeed(hash: second.secretHash)?.feed == second)
            let listed = try await store.calendarFeeds(for: ana.id)
            #expect(listed.map(\.id) == [first.id, second.id])
            #expect(listed.first?.revokedAt.map { abs($0.timeIntervalSince(later)) < 0.001 } == true)
            #expect(listed.last?.revokedAt == nil)

            // Bob's feed is his own: making it leaves Ana's alone, and he cannot revoke hers.
            let bobs = CalendarFeed(id: UUID(), account: bob.id, secretHash: String(repeating: "c", count: 64), createdAt: later)
            try await store.startCalendarFeed(bobs)
            #expect(try await store.activeCalendarFeed(for: ana.id) == second)
            #expect(try await store.revokeCalendarFeed(for: bob.id, at: later) == true)
            #expect(try await store.activeCalendarFeed(hash: second.secretHash) != nil)
            #expect(try await store.activeCalendarFeed(hash: bobs.secretHash) == nil)

            #expect(try await store.revokeCalendarFeed(for: ana.id, at: later.addingTimeInterval(1)) == true)
            #expect(try await store.revokeCalendarFeed(for: ana.id, at: later.addingTimeInterval(2)) == false)
            #expect(try await store.activeCalendarFeed(for: ana.id) == nil)
            #expect(try await store.activeCalendarFeed(hash: second.secretHash) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func aSecretHashIsNeverReused(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            let ana = try await store.createAccount(login: "ana", passwordHash: Self.hash, athleteHandle: "ana", athleteName: "Ana")
            let feed = CalendarFeed(id: UUID(), account: ana.id, secretHash: String(repeating: "a", count: 64), createdAt: Self.t0)
            try await store.startCalendarFeed(feed)
            let again = CalendarFeed(id: UUID(), account: ana.id, secretHash: feed.secretHash, createdAt: Self.t0.addingTimeInterval(1))
            await #expect(throws: (any Error).self) { try await store.startCalendarFeed(again) }
            // The refused feed changed nothing: the first is still the active one.
            #expect(try await store.activeCalendarFeed(for: ana.id) == feed)
        }
    }
}
