import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI
import SpeedworkFiles
import SpeedworkStore

/// Generated archives for the `import` tests: folders of FIT files from ``ActivityFixtures``
/// (each a steady run of a different length, so each is its own activity), their gzip copies, and
/// what a log holds after an import, read back through the store.
enum ImportFixtures {
    /// A fresh temporary folder; removed by ``remove(_:)``.
    static func folder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-import-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// A FIT run of `seconds` seconds at 3 m/s: a different length is a different activity.
    static func run(seconds: Int) -> Data {
        Data(ActivityFixtures.steadyFIT(seconds: seconds))
    }

    /// `fit` with one byte in the middle of its records changed, so its file CRC no longer matches.
    static func damaged(_ fit: Data) -> Data {
        var bytes = fit
        let middle = bytes.startIndex + bytes.count / 2
        bytes[middle] ^= 0x5A
        return bytes
    }

    /// Writes `data` at `name` under `folder`, creating subfolders.
    @discardableResult
    static func write(_ data: Data, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    /// The `sqlite://` URL of a log file in `folder`.
    static func database(in folder: URL, _ name: String = "log.sqlite") -> String {
        "sqlite://" + folder.appendingPathComponent(name).path
    }

    /// `speedwork import PATHS --database DB --json` run in-process: the summary as an object.
    static func importJSON(_ paths: [String], database: String) async throws -> [String: Any] {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["import"] + paths + ["--database", database, "--json"]) as? ImportCommand)
        let text = try await command.render(environment: [:])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// What a log holds: the content hashes of its activities and its file records, both sorted.
    struct LogContents: Equatable, CustomStringConvertible {
        var activities: [String]
        var files: [ImportedFile]
        var sports: [String]
        var analysed: Int

        var description: String {
            "\(activities.count) activities, \(files.count) file records (\(Dictionary(grouping: files, by: \.outcome.rawValue).mapValues(\.count)))"
        }
    }

    /// Reads back the log at `database` for the command line's runner.
    static func contents(_ database: String) async throws -> LogContents {
        let store = try await DatabaseLocation(url: database).open()
        do {
            let runner = try await store.defaultAthlete()
            let activities = try await store.activities(for: runner.id, in: nil)
            let files = try await store.importedFiles(for: runner.id)
            await store.close()
            return LogContents(activities: activities.map(\.contentHash).sorted(),
                               files: files.sorted { ($0.path, $0.sizeBytes) < ($1.path, $1.sizeBytes) },
                               sports: activities.map(\.sport), analysed: activities.filter { $0.analysisJSON != nil }.count)
        } catch {
            await store.close()
            throw error
        }
    }
}
