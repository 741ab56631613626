import Foundation
import Hummingbird

/// A browser's upload form read as it streams in (issue 12; RFC 7578 `multipart/form-data`; OWASP
/// CSRF Prevention and File Upload cheat sheets), for the upload page and the coach's upload on a
/// group session's page. Its `csrf` field must come before any file and is compared in constant
/// time before a byte of a file is written; other fields are held to ``largestField``; file parts
/// are written into a folder as they arrive while the whole body is counted against the upload
/// limit; the body must end with its closing boundary; a form without the token is refused.
struct StreamedUploadForm: Sendable {
    /// What a form takes as files, and the lines that refuse them.
    struct Files: Sendable {
        /// A sent file name checked and made safe to store, or a 422 saying why not.
        var checkedName: @Sendable (String) throws -> String
        /// The refusal of a second file when the form takes one; nil when it takes several.
        var secondFile: String?
        /// How the CSRF refusal names the files: `files` or `file`.
        var noun: String
        /// The refusal of a form that holds no file.
        var noneChosen: String
    }

    /// One file written into the folder.
    struct File: Equatable, Sendable {
        /// The name it was stored under.
        var name: String
        /// How many bytes it holds.
        var bytes: Int
    }

    /// The field every file comes in; parts with another name or no file chosen are passed over.
    static let fileField = "file"
    /// The longest form field other than a file, in bytes (the CSRF token is 43).
    static let largestField = 4 * 1024
    /// The routes whose form this is: a browser's body declared past the limit is left to them
    /// (``UploadLimit``), so they answer with their page rather than the JSON error.
    static let routes: Set<String> = [UploadPages.formRoute, GroupSessionRoutes.uploadFormRoute]

    private let boundary: String
    private let expectedToken: String?
    private let limit: Int
    private let files: Files

    /// A form sent with `contentType` and `declaredLength` (the `Content-Length`, when there is
    /// one), whose token must match `expectedToken` and whose whole body may be `limit` bytes.
    ///
    /// - Throws: 413 when the declared length passes the limit, 415 when the body is not
    ///   `multipart/form-data`, 400 for a boundary RFC 2046 does not allow; nothing is read yet.
    init(contentType: String?, declaredLength: String?, expectedToken: String?, limit: Int, files: Files) throws {
        if let length = declaredLength.flatMap(Int.init), length > limit {
            throw ServerError(.contentTooLarge, "the upload is \(length) bytes: the limit is \(limit) bytes (\(UploadPages.megabytes(limit)))")
        }
        guard let contentType, let boundary = MultipartReader.boundary(contentType: contentType) else {
            throw ServerError(.unsupportedMediaType, "send the upload form as multipart/form-data")
        }
        _ = try MultipartReader(boundary: boundary)
        self.boundary = boundary
        self.expectedToken = expectedToken
        self.limit = limit
        self.files = files
    }

    /// The form of `request`, signed in with `context`'s session, limited to `limit` bytes.
    init(_ request: Request, context: ServerContext, limit: Int, files: Files) throws {
        try self.init(contentType: request.headers[.contentType], declaredLength: request.headers[.contentLength],
                      expectedToken: context.session?.csrfToken, limit: limit, files: files)
    }

    /// Reads `body` to its end, writing each file into `folder` as its bytes arrive, and gives
    /// the files in the order sent. On a refusal the file being written is closed; what is in
    /// `folder` is the caller's to remove.
    ///
    /// - Throws: 403 for a file before the token, a wrong token or none; 413 the moment the body
    ///   passes the limit; 400 for a field past ``largestField`` or a body cut before its closing
    ///   boundary; 422 for a refused file name, a second file where one is taken, or no file.
    func receive<Body: AsyncSequence>(_ body: Body, into folder: String) async throws -> [File] where Body.Element == ByteBuffer {
        var reader = try MultipartReader(boundary: boundary)
        var stored: [File] = []
        var file: UploadFile?
        defer { file?.close() }
        var tokenChecked = false
        var field: (name: String, value: [UInt8])?
        var received = 0
        for try await piece in body {
            received += piece.readableBytes
            guard received <= limit else {
                throw ServerError(.contentTooLarge, "the upload is larger than the limit of \(limit) bytes (\(UploadPages.megabytes(limit)))")
            }
            for event in try reader.feed(piece.readableBytesView) {
                switch event {
                case .part(let name, let fileName):
                    if let fileName {
                        guard tokenChecked else {
                            throw ServerError(.forbidden, "the form has no CSRF token before its \(files.noun): reload the page and send it again")
                        }
                        guard name == Self.fileField, !fileName.isEmpty else { continue }
                        if let secondFile = files.secondFile, !stored.isEmpty { throw ServerError(.unprocessableContent, secondFile) }
                        let safe = UploadFile.unique(try files.checkedName(fileName), taken: Set(stored.map(\.name)))
                        file = try UploadFile(name: safe, in: folder)
                        stored.append(File(name: safe, bytes: 0))
                    } else {
                        field = (name, [])
                    }
                case .bytes(let bytes):
                    if let file {
                        try file.write(bytes)
                        stored[stored.count - 1].bytes += bytes.count
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
                        guard let expectedToken, Secret.matches(expectedToken, String(decoding: done.value, as: UTF8.self)) else {
                            throw ServerError(.forbidden, "the form's CSRF token does not match: reload the page and send it again")
                        }
                        tokenChecked = true
                    }
                    field = nil
                }
            }
        }
        guard reader.isComplete else { throw ServerError(.badRequest, "the multipart body ends before its closing boundary") }
        guard tokenChecked else { throw ServerError(.forbidden, "the form has no CSRF token: reload the page and send it again") }
        guard !stored.isEmpty else { throw ServerError(.unprocessableContent, files.noneChosen) }
        return stored
    }
}
