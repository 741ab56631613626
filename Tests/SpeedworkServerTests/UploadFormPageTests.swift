import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import SpeedworkTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An upload form past the limit answers a browser with its own page (issue 12): `POST /upload`
/// and the coach's upload on a group session's page give the page again with one line and 413,
/// whether the body declares its length or passes the limit while streaming; the API and
/// clients that do not ask for HTML keep the JSON 413 of every other route.
@Suite(.serialized)
struct UploadFormPageTests {
    static let limit = 4096
    static let day = GroupSessionRoutesTests.day

    /// A coach and the member Bob in one group session; the coach's browser has the session page
    /// open (its token read). Gives the browser and the path of Bob's upload form.
    static func coachWithSession(_ client: any TestClientProtocol, _ store: any ServerStore,
                                 acceptsHTML: Bool) async throws -> (browser: Browser, path: String, page: String) {
        let coachBrowser = Browser(client, acceptsHTML: acceptsHTML)
        try await coachBrowser.register("coach", goodPassword, name: "Coach")
        try await Browser(client).register("bob", goodPassword, name: "Bob")
        let coach = try #require(try await store.account(login: "coach"))
        let bob = try #require(try await store.account(login: "bob"))
        try await GroupSessionRoutesTests.coach(coach, athletes: [bob], in: store)
        let member = try #require(try await store.athletes(coachedBy: coach.id).first { $0.login == "bob" }).athlete
        let session = try GroupSession(coach: coach.id, day: Self.day, name: "Tuesday track", set: try RepSet(parsing: "8 × 400 m, 90 s jog"),
                                       members: [member], createdAt: Date())
        #expect(try await store.addGroupSession(session) == .stored)
        let page = "/coach/sessions/\(session.id.uuidString.lowercased())"
        try await coachBrowser.get(page)
        return (coachBrowser, "\(page)/athletes/\(member.handle)/activity", page)
    }

    static func configure(_ folder: String) -> (inout ServerConfiguration) -> Void {
        { configuration in
            UploadRoutesTests.importing(&configuration)
            configuration.dataFolder = folder
            configuration.uploadLimitBytes = limit
        }
    }

    /// A watch file's worth of bytes past the limit.
    static let oversize = Data(repeating: 7, count: limit + 1)

    @Test(arguments: Engine.available)
    func aDeclaredLengthPastTheLimitGivesTheUploadPageAgain(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: Self.configure(folder)) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            let sent = UploadFixtures.multipart(boundary: UploadFixtures.boundary, fields: [("csrf", try #require(browser.csrf))],
                                                files: [("big.fit", Self.oversize)]).readableBytes
            let page = try await browser.upload([("big.fit", Self.oversize)])
            #expect(page.status == .contentTooLarge)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains(#"id="upload-file""#))
            #expect(page.text.contains(#"the upload is \#(sent) bytes: the limit is 4096 bytes (4.1 kB)"#))
            // The page carries a fresh form: the same browser sends a file under the limit next.
            let small = try await browser.upload([("track.fit", Data(repeating: 7, count: 100))])
            #expect(small.status == .seeOther)
            _ = try await browser.finishedUpload(try #require(small.headers[.location]))

            // A client that does not ask for HTML, and the API even when it does, get the JSON 413.
            browser.acceptsHTML = false
            let json = try await browser.upload([("big.fit", Self.oversize)])
            #expect(json.status == .contentTooLarge)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(json.errorMessage?.hasSuffix("the limit is 4096") == true)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            var headers = APIRoutesTests.bearer(token)
            headers[.accept] = "text/html"
            let api = try await client.execute(uri: "/api/v1/uploads?name=big.fit", method: .post, headers: headers,
                                               body: ByteBuffer(bytes: Self.oversize))
            #expect(api.status == .contentTooLarge)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            // Nothing of the refused bodies was kept.
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aDeclaredLengthPastTheLimitGivesTheCoachTheSessionPageAgain(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: Self.configure(folder)) { client, store async throws in
            let (browser, path, _) = try await Self.coachWithSession(client, store, acceptsHTML: true)
            let page = try await browser.upload([("track.fit", Self.oversize)], path: path)
            #expect(page.status == .contentTooLarge)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains(#"id="group-splits""#))
            #expect(page.text.contains("the limit is 4096 bytes (4.1 kB)"))
            browser.acceptsHTML = false
            let json = try await browser.upload([("track.fit", Self.oversize)], path: path)
            #expect(json.status == .contentTooLarge)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            let bob = try #require(try await store.account(login: "bob"))
            #expect(try await store.activities(for: bob.athlete, in: nil).isEmpty)
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aSignedOutOrWrongRouteOversizeBodyIsStillRefusedBeforeReading(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: Self.configure(folder)) { client, _ async throws in
            // Signed out, a browser's oversize form is refused as any signed-out upload is.
            let stranger = Browser(client, acceptsHTML: true)
            try await stranger.get("/login")
            let refused = try await stranger.upload([("big.fit", Self.oversize)], csrf: .some(Secret.make()))
            #expect(refused.status == .forbidden)
            // Another page form posted as a browser past the limit keeps the 413 of every route.
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/log/add")
            let form = try await browser.send("/log/add", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                              body: ByteBuffer(bytes: Self.oversize))
            #expect(form.status == .contentTooLarge)
            #expect(form.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
        }
    }
}

#if canImport(Glibc)
/// The same over a real socket: a browser's form that declares a length past the limit gets its
/// page with 413 from the head alone, and a chunked one the moment it passes the limit, before
/// the body's end is sent; nothing of either is kept.
@Suite(.serialized)
struct UploadFormPageSocketTests {
    /// A live app on SQLite with the importer and a 4 KiB limit; `body` gets the port, the test
    /// client, the store and the data folder.
    static func withLiveApp(_ body: @escaping @Sendable (_ port: Int, _ client: any TestClientProtocol, _ store: any ServerStore,
                                                         _ folder: String) async throws -> Void) async throws {
        let folder = UploadRoutesTests.dataFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder + "/log.sqlite"), dataFolder: folder)
        configuration.port = 0
        configuration.bcryptCost = 4
        UploadFormPageTests.configure(folder)(&configuration)
        let store = try await configuration.database.openServerStore()
        do {
            let app = try buildApplication(configuration, store: store)
            try await app.test(.live) { client async throws in try await body(try #require(client.port), client, store, folder) }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// A browser's multipart post's head to `path`: its session cookie, HTML asked for, and `length`.
    static func head(port: Int, path: String, cookie: String, length: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(SessionCookieName.session)=\(cookie)\r\n"
            + "Accept: text/html,application/xhtml+xml\r\n"
            + "Content-Type: multipart/form-data; boundary=\(UploadFixtures.boundary)\r\n\(length)\r\n"
    }

    /// Sends the head of a post declaring 100 times the limit and no body; the answer.
    static func declared(port: Int, path: String, cookie: String) async throws -> String {
        let head = Self.head(port: port, path: path, cookie: cookie, length: "Content-Length: \(100 * UploadFormPageTests.limit)\r\n")
        return try await RawHTTP.onOwnThread {
            let socket = try RawHTTP.connect(port: port)
            defer { close(socket) }
            try RawHTTP.send(socket, Array(head.utf8))
            return RawHTTP.read(socket) ?? ""
        }
    }

    /// Sends a chunked form: the token, a file's head and 3,000 bytes, then 3,000 more, which
    /// pass the 4 KiB limit; the closing chunk is never sent. The answer.
    static func chunked(port: Int, path: String, cookie: String, csrf: String) async throws -> String {
        let boundary = UploadFixtures.boundary
        let opening = Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.fit\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").utf8) + Array(repeating: 7, count: 3000)
        let head = Self.head(port: port, path: path, cookie: cookie, length: "Transfer-Encoding: chunked\r\n")
        return try await RawHTTP.onOwnThread {
            let socket = try RawHTTP.connect(port: port)
            defer { close(socket) }
            try RawHTTP.send(socket, Array(head.utf8))
            for chunk in [opening, Array(repeating: 7, count: 3000)] {
                try RawHTTP.send(socket, Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10])
            }
            return RawHTTP.read(socket) ?? ""
        }
    }

    @Test func theUploadPageAnswersBothWithItsForm() async throws {
        try await Self.withLiveApp { port, client, _, folder in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let csrf = try #require(browser.csrf)
            let declared = try await Self.declared(port: port, path: "/upload", cookie: cookie)
            #expect(declared.hasPrefix("HTTP/1.1 413"), "\(declared.prefix(300))")
            #expect(declared.lowercased().contains("content-type: text/html"))
            #expect(declared.contains(#"id="upload-file""#))
            #expect(declared.contains("the upload is 409600 bytes: the limit is 4096 bytes (4.1 kB)"))
            let chunked = try await Self.chunked(port: port, path: "/upload", cookie: cookie, csrf: csrf)
            #expect(chunked.hasPrefix("HTTP/1.1 413"), "\(chunked.prefix(300))")
            #expect(chunked.contains(#"id="upload-file""#))
            #expect(chunked.contains("the upload is larger than the limit of 4096 bytes (4.1 kB)"))
            #expect(try await SecurityUploadLimitTests.eventually { UploadRoutesTests.leftovers(folder).isEmpty })
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func theCoachsUploadAnswersBothWithTheSessionPage() async throws {
        try await Self.withLiveApp { port, client, store, folder in
            let (browser, path, _) = try await UploadFormPageTests.coachWithSession(client, store, acceptsHTML: true)
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let csrf = try #require(browser.csrf)
            let declared = try await Self.declared(port: port, path: path, cookie: cookie)
            #expect(declared.hasPrefix("HTTP/1.1 413"), "\(declared.prefix(300))")
            #expect(declared.lowercased().contains("content-type: text/html"))
            #expect(declared.contains(#"id="group-splits""#))
            #expect(declared.contains("the upload is 409600 bytes: the limit is 4096 bytes (4.1 kB)"))
            let chunked = try await Self.chunked(port: port, path: path, cookie: cookie, csrf: csrf)
            #expect(chunked.hasPrefix("HTTP/1.1 413"), "\(chunked.prefix(300))")
            #expect(chunked.contains(#"id="group-splits""#))
            #expect(chunked.contains("the upload is larger than the limit of 4096 bytes (4.1 kB)"))
            #expect(try await SecurityUploadLimitTests.eventually { UploadRoutesTests.leftovers(folder).isEmpty })
            let bob = try #require(try await store.account(login: "bob"))
            #expect(try await store.activities(for: bob.athlete, in: nil).isEmpty)
        }
    }
}
#endif
