import Foundation

/// The web app's accounts, signed-in sessions and API tokens (issue 11), kept in the same database
/// as the training log. A separate port from ``TrainingStore`` so the command line never needs
/// it; both engines implement both and pass the same contract suite (docs/server.md).
public protocol AccountStore: Sendable {
    /// How many accounts there are (the first visitor registers when there are none).
    func accountCount() async throws -> Int
    /// Makes an account linked to the runner `athleteHandle`, adding that runner when missing, in
    /// one transaction. Throws ``AccountConflict`` when the login or the runner is taken.
    func createAccount(login: String, passwordHash: String, athleteHandle: String, athleteName: String) async throws -> Account
    /// The account that signs in with `login` (compared as stored: lower-case).
    func account(login: String) async throws -> Account?
    /// The account with this key.
    func account(id: AccountID) async throws -> Account?

    /// Stores a new signed-in session.
    func startSession(_ session: WebSession) async throws
    /// The session whose secret hashes to `tokenHash`, if it has not expired at `now`.
    func session(tokenHash: String, at now: Date) async throws -> WebSession?
    /// Ends one session (signing out); ending one that is gone is not an error.
    func endSession(tokenHash: String) async throws
    /// Removes sessions that expired before `moment`; returns how many.
    func endSessions(expiredBefore moment: Date) async throws -> Int

    /// Stores a new API token.
    func addToken(_ token: APIToken) async throws
    /// The token whose secret hashes to `tokenHash`, with its account, unless it was revoked.
    func activeToken(hash tokenHash: String) async throws -> (token: APIToken, account: Account)?
    /// The account's tokens, revoked ones included, oldest first.
    func tokens(for account: AccountID) async throws -> [APIToken]
    /// Revokes one of the account's tokens at `moment`; false when the account has no such active token.
    func revokeToken(_ id: UUID, for account: AccountID, at moment: Date) async throws -> Bool
}

/// What the web app needs of a database: the training log and the accounts, in one store.
public typealias ServerStore = TrainingStore & AccountStore & CalendarFeedStore & ImportJobStore & CoachingStore & GroupSessionStore
    & LoginFailureStore

extension DatabaseLocation {
    /// Opens the log here with its accounts (for the web app), creating it and applying
    /// migrations on first use.
    public func openServerStore() async throws -> any ServerStore {
        switch self {
        case .sqlite(let path): try await SQLiteStore.open(path: path)
        case .postgres(let address): try await PostgresStore.open(address)
        }
    }
}
