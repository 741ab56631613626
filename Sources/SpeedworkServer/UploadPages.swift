import Foundation
import Hummingbird
import Logging
import Speedwork
import SpeedworkStore

/// Uploading watch files (issue 11, upload; docs/server.md): the upload page and its form, the
/// API's raw upload, and each upload's progress page and JSON. A body is written to the data
/// folder as it streams in and refused with 413 the moment it passes the limit (the partial
/// files removed); once whole, its import is queued as a job in the database (issue 12), which the
/// import workers (``ImportWorkers``) of any server process on the log claim and run.
struct UploadPages: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration
    let pages: PageRenderer
    /// Rung when a job is queued, so this process's workers claim it at once.
    let bell: JobBell
    let logger: Logger

    /// The upload form's route.
    static let formRoute = "/upload"
    /// The upload form's files: several, each an activity file or archive, same names numbered.
    static let formFiles = StreamedUploadForm.Files(
        checkedName: { try UploadFile.checkedName($0) }, secondFile: nil, noun: "files", noneChosen: "choose at least one file to upload")
    /// How often the progress page reloads itself while the import runs, in seconds.
    static let refreshSeconds = 2

    init(store: any ServerStore, configuration: ServerConfiguration, pages: PageRenderer, bell: JobBell) {
        self.store = store
        self.configuration = configuration
        self.pages = pages
        self.bell = bell
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
        streamed.post(RouterPath(Self.formRoute)) { request, context in try await receiveForm(request, context) }
        api.post("/uploads") { request, context in try await receiveRaw(request, context) }
        api.get("/uploads/{id}") { _, context in
            try JSONBody.response(try await self.upload(context).json)
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
        let upload = try await self.upload(context)
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

    /// The upload named by the route's `id`, read from its import job when it is the signed-in
    /// runner's; 404 otherwise, as for none.
    private func upload(_ context: ServerContext) async throws -> Upload {
        let account = try context.requireAccount()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text), let job = try await store.importJob(id, for: account.athlete) else {
            throw ServerError(.notFound, "no upload of yours has the id \(InputError.quoted(text))")
        }
        return Upload(job: job)
    }

    // MARK: Receiving

    /// The refusals of the upload form a browser gets on the form shown again rather than as an
    /// error body.
    static let shownOnThePage: [HTTPResponse.Status] = [.unprocessableContent, .unsupportedMediaType, .contentTooLarge]

    /// `POST /upload`: a `multipart/form-data` form whose `csrf` field comes before its files
    /// (``StreamedUploadForm``).
    private func receiveForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        do {
            return try await receiveParts(request, context)
        } catch let refusal as ServerError where AccountPages.wantsHTML(request) && Self.shownOnThePage.contains(refusal.status) {
            return try showForm(context, error: refusal.message, status: refusal.status)
        }
    }

    private func receiveParts(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let form = try StreamedUploadForm(request, context: context, limit: configuration.uploadLimitBytes, files: Self.formFiles)
        try requireImporter()
        let (id, folder) = try start()
        let names: [String]
        do {
            names = try await form.receive(request.body, into: folder).map(\.name)
        } catch {
            discard(folder)
            throw error
        }
        _ = try await begin(id, files: names, folder: folder, athlete: account.athlete)
        return Response(status: .seeOther, headers: [.location: "/uploads/\(id.uuidString.lowercased())"])
    }

    /// `POST /api/v1/uploads?name=run.fit`: the file's bytes as the body.
    private func receiveRaw(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        guard let sent = request.uri.queryParameters.get("name") else {
            throw ServerError(.unprocessableContent, "give the file's name as ?name=, e.g. /api/v1/uploads?name=run.fit")
        }
        let name = try UploadFile.checkedName(sent)
        try requireImporter()
        let (id, folder) = try start()
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
            discard(folder)
            throw error
        }
        let upload = try await begin(id, files: [name], folder: folder, athlete: account.athlete)
        var response = try JSONBody.response(upload.json, status: .accepted)
        response.headers[.location] = "/api/v1/uploads/\(id.uuidString.lowercased())"
        return response
    }

    private func requireImporter() throws {
        guard configuration.importer != nil else {
            throw ServerError(.serviceUnavailable, "this server was started without an importer: uploads are not available")
        }
    }

    /// 413 as soon as `received` bytes pass the limit.
    private func checkLimit(_ received: Int) throws {
        guard received <= configuration.uploadLimitBytes else {
            throw ServerError(.contentTooLarge, "the upload is larger than the limit of \(configuration.uploadLimitBytes) bytes (\(Self.megabytes(configuration.uploadLimitBytes)))")
        }
    }

    /// A new upload's id and its own folder, where its files are received.
    private func start() throws -> (UUID, String) {
        let id = UUID()
        let folder = (uploadsFolder as NSString).appendingPathComponent(id.uuidString.lowercased())
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            logger.error("cannot create the upload folder: \(String(describing: error))")
            throw ServerError(.internalServerError, "the server cannot store the upload; the server's log has the details")
        }
        return (id, folder)
    }

    /// Removes the files of an upload that never arrived whole.
    private func discard(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Queues the import of the files in `folder` as a job (its folder named relative to the data
    /// folder, so processes sharing the folder at another place find it too) and rings this
    /// process's workers; the worker that finishes the job removes the folder.
    private func begin(_ id: UUID, files: [String], folder: String, athlete: AthleteID) async throws -> Upload {
        let job = ImportJob(id: id, athlete: athlete, folder: Self.relative(folder, to: configuration.dataFolder), files: files)
        do {
            try await store.enqueue(job)
        } catch {
            discard(folder)
            throw error
        }
        bell.ring()
        return Upload(job: job)
    }

    /// `path` relative to `root` when it is inside it, else as it is.
    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
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
