import Foundation

/// Where the training log lives, chosen by URL (issue 9): `sqlite:///path/log.sqlite`,
/// `postgres://user:pass@host:port/db`, the `SPEEDWORK_DATABASE` variable, or by default an SQLite
/// file in the runner's data folder (XDG Base Directory Specification: `$XDG_DATA_HOME`, else
/// `~/.local/share`).
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file (embedded, one machine).
    case sqlite(path: String)
    /// A PostgreSQL database on a server.
    case postgres(PostgresAddress)

    /// The environment variable that names the database when no option does.
    public static let environmentVariable = "SPEEDWORK_DATABASE"
    /// The file name of the default log inside the data folder's `speedwork/`.
    public static let defaultFileName = "log.sqlite"

    /// Parses a database URL, refusing unknown schemes and URLs missing a part the engine needs.
    public init(url text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { throw StoreError.unknownScheme(url: text) }
        switch trimmed[..<colon].lowercased() {
        case "sqlite":
            let rest = trimmed[trimmed.index(after: colon)...]
            guard rest.hasPrefix("//") else {
                throw StoreError.badURL(url: text, reason: "write sqlite:///absolute/path/log.sqlite (three slashes)")
            }
            let path = String(rest.dropFirst(2))
            guard path.hasPrefix("/"), path.count > 1, !path.hasSuffix("/") else {
                throw StoreError.badURL(url: text, reason: "it needs an absolute file path: sqlite:///absolute/path/log.sqlite")
            }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
        case "postgres", "postgresql":
            self = .postgres(try PostgresAddress(url: trimmed, original: text))
        default:
            throw StoreError.unknownScheme(url: text)
        }
    }

    /// The database to use: the option if given, else `SPEEDWORK_DATABASE`, else the default file.
    public static func choose(option: String?, environment: [String: String]) throws -> DatabaseLocation {
        if let option { return try DatabaseLocation(url: option) }
        if let named = environment[environmentVariable], !named.isEmpty { return try DatabaseLocation(url: named) }
        return .sqlite(path: try defaultPath(environment: environment))
    }

    /// `$XDG_DATA_HOME/speedwork/log.sqlite` when that variable is an absolute path (as the XDG
    /// specification requires), else `$HOME/.local/share/speedwork/log.sqlite`.
    public static func defaultPath(environment: [String: String]) throws -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("speedwork/\(defaultFileName)")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw StoreError.badURL(url: "(default)", reason: "neither XDG_DATA_HOME nor HOME is set: name the database with --database sqlite:///path/log.sqlite")
        }
        return (home as NSString).appendingPathComponent(".local/share/speedwork/\(defaultFileName)")
    }

    /// Opens the log here, creating it and applying migrations on first use.
    public func open() async throws -> any TrainingStore {
        switch self {
        case .sqlite(let path): try await SQLiteStore.open(path: path)
        case .postgres(let address): try await PostgresStore.open(address)
        }
    }

    /// The location for messages, without any password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL server and database, from a `postgres://` URL.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var user: String
    /// The role's password, if the server asks for one; never printed.
    public var password: String?
    /// The database on the server.
    public var database: String

    /// The port PostgreSQL listens on unless told otherwise.
    public static let defaultPort = 5432

    /// An address from its parts.
    public init(host: String, port: Int = PostgresAddress.defaultPort, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    init(url: String, original: String) throws {
        guard let parts = URLComponents(string: url) else {
            throw StoreError.badURL(url: original, reason: "it does not parse as a URL")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw StoreError.badURL(url: original, reason: "it names no host: postgres://user:pass@host:port/db")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw StoreError.badURL(url: original, reason: "it names no user: postgres://user:pass@host:port/db")
        }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError.badURL(url: original, reason: "it names no database: postgres://user:pass@host:port/db")
        }
        if let port = parts.port, !(1...65535).contains(port) {
            throw StoreError.badURL(url: original, reason: "port \(port) is not 1 to 65535")
        }
        self.init(host: host, port: parts.port ?? PostgresAddress.defaultPort, user: user,
                  password: parts.password?.removingPercentEncoding, database: database.removingPercentEncoding ?? database)
    }

    /// `postgres://user@host:port/db`, without the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
