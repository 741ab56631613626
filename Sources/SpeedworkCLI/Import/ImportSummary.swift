import Foundation
import SpeedworkReports

/// What an import did, printed at its end and as `import --json` (the README's contract): how
/// many activities were added and were already in the log, how many files an earlier import had
/// recorded unchanged, and each file skipped with its one-line reason (issue 9).
struct ImportSummary: Encodable, Sendable {
    /// A file that was not imported, and why.
    struct Skipped: Encodable, Sendable, Equatable {
        let path: String
        let reason: String
    }

    /// How many skipped files the text lists before "… and N more" (`--json` lists them all).
    static let listedSkips = 20

    /// The log written to (a path, or a PostgreSQL address without its password).
    var database: String
    /// Files looked at: read, skipped or recognised unchanged.
    var files = 0
    /// Activities new to the log.
    var added = 0
    /// Activities read that the log already held (same content hash).
    var alreadyThere = 0
    /// Files an earlier import recorded with the same path, size and time: not read again.
    var unchanged = 0
    /// Files that gave no activity.
    var skipped = 0
    /// Each skipped file with its reason, in the order the files were read.
    var skippedFiles: [Skipped] = []

    init(database: String) {
        self.database = database
    }

    mutating func skip(_ path: String, _ reason: String) {
        skipped += 1
        skippedFiles.append(Skipped(path: path, reason: reason))
    }

    /// The summary as a runner reads it.
    var text: String {
        var lines = [
            "Imported    \(files) \(files == 1 ? "file" : "files") into \(database)",
            "Added       \(added) \(added == 1 ? "activity" : "activities")",
            "Already     \(alreadyThere) \(alreadyThere == 1 ? "activity was" : "activities were") in the log",
        ]
        if unchanged > 0 {
            lines.append("Unchanged   \(unchanged) \(unchanged == 1 ? "file" : "files") imported before, not read again")
        }
        lines.append("Skipped     \(skipped) \(skipped == 1 ? "file" : "files")")
        for skip in skippedFiles.prefix(Self.listedSkips) {
            lines.append("  " + skip.reason)
        }
        if skippedFiles.count > Self.listedSkips {
            lines.append("  … and \(skippedFiles.count - Self.listedSkips) more (--json lists them all)")
        }
        return lines.joined(separator: "\n")
    }
}
