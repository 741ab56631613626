import Foundation

/// The web app's calendar feeds (issue 11; ``CalendarFeed``), in the same database as the accounts.
/// Both engines implement it and pass the same contract suite (docs/server.md).
public protocol CalendarFeedStore: Sendable {
    /// Stores `feed` as its account's active feed, revoking the one active before at the new feed's
    /// creation time, in one transaction: the old address stops working as the new one starts.
    func startCalendarFeed(_ feed: CalendarFeed) async throws
    /// The account's active feed, if it has one.
    func activeCalendarFeed(for account: AccountID) async throws -> CalendarFeed?
    /// The active feed whose secret hashes to `secretHash`, with its account; nil for an unknown or
    /// revoked secret.
    func activeCalendarFeed(hash secretHash: String) async throws -> (feed: CalendarFeed, account: Account)?
    /// The account's feeds, revoked ones included, oldest first.
    func calendarFeeds(for account: AccountID) async throws -> [CalendarFeed]
    /// Revokes the account's active feed at `moment`; false when it has none.
    func revokeCalendarFeed(for account: AccountID, at moment: Date) async throws -> Bool
}
