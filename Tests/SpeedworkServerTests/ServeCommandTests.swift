import Foundation
@testable import SpeedworkReports
import Hummingbird
import HummingbirdTesting
import SpeedworkCLI
import SpeedworkServer
import SpeedworkStore
import Testing

/// `speedwork serve` (issue 11): bad options end with one line and 64, an unreachable database or a
/// taken port with 69; the app built from a configuration alone serves over a real socket.
@Suite(.serialized)
struct ServeCommandTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let badCommandLines: [([String], Int32)] = [
        (["serve", "--port", "70000"], 64),
        (["serve", "--port", "-1"], 64),
        (["serve", "--port", "eighty"], 64),
        (["serve", "--host", "not a host"], 64),
        (["serve", "--import-workers", "0"], 64),
        (["serve", "--import-workers", "65"], 64),
        (["serve", "--import-lease", "1"], 64),
        (["serve", "--import-lease", "nan"], 64),
        (["serve", "--database", "mysql://x/y"], 64),
        (["serve", "--database", "postgres://speedwork@127.0.0.1:1/log"], 69),
    ]

    @Test(arguments: badCommandLines)
    func badOptionsEndWithOneLineAndTheirCode(arguments: [String], status: Int32) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var all = arguments
        if !all.contains("--database") { all += ["--database", "sqlite://\(folder.path)/log.sqlite"] }
        #expect(await CommandLineRun.execute(all) == status)
        // Nothing was created for a refused command line.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("log.sqlite").path) || status == 69)
    }

    @Test func aTakenPortIs69() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("a.sqlite").path),
                                                dataFolder: folder.path)
        configuration.port = 0
        configuration.bcryptCost = 4
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client async throws in
            let port = try #require(client.port)
            let status = await CommandLineRun.execute(["serve", "--port", "\(port)", "--database",
                                                       "sqlite://\(folder.path)/b.sqlite"])
            #expect(status == 69)
        }
    }

    @Test func theAppFromAConfigurationServesOverASocketOnANewDatabase() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path),
                                                dataFolder: folder.path)
        configuration.port = 0
        configuration.bcryptCost = 4
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client async throws in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let browser = Browser(client)
            #expect(try await browser.register("ana", goodPassword).status == .seeOther)
            #expect(try await browser.get("/").status == .ok)
        }
        // The first start made the schema and the one account, nothing else.
        let store = try await configuration.database.openServerStore()
        #expect(try await store.accountCount() == 1)
        #expect(try await store.activities(for: try #require(try await store.account(login: "ana")).athlete, in: nil).isEmpty)
        await store.close()
    }
}
