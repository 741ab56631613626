import Foundation
import SpeedworkStore

/// One upload of watch files and the import it started (issue 11, upload): whose it is, the files
/// as the runner named them, and how far the import got. Kept in memory (``UploadBoard``).
struct Upload: Sendable {
    /// Where an upload is: its files being received, waiting for an import slot, being imported,
    /// or finished.
    enum Status: String, Sendable, Encodable {
        case receiving, queued, importing, done, failed
    }

    let id: UUID
    /// The account that uploaded it; nobody else sees it.
    let account: AccountID
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

    /// Whether nothing more will change.
    var finished: Bool { status == .done || status == .failed }

    /// The status as one line that ends in `done` or `failed: reason` (the page's `#upload-status`).
    var statusLine: String {
        switch status {
        case .receiving: "receiving the files"
        case .queued: "waiting for an import slot"
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
