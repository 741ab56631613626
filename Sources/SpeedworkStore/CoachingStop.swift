import Foundation

/// What stopping coaching undid (issue 12; ``CoachingStore/stopCoaching(_:at:)``), counted in the
/// transaction that undid it.
public struct CoachingStop: Sendable, Hashable {
    /// Athletes released.
    public let athletesReleased: Int
    /// Open invites revoked.
    public let invitesRevoked: Int
    /// Group track sessions deleted (the athletes' own activities and hand-logged results stay).
    public let groupSessionsDeleted: Int

    /// The counts as the store found them.
    public init(athletesReleased: Int, invitesRevoked: Int, groupSessionsDeleted: Int) {
        self.athletesReleased = athletesReleased
        self.invitesRevoked = invitesRevoked
        self.groupSessionsDeleted = groupSessionsDeleted
    }
}
