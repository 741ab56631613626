import Foundation
import PostgresNIO
import Speedwork
import SpeedworkStore

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database on
/// the test server, so runs and tests never see each other's rows; with a temporary folder of its
/// own (the SQLite file's, or a data folder for the server). Dropped afterwards.
public struct TestDatabase: Sendable {
    public let engine: Engine
    public let location: DatabaseLocation
    /// A temporary folder that goes with the database (it holds the SQLite file).
    public let folder: URL

    /// A new database on `engine`; `prefix` names the PostgreSQL database and the folder.
    public static func make(_ engine: Engine, prefix: String = "speedwork_test") async throws -> TestDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch engine {
        case .sqlite:
            return TestDatabase(engine: engine, location: .sqlite(path: folder.appendingPathComponent("log.sqlite").path), folder: folder)
        case .postgres:
            guard var address = Engine.server else {
                try? FileManager.default.removeItem(at: folder)
                throw InputError("\(Engine.variable) must name a postgres:// server")
            }
            let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
            try await admin(address, "CREATE DATABASE \(name)")
            address.database = name
            return TestDatabase(engine: engine, location: .postgres(address), folder: folder)
        }
    }

    /// The database as a `--database` URL, as a runner would write it.
    public var url: String {
        switch location {
        case .sqlite(let path):
            return "sqlite://\(path)"
        case .postgres(let address):
            let allowed = CharacterSet.alphanumerics
            let user = address.user.addingPercentEncoding(withAllowedCharacters: allowed) ?? address.user
            let password = address.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) } ?? ""
            return "postgres://\(user)\(password)@\(address.host):\(address.port)/\(address.database)"
        }
    }

    /// Runs `body` on a connection to the database at `address`.
    public static func admin(_ address: PostgresAddress, _ body: (PostgresConnection, Logger) async throws -> Void) async throws {
        var logger = Logger(label: "speedwork.tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: address.host, port: address.port, username: address.user,
                                 password: address.password, database: address.database, tls: .disable),
            id: 1, logger: logger)
        do {
            try await body(connection, logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// Runs one SQL statement on the database at `address` (CREATE DATABASE, DROP DATABASE …).
    public static func admin(_ address: PostgresAddress, _ sql: String) async throws {
        try await admin(address) { connection, logger in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// Runs raw SQL against this database (to plant a future migration, say), outside the store.
    public func execute(_ sql: String) async throws {
        switch location {
        case .sqlite(let path):
            try RawSQLite.execute(sql, path: path)
        case .postgres(let address):
            try await TestDatabase.admin(address, sql)
        }
    }

    /// Removes the folder and, on PostgreSQL, drops the database.
    public func drop() async {
        try? FileManager.default.removeItem(at: folder)
        if case .postgres(let address) = location, let server = Engine.server {
            try? await TestDatabase.admin(server, "DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
        }
    }
}

/// Runs `body` with a store opened on a fresh database of `engine`, closing and dropping it after.
public func withStore(_ engine: Engine, _ body: (any TrainingStore, TestDatabase) async throws -> Void) async throws {
    try await withDatabase(engine) { database in
        let store = try await database.location.open()
        do {
            try await body(store, database)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

/// Runs `body` with a fresh database of `engine` (not yet opened), dropping it after.
public func withDatabase(_ engine: Engine, prefix: String = "speedwork_test", _ body: (TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine, prefix: prefix)
    do {
        try await body(database)
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}
