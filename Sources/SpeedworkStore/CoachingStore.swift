import Foundation

/// Coaches and the athletes they coach (issue 12), kept beside the accounts. The store is where
/// scoping happens: a handler reaches another runner's data only through
/// ``athlete(handle:visibleTo:)`` or ``canSee(_:account:)``, which answer for the signed-in
/// account — its own runner, or one it coaches — and nil otherwise (docs/server.md, "Coaches").
public protocol CoachingStore: Sendable {
    /// Turns coaching on or off for an account (a coach is also a runner with their own log).
    func setCoaching(_ isCoach: Bool, for account: AccountID) async throws
    /// Stops coaching in one transaction (docs/server.md, "Stopping coaching"): every athlete is
    /// released, the invites still open at `moment` are revoked, the coach's group sessions are
    /// deleted and the account is no longer a coach. Nil, changing nothing, when it is not a coach.
    func stopCoaching(_ coach: AccountID, at moment: Date) async throws -> CoachingStop?
    /// Stores a new invite; its code is kept only as a SHA-256 hash.
    func addInvite(_ invite: CoachInvite) async throws
    /// The coach's invites still open at `now` (not expired, not revoked), newest first.
    func openInvites(from coach: AccountID, at now: Date) async throws -> [CoachInvite]
    /// Revokes one of the coach's open invites at `moment`; false when the coach has no such invite.
    func revokeInvite(_ id: UUID, from coach: AccountID, at moment: Date) async throws -> Bool
    /// The runner of `account` joins the coach whose invite, open at `moment`, has `codeHash`.
    func join(codeHash: String, athlete account: Account, at moment: Date) async throws -> InviteAnswer
    /// Ends a coaching link (the athlete leaves, or the coach lets them go); false when there was none.
    func endCoaching(coach: AccountID, athlete: AthleteID) async throws -> Bool
    /// The athletes this account coaches, by name then handle.
    func athletes(coachedBy coach: AccountID) async throws -> [CoachedAthlete]
    /// The coaches of this runner, by name then login.
    func coaches(of athlete: AthleteID) async throws -> [Coach]
    /// The runner with `handle` when `account` may see it (its own runner, or one it coaches), else nil.
    func athlete(handle: String, visibleTo account: Account) async throws -> Athlete?
    /// Whether `account` may see the runner `athlete`: its own, or one it coaches.
    func canSee(_ athlete: AthleteID, account: Account) async throws -> Bool
}
