/// Why the log could not be opened or written, one line each, naming the value and what is allowed
/// (ARCHITECTURE.md item 6). Nothing has been written when one of these is thrown at opening.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database URL's scheme is neither `sqlite` nor `postgres`.
    case unknownScheme(url: String)
    /// The URL does not parse, or lacks a part the engine needs.
    case badURL(url: String, reason: String)
    /// The PostgreSQL server did not answer or refused the connection.
    case unreachable(location: String, reason: String)
    /// The database file (or its folder) cannot be written.
    case readOnly(location: String)
    /// The database has a migration this version does not know: a newer Speedwork wrote it.
    case newerSchema(location: String, migration: String)
    /// The engine failed; the reason is the engine's own message.
    case engine(location: String, reason: String)

    /// The one-line message for the runner.
    public var description: String {
        switch self {
        case .unknownScheme(let url):
            "database URL '\(url)' has an unknown scheme: use sqlite:///path/log.sqlite or postgres://user:pass@host:port/db"
        case .badURL(let url, let reason):
            "database URL '\(url)' is not usable: \(reason)"
        case .unreachable(let location, let reason):
            "cannot reach the PostgreSQL server at \(location): \(reason)"
        case .readOnly(let location):
            "the database \(location) is read-only: make it writable or name another with --database"
        case .newerSchema(let location, let migration):
            "the database \(location) was written by a newer Speedwork (migration '\(migration)' is unknown here): upgrade speedwork to use it"
        case .engine(let location, let reason):
            "the database \(location) failed: \(reason)"
        }
    }
}
