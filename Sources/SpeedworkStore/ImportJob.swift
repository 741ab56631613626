import Foundation

/// One upload's import as a durable job in the log's database (issue 12, crash safety): queued when
/// the files are whole in the data folder, claimed by one worker at a time under a lease that the
/// worker renews, finished with what the import made of the files. A process that dies leaves its
/// lease to expire; another worker then claims the job again, and because the import is idempotent
/// (content hash, docs/import.md) the second run adds exactly what the first did not.
public struct ImportJob: Sendable, Hashable {
    /// Where a job is.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Waiting for a worker.
        case queued
        /// Claimed by the worker named in ``ImportJob/claimedBy``, whose lease runs from ``ImportJob/claimedAt``.
        case running
        /// Finished; ``ImportJob/result`` says what the files held.
        case done
        /// Stopped; ``ImportJob/failure`` says why.
        case failed
    }

    /// A file that gave no activity, and why (one line).
    public struct Skipped: Sendable, Hashable, Codable {
        /// The file as the runner sees it (an archive member as `export.zip/activities/1.fit`).
        public var file: String
        /// Why it was skipped.
        public var reason: String

        /// A skipped file.
        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }
    }

    /// What a finished import made of the files.
    public struct Result: Sendable, Hashable {
        /// Files looked at (an archive's members each count).
        public var files: Int
        /// Activities new to the log.
        public var added: Int
        /// Activities the log already held (same content hash).
        public var alreadyThere: Int
        /// Each skipped file with its reason, in file order.
        public var skipped: [Skipped]
        /// The content hashes of the activities the files hold, in file order.
        public var activities: [String]

        /// A result.
        public init(files: Int, added: Int, alreadyThere: Int, skipped: [Skipped], activities: [String]) {
            self.files = files
            self.added = added
            self.alreadyThere = alreadyThere
            self.skipped = skipped
            self.activities = activities
        }
    }

    /// The job's key; also the upload's id in its page's address.
    public let id: UUID
    /// Whose log the files go to; nobody else reads the job.
    public let athlete: AthleteID
    /// The folder in the data folder that holds the uploaded files.
    public let folder: String
    /// The files in ``folder`` as the runner named them, in upload order.
    public let files: [String]
    /// Where the job is.
    public var state: State
    /// Files read so far, and in all (an archive's members each count); 0 of 0 until a worker counts them.
    public var filesDone: Int
    public var filesTotal: Int
    /// What the files held, once ``state`` is ``State/done``.
    public var result: Result?
    /// Why the job stopped, one line, once ``state`` is ``State/failed``.
    public var failure: String?
    /// The worker holding the job, while it runs (or last ran).
    public var claimedBy: String?
    /// When that worker last renewed its lease (whole milliseconds).
    public var claimedAt: Date?
    /// How many times a worker has claimed the job; more than one means a worker stopped mid-way.
    public var attempts: Int
    /// When the job was queued (whole milliseconds).
    public let createdAt: Date
    /// When it finished (whole milliseconds).
    public var finishedAt: Date?

    /// A new queued job of `athlete` for the files `files` in `folder`.
    public init(id: UUID = UUID(), athlete: AthleteID, folder: String, files: [String], createdAt: Date = Date()) {
        self.init(id: id, athlete: athlete, folder: folder, files: files, state: .queued, filesDone: 0, filesTotal: 0,
                  result: nil, failure: nil, claimedBy: nil, claimedAt: nil, attempts: 0, createdAt: createdAt, finishedAt: nil)
    }

    /// A job as stored.
    public init(id: UUID, athlete: AthleteID, folder: String, files: [String], state: State, filesDone: Int, filesTotal: Int,
                result: Result?, failure: String?, claimedBy: String?, claimedAt: Date?, attempts: Int, createdAt: Date,
                finishedAt: Date?) {
        self.id = id
        self.athlete = athlete
        self.folder = folder
        self.files = files
        self.state = state
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.result = result
        self.failure = failure
        self.claimedBy = claimedBy
        self.claimedAt = claimedAt.map(StoredTime.rounded)
        self.attempts = attempts
        self.createdAt = StoredTime.rounded(createdAt)
        self.finishedAt = finishedAt.map(StoredTime.rounded)
    }

    /// Whether nothing more will change.
    public var finished: Bool { state == .done || state == .failed }
}

/// How a job ended, as a worker reports it.
public enum ImportJobOutcome: Sendable, Hashable {
    /// The import ran to the end.
    case done(ImportJob.Result)
    /// The import stopped, with one line saying why.
    case failed(String)
}
