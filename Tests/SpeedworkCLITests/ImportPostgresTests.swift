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
    /// The test server, when `SPEEDWORK_TEST_POSTGRES` names one.
    static var server: PostgresAddress? { Engine.server }

    @Test(.enabled(if: server != nil, "SPEEDWORK_TEST_POSTGRES names a PostgreSQL server"))
    func importRunsOnPostgreSQL() async throws {
        _ = try #require(Self.server)
        let postgres = try await TestDatabase.make(.postgres, prefix: "speedwork_import")
        let folder = try ImportFixtures.folder("postgres")
        do {
            let archive = folder.appendingPathComponent("archive")
            for index in 0..<30 {
                try ImportFixtures.write(ImportFixtures.run(seconds: 300 + index), "runs/run-\(index).fit", in: archive)
            }
            try ImportFixtures.write(try Gzip.compress(ImportFixtures.run(seconds: 300)), "copies/run-0.fit.gz", in: archive)
            try ImportFixtures.write(ImportFixtures.damaged(ImportFixtures.run(seconds: 999)), "runs/broken.fit", in: archive)
            let database = postgres.url
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
            await postgres.drop()
            throw error
        }
        ImportFixtures.remove(folder)
        await postgres.drop()
    }
}
