import Foundation

/// Whose data a query is about. Every read and write of training data takes one, so a query
/// without an athlete does not compile (ARCHITECTURE.md item 11).
public struct AthleteID: Sendable, Hashable, CustomStringConvertible {
    /// The stored key, a UUID in text form.
    public let rawValue: String

    /// Wraps a stored key.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The stored key.
    public var description: String { rawValue }
}

/// A runner whose log the store keeps: one for the command line, several for a club server.
public struct Athlete: Sendable, Hashable {
    /// The key every record of this runner carries.
    public let id: AthleteID
    /// A short unique name to find the runner by (`default` for the command line's runner).
    public let handle: String
    /// The name shown to people.
    public let name: String
    /// When the runner was added to the log (whole milliseconds).
    public let createdAt: Date

    /// The handle of the runner the command line writes for when none is named.
    public static let defaultHandle = "default"

    /// A runner as stored.
    public init(id: AthleteID, handle: String, name: String, createdAt: Date) {
        self.id = id
        self.handle = handle
        self.name = name
        self.createdAt = createdAt
    }
}
