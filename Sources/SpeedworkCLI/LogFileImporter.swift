import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkServer
import SpeedworkStore

/// The web app's importer (issue 11, upload): the command line's import pipeline
/// (``ActivityImport``, docs/import.md) on the files of one upload, telling the server after each
/// file how far it got. `speedwork serve` hands it to the server, which does not depend on the
/// command line.
public struct LogFileImporter: ActivityImporter {
    /// An importer.
    public init() {}

    /// Imports `paths` into `athlete`'s log: single files read whatever their extension, `.zip`
    /// exports member by member; the files in all count every archive member.
    public func importFiles(_ paths: [String], into store: any TrainingStore, for athlete: AthleteID,
                            progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) async throws -> ImportTally {
        let given = paths.map { ImportInputs.absolute($0, from: "/") }
        let inputs: [ImportInput]
        do {
            inputs = try ImportInputs.collect(given)
        } catch {
            throw InputError("\(error)")
        }
        let total = inputs.reduce(0) { count, input in count + Self.files(in: input) }
        progress(0, total)
        var pipeline = ActivityImport(store: store, athlete: athlete)
        pipeline.onFileDone = { done in progress(done, max(total, done)) }
        let summary = try await pipeline.run(inputs, terminal: false)

        var activities: [String] = []
        var seen = Set<String>()
        let records = try await store.importedFiles(for: athlete)
        let wanted = Set(given)
        let order = Dictionary(inputs.enumerated().map { index, input in (Self.path(of: input), index) }, uniquingKeysWith: { a, _ in a })
        let mine = records.filter { record in
            wanted.contains(record.path) || given.contains { record.path.hasPrefix($0 + "/") }
        }
        // File order: the upload's files as given, an archive's members in path order.
        let sorted = mine.sorted { a, b in
            let (ia, ib) = (order[Self.owner(a.path, given)] ?? 0, order[Self.owner(b.path, given)] ?? 0)
            return ia != ib ? ia < ib : a.path < b.path
        }
        for record in sorted where record.outcome != .skipped {
            if let hash = record.contentHash, seen.insert(hash).inserted { activities.append(hash) }
        }
        let skipped = summary.skippedFiles.map { skip in
            ImportTally.Skipped(file: skip.path, reason: skip.reason.hasPrefix(skip.path + ": ")
                                    ? String(skip.reason.dropFirst(skip.path.count + 2)) : skip.reason)
        }
        return ImportTally(files: summary.files, added: summary.added, alreadyThere: summary.alreadyThere,
                           skipped: skipped, activities: activities)
    }

    /// How many files an input holds: one, or an archive's activity members (one when it cannot
    /// be opened: it is then reported as skipped).
    static func files(in input: ImportInput) -> Int {
        switch input {
        case .file: return 1
        case .archive(let candidate):
            var members = 0
            do {
                try ImportArchive.forEachMember(in: candidate.path) { _, _ in members += 1 }
            } catch {
                return 1
            }
            return members
        }
    }

    private static func path(of input: ImportInput) -> String {
        switch input {
        case .file(let candidate, _), .archive(let candidate): candidate.path
        }
    }

    /// The given path a recorded file belongs to (itself, or the archive it is a member of).
    private static func owner(_ path: String, _ paths: [String]) -> String {
        paths.first { path == $0 || path.hasPrefix($0 + "/") } ?? path
    }
}
