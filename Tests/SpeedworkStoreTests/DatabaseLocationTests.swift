import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// Choosing the database by URL, and the bad inputs that must give one clear line and write nothing.
struct DatabaseLocationTests {
    @Test func sqliteAndPostgresURLsParse() throws {
        #expect(try DatabaseLocation(url: "sqlite:///home/ana/log.sqlite") == .sqlite(path: "/home/ana/log.sqlite"))
        #expect(try DatabaseLocation(url: "postgres://coach:s%40cret@db.example.org:6543/club")
            == .postgres(PostgresAddress(host: "db.example.org", port: 6543, user: "coach", password: "s@cret", database: "club")))
        #expect(try DatabaseLocation(url: "postgresql://coach@localhost/club")
            == .postgres(PostgresAddress(host: "localhost", port: 5432, user: "coach", password: nil, database: "club")))
    }

    @Test(arguments: ["mysql://root@localhost/log", "log.sqlite", "http://example.org/db", "sqlite3:///tmp/x"])
    func unknownSchemesAreRefusedInOneLine(url: String) {
        #expect(throws: StoreError.unknownScheme(url: url)) { try DatabaseLocation(url: url) }
        let line = StoreError.unknownScheme(url: url).description
        #expect(!line.contains("\n") && line.contains(url) && line.contains("sqlite:///") && line.contains("postgres://"))
    }

    @Test(arguments: ["sqlite://relative/log.sqlite", "sqlite:/tmp/x", "sqlite:///", "postgres://localhost/db",
                      "postgres://user@host", "postgres://user@/db"])
    func incompleteURLsSayWhatIsMissing(url: String) {
        let error = #expect(throws: StoreError.self) { try DatabaseLocation(url: url) }
        guard case .badURL(let named, _) = error else { Issue.record("not a bad-URL error: \(String(describing: error))"); return }
        #expect(named == url && !"\(error!)".contains("\n"))
    }

    @Test func optionThenEnvironmentThenTheDataFolder() throws {
        let environment = ["SPEEDWORK_DATABASE": "sqlite:///srv/env.sqlite", "XDG_DATA_HOME": "/data", "HOME": "/home/ana"]
        #expect(try DatabaseLocation.choose(option: "sqlite:///opt/opt.sqlite", environment: environment) == .sqlite(path: "/opt/opt.sqlite"))
        #expect(try DatabaseLocation.choose(option: nil, environment: environment) == .sqlite(path: "/srv/env.sqlite"))
        #expect(try DatabaseLocation.choose(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"])
            == .sqlite(path: "/data/speedwork/log.sqlite"))
        // The XDG specification ignores a relative XDG_DATA_HOME.
        #expect(try DatabaseLocation.choose(option: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ana"])
            == .sqlite(path: "/home/ana/.local/share/speedwork/log.sqlite"))
        #expect(throws: StoreError.self) { try DatabaseLocation.choose(option: nil, environment: [:]) }
    }

    @Test func theDefaultFileAndItsFolderAreCreatedOnFirstUse() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-xdg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let location = try DatabaseLocation.choose(option: nil, environment: ["XDG_DATA_HOME": root.path])
        let store = try await location.open()
        #expect(try await store.appliedMigrations() == Schema.migrations.map(\.name))
        await store.close()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("speedwork/log.sqlite").path))
    }

    @Test func anUnreachableServerIsOneLine() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let location = try DatabaseLocation(url: "postgres://runner:pw@127.0.0.1:1/log")
        let error = await #expect(throws: StoreError.self) { _ = try await location.open() }
        guard case .unreachable(let named, _) = error else { Issue.record("not an unreachable error: \(String(describing: error))"); return }
        let line = "\(error!)"
        #expect(named == "postgres://runner@127.0.0.1:1/log" && !line.contains("\n") && !line.contains("pw"))
    }

    @Test func aReadOnlyFileIsRefusedAndLeftAlone() async throws {
        try await withDatabase(.sqlite) { database in
            guard case .sqlite(let path) = database.location else { return }
            let store = try await database.location.open()
            _ = try await store.defaultAthlete()
            await store.close()
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
            let before = try await Snapshot.take(database)
            await #expect(throws: StoreError.readOnly(location: path)) { _ = try await database.location.open() }
            #expect(try await Snapshot.take(database) == before)
            #expect(!StoreError.readOnly(location: path).description.contains("\n"))
        }
    }

    @Test func aFileThatIsNotADatabaseIsAnErrorNotACrash() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-junk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        let junk = Data(repeating: 0x41, count: 4096)
        try junk.write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) { _ = try await DatabaseLocation.sqlite(path: path).open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }

    @Test func aReadOnlyFolderIsRefusedAndNothingIsCreated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let path = folder.appendingPathComponent("log.sqlite").path
        await #expect(throws: StoreError.readOnly(location: path)) { _ = try await DatabaseLocation.sqlite(path: path).open() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFolderThatCannotBeCreatedIsOneLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data("a file, not a folder".utf8).write(to: file)
        let path = file.appendingPathComponent("speedwork/log.sqlite").path
        let error = await #expect(throws: StoreError.self) { _ = try await DatabaseLocation.sqlite(path: path).open() }
        #expect(error.map { "\($0)" }?.contains("cannot create the folder") == true)
    }
}
