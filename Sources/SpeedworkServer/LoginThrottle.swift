import Foundation
import SpeedworkStore
import Synchronization

/// Limits failed log-ins per account and per client address over a sliding window (OWASP
/// Authentication Cheat Sheet, "Protect against automated attacks"); past the limit the answer is
/// 429 with `Retry-After` (RFC 6585 section 4). The failures are kept in the store
/// (``SpeedworkStore/LoginFailureStore``), so every server process on one database shares the
/// count and a restart forgets nothing; only sign-in and token requests read or write them.
final class LoginThrottle: Sendable {
    /// Failed attempts allowed per account in the window.
    let perAccount: Int
    /// Failed attempts allowed per address in the window.
    let perAddress: Int
    /// The window, in seconds.
    let window: TimeInterval
    /// At most this often, in seconds, an attempt also deletes every failure that has left the window.
    static let pruneEvery: TimeInterval = 60

    private let store: any LoginFailureStore
    private let prunedAt = Mutex<Date?>(nil)

    /// An admitted attempt, to take back when its password was right.
    struct Ticket: Sendable, Hashable {
        let attempt: UUID
        let login: String
    }

    init(store: any LoginFailureStore, perAccount: Int, perAddress: Int, window: TimeInterval) {
        self.store = store
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    static func accountKey(_ login: String) -> String { "login:" + login.lowercased() }
    static func addressKey(_ address: String?) -> String { "address:" + (address ?? "unknown") }

    /// Admits one attempt when neither the login nor the address is past its limit, and counts it
    /// as failed at once, in one step no other attempt (in this process or another) can come
    /// between, so attempts sent together cannot all pass the check before the first of them has
    /// failed; ``succeeded(_:)`` takes it back. Refused: whole seconds until another attempt is allowed.
    func admit(login: String, address: String?, at now: Date) async throws -> Result<Ticket, Refusal> {
        try await pruneIfDue(at: now)
        let limits = [LoginLimit(key: Self.accountKey(login), limit: perAccount),
                      LoginLimit(key: Self.addressKey(address), limit: perAddress)]
        switch try await store.admitLogin(limits, window: window, at: now) {
        case .admitted(let attempt):
            return .success(Ticket(attempt: attempt, login: login))
        case .refused(let wait):
            return .failure(Refusal(retryAfter: max(1, Int(wait.rounded(.up)))))
        }
    }

    /// Past the limit: whole seconds until another attempt is allowed.
    struct Refusal: Error, Hashable {
        let retryAfter: Int
    }

    /// The admitted attempt had the right password: the account's failures are forgotten and the
    /// address's count no longer holds this attempt.
    func succeeded(_ ticket: Ticket) async throws {
        try await store.loginSucceeded(ticket.attempt, forgetting: Self.accountKey(ticket.login))
    }

    /// Deletes the failures that have left the window, at most once every ``pruneEvery`` seconds
    /// in this process.
    private func pruneIfDue(at now: Date) async throws {
        let due = prunedAt.withLock { last -> Bool in
            if let last, now.timeIntervalSince(last) < Self.pruneEvery, now >= last { return false }
            last = now
            return true
        }
        if due { _ = try await store.pruneLoginFailures(before: now.addingTimeInterval(-window)) }
    }
}
