import Foundation
import Hummingbird
import Logging
import Speedwork
import SpeedworkStore

/// Uploading watch files (issue 11, upload; docs/server.md): the upload page and its form, the
/// API's raw upload, and each upload's progress page and JSON. A body is written to the data
/// folder as it streams in and refused with 413 the moment it passes the limit (the partial
/// files removed); the import then runs in the background, a bounded number at a time.
struct UploadPages: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration
    let pages: PageRenderer
    let board: UploadBoard
    let slots: ImportSlots
    let logger: Logger

    /// The longest form field other than a file, in bytes (the CSRF token is 43).
    static let largestField = 4 * 1024
    /// How often the progress page reloads itself while the import runs, in seconds.
    static let refreshSeconds = 2

    init(store: any ServerStore, configuration: ServerConfiguration, pages: PageRenderer) {
        self.store = store
        self.configuration = configuration
        self.pages = pages
        board = UploadBoard()
        slots = ImportSlots(limit: configuration.importsAtOnce)
        var logger = Logger(label: "speedwork.upload")
        logger.logLevel = .notice
        self.logger = logger
    }

    /// Where uploads are written: `uploads/` in the data folder, a folder per upload.
    var uploadsFolder: String { (configuration.dataFolder as NSString).appendingPathComponent("uploads") }

    /// Registers the routes: `site` is open (the script), `pages` need a signed-in session,
    /// `streamed` reads the session but not the body (the multipart form checks its own CSRF field
    /// as it streams), `api` needs a token.
    func addRoutes(site: RouterGroup<ServerContext>, pages: RouterGroup<ServerContext>, streamed: RouterGroup<ServerContext>,
                   api: RouterGroup<ServerContext>) {
        pages.get("/upload") { _, context in try showForm(context) }
        site.get("/upload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: PageTemplates.uploadScript)))
        }
        pages.get("/uploads/{id}") { _, context in try await showUpload(context) }
        streamed.post("/upload") { request, context in try await receiveForm(request, context) }
        api.post("/uploads") { request, context in try await receiveRaw(request, context) }
        api.get("/uploads/{id}") { _, context in
            try JSONBody.response(try self.upload(context).json)
        }
    }

    // MARK: Pages

    private func showForm(_ context: ServerContext, error: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        var values: [String: Any] = ["limit": Self.megabytes(configuration.uploadLimitBytes), "csrf": context.session?.csrfToken ?? ""]
        if let error { values["error"] = error }
        if configuration.importer == nil { values["unavailable"] = true }
        return pages.page("upload", title: "Upload", values: values, context: context, status: status,
                          csrf: context.session?.csrfToken ?? "")
    }

    private func showUpload(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let upload = try self.upload(context)
        var values: [String: Any] = [
            "statusLine": upload.statusLine, "finished": upload.finished, "failed": upload.status == .failed,
            "files": upload.files, "filesDone": upload.filesDone, "filesTotal": upload.filesTotal,
        ]
        if let tally = upload.tally {
            values["tally"] = ["files": tally.files, "added": tally.added, "alreadyThere": tally.alreadyThere,
                               "skippedCount": tally.skipped.count]
            values["skipped"] = tally.skipped.map { ["file": $0.file, "reason": $0.reason] }
            values["hasSkipped"] = !tally.skipped.isEmpty
            if !tally.activities.isEmpty {
                let summaries = try await store.activities(for: account.athlete, in: nil)
                let byHash = Dictionary(summaries.map { ($0.contentHash, $0) }, uniquingKeysWith: { first, _ in first })
                values["activities"] = tally.activities.map { hash -> [String: Any] in
                    let summary = byHash[hash]
                    let date = summary?.start.map { Day($0).description } ?? ""
                    let title = summary?.name ?? summary?.sport.capitalized ?? "Activity"
                    return ["id": hash, "title": date.isEmpty ? title : "\(date) \(title)"]
                }
                values["hasActivities"] = true
            }
        }
        return pages.page("uploadStatus", title: "Upload", values: values, context: context,
                          csrf: context.session?.csrfToken ?? "", refreshSeconds: upload.finished ? nil : Self.refreshSeconds)
    }

    /// The upload named by the route's `id`, when it is the signed-in account's; 404 otherwise.
    private func upload(_ context: ServerContext) throws -> Upload {
        let account = try context.requireAccount()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text), let upload = board.upload(id, of: account.id) else {
            throw ServerError(.notFound, "no upload of yours has the id \(InputError.quoted(text))")
        }
        return upload
    }

    // MARK: Receiving

    /// `POST /upload`: a `multipart/form-data` form whose `csrf` field comes before its files.
    private func receiveForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        do {
            return try await receiveParts(request, context)
        } catch let refusal as ServerError where AccountPages.wantsHTML(request)
            && (refusal.status == .unprocessableContent || refusal.status == .unsupportedMediaType) {
            return try showForm(context, error: refusal.message, status: refusal.status)
        }
    }

    private func receiveParts(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        guard let contentType = request.headers[.contentType], let boundary = MultipartReader.boundary(contentType: contentType) else {
            throw ServerError(.unsupportedMediaType, "send the upload form as multipart/form-data")
        }
        var reader = try MultipartReader(boundary: boundary)
        let importer = try requireImporter()
        let (id, folder) = try start(for: account)
        var names: [String] = []
        var file: UploadFile?
        do {
            var tokenChecked = false
            var field: (name: String, value: [UInt8])?
            var received = 0
            for try await piece in request.body {
                received += piece.readableBytes
                try checkLimit(received)
                for event in try reader.feed(piece.readableBytesView) {
                    switch event {
                    case .part(let name, let fileName):
                        if let fileName {
                            guard tokenChecked else {
                                throw ServerError(.forbidden, "the form has no CSRF token before its files: reload the page and send it again")
                            }
                            guard name == "file", !fileName.isEmpty else { continue }
                            let safe = UploadFile.unique(try UploadFile.checkedName(fileName), taken: Set(names))
                            file = try UploadFile(name: safe, in: folder)
                            names.append(safe)
                        } else {
                            field = (name, [])
                        }
                    case .bytes(let bytes):
                        if let file {
                            try file.write(bytes)
                        } else if field != nil {
                            field?.value.append(contentsOf: bytes)
                            guard (field?.value.count ?? 0) <= Self.largestField else {
                                throw ServerError(.badRequest, "the form field '\(field?.name ?? "")' is longer than \(Self.largestField / 1024) KiB")
                            }
                        }
                    case .partEnd:
                        file?.close()
                        file = nil
                        if let done = field, done.name == FormGuard.fieldName {
                            let sent = String(decoding: done.value, as: UTF8.self)
                            guard let expected = context.session?.csrfToken, Secret.matches(expected, sent) else {
                                throw ServerError(.forbidden, "the form's CSRF token does not match: reload the page and send it again")
                            }
                            tokenChecked = true
                        }
                        field = nil
                    }
                }
            }
            guard reader.isComplete else {
                throw ServerError(.badRequest, "the multipart body ends before its closing boundary")
            }
            guard tokenChecked else {
                throw ServerError(.forbidden, "the form has no CSRF token: reload the page and send it again")
            }
            guard !names.isEmpty else {
                throw ServerError(.unprocessableContent, "choose at least one file to upload")
            }
        } catch {
            file?.close()
            discard(id, folder)
            throw error
        }
        begin(id, files: names, folder: folder, athlete: account.athlete, importer: importer)
        return Response(status: .seeOther, headers: [.location: "/uploads/\(id.uuidString.lowercased())"])
    }

    /// `POST /api/v1/uploads?name=run.fit`: the file's bytes as the body.
    private func receiveRaw(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        guard let sent = request.uri.queryParameters.get("name") else {
            throw ServerError(.unprocessableContent, "give the file's name as ?name=, e.g. /api/v1/uploads?name=run.fit")
        }
        let name = try UploadFile.checkedName(sent)
        let importer = try requireImporter()
        let (id, folder) = try start(for: account)
        do {
            let file = try UploadFile(name: name, in: folder)
            defer { file.close() }
            var received = 0
            for try await piece in request.body {
                received += piece.readableBytes
                try checkLimit(received)
                try file.write(piece.readableBytesView)
            }
            guard received > 0 else { throw ServerError(.unprocessableContent, "the upload is empty: send the file's bytes as the body") }
        } catch {
            discard(id, folder)
            throw error
        }
        begin(id, files: [name], folder: folder, athlete: account.athlete, importer: importer)
        guard let upload = board.upload(id, of: account.id) else { throw ServerError(.notFound, "the upload was forgotten") }
        var response = try JSONBody.response(upload.json, status: .accepted)
        response.headers[.location] = "/api/v1/uploads/\(id.uuidString.lowercased())"
        return response
    }

    private func requireImporter() throws -> any ActivityImporter {
        guard let importer = configuration.importer else {
            throw ServerError(.serviceUnavailable, "this server was started without an importer: uploads are not available")
        }
        return importer
    }

    /// 413 as soon as `received` bytes pass the limit.
    private func checkLimit(_ received: Int) throws {
        guard received <= configuration.uploadLimitBytes else {
            throw ServerError(.contentTooLarge, "the upload is larger than the limit of \(configuration.uploadLimitBytes) bytes (\(Self.megabytes(configuration.uploadLimitBytes)))")
        }
    }

    /// A new upload of `account`, receiving, with its own folder.
    private func start(for account: Account) throws -> (UUID, String) {
        let id = UUID()
        let folder = (uploadsFolder as NSString).appendingPathComponent(id.uuidString.lowercased())
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            logger.error("cannot create the upload folder: \(String(describing: error))")
            throw ServerError(.internalServerError, "the server cannot store the upload; the server's log has the details")
        }
        board.add(Upload(id: id, account: account.id, createdAt: Date(), files: []))
        return (id, folder)
    }

    /// Forgets an upload that never arrived whole, and its files.
    private func discard(_ id: UUID, _ folder: String) {
        board.remove(id)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Queues the import of the files in `folder`; their folder is removed when it ends (the
    /// activities are in the log by then).
    private func begin(_ id: UUID, files: [String], folder: String, athlete: AthleteID, importer: any ActivityImporter) {
        board.update(id) {
            $0.files = files
            $0.status = .queued
            $0.filesTotal = files.count
        }
        let paths = files.map { (folder as NSString).appendingPathComponent($0) }
        let (board, slots, store, logger) = (board, slots, store, logger)
        Task.detached {
            await slots.acquire()
            board.update(id) { $0.status = .importing }
            let outcome: Result<ImportTally, ServerError>
            do {
                let tally = try await importer.importFiles(paths, into: store, for: athlete) { done, total in
                    board.update(id) {
                        $0.filesDone = done
                        $0.filesTotal = max(total, done)
                    }
                }
                outcome = .success(Self.named(tally, folder: folder))
            } catch {
                outcome = .failure(ErrorBoundary.refusal(for: error, logger: logger))
            }
            try? FileManager.default.removeItem(atPath: folder)
            board.update(id) {
                switch outcome {
                case .success(let tally):
                    $0.tally = tally
                    $0.filesDone = tally.files
                    $0.filesTotal = tally.files
                    $0.status = .done
                case .failure(let refusal):
                    $0.status = .failed
                    $0.failure = refusal.message
                }
            }
            await slots.release()
        }
    }

    /// The tally with the upload folder taken out of every file name and reason, so the runner
    /// sees `export.zip/activities/1.fit` and never a path on the server.
    static func named(_ tally: ImportTally, folder: String) -> ImportTally {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var named = tally
        named.skipped = tally.skipped.map { skip in
            ImportTally.Skipped(file: skip.file.hasPrefix(prefix) ? String(skip.file.dropFirst(prefix.count)) : skip.file,
                                reason: skip.reason.replacingOccurrences(of: prefix, with: ""))
        }
        return named
    }

    /// `67 MB`, `4.1 kB` or `900 bytes` (decimal units, as file managers show sizes).
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes)
        switch value {
        case 10_000_000...: return "\(Int((value / 1_000_000).rounded())) MB"
        case 1_000_000...: return String(format: "%.1f MB", value / 1_000_000)
        case 1_000...: return String(format: "%.1f kB", value / 1_000)
        default: return "\(bytes) bytes"
        }
    }
}
