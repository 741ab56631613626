import Foundation
import SpeedworkStore

/// Imports uploaded watch files into a runner's log (issue 11, upload; docs/import.md): the
/// command line's import pipeline, handed to the server by `speedwork serve` so the server does
/// not depend on the command line. Files are FIT, GPX, TCX, their `.gz` forms, or whole
/// Strava/Garmin export `.zip`s; a file that cannot be read is skipped with its reason.
public protocol ActivityImporter: Sendable {
    /// Imports the files at `paths` (absolute) into `athlete`'s log, telling `progress` each time
    /// a file is done (files done, files in all), and returns what became of them. Paths in the
    /// answer are as given; the caller names them for the runner.
    func importFiles(_ paths: [String], into store: any TrainingStore, for athlete: AthleteID,
                     progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) async throws -> ImportTally
}

/// What an import made of a runner's files, as the upload page shows it.
public struct ImportTally: Sendable, Equatable {
    /// A file that gave no activity, and why (one line).
    public struct Skipped: Sendable, Equatable {
        /// The file (an archive member as `export.zip/activities/1.fit`).
        public var file: String
        /// Why it was skipped.
        public var reason: String

        /// A skipped file.
        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// Files looked at (an archive's members each count).
    public var files: Int
    /// Activities new to the log.
    public var added: Int
    /// Activities the log already held (same content hash).
    public var alreadyThere: Int
    /// Each skipped file with its reason, in the order the files were read.
    public var skipped: [Skipped]
    /// The content hashes of the activities the files hold (new or already there), in file order.
    public var activities: [String]

    /// A tally.
    public init(files: Int = 0, added: Int = 0, alreadyThere: Int = 0, skipped: [Skipped] = [], activities: [String] = []) {
        self.files = files
        self.added = added
        self.alreadyThere = alreadyThere
        self.skipped = skipped
        self.activities = activities
    }
}
