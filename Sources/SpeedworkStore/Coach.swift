import Foundation

/// A runner's coach as the runner sees them (issue 12).
public struct Coach: Sendable, Hashable {
    /// The coach's account.
    public let account: AccountID
    /// The login the coach signs in with.
    public let login: String
    /// The coach's name (their own runner's name).
    public let name: String
    /// When the coaching began (whole milliseconds).
    public let since: Date

    /// A coach as stored.
    public init(account: AccountID, login: String, name: String, since: Date) {
        self.account = account
        self.login = login
        self.name = name
        self.since = since
    }
}

/// A runner as their coach sees them in the list of athletes (issue 12).
public struct CoachedAthlete: Sendable, Hashable {
    /// The runner.
    public let athlete: Athlete
    /// The runner's account.
    public let account: AccountID
    /// The login the runner signs in with.
    public let login: String
    /// When the coaching began (whole milliseconds).
    public let since: Date

    /// A coached runner as stored.
    public init(athlete: Athlete, account: AccountID, login: String, since: Date) {
        self.athlete = athlete
        self.account = account
        self.login = login
        self.since = since
    }
}
