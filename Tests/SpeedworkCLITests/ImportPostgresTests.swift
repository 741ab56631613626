import Foundation
@testable import SpeedworkReports
import PostgresNIO
import Testing
@testable import SpeedworkCLI
import SpeedworkFiles
import SpeedworkStore

/// The whole import against PostgreSQL, when `SPEEDWORK_TEST_POSTGRES` names a server (as
/// `bash .ci/run` starts one): into a database of its own, created and dropped by the test.
@Suite("Import on PostgreSQL")
struct ImportPostgresTests {
    static let variable = "SPEEDWORK_TEST_POSTGRES"

    static let server: PostgresAddress? = {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            print("note: \(variable) is not set: the import is not run against PostgreSQL (bash .ci/run starts a server)")
            return nil
        }
        guard case .postgres(let address)? = try? DatabaseLocation(url: url) else {
            print("note: \(variable) is not a postgres:// URL: the import is not run against PostgreSQL")
            return nil
        }
        return address
    }()

    private static func admin(_ address: PostgresAddress, _ sql: String) async throws {
        var logger = Logger(label: "speedwork.tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: address.host, port: address.port, username: address.user,
                                 password: address.password, database: address.database, tls: .disable),
            id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private static func url(_ address: PostgresAddress, database: String) -> String {
        let allowed = CharacterSet.alphanumerics
        let user = address.user.addingPercentEncoding(withAllowedCharacters: allowed) ?? address.user
        let password = address.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) } ?? ""
        return "postgres://\(user)\(password)@\(address.host):\(address.port)/\(database)"
    }

    @Test(.enabled(if: server != nil, "SPEEDWORK_TEST_POSTGRES names a PostgreSQL server"))
    func importRunsOnPostgreSQL() async throws {
        let server = try #require(Self.server)
        let name = "speedwork_import_\(UUID().uuidString.prefix(8).lowercased())"
        try await Self.admin(server, "CREATE DATABASE \(name)")
        let folder = try ImportFixtures.folder("postgres")
        do {
            let archive = folder.appendingPathComponent("archive")
            for index in 0..<30 {
                try ImportFixtures.write(ImportFixtures.run(seconds: 300 + index), "runs/run-\(index).fit", in: archive)
            }
            try ImportFixtures.write(try Gzip.compress(ImportFixtures.run(seconds: 300)), "copies/run-0.fit.gz", in: archive)
            try ImportFixtures.write(ImportFixtures.damaged(ImportFixtures.run(seconds: 999)), "runs/broken.fit", in: archive)
            let database = Self.url(server, database: name)
            let sqlite = ImportFixtures.database(in: folder)

            let first = try await ImportFixtures.importJSON([archive.path], database: database)
            #expect(first["added"] as? Int == 30)
            #expect(first["alreadyThere"] as? Int == 1)
            #expect(first["skipped"] as? Int == 1)
            let second = try await ImportFixtures.importJSON([archive.path], database: database)
            #expect(second["added"] as? Int == 0)
            #expect(second["unchanged"] as? Int == 32)
            _ = try await ImportFixtures.importJSON([archive.path], database: sqlite)
            let onPostgres = try await ImportFixtures.contents(database)
            let onSQLite = try await ImportFixtures.contents(sqlite)
            #expect(onPostgres == onSQLite, "the same log on both engines")
        } catch {
            ImportFixtures.remove(folder)
            try? await Self.admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        ImportFixtures.remove(folder)
        try await Self.admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
