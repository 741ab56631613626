import Foundation

/// An invitation a coach hands to a training group (issue 12): one code that any number of
/// athletes may use until it expires or the coach revokes it. Only the code's SHA-256 is kept.
public struct CoachInvite: Sendable, Hashable {
    /// The invite's key.
    public let id: UUID
    /// The coach who made it.
    public let coach: AccountID
    /// The SHA-256 of the code, lower-case hex.
    public let codeHash: String
    /// When it was made (whole milliseconds).
    public let createdAt: Date
    /// When it stops working (whole milliseconds).
    public let expiresAt: Date
    /// When the coach revoked it, if they did.
    public let revokedAt: Date?

    /// An invite as stored.
    public init(id: UUID, coach: AccountID, codeHash: String, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.coach = coach
        self.codeHash = codeHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the invite can still be used at `moment`.
    public func isOpen(at moment: Date) -> Bool { revokedAt == nil && moment < expiresAt }
}
