import Foundation

/// A bearer token for the JSON API (issue 11; RFC 6750). The store keeps only the SHA-256 of the
/// secret; the secret is shown once, when the token is made.
public struct APIToken: Sendable, Hashable {
    /// The token's key, to list and revoke it by.
    public let id: UUID
    /// Whose token it is.
    public let account: AccountID
    /// SHA-256 of the secret, in lower-case hex.
    public let tokenHash: String
    /// A name the person chose ("watch sync", "laptop").
    public let name: String
    /// When it was made (whole milliseconds).
    public let createdAt: Date
    /// When it was revoked, if it was; a revoked token is refused.
    public let revokedAt: Date?

    /// A token as stored.
    public init(id: UUID, account: AccountID, tokenHash: String, name: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.account = account
        self.tokenHash = tokenHash
        self.name = name
        self.createdAt = StoredTime.rounded(createdAt)
        self.revokedAt = revokedAt.map(StoredTime.rounded)
    }
}
