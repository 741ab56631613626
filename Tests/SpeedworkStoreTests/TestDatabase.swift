import Foundation
import PostgresNIO
import Speedwork
import SpeedworkStore

/// The engines the contract suite runs on: SQLite always, PostgreSQL when `SPEEDWORK_TEST_POSTGRES`
/// names a server (`.ci/run` starts one on loopback).
enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    static let variable = "SPEEDWORK_TEST_POSTGRES"

    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { return nil }
        return url
    }

    /// The engines to run on here; PostgreSQL's absence is printed, not hidden.
    static let available: [Engine] = {
        if serverURL == nil {
            print("note: \(variable) is not set: the store's PostgreSQL contract tests are skipped (bash .ci/run starts a server)")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()

    var description: String { rawValue }
}

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database on
/// the test server, so runs and tests never see each other's rows. Dropped afterwards.
struct TestDatabase: Sendable {
    let engine: Engine
    let location: DatabaseLocation
    let folder: URL?

    static func make(_ engine: Engine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(engine: engine, location: .sqlite(path: folder.appendingPathComponent("log.sqlite").path), folder: folder)
        case .postgres:
            guard let url = Engine.serverURL, case .postgres(var address) = try DatabaseLocation(url: url) else {
                throw InputError("\(Engine.variable) must be a postgres:// URL")
            }
            let name = "speedwork_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await TestDatabase.admin(address) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            }
            address.database = name
            return TestDatabase(engine: engine, location: .postgres(address), folder: nil)
        }
    }

    /// Runs `body` on a connection to the server's maintenance database.
    static func admin(_ address: PostgresAddress, _ body: (PostgresConnection, Logger) async throws -> Void) async throws {
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

    /// Runs raw SQL against this database (to plant a future migration, say), outside the store.
    func execute(_ sql: String) async throws {
        switch location {
        case .sqlite(let path):
            try RawSQLite.execute(sql, path: path)
        case .postgres(let address):
            try await TestDatabase.admin(address) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        }
    }

    func drop() async {
        switch location {
        case .sqlite:
            if let folder { try? FileManager.default.removeItem(at: folder) }
        case .postgres(var address):
            let name = address.database
            guard let url = Engine.serverURL, case .postgres(let server) = try? DatabaseLocation(url: url) else { return }
            address.database = server.database
            try? await TestDatabase.admin(address) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
            }
        }
    }
}

/// Runs `body` with a store opened on a fresh database of `engine`, closing and dropping it after.
func withStore(_ engine: Engine, _ body: (any TrainingStore, TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine)
    do {
        let store = try await database.location.open()
        do {
            try await body(store, database)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}

/// Runs `body` with a fresh database of `engine` (not yet opened), dropping it after.
func withDatabase(_ engine: Engine, _ body: (TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine)
    do {
        try await body(database)
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}
