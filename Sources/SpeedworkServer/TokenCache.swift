import Foundation
import SpeedworkStore

/// The API tokens this process found active in the last second (issue 12, load; docs/server.md,
/// "Read cache"): a request within ``lifetime`` of its token's last database read skips that read.
/// A token revoked through this process is forgotten at once; one revoked through another process
/// on the same database is refused there at once and here within ``lifetime``. Unknown and revoked
/// tokens are never kept. Bounded by ``capacity`` tokens. One per app, made with its routes
/// (`makeRouter`), so two apps in one process (tests, say) never see each other's tokens.
final class TokenCache: @unchecked Sendable {
    /// How long a token read from the database is trusted without reading it again, in seconds:
    /// the longest a revocation by another process takes to reach this one.
    static let lifetime: TimeInterval = 1
    /// The most tokens kept; past it, the cache starts again empty.
    static let capacity = 10_000

    private struct Found {
        let token: APIToken
        let account: Account
        let readAt: TimeInterval
    }

    private let lock = NSLock()
    private var found: [String: Found] = [:]

    /// The active token whose secret hashes to `tokenHash`, with its account: kept when read less
    /// than ``lifetime`` ago, else read by `read` (and kept when active).
    func activeToken(hash tokenHash: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime,
                     read: () async throws -> (token: APIToken, account: Account)?) async throws -> (token: APIToken, account: Account)? {
        let kept = lock.withLock { found[tokenHash] }
        if let kept, now - kept.readAt < Self.lifetime, now >= kept.readAt { return (kept.token, kept.account) }
        guard let fresh = try await read() else {
            lock.withLock { found[tokenHash] = nil }
            return nil
        }
        lock.withLock {
            if found.count >= Self.capacity { found.removeAll(keepingCapacity: true) }
            found[tokenHash] = Found(token: fresh.token, account: fresh.account, readAt: now)
        }
        return fresh
    }

    /// Forgets every token of this account (its account changed, e.g. it turned coaching on), so
    /// the next request reads the account again.
    func forget(account id: AccountID) {
        lock.withLock { found = found.filter { $0.value.account.id != id } }
    }

    /// Forgets the token with this id (it was just revoked).
    func forget(token id: UUID) {
        lock.withLock { found = found.filter { $0.value.token.id != id } }
    }
}
