import Foundation
@testable import SpeedworkReports
import Hummingbird
import HummingbirdTesting
@testable import SpeedworkCLI
import SpeedworkServer
import Speedwork
import SpeedworkStore
import Testing
#if canImport(Glibc)
import Glibc

/// Oversized and lying uploads over a real socket (issue 12, security; OWASP File Upload Cheat
/// Sheet): past `uploadLimitBytes` the page form and the API are refused with 413 before the body
/// is read, a body shorter than its `Content-Length` leaves nothing, a longer one is cut at it,
/// and the server keeps serving.
@Suite(.serialized)
struct SecurityUploadLimitTests {
    static let limit = 4096

    /// A live app with the importer and a 4 KiB limit, ana signed in; `body` gets the port, her
    /// session cookie and page token, her API token and the data folder.
    static func withLiveApp(_ body: @escaping @Sendable (_ port: Int, _ cookie: String, _ csrf: String, _ token: String,
                                                         _ folder: String, _ client: any TestClientProtocol) async throws -> Void) async throws {
        let folder = UploadRoutesTests.dataFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder + "/log.sqlite"), dataFolder: folder)
        configuration.port = 0
        configuration.bcryptCost = 4
        configuration.uploadLimitBytes = limit
        configuration.importer = LogFileImporter()
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let csrf = try #require(browser.csrf)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            try await body(try #require(client.port), cookie, csrf, token, folder, client)
        }
    }

    /// Sends `head` and `bytes`, then reads one answer (10 s at most), or two.
    static func exchange(port: Int, head: String, bytes: [UInt8] = [], readTwice: Bool = false) throws -> String {
        let socket = try RawHTTP.connect(port: port)
        defer { close(socket) }
        try RawHTTP.send(socket, Array(head.utf8) + bytes)
        var text = RawHTTP.read(socket) ?? ""
        if readTwice { text += RawHTTP.read(socket) ?? "" }
        return text
    }

    static func multipartHead(port: Int, cookie: String, length: String) -> String {
        "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(SessionCookieName.session)=\(cookie)\r\n"
            + "Content-Type: multipart/form-data; boundary=\(UploadFixtures.boundary)\r\n\(length)\r\n"
    }

    static func apiHead(port: Int, token: String, length: String) -> String {
        "POST /api/v1/uploads?name=big.fit HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/octet-stream\r\n\(length)\r\n"
    }

    /// Whether `condition` holds within 5 s.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test func aDeclaredLengthPastTheLimitIsRefusedBeforeAnyOfTheBody() async throws {
        try await Self.withLiveApp { port, cookie, _, token, folder, client in
            let declared = "Content-Length: \(100 * Self.limit)\r\n"
            // Only the head is sent: the answer cannot wait for a body that never comes.
            let page = try await RawHTTP.onOwnThread {
                try Self.exchange(port: port, head: Self.multipartHead(port: port, cookie: cookie, length: declared))
            }
            #expect(page.hasPrefix("HTTP/1.1 413"), "\(page)")
            #expect(page.contains(#"{"error":"the request body is \#(100 * Self.limit) bytes: the limit is \#(Self.limit)"}"#), "\(page)")
            let api = try await RawHTTP.onOwnThread {
                try Self.exchange(port: port, head: Self.apiHead(port: port, token: token, length: declared))
            }
            #expect(api.hasPrefix("HTTP/1.1 413"), "\(api)")
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func aChunkedFormIsRefusedTheMomentItPassesTheLimit() async throws {
        try await Self.withLiveApp { port, cookie, csrf, _, folder, client in
            // The token, then a file's head and 3,000 bytes; 3,000 more pass 4,096; the end is never sent.
            let boundary = UploadFixtures.boundary
            let opening = Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.fit\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8) + Array(repeating: 7, count: 3000)
            let head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(SessionCookieName.session)=\(cookie)\r\n"
                + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nTransfer-Encoding: chunked\r\n\r\n"
            let answer = try await RawHTTP.onOwnThread { () throws -> String in
                let socket = try RawHTTP.connect(port: port)
                defer { close(socket) }
                try RawHTTP.send(socket, Array(head.utf8))
                for chunk in [opening, Array(repeating: 7, count: 3000)] {
                    try RawHTTP.send(socket, Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10])
                }
                // The closing chunk is never sent: the answer must come without it.
                return RawHTTP.read(socket) ?? ""
            }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
            #expect(answer.contains("the upload is larger than the limit of \(Self.limit) bytes"), "\(answer)")
            #expect(try await Self.eventually { UploadRoutesTests.leftovers(folder).isEmpty })
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func aBodyShorterThanItsContentLengthLeavesNothing() async throws {
        try await Self.withLiveApp { port, cookie, csrf, token, folder, client in
            // The API: 3,000 bytes declared, 100 sent, then the connection closes.
            try await RawHTTP.onOwnThread {
                let socket = try RawHTTP.connect(port: port)
                try RawHTTP.send(socket, Array(Self.apiHead(port: port, token: token, length: "Content-Length: 3000\r\n").utf8)
                                 + Array(repeating: 7, count: 100))
                close(socket)
            }
            // The form: its token and the start of a file, then the connection closes.
            try await RawHTTP.onOwnThread {
                let socket = try RawHTTP.connect(port: port)
                let part = "--\(UploadFixtures.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                    + "--\(UploadFixtures.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.fit\"\r\n\r\n"
                try RawHTTP.send(socket, Array(Self.multipartHead(port: port, cookie: cookie, length: "Content-Length: 3500\r\n").utf8)
                                 + Array(part.utf8) + Array(repeating: 7, count: 100))
                close(socket)
            }
            #expect(try await Self.eventually { UploadRoutesTests.leftovers(folder).isEmpty }, "\(UploadRoutesTests.leftovers(folder))")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            // Neither cut body was taken for a whole file: nothing was imported, not even as skipped.
            let store = try await DatabaseLocation.sqlite(path: folder + "/log.sqlite").openServerStore()
            let ana = try await store.account(login: "ana")
            var paths: [String] = []
            if let ana { paths = try await store.importedFiles(for: ana.athlete).map(\.path) }
            await store.close()
            #expect(ana != nil)
            #expect(paths.isEmpty, "\(paths)")
        }
    }

    @Test func aBodyLongerThanItsContentLengthIsCutThereAndTheRestIsNoRequest() async throws {
        try await Self.withLiveApp { port, _, _, token, _, client in
            // 100 bytes declared, 3,000 sent: the upload is the first 100; the rest is not a request.
            let answer = try await RawHTTP.onOwnThread {
                try Self.exchange(port: port, head: Self.apiHead(port: port, token: token, length: "Content-Length: 100\r\n"),
                                  bytes: Array(repeating: 0x41, count: 3000), readTwice: true)
            }
            #expect(answer.hasPrefix("HTTP/1.1 202"), "\(answer)")
            #expect(answer.components(separatedBy: "HTTP/1.1 202").count == 2, "\(answer)")
            let json = try #require(answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) })
            let id = try #require(json.range(of: #""id":"[0-9a-f-]{36}""#, options: .regularExpression).map { String(json[$0].dropFirst(6).dropLast()) })
            let done = try await UploadRoutesTests.finishedUpload(client, "/api/v1/uploads/\(id)", token: token)
            #expect(done["uploadedFiles"] as? [String] == ["big.fit"])
            #expect(done["status"] as? String == "done")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func aRealServeProcessRefusesPastItsUploadLimitAndKeepsServing() async throws {
        guard ServeProcess.binary != nil else {
            print("note: the speedwork executable is not built beside the tests; run swift build first")
            return
        }
        let folder = UploadRoutesTests.dataFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/log.sqlite"
        let log = try await SQLiteStore.open(path: database)
        let token = try await ServeProcess.account(in: log)
        await log.close()
        let server = try ServeProcess(database: "sqlite://" + database, dataFolder: folder + "/data",
                                      arguments: ["--upload-limit", "1", "--import-workers", "1"])
        defer { server.stop() }
        let port = try #require(URL(string: server.address)?.port)

        let declared = try await RawHTTP.onOwnThread {
            try Self.exchange(port: port, head: Self.apiHead(port: port, token: token, length: "Content-Length: \(2 << 20)\r\n"))
        }
        #expect(declared.hasPrefix("HTTP/1.1 413"), "\(declared)")
        #expect(declared.contains("the limit is 1048576"), "\(declared)")
        // A chunked body: 1,000,000 bytes, then 100,000 more pass 1 MiB; the end is never sent.
        let chunked = try await RawHTTP.onOwnThread {
            try RawHTTP.chunkedPost(port: port, path: "/api/v1/uploads?name=big.fit", headers: ["Authorization: Bearer \(token)"],
                                    chunks: [Array(repeating: 7, count: 1_000_000), Array(repeating: 7, count: 100_000)])
        }
        #expect(chunked.beforeEnd)
        #expect(chunked.text.hasPrefix("HTTP/1.1 413"), "\(chunked.text.prefix(200))")
        // It keeps serving: a real file under the limit imports.
        let id = try await server.upload(try UploadFixtures.trackFIT(), name: "track.fit", token: token)
        let done = try await server.finished(id, token: token, seconds: 120)
        #expect(done["status"] as? String == "done")
        #expect(done["added"] as? Int == 1)
    }
}
#endif

/// `speedwork serve --upload-limit`: the limit the tests above attack, as a runner sets it.
struct UploadLimitOptionTests {
    static func configuration(_ arguments: [String]) throws -> ServerConfiguration {
        let command = try #require(try SpeedworkCommand.parseAsRoot(
            ["serve", "--database", "sqlite:///tmp/speedwork-never-opened.sqlite"] + arguments) as? ServeCommand)
        return try command.serverConfiguration(environment: [:])
    }

    @Test func theOptionSetsTheLimitInMiB() throws {
        #expect(try Self.configuration([]).uploadLimitBytes == 64 * 1_048_576)
        #expect(try Self.configuration(["--upload-limit", "8"]).uploadLimitBytes == 8 * 1_048_576)
        for bad in ["0", "4097"] {
            #expect(throws: InputError.self, "\(bad)") { try Self.configuration(["--upload-limit", bad]) }
        }
        do {
            _ = try Self.configuration(["--upload-limit", "0"])
        } catch let error as InputError {
            #expect(error.description == "upload limit 0 MiB is not allowed: use 1 to 4096")
        }
    }
}
