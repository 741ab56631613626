import Foundation

/// What became of one imported file: the record that lets an interrupted import resume where it
/// stopped (ARCHITECTURE.md item 12).
public struct ImportedFile: Sendable, Hashable {
    /// What the import made of the file.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Its activity was new and was added.
        case added
        /// Its activity was already in the log (same content hash).
        case alreadyThere = "already-there"
        /// It could not be read; ``ImportedFile/detail`` says why.
        case skipped
    }

    /// Where the file was, as the import named it (an archive member as `archive.zip/member`).
    public var path: String
    /// Its size in bytes.
    public var sizeBytes: Int64
    /// Its modification time (whole milliseconds): with path and size, how a file is recognised.
    public var modifiedAt: Date
    /// What became of it.
    public var outcome: Outcome
    /// The activity it held, when it was read.
    public var contentHash: String?
    /// Why it was skipped.
    public var detail: String?

    /// A file's record.
    public init(path: String, sizeBytes: Int64, modifiedAt: Date, outcome: Outcome, contentHash: String? = nil,
                detail: String? = nil) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.modifiedAt = StoredTime.rounded(modifiedAt)
        self.outcome = outcome
        self.contentHash = contentHash
        self.detail = detail
    }
}

/// Activities and the records of the files they came from, written in one transaction so the log
/// never holds an activity without its file record or the other way round (issue 9: crash-safe).
public struct ImportBatch: Sendable, Hashable {
    /// The activities read from the batch's files.
    public var activities: [PackedActivity]
    /// Every file of the batch, read or skipped.
    public var files: [ImportedFile]

    /// A batch to write.
    public init(activities: [PackedActivity] = [], files: [ImportedFile] = []) {
        self.activities = activities
        self.files = files
    }

    /// While true for the saving task, ``TrainingStore/save(_:for:)`` leaves the runner's log
    /// revision as it is: the server's import holds the raise back until the answers its reads
    /// keep are ready for the new log, then raises it with ``TrainingStore/publishRevision(for:)``
    /// (issue 12, load; docs/server.md, "Read cache").
    @TaskLocal public static var holdsBackRevision = false
}

/// How many of a batch's activities were new and how many were already in the log.
public struct BatchOutcome: Sendable, Hashable {
    /// Activities new to the log.
    public var added: Int
    /// Activities the log already held (same content hash).
    public var alreadyThere: Int

    /// Counts as returned by ``TrainingStore/save(_:for:)``.
    public init(added: Int, alreadyThere: Int) {
        self.added = added
        self.alreadyThere = alreadyThere
    }
}
