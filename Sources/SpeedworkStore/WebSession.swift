import Foundation

/// A signed-in browser (issue 11): the store keeps only the SHA-256 of the cookie's secret, so a
/// copy of the database does not let anyone sign in (OWASP Session Management Cheat Sheet).
public struct WebSession: Sendable, Hashable {
    /// SHA-256 of the cookie value, in lower-case hex.
    public let tokenHash: String
    /// Who is signed in.
    public let account: AccountID
    /// The token every form of this session must send back (OWASP CSRF Prevention Cheat Sheet,
    /// synchronizer token pattern).
    public let csrfToken: String
    /// When the session began (whole milliseconds).
    public let createdAt: Date
    /// When the session stops being accepted (whole milliseconds).
    public let expiresAt: Date

    /// A session as stored.
    public init(tokenHash: String, account: AccountID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = StoredTime.rounded(createdAt)
        self.expiresAt = StoredTime.rounded(expiresAt)
    }
}
