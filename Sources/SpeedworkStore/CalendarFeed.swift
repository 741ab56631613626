import Foundation

/// A runner's calendar feed (issue 11): the secret address a calendar app subscribes to, serving
/// the active plan as iCalendar. Like an API token, the store keeps only the SHA-256 of the secret;
/// the address is shown once, when the feed is made. One feed of an account is active at a time.
public struct CalendarFeed: Sendable, Hashable {
    /// The feed's key.
    public let id: UUID
    /// Whose feed it is.
    public let account: AccountID
    /// SHA-256 of the secret in the address, in lower-case hex.
    public let secretHash: String
    /// When it was made (whole milliseconds).
    public let createdAt: Date
    /// When it was revoked, if it was; a revoked feed's address answers 404.
    public let revokedAt: Date?

    /// A feed as stored.
    public init(id: UUID, account: AccountID, secretHash: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.account = account
        self.secretHash = secretHash
        self.createdAt = StoredTime.rounded(createdAt)
        self.revokedAt = revokedAt.map(StoredTime.rounded)
    }
}
