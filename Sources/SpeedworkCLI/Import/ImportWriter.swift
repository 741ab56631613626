import Foundation
import SpeedworkReports
import SpeedworkStore

/// The import's one writer: gathers decoded files in the order they were found into batches and
/// saves each batch (activities and the records of their files) in one transaction, every
/// ``activitiesPerBatch`` activities, ``filesPerBatch`` files or ``batchSeconds``, whichever comes
/// first. Killed between two saves, the log holds whole batches only, and the next import reads
/// again exactly the files not recorded (issue 9: crash-safe, resumable).
struct ImportWriter {
    /// Activities per transaction.
    static let activitiesPerBatch = 200
    /// Files per transaction (skipped files carry no activity).
    static let filesPerBatch = 1_000
    /// The longest a decoded file waits to be saved.
    static let batchSeconds = 0.5

    let store: any TrainingStore
    let athlete: AthleteID
    /// Content hashes known to be in the log: those the file records name, and those written since.
    private var known: Set<String>
    private var batch = ImportBatch()
    private let clock = ContinuousClock()
    private var lastSave: ContinuousClock.Instant
    /// What was done so far.
    private(set) var summary: ImportSummary

    init(store: any TrainingStore, athlete: AthleteID, known: Set<String>) {
        self.store = store
        self.athlete = athlete
        self.known = known
        summary = ImportSummary(database: store.location)
        lastSave = clock.now
    }

    /// Counts a file an earlier import recorded.
    mutating func unchanged() {
        summary.files += 1
        summary.unchanged += 1
    }

    /// Counts an archive that could not be read (not recorded: the next import tries it again).
    mutating func archiveFailed(_ path: String, reason: String) {
        summary.files += 1
        summary.skip(path, reason)
    }

    /// Adds one decoded file to the batch with its record, saving the batch when it is due.
    mutating func add(_ file: DecodedFile) async throws {
        let candidate = file.candidate
        summary.files += 1
        if let reason = file.skipReason {
            summary.skip(candidate.path, reason)
            batch.files.append(ImportedFile(path: candidate.path, sizeBytes: candidate.sizeBytes, modifiedAt: candidate.modifiedAt,
                                            outcome: .skipped, detail: reason))
        } else {
            let hashes = file.activities.map(\.summary.contentHash)
            let new = hashes.contains { !known.contains($0) }
            known.formUnion(hashes)
            batch.activities += file.activities
            batch.files.append(ImportedFile(path: candidate.path, sizeBytes: candidate.sizeBytes, modifiedAt: candidate.modifiedAt,
                                            outcome: new ? .added : .alreadyThere, contentHash: hashes.first))
        }
        let waited = clock.now - lastSave
        if batch.activities.count >= Self.activitiesPerBatch || batch.files.count >= Self.filesPerBatch
            || waited >= .milliseconds(Int(Self.batchSeconds * 1000)) {
            try await save()
        }
    }

    /// Saves what the batch holds.
    mutating func save() async throws {
        lastSave = clock.now
        guard !batch.files.isEmpty || !batch.activities.isEmpty else { return }
        let outcome = try await store.save(batch, for: athlete)
        summary.added += outcome.added
        summary.alreadyThere += outcome.alreadyThere
        batch = ImportBatch()
    }
}
