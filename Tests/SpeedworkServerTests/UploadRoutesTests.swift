import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Uploading watch files (issue 11, upload): the form and the API stream the body to the data
/// folder, refuse it with 413 past the limit, import it in the background with the command line's
/// pipeline, show progress, and keep each account's uploads to itself.
@Suite(.serialized)
struct UploadRoutesTests {
    /// The text of the page's `#upload-status`.
    static func statusLine(_ html: String) -> String? {
        guard let range = html.range(of: #"<p id="upload-status"[^>]*>[^<]*</p>"#, options: .regularExpression) else { return nil }
        let element = html[range]
        guard let open = element.firstIndex(of: ">"), let close = element.range(of: "</p>") else { return nil }
        return String(element[element.index(after: open)..<close.lowerBound])
    }

    /// Every `href="/activities/…"` of the links with class `activity-link`.
    static func activityLinks(_ html: String) -> [String] {
        let pattern = #"<a class="activity-link" href="/activities/([0-9a-f]{64})">"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// The files left in the data folder's `uploads/`.
    static func leftovers(_ dataFolder: String) -> [String] {
        let root = URL(fileURLWithPath: dataFolder).appendingPathComponent("uploads")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { !$0.isEmpty }
    }

    /// A data folder of the test's own.
    static func dataFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-uploads-\(UUID().uuidString)").path
    }

    static func importing(_ configuration: inout ServerConfiguration) {
        configuration.importer = LogFileImporter()
    }

    static func token(_ client: any TestClientProtocol, login: String) async throws -> String {
        let made = try await APIRoutesTests.makeToken(client, login: login)
        return try #require(made.json?["token"] as? String)
    }

    /// Polls `GET /api/v1/uploads/{id}` until the upload is done or failed.
    static func finishedUpload(_ client: any TestClientProtocol, _ location: String, token: String) async throws -> [String: Any] {
        for _ in 0..<1_200 {
            let answer = try await client.execute(uri: location, method: .get, headers: APIRoutesTests.bearer(token))
            let json = try #require(answer.json)
            if ["done", "failed"].contains(json["status"] as? String) { return json }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the upload at \(location) did not finish within a minute")
        return [:]
    }

    @Test func theUploadPageHasTheFormAndNeedsSignIn() async throws {
        try await withApp(.sqlite, configure: Self.importing) { client, _ async throws in
            let visitor = Browser(client, acceptsHTML: true)
            let first = try await visitor.get("/upload")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/register")

            let ana = Browser(client, acceptsHTML: true)
            try await ana.register("ana", goodPassword)
            let signedOut = try await visitor.get("/upload")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers[.location] == "/login")
            // A signed-out upload is refused before its body is read, as a form without a valid
            // CSRF token is (FormGuard): nothing of it is kept.
            let refused = try await visitor.upload([("a.fit", Data([1, 2, 3]))], csrf: "x")
            #expect(refused.status == .forbidden)
            #expect(refused.headers[.location] == nil)

            let page = try await ana.get("/upload")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"enctype="multipart/form-data""#))
            #expect(html.contains(#"<input type="file" name="file" id="upload-file" multiple"#))
            #expect(html.contains(#"id="upload-submit""#))
            #expect(ana.csrf != nil && html.contains(#"name="csrf" value="\#(ana.csrf!)""#))
            // The token comes before the file field, so browsers send it first.
            let token = try #require(html.range(of: #"name="csrf""#, options: .backwards))
            #expect(token.lowerBound < html.range(of: #"id="upload-file""#)!.lowerBound)
            #expect(html.contains(#"<script src="/upload.js" defer></script>"#))

            let script = try await visitor.get("/upload.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("dataTransfer"))
        }
    }

    @Test(arguments: Engine.available)
    func aFormUploadIsImportedShownAndLinked(engine: Engine) async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { Self.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            let sent = try await browser.upload([("track.fit", try UploadFixtures.trackFIT())])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers[.location])
            #expect(location.range(of: #"^/uploads/[0-9a-f-]{36}$"#, options: .regularExpression) != nil)

            let page = try await browser.finishedUpload(location)
            #expect(page.status == .ok)
            #expect(Self.statusLine(page.text) == "1 file read: done")
            #expect(page.text.contains(#"<td class="n" id="upload-added">1</td>"#))
            #expect(!page.text.contains("http-equiv=\"refresh\""))
            let ana = try #require(try await store.account(login: "ana"))
            let stored = try await store.activities(for: ana.athlete, in: nil)
            #expect(stored.count == 1)
            let hash = try #require(stored.first?.contentHash)
            #expect(Self.activityLinks(page.text) == [hash])
            // The uploaded file is gone once imported; the activity is in the log.
            #expect(Self.leftovers(folder).isEmpty)

            // The log links the activity.
            #expect(Self.activityLinks(try await browser.get("/").text) == [hash])

            // The activity page: six reps of 400 m in 80 s (3:20/km), the first after the 10-minute warm-up.
            let activity = try await browser.get("/activities/\(hash)")
            #expect(activity.status == .ok)
            let html = activity.text
            #expect(html.contains(#"<svg id="pace-chart""#))
            #expect(html.components(separatedBy: #"<rect class="rep""#).count - 1 == 6)
            #expect(html.contains(#"<table id="reps">"#))
            #expect(html.contains(#"<tr><td class="n">1</td><td class="n">10:00</td><td class="n">1:20.0</td><td class="n">400 m</td><td class="n">3:20/km</td>"#))
            #expect(html.components(separatedBy: #"<td class="grade"#).count - 1 == 6)
            #expect(html.contains(#"<tr><td>400m</td><td class="n">1:20.0</td><td class="n">3:20/km</td></tr>"#))
            // No server path reaches the page.
            #expect(!html.contains(folder))
            #expect(html.contains("<td>track.fit</td>"))

            // The same file again adds nothing: its activity was already there.
            try await browser.get("/upload")
            let again = try await browser.upload([("track.fit", try UploadFixtures.trackFIT())])
            let second = try await browser.finishedUpload(try #require(again.headers[.location]))
            #expect(second.text.contains(#"<td class="n" id="upload-added">0</td>"#))
            #expect(second.text.contains(#"<td class="n" id="upload-already">1</td>"#))
            #expect(Self.activityLinks(second.text) == [hash])
            #expect(try await store.activities(for: ana.athlete, in: nil).count == 1)
        }
    }

    @Test func withoutItsCSRFTokenTheFormIsRefusedAndNothingIsKept() async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(.sqlite, configure: { Self.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            let fit = try UploadFixtures.trackFIT()
            let missing = try await browser.upload([("track.fit", fit)], csrf: .some(nil))
            #expect(missing.status == .forbidden)
            #expect(missing.errorMessage?.contains("CSRF") == true)
            let wrong = try await browser.upload([("track.fit", fit)], csrf: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            #expect(wrong.status == .forbidden)
            // A token after the files comes too late: the files were not to be written unchecked.
            let late = UploadFixtures.multipart(boundary: "b0undary", fields: [], files: [("track.fit", fit)])
            var body = Data(late.readableBytesView.dropLast("--b0undary--\r\n".utf8.count))
            body.append(Data("--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf!)\r\n--b0undary--\r\n".utf8))
            let after = try await browser.send("/upload", method: .post, headers: [.contentType: "multipart/form-data; boundary=b0undary"],
                                               body: ByteBuffer(bytes: body))
            #expect(after.status == .forbidden)
            // A form that is not multipart is refused, not misread.
            let urlencoded = try await browser.send("/upload", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "csrf=\(browser.csrf!)"))
            #expect(urlencoded.status == .unsupportedMediaType)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: ana.athlete, in: nil).isEmpty)
            #expect(Self.leftovers(folder).isEmpty)

            // With the token and no file: 422 naming what to do; a browser gets the form back with it.
            let none = try await browser.upload([])
            #expect(none.status == .unprocessableContent)
            #expect(none.errorMessage == "choose at least one file to upload")
            browser.acceptsHTML = true
            let notActivity = try await browser.upload([("notes.pdf", Data("%PDF".utf8))])
            #expect(notActivity.status == .unprocessableContent)
            #expect(notActivity.text.contains("is not an activity file"))
            #expect(notActivity.text.contains(#"id="upload-file""#))
        }
    }

    @Test(arguments: Engine.available)
    func theAPIUploadsARawBodyAndReportsProgressAsJSON(engine: Engine) async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { Self.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await Self.token(client, login: "ana")
            let fit = try UploadFixtures.trackFIT()

            let unauthenticated = try await client.execute(uri: "/api/v1/uploads?name=track.fit", method: .post, body: ByteBuffer(bytes: fit))
            #expect(unauthenticated.status == .unauthorized)
            let nameless = try await client.execute(uri: "/api/v1/uploads", method: .post, headers: APIRoutesTests.bearer(token),
                                                    body: ByteBuffer(bytes: fit))
            #expect(nameless.status == .unprocessableContent)
            #expect(nameless.errorMessage?.contains("?name=") == true)
            let wrongKind = try await client.execute(uri: "/api/v1/uploads?name=track.exe", method: .post,
                                                     headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: fit))
            #expect(wrongKind.status == .unprocessableContent)
            #expect(wrongKind.errorMessage == "'track.exe' is not an activity file: upload .fit, .gpx or .tcx files (optionally .gz) or a .zip export")
            let empty = try await client.execute(uri: "/api/v1/uploads?name=track.fit", method: .post,
                                                 headers: APIRoutesTests.bearer(token), body: ByteBuffer())
            #expect(empty.status == .unprocessableContent)

            let sent = try await client.execute(uri: "/api/v1/uploads?name=track.fit", method: .post,
                                                headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: fit))
            #expect(sent.status == .accepted)
            let location = try #require(sent.headers[.location])
            let id = try #require(sent.json?["id"] as? String)
            #expect(location == "/api/v1/uploads/\(id)")
            #expect(sent.json?["uploadedFiles"] as? [String] == ["track.fit"])
            #expect(["queued", "importing", "done"].contains(sent.json?["status"] as? String))

            let done = try await Self.finishedUpload(client, location, token: token)
            let ana = try #require(try await store.account(login: "ana"))
            let hash = try #require(try await store.activities(for: ana.athlete, in: nil).first?.contentHash)
            #expect(done["status"] as? String == "done")
            #expect(done["statusLine"] as? String == "1 file read: done")
            #expect(done["filesDone"] as? Int == 1)
            #expect(done["filesTotal"] as? Int == 1)
            #expect(done["added"] as? Int == 1)
            #expect(done["alreadyThere"] as? Int == 0)
            #expect((done["skipped"] as? [Any])?.isEmpty == true)
            #expect(done["activities"] as? [String] == [hash])
            #expect(done["reason"] == nil)
            #expect(Set(done.keys) == ["id", "status", "statusLine", "createdAt", "uploadedFiles", "filesDone", "filesTotal",
                                       "added", "alreadyThere", "skipped", "activities"])

            // The activity's stored analysis, the analyze --json contract, names the file as uploaded.
            let analysis = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get, headers: APIRoutesTests.bearer(token))
            #expect(analysis.status == .ok)
            let report = try #require(analysis.json)
            #expect(report["file"] as? String == "track.fit")
            #expect(report["sport"] as? String == "running")
            #expect((report["reps"] as? [[String: Any]])?.count == 6)
            #expect((report["reps"] as? [[String: Any]])?.first?["secondsPerKm"] as? Double == 200)
            #expect(!analysis.text.contains(folder))
            let noToken = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get)
            #expect(noToken.status == .unauthorized)
        }
    }

    @Test func aCorruptFileIsReportedAsSkippedAndTheOthersAreImported() async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(.sqlite, configure: { Self.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            // A FIT file cut short inside its header, and a GPX file that is not XML.
            let fit = try UploadFixtures.trackFIT()
            let broken = fit.prefix(9)
            let sent = try await browser.upload([("broken.fit", Data(broken)), ("track.fit", fit), ("route.gpx", Data("<gpx><trk>".utf8))])
            #expect(sent.status == .seeOther)
            let page = try await browser.finishedUpload(try #require(sent.headers[.location]))
            #expect(page.status == .ok)
            #expect(Self.statusLine(page.text) == "3 files read: done")
            #expect(page.text.contains(#"<td class="n" id="upload-added">1</td>"#))
            #expect(page.text.contains(#"<td class="n" id="upload-skipped">2</td>"#))
            #expect(page.text.contains(#"<li><span class="file">broken.fit</span>: <span class="reason">"#))
            #expect(page.text.contains(#"<li><span class="file">route.gpx</span>: <span class="reason">"#))
            #expect(!page.text.contains(folder))
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: ana.athlete, in: nil).count == 1)
            #expect(Self.activityLinks(page.text).count == 1)
        }
    }

    @Test func aBodyOneByteOverTheLimitIs413AndLeavesNothing() async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let limit = 2048
        try await withApp(.sqlite, configure: {
            Self.importing(&$0)
            $0.uploadLimitBytes = limit
            $0.dataFolder = folder
        }) { client, _ async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            let token = try await Self.token(client, login: "ana")
            let over = try await client.execute(uri: "/api/v1/uploads?name=big.fit", method: .post, headers: APIRoutesTests.bearer(token),
                                                body: ByteBuffer(repeating: 7, count: limit + 1))
            #expect(over.status == .contentTooLarge)
            #expect(over.errorMessage?.contains("\(limit)") == true)
            #expect(over.headers[.contentType]?.hasPrefix("application/json") == true)

            // At the limit exactly the body is taken (its bytes are no activity, so it is skipped).
            let at = try await client.execute(uri: "/api/v1/uploads?name=big.fit", method: .post, headers: APIRoutesTests.bearer(token),
                                              body: ByteBuffer(repeating: 7, count: limit))
            #expect(at.status == .accepted)
            let done = try await Self.finishedUpload(client, try #require(at.headers[.location]), token: token)
            #expect(done["status"] as? String == "done")
            let skipped = try #require(done["skipped"] as? [[String: Any]])
            #expect(skipped.count == 1)
            #expect(skipped.first?["file"] as? String == "big.fit")
            #expect((skipped.first?["reason"] as? String)?.isEmpty == false)

            // The form counts the whole body.
            try await browser.get("/upload")
            let form = try await browser.upload([("big.fit", Data(repeating: 7, count: limit))])
            #expect(form.status == .contentTooLarge)
            #expect(Self.leftovers(folder).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func anotherAccountsUploadAndActivityAre404(engine: Engine) async throws {
        try await withApp(engine, configure: Self.importing) { client, store async throws in
            let ana = Browser(client)
            try await ana.register("ana", goodPassword)
            try await ana.get("/upload")
            let sent = try await ana.upload([("track.fit", try UploadFixtures.trackFIT())])
            let location = try #require(sent.headers[.location])
            _ = try await ana.finishedUpload(location)
            let account = try #require(try await store.account(login: "ana"))
            let hash = try #require(try await store.activities(for: account.athlete, in: nil).first?.contentHash)
            let id = String(location.dropFirst("/uploads/".count))
            #expect(try await ana.get("/activities/\(hash)").status == .ok)

            let bob = Browser(client)
            try await bob.register("bob", goodPassword)
            let bobToken = try await Self.token(client, login: "bob")
            #expect(try await bob.get(location).status == .notFound)
            #expect(try await bob.get("/activities/\(hash)").status == .notFound)
            let upload = try await client.execute(uri: "/api/v1/uploads/\(id)", method: .get, headers: APIRoutesTests.bearer(bobToken))
            #expect(upload.status == .notFound)
            #expect(upload.errorMessage?.hasPrefix("no upload of yours") == true)
            let activity = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get, headers: APIRoutesTests.bearer(bobToken))
            #expect(activity.status == .notFound)
            // Unknown and malformed ids are 404 too.
            #expect(try await ana.get("/uploads/\(UUID().uuidString)").status == .notFound)
            #expect(try await ana.get("/uploads/not-an-id").status == .notFound)
            #expect(try await ana.get("/activities/\(String(repeating: "0", count: 64))").status == .notFound)
            #expect(try await ana.get("/activities/..%2F..%2Fetc").status == .notFound)
        }
    }

    @Test func withoutAnImporterUploadsAre503() async throws {
        try await withApp(.sqlite) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await Self.token(client, login: "ana")
            let sent = try await client.execute(uri: "/api/v1/uploads?name=track.fit", method: .post,
                                                headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: try UploadFixtures.trackFIT()))
            #expect(sent.status == .serviceUnavailable)
            #expect(sent.errorMessage?.contains("uploads are not available") == true)
        }
    }

    @Test func fileNamesAreCheckedAndMadeSafe() throws {
        #expect(try UploadFile.checkedName("run.fit") == "run.fit")
        #expect(try UploadFile.checkedName("C:\\Users\\ana\\Morning Run.FIT.GZ") == "Morning Run.FIT.GZ")
        #expect(try UploadFile.checkedName("../../etc/export.zip") == "export.zip")
        #expect(try UploadFile.checkedName("tür;rm -rf.gpx") == "t_r_rm -rf.gpx")
        for refused in ["", ".fit", ".hidden.fit", "notes.pdf", "archive.tar", "fit", "x.fit.zip.exe", String(repeating: "a", count: 130) + ".fit"] {
            #expect(throws: ServerError.self, "\(refused)") { try UploadFile.checkedName(refused) }
        }
        #expect(UploadFile.unique("run.fit", taken: ["run.fit", "run (2).fit"]) == "run (3).fit")
        #expect(UploadFile.unique("run.fit", taken: []) == "run.fit")
    }
}

extension UploadRoutesTests {
    @Test func aWholeExportZipIsImportedMemberByMember() async throws {
        let folder = Self.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(.sqlite, configure: { Self.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await Self.token(client, login: "ana")
            // Two track sessions a day apart, a damaged file and a note, as a Strava export holds them.
            let zip = StoredZip.archive([
                ("export/activities/1.fit", try UploadFixtures.trackFIT()),
                ("export/activities/2.fit", try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(86_400))),
                ("export/activities/3.fit", Data(repeating: 0x2E, count: 64)),
                ("export/profile.txt", Data("not an activity".utf8)),
            ])
            #expect(StoredZip.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
            let sent = try await client.execute(uri: "/api/v1/uploads?name=export.zip", method: .post,
                                                headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: zip))
            #expect(sent.status == .accepted)
            let done = try await Self.finishedUpload(client, try #require(sent.headers[.location]), token: token)
            #expect(done["status"] as? String == "done")
            #expect(done["filesTotal"] as? Int == 3)
            #expect(done["filesDone"] as? Int == 3)
            #expect(done["added"] as? Int == 2)
            let skipped = try #require(done["skipped"] as? [[String: Any]])
            #expect(skipped.count == 1)
            #expect(skipped.first?["file"] as? String == "export.zip/export/activities/3.fit")
            #expect((skipped.first?["reason"] as? String)?.contains(folder) == false)
            let ana = try #require(try await store.account(login: "ana"))
            let stored = try await store.activities(for: ana.athlete, in: nil)
            #expect(stored.count == 2)
            #expect(Set(done["activities"] as? [String] ?? []) == Set(stored.map(\.contentHash)))
        }
    }
}
