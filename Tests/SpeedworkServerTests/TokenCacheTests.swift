import Foundation
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The API's token cache (issue 12, load): a token read from the database is trusted for
/// ``TokenCache/lifetime`` (one second) and read again after; unknown and revoked tokens are never
/// kept; a revocation through this process is forgotten at once.
struct TokenCacheTests {
    static let account = Account(id: AccountID(rawValue: "a1"), login: "ana", athlete: AthleteID(rawValue: "r1"),
                                 passwordHash: "x", createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    static let token = APIToken(id: UUID(), account: account.id, tokenHash: String(repeating: "ab", count: 32), name: "watch",
                                createdAt: Date(timeIntervalSince1970: 1_790_000_000))

    @Test func aTokenIsReadAgainOnceItsSecondIsOverAndARevokedOneIsRefused() async throws {
        #expect(TokenCache.lifetime <= 1)
        let cache = TokenCache()
        let reads = CallCount()
        let revoked = CallCount()
        let read: @Sendable () async throws -> (token: APIToken, account: Account)? = {
            reads.add()
            return revoked.value == 0 ? (Self.token, Self.account) : nil
        }
        let hash = Self.token.tokenHash
        #expect(try await cache.activeToken(hash: hash, now: 100, read: read)?.account == Self.account)
        #expect(try await cache.activeToken(hash: hash, now: 100.5, read: read)?.token == Self.token)
        #expect(reads.value == 1)
        // Revoked elsewhere: refused as soon as the second is over.
        revoked.add()
        #expect(try await cache.activeToken(hash: hash, now: 100.999, read: read) != nil)
        #expect(try await cache.activeToken(hash: hash, now: 101, read: read) == nil)
        #expect(try await cache.activeToken(hash: hash, now: 101.1, read: read) == nil)
        #expect(reads.value == 3)
    }

    @Test func aTokenRevokedHereIsForgottenAtOnceAndAClockGoingBackReadsAgain() async throws {
        let cache = TokenCache()
        let reads = CallCount()
        let read: @Sendable () async throws -> (token: APIToken, account: Account)? = {
            reads.add()
            return (Self.token, Self.account)
        }
        let hash = Self.token.tokenHash
        _ = try await cache.activeToken(hash: hash, now: 50, read: read)
        cache.forget(token: Self.token.id)
        _ = try await cache.activeToken(hash: hash, now: 50.1, read: read)
        #expect(reads.value == 2)
        _ = try await cache.activeToken(hash: hash, now: 49, read: read)
        #expect(reads.value == 3)
    }
}

/// The import threads (issue 12, load): work run with them preferred, child tasks included, runs
/// at the lower priority; the caller's thread keeps its own.
struct PriorityExecutorTests {
    @Test func importsRunAtALowerPriorityThanRequests() async throws {
        #if os(Linux)
        let outside = PriorityExecutor.currentNiceness()
        let inside = await withTaskExecutorPreference(PriorityExecutor.imports) {
            await withTaskGroup(of: Int32.self) { group in
                for _ in 0..<4 { group.addTask { PriorityExecutor.currentNiceness() } }
                var seen: [Int32] = []
                for await niceness in group { seen.append(niceness) }
                return seen
            }
        }
        #expect(inside == Array(repeating: min(19, outside + PriorityExecutor.importNiceness), count: 4))
        #expect(PriorityExecutor.currentNiceness() == outside)
        #else
        print("note: thread priorities are set on Linux only")
        #endif
    }
}
