import Foundation
import Hummingbird
@testable import SpeedworkServer
import Testing

/// The streamed upload form (issue 12) on bodies written by hand, fed whole, a byte at a time, cut
/// in two at every place (so a boundary falls across two pieces) and in odd sizes: the token is
/// checked before a byte of a file is written, fields are held to their limit, the whole body to
/// the upload limit the moment it passes it, and a body cut short or without a token is refused.
struct StreamedUploadFormTests {
    static let boundary = "b0undary"
    static let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aBcDe"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// A file's bytes that hold a line break, a dash pair and a near-boundary, as watch files may.
    static let fitBytes: [UInt8] = Array("FIT\r\n--b0undar\r\n--b0\u{0}\u{1}end".utf8)
    static let gpxBytes: [UInt8] = Array("<gpx>\r\n--</gpx>".utf8)

    /// One part as a browser writes it: the delimiter line, its headers, a blank line, its bytes.
    static func part(_ name: String, fileName: String? = nil, _ bytes: [UInt8]) -> [UInt8] {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let fileName { head += "; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream" }
        return Array((head + "\r\n\r\n").utf8) + bytes + [13, 10]
    }

    static func field(_ name: String, _ value: String) -> [UInt8] { part(name, Array(value.utf8)) }
    static let closing = Array("--\(boundary)--\r\n".utf8)

    /// The token, a FIT and a GPX file (the second under a name already taken), an empty file
    /// field (no file chosen) and a file in a field of another name, both passed over.
    static let body: [UInt8] = field("csrf", token) + field("note", "Tuesday")
        + part("file", fileName: "run.fit", fitBytes) + part("file", fileName: "runs/run.fit", gpxBytes)
        + part("file", fileName: "", []) + part("other", fileName: "x.fit", Array("skip me".utf8)) + closing

    /// `bytes` in pieces of `size`.
    static func pieces(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
    }

    /// A request body made of `chunks`; with `failsPastEnd`, asking for one more piece than there
    /// is throws ``PulledPastEnd`` instead of ending, so a test sees whether the form read on.
    struct Pieces: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let chunks: [[UInt8]]
        var failsPastEnd = false

        struct AsyncIterator: AsyncIteratorProtocol {
            let chunks: [[UInt8]]
            let failsPastEnd: Bool
            var index = 0

            mutating func next() async throws -> ByteBuffer? {
                guard index < chunks.count else {
                    if failsPastEnd { throw PulledPastEnd() }
                    return nil
                }
                index += 1
                return ByteBuffer(bytes: chunks[index - 1])
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunks: chunks, failsPastEnd: failsPastEnd) }
    }

    struct PulledPastEnd: Error {}

    /// A folder of the test's own, removed afterwards.
    static func withFolder<T>(_ body: (String) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-form-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await body(folder)
    }

    static func form(limit: Int = 1 << 20, token: String? = token, files: StreamedUploadForm.Files = UploadPages.formFiles,
                     declared: String? = nil) throws -> StreamedUploadForm {
        try StreamedUploadForm(contentType: contentType, declaredLength: declared, expectedToken: token, limit: limit, files: files)
    }

    /// The files in `folder` and their bytes.
    static func stored(_ folder: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = Array(try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)))
        }
        return result
    }

    /// The refusal `receive` throws for `chunks`, or nil when it takes them.
    static func refusal(_ form: StreamedUploadForm, _ chunks: [[UInt8]], failsPastEnd: Bool = false,
                        folder: String) async throws -> ServerError? {
        do {
            _ = try await form.receive(Pieces(chunks: chunks, failsPastEnd: failsPastEnd), into: folder)
            return nil
        } catch let error as ServerError {
            return error
        }
    }

    // MARK: - A good form

    @Test func aWholeFormStoresEachFileAsSentUnderItsOwnName() async throws {
        let splits: [(String, [[UInt8]])] = [("whole", [Self.body]), ("bytes", Self.pieces(Self.body, size: 1))]
            + [3, 7, 13, 64].map { ("pieces of \($0)", Self.pieces(Self.body, size: $0)) }
        for (label, chunks) in splits {
            try await Self.withFolder { folder in
                let files = try await Self.form().receive(Pieces(chunks: chunks), into: folder)
                #expect(files == [.init(name: "run.fit", bytes: Self.fitBytes.count), .init(name: "run (2).fit", bytes: Self.gpxBytes.count)],
                        "\(label)")
                #expect(try Self.stored(folder) == ["run.fit": Self.fitBytes, "run (2).fit": Self.gpxBytes], "\(label)")
            }
        }
    }

    @Test func everyCutInTwoGivesTheSameFiles() async throws {
        for cut in 0...Self.body.count {
            try await Self.withFolder { folder in
                let files = try await Self.form().receive(Pieces(chunks: [Array(Self.body[..<cut]), Array(Self.body[cut...])]), into: folder)
                #expect(files.map(\.name) == ["run.fit", "run (2).fit"], "cut at \(cut)")
                #expect(try Self.stored(folder) == ["run.fit": Self.fitBytes, "run (2).fit": Self.gpxBytes], "cut at \(cut)")
            }
        }
    }

    // MARK: - The token

    @Test func aFileBeforeTheTokenIsRefusedBeforeAnyOfItsBytesAreRead() async throws {
        // The file's part head, then nothing more is to be read: the refusal must come from the head.
        let head = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"run.fit\"\r\n\r\n".utf8)
        for size in [1, 5, head.count] {
            try await Self.withFolder { folder in
                let refusal = try await Self.refusal(Self.form(), Self.pieces(head, size: size), failsPastEnd: true, folder: folder)
                #expect(refusal?.status == .forbidden)
                #expect(refusal?.message == "the form has no CSRF token before its files: reload the page and send it again")
                #expect(try Self.stored(folder).isEmpty)
            }
        }
        // The same with the token after the file, and an empty file field first: no file is written.
        let late = Self.part("file", fileName: "", []) + Self.part("file", fileName: "run.fit", Self.fitBytes) + Self.field("csrf", Self.token) + Self.closing
        try await Self.withFolder { folder in
            let refusal = try await Self.refusal(Self.form(files: GroupSessionRoutes.formFile), [late], folder: folder)
            #expect(refusal?.message == "the form has no CSRF token before its file: reload the page and send it again")
            #expect(try Self.stored(folder).isEmpty)
        }
    }

    @Test func aWrongTokenIsRefusedAsSoonAsItsFieldEnds() async throws {
        let wrong = Self.field("csrf", String(Self.token.dropLast()) + "X")
        // Read up to the delimiter that ends the token's field; nothing after it may be needed.
        let upToDelimiter = wrong + Array("--\(Self.boundary)".utf8)
        for (label, expected) in [("another", Optional(Self.token)), ("no session", nil)] {
            for size in [1, 9, upToDelimiter.count] {
                try await Self.withFolder { folder in
                    let refusal = try await Self.refusal(Self.form(token: expected), Self.pieces(upToDelimiter, size: size),
                                                         failsPastEnd: true, folder: folder)
                    #expect(refusal?.status == .forbidden, "\(label), pieces of \(size)")
                    #expect(refusal?.message == "the form's CSRF token does not match: reload the page and send it again")
                }
            }
        }
        // An empty token, a token of another length, and a good token sent again wrong: refused.
        for fields in [Self.field("csrf", ""), Self.field("csrf", Self.token + "A"), Self.field("csrf", Self.token) + wrong] {
            try await Self.withFolder { folder in
                let refusal = try await Self.refusal(Self.form(), [fields + Self.part("file", fileName: "run.fit", Self.fitBytes) + Self.closing],
                                                     folder: folder)
                #expect(refusal?.status == .forbidden)
                #expect(try Self.stored(folder).isEmpty)
            }
        }
    }

    @Test func aFormWithoutATokenIsRefused() async throws {
        let body = Self.field("note", "no token here") + Self.closing
        for size in [1, body.count] {
            try await Self.withFolder { folder in
                let refusal = try await Self.refusal(Self.form(), Self.pieces(body, size: size), folder: folder)
                #expect(refusal?.status == .forbidden)
                #expect(refusal?.message == "the form has no CSRF token: reload the page and send it again")
            }
        }
    }

    // MARK: - Limits

    @Test func theBodyIsRefusedTheMomentItPassesTheLimit() async throws {
        let limit = 300
        // A file long enough to pass the limit, sent in pieces of 40 bytes; after the piece that
        // passes 300 bytes nothing more is to be read.
        let body = Self.field("csrf", Self.token) + Self.part("file", fileName: "big.fit", Array(repeating: 7, count: 1_000)) + Self.closing
        let chunks = Self.pieces(body, size: 40)
        let passing = limit / 40 + 1  // 320 bytes after the 8th piece
        try await Self.withFolder { folder in
            let refusal = try await Self.refusal(Self.form(limit: limit), Array(chunks.prefix(passing)), failsPastEnd: true, folder: folder)
            #expect(refusal?.status == .contentTooLarge)
            #expect(refusal?.message == "the upload is larger than the limit of 300 bytes (300 bytes)")
            // What came before the passing piece was written; nothing of it or after it.
            let written = try Self.stored(folder)["big.fit"]
            #expect(written.map { $0.count < 1_000 && $0.allSatisfy { $0 == 7 } } == true)
            #expect((written?.count ?? 0) <= limit - (Self.field("csrf", Self.token).count))
        }
        // A body of exactly the limit is taken.
        let exact = Self.field("csrf", Self.token) + Self.part("file", fileName: "run.fit", Self.fitBytes) + Self.closing
        try await Self.withFolder { folder in
            let files = try await Self.form(limit: exact.count).receive(Pieces(chunks: Self.pieces(exact, size: 11)), into: folder)
            #expect(files.map(\.name) == ["run.fit"])
            let refusal = try await Self.refusal(Self.form(limit: exact.count - 1), Self.pieces(exact, size: 11), folder: folder)
            #expect(refusal?.status == .contentTooLarge)
        }
    }

    @Test func aDeclaredLengthPastTheLimitIsRefusedBeforeReading() throws {
        #expect(throws: ServerError(.contentTooLarge, "the upload is 2049 bytes: the limit is 2048 bytes (2.0 kB)")) {
            try Self.form(limit: 2048, declared: "2049")
        }
        #expect(throws: Never.self) { try Self.form(limit: 2048, declared: "2048") }
        // A declared length that is not a number is not taken for one; the streaming count holds.
        #expect(throws: Never.self) { try Self.form(limit: 2048, declared: "lots") }
    }

    @Test func aFieldLongerThanAllowedIsRefused() async throws {
        let atLimit = Self.field("csrf", Self.token) + Self.field("note", String(repeating: "a", count: StreamedUploadForm.largestField))
            + Self.part("file", fileName: "run.fit", Self.fitBytes) + Self.closing
        try await Self.withFolder { folder in
            let files = try await Self.form().receive(Pieces(chunks: Self.pieces(atLimit, size: 100)), into: folder)
            #expect(files.map(\.name) == ["run.fit"])
        }
        let over = Self.field("csrf", Self.token) + Self.field("note", String(repeating: "a", count: StreamedUploadForm.largestField + 1))
            + Self.part("file", fileName: "run.fit", Self.fitBytes) + Self.closing
        for size in [1, 100, over.count] {
            try await Self.withFolder { folder in
                let refusal = try await Self.refusal(Self.form(), Self.pieces(over, size: size), folder: folder)
                #expect(refusal == ServerError(.badRequest, "the form field 'note' is longer than 4 KiB"), "pieces of \(size)")
                #expect(try Self.stored(folder).isEmpty)
            }
        }
        // The token's own field is held to the same length, before it is compared.
        let longToken = Self.field("csrf", String(repeating: "t", count: StreamedUploadForm.largestField + 1)) + Self.closing
        try await Self.withFolder { folder in
            let refusal = try await Self.refusal(Self.form(), [longToken], folder: folder)
            #expect(refusal == ServerError(.badRequest, "the form field 'csrf' is longer than 4 KiB"))
        }
    }

    // MARK: - The body's shape

    @Test func aBodyCutBeforeItsClosingBoundaryIsRefused() async throws {
        let cut = Array(Self.body.dropLast(Self.closing.count))
        for ending in [cut, cut + Array("--\(Self.boundary)".utf8), Array(Self.body.prefix(Self.body.count / 2))] {
            for size in [1, 17] {
                try await Self.withFolder { folder in
                    let refusal = try await Self.refusal(Self.form(), Self.pieces(ending, size: size), folder: folder)
                    #expect(refusal == ServerError(.badRequest, "the multipart body ends before its closing boundary"))
                }
            }
        }
    }

    @Test func aFormThatIsNotMultipartIsRefusedBeforeReading() {
        let form = { (type: String?) in
            try StreamedUploadForm(contentType: type, declaredLength: nil, expectedToken: Self.token, limit: 1024, files: UploadPages.formFiles)
        }
        for type in [nil, "application/x-www-form-urlencoded", "multipart/mixed; boundary=x", "multipart/form-data"] {
            #expect(throws: ServerError(.unsupportedMediaType, "send the upload form as multipart/form-data"), "\(String(describing: type))") {
                try form(type)
            }
        }
        #expect(throws: ServerError.self) { try form("multipart/form-data; boundary=" + String(repeating: "b", count: 71)) }
        #expect(throws: Never.self) { try form("multipart/form-data; boundary=\"" + String(repeating: "b", count: 70) + "\"") }
    }

    // MARK: - Files

    @Test func aFormWithNoFileIsRefusedWithTheRoutesOwnLine() async throws {
        let body = Self.field("csrf", Self.token) + Self.part("file", fileName: "", []) + Self.part("other", fileName: "x.fit", [1, 2]) + Self.closing
        for (files, line) in [(UploadPages.formFiles, "choose at least one file to upload"),
                              (GroupSessionRoutes.formFile, "choose the athlete's watch file to upload")] {
            try await Self.withFolder { folder in
                let refusal = try await Self.refusal(Self.form(files: files), Self.pieces(body, size: 5), folder: folder)
                #expect(refusal == ServerError(.unprocessableContent, line))
                #expect(try Self.stored(folder).isEmpty)
            }
        }
    }

    @Test func theCoachsFormTakesOneActivityFileAndNoArchive() async throws {
        try await Self.withFolder { folder in
            let one = Self.field("csrf", Self.token) + Self.part("file", fileName: "track.fit", Self.fitBytes) + Self.closing
            let files = try await Self.form(files: GroupSessionRoutes.formFile).receive(Pieces(chunks: Self.pieces(one, size: 3)), into: folder)
            #expect(files == [.init(name: "track.fit", bytes: Self.fitBytes.count)])
        }
        try await Self.withFolder { folder in
            let refusal = try await Self.refusal(Self.form(files: GroupSessionRoutes.formFile), [Self.body], folder: folder)
            #expect(refusal == ServerError(.unprocessableContent, "send one file for one athlete"))
            #expect(try Self.stored(folder) == ["run.fit": Self.fitBytes])
        }
        try await Self.withFolder { folder in
            let archive = Self.field("csrf", Self.token) + Self.part("file", fileName: "export.zip", [80, 75]) + Self.closing
            let refusal = try await Self.refusal(Self.form(files: GroupSessionRoutes.formFile), [archive], folder: folder)
            #expect(refusal?.status == .unprocessableContent)
            #expect(refusal?.message.hasPrefix("'export.zip' is not one activity file") == true)
            #expect(try Self.stored(folder).isEmpty)
            // The upload page takes the archive.
            let files = try await Self.form().receive(Pieces(chunks: [archive]), into: folder)
            #expect(files == [.init(name: "export.zip", bytes: 2)])
        }
    }

    @Test func aFileNameIsCheckedBeforeTheFileIsMade() async throws {
        let body = Self.field("csrf", Self.token) + Self.part("file", fileName: "../notes.pdf", Array("%PDF".utf8)) + Self.closing
        try await Self.withFolder { folder in
            let refusal = try await Self.refusal(Self.form(), Self.pieces(body, size: 2), folder: folder)
            #expect(refusal?.status == .unprocessableContent)
            #expect(refusal?.message.contains("is not an activity file") == true)
            #expect(try Self.stored(folder).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent + "/notes.pdf"))
        }
    }
}
