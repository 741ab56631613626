import Foundation

/// Whose account a session or API token belongs to: the stored key, a UUID in text form.
public struct AccountID: Sendable, Hashable, CustomStringConvertible {
    /// The stored key.
    public let rawValue: String

    /// Wraps a stored key.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The stored key.
    public var description: String { rawValue }
}

/// A person who signs in to the web app (issue 11), linked to exactly one runner's log. The
/// password is kept only as a bcrypt hash (Provos and Mazières, "A Future-Adaptable Password
/// Scheme", USENIX 1999).
public struct Account: Sendable, Hashable {
    /// The key sessions and tokens carry.
    public let id: AccountID
    /// The e-mail address or handle the person signs in with, lower-cased.
    public let login: String
    /// The runner whose log this account reads and writes.
    public let athlete: AthleteID
    /// The bcrypt hash of the password (`$2b$…`); never the password.
    public let passwordHash: String
    /// When the account was made (whole milliseconds).
    public let createdAt: Date
    /// Whether the account coaches other runners (issue 12); a coach still has a log of their own.
    public let isCoach: Bool

    /// An account as stored.
    public init(id: AccountID, login: String, athlete: AthleteID, passwordHash: String, createdAt: Date, isCoach: Bool = false) {
        self.id = id
        self.login = login
        self.athlete = athlete
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.isCoach = isCoach
    }
}
