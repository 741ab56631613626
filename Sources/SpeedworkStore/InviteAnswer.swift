/// What came of using an invite code (issue 12).
public enum InviteAnswer: Sendable, Hashable {
    /// The athlete now has this coach.
    case joined(Coach)
    /// The athlete already had this coach; nothing changed.
    case alreadyCoached(Coach)
    /// The code is the signed-in account's own invite: a coach does not coach themselves.
    case ownInvite
    /// No open invite has this code (never made, expired or revoked).
    case unknownOrExpired
}
