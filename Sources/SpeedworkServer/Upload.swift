import Foundation
import SpeedworkStore

/// One upload of watch files and the import it started (issue 11, upload), as its page and JSON
/// show it: the files as the runner named them, and how far the import got. Read from the upload's
/// import job in the database (``ImportJob``, issue 12), so any server process on the log shows it.
struct Upload: Sendable {
    /// Where an upload is: its files being received, waiting for an import worker, being imported,
    /// or finished. Jobs are stored once their files are whole, so a stored upload is never
    /// `receiving`; the value stays in the JSON contract.
    enum Status: String, Sendable, Encodable {
        case receiving, queued, importing, done, failed
    }

    let id: UUID
    let createdAt: Date
    /// The files as the runner named them.
    var files: [String]
    var status: Status = .receiving
    /// Why the import failed, one line.
    var failure: String?
    var filesDone = 0
    var filesTotal = 0
    /// What the import made of the files, once done.
    var tally: ImportTally?

    init(id: UUID, createdAt: Date, files: [String]) {
        self.id = id
        self.createdAt = createdAt
        self.files = files
    }

    /// The upload its import job describes; until a worker has counted the files (an archive's
    /// members each count), the files in all are the files uploaded.
    init(job: ImportJob) {
        self.init(id: job.id, createdAt: job.createdAt, files: job.files)
        switch job.state {
        case .queued: status = .queued
        case .running: status = .importing
        case .done: status = .done
        case .failed: status = .failed
        }
        failure = job.failure
        filesDone = job.filesDone
        filesTotal = job.filesTotal > 0 ? job.filesTotal : job.files.count
        tally = job.result.map { result in
            ImportTally(files: result.files, added: result.added, alreadyThere: result.alreadyThere,
                        skipped: result.skipped.map { ImportTally.Skipped(file: $0.file, reason: $0.reason) },
                        activities: result.activities)
        }
    }

    /// Whether nothing more will change.
    var finished: Bool { status == .done || status == .failed }

    /// The status as one line that ends in `done` or `failed: reason` (the page's `#upload-status`).
    var statusLine: String {
        switch status {
        case .receiving: "receiving the files"
        case .queued: "waiting for an import worker"
        case .importing: filesTotal > 0 ? "importing: \(filesDone) of \(filesTotal) files" : "importing"
        case .done: "\(tally?.files ?? filesDone) \((tally?.files ?? filesDone) == 1 ? "file" : "files") read: done"
        case .failed: "failed: \(failure ?? "the import stopped")"
        }
    }

    /// `GET /api/v1/uploads/{id}`'s answer.
    struct JSON: Encodable {
        struct Skipped: Encodable {
            var file: String
            var reason: String
        }

        var id: String
        var status: Status
        var statusLine: String
        var reason: String?
        var createdAt: Date
        var uploadedFiles: [String]
        var filesDone: Int
        var filesTotal: Int
        var added: Int
        var alreadyThere: Int
        var skipped: [Skipped]
        var activities: [String]
    }

    /// The upload as the API gives it.
    var json: JSON {
        JSON(id: id.uuidString.lowercased(), status: status, statusLine: statusLine, reason: failure, createdAt: createdAt,
             uploadedFiles: files, filesDone: filesDone, filesTotal: filesTotal, added: tally?.added ?? 0,
             alreadyThere: tally?.alreadyThere ?? 0,
             skipped: (tally?.skipped ?? []).map { JSON.Skipped(file: $0.file, reason: $0.reason) },
             activities: tally?.activities ?? [])
    }
}
