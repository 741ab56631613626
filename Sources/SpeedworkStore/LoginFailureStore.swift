import Foundation

/// Failed log-ins kept in the database (issue 12, security: several server processes on one
/// PostgreSQL share one count; docs/server.md, "Log-in limits"). Each failure is one row per key
/// (the login, the client address), keys kept as SHA-256 hashes. ``admitLogin(_:window:at:)`` is
/// atomic across processes: it counts and records in one transaction that holds each key's lock
/// (PostgreSQL advisory transaction locks; SQLite's write lock taken with `BEGIN IMMEDIATE`), so
/// attempts sent at once to any number of processes admit no more than each key's limit.
public protocol LoginFailureStore: Sendable {
    /// Admits one attempt when every key has fewer than its limit of failures in the `window`
    /// seconds before `now`, and counts it as failed under each key at once; otherwise counts
    /// nothing and says how long until the first key that is full has room again.
    func admitLogin(_ limits: [LoginLimit], window: TimeInterval, at now: Date) async throws -> LoginAdmission
    /// An admitted attempt had the right password: its failure rows go, and every failure of
    /// `forgetting` (the account's key) with them.
    func loginSucceeded(_ attempt: UUID, forgetting key: String) async throws
    /// Deletes failures at or before `moment` (they have left every window); returns how many.
    func pruneLoginFailures(before moment: Date) async throws -> Int
}

/// One key an attempt counts against, and the failures allowed under it in the window (issue 12).
public struct LoginLimit: Sendable, Hashable {
    /// The key as the server names it (`login:ana`, `address:10.0.0.1`); stored as its SHA-256.
    public let key: String
    /// Failures allowed in the window.
    public let limit: Int

    /// A key and its limit.
    public init(key: String, limit: Int) {
        self.key = key
        self.limit = limit
    }

    /// The key as stored: its SHA-256 in hex, so a password typed into the login field is not kept.
    public static func stored(_ key: String) -> String { SHA256.hex(of: Array(key.utf8)) }
}

/// The answer to one log-in attempt (issue 12; ``LoginFailureStore/admitLogin(_:window:at:)``).
public enum LoginAdmission: Sendable, Hashable {
    /// Admitted and counted as failed until ``LoginFailureStore/loginSucceeded(_:forgetting:)``
    /// takes `attempt` back.
    case admitted(attempt: UUID)
    /// Refused: the seconds until a failure of the full key leaves the window.
    case refused(retryAfter: TimeInterval)
}
