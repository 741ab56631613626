import Foundation
import Speedwork

/// A coach's group track sessions (issue 12; ``GroupSession``), in the same database as the
/// accounts. Every read is scoped by the account asking: the coach who made a session reads and
/// changes it, a member reads it, anyone else is told it does not exist (nil, which the server
/// answers as 404). Both engines implement it and pass the same contract suite (docs/server.md).
public protocol GroupSessionStore: Sendable {
    /// Stores a new session with its members, in one transaction, when every member is an athlete
    /// its coach coaches; otherwise stores nothing and names those who are not.
    func addGroupSession(_ session: GroupSession) async throws -> GroupSessionWrite
    /// The session when `account` may see it (its coach, or a member's account), else nil.
    func groupSession(_ id: UUID, visibleTo account: Account) async throws -> GroupSession?
    /// Replaces the day, name, session and members of one of `coach`'s sessions, when every member
    /// is an athlete `coach` coaches; otherwise changes nothing.
    func updateGroupSession(_ session: GroupSession, by coach: AccountID) async throws -> GroupSessionWrite
    /// Deletes one of `coach`'s sessions; false when `coach` has no such session.
    func deleteGroupSession(_ id: UUID, by coach: AccountID) async throws -> Bool
    /// The sessions `coach` made, newest day first.
    func groupSessions(coachedBy coach: AccountID) async throws -> [GroupSession]
    /// The sessions `athlete` is a member of from `first` through `last`, by day.
    func groupSessions(for athlete: AthleteID, from first: Day, through last: Day) async throws -> [GroupSession]
}

/// What became of a group session written to the store.
public enum GroupSessionWrite: Sendable, Hashable {
    /// Stored.
    case stored
    /// The account has no such session to change: nothing changed.
    case notYours
    /// These members are not athletes the coach coaches: nothing changed.
    case notCoached([Athlete])
}
