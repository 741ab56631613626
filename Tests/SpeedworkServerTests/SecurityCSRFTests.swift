import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Cross-site request forgery (issue 12, security; OWASP CSRF Prevention Cheat Sheet): every
/// state-changing page route the router has, found by walking its routes, refuses a form without
/// the token, with another session's token, or with a forged one, with 403, and nothing changes.
@Suite(.serialized)
struct SecurityCSRFTests {
    /// Every page route (not `/api/`) with a method that changes state, as `METHOD /path`, path
    /// parameters as written in the router (`{id}`).
    static func stateChangingPageRoutes() async throws -> [(method: HTTPRequest.Method, path: String)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-csrf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path),
                                                dataFolder: folder.path)
        configuration.bcryptCost = 4
        let store = try await configuration.database.openServerStore()
        let router: Router<ServerContext>
        do {
            router = try buildRouter(configuration, store: store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        return router.routes.compactMap { route -> (method: HTTPRequest.Method, path: String)? in
            let path = "/" + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            guard ![.get, .head, .options].contains(route.method), !path.hasPrefix("/api/") else { return nil }
            return (method: route.method, path: path)
        }
    }

    /// A form that the route would act on when its token were right, so only the token stands
    /// between it and a change.
    static func fields(for path: String) -> [(String, String)] {
        switch path {
        case "/register": [("login", "mallory"), ("password", goodPassword), ("name", "Mallory")]
        case "/login": [("login", "ana"), ("password", goodPassword)]
        case "/plan": PlanPageTests.formFields
        case "/log/add": [("date", "2026-11-08"), ("result", "mile=6:05"), ("kind", "time-trial")]
        default: []
        }
    }

    /// What a refused form must leave as it was.
    struct Snapshot: Equatable {
        var accounts: Int
        var plans: Int
        var activePlan: UUID?
        var results: Int
        var handSessions: Int
        var feeds: [UUID]
        var tokens: Int
        var activities: Int

        init(_ store: any ServerStore, _ account: Account) async throws {
            accounts = try await store.accountCount()
            plans = try await store.plans(for: account.athlete).count
            activePlan = try await store.activePlan(for: account.athlete)?.id
            results = try await store.results(for: account.athlete, since: nil).count
            handSessions = try await store.sessions(for: account.athlete, since: nil).count
            feeds = try await store.calendarFeeds(for: account.id).filter { $0.revokedAt == nil }.map(\.id)
            tokens = try await store.tokens(for: account.id).count
            activities = try await store.activities(for: account.athlete, in: nil).count
        }
    }

    @Test func theRouterHasTheFormRoutesThisSuiteKnows() async throws {
        let routes = try await Self.stateChangingPageRoutes().map { "\($0.method.rawValue) \($0.path)" }
        for known in ["POST /register", "POST /login", "POST /logout", "POST /calendar/revoke", "POST /plan", "POST /log/add", "POST /upload"] {
            #expect(routes.contains(known), "\(known) not in \(routes)")
        }
    }

    @Test(arguments: Engine.available)
    func everyFormRouteRefusesAMissingForeignOrForgedToken(engine: Engine) async throws {
        // The multipart forms stream their body and check their own token (StreamedUploadTests, GroupSetRoutesTests).
        let routes = try await Self.stateChangingPageRoutes().filter { $0.path != "/upload" && !$0.path.hasSuffix("/athletes/{handle}/activity") }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0) }) { client, store async throws in
            let ana = Browser(client)
            try await ana.register("ana", goodPassword)
            let bob = Browser(client)
            try await bob.register("bob", goodPassword)
            try await bob.get("/")
            let bobsToken = try #require(bob.csrf)
            try await ana.get("/calendar")
            let page = try await ana.get("/")
            let anasToken = try #require(Browser.csrfToken(in: page.text))
            #expect(anasToken != bobsToken)
            let account = try #require(try await store.account(login: "ana"))
            let before = try await Snapshot(store, account)

            for route in routes {
                let path = route.path.replacingOccurrences(of: #"\{[^}]*\}"#, with: UUID().uuidString.lowercased(),
                                                           options: .regularExpression)
                let forged = Secret.make()
                for (label, token) in [("no token", String?.none), ("bob's token", bobsToken), ("a forged token", forged),
                                       ("an empty token", "")] {
                    var fields = Self.fields(for: route.path)
                    if let token { fields.append(("csrf", token)) }
                    let answer = try await ana.send(path, method: route.method,
                                                    headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: FormBody.encode(fields)))
                    #expect(answer.status == .forbidden, "\(route.method) \(path) with \(label): \(answer.status)")
                    #expect(answer.errorMessage?.contains("CSRF") == true, "\(route.method) \(path) with \(label): \(answer.text)")
                    #expect(answer.headers[values: .setCookie].allSatisfy { !$0.hasPrefix(SessionCookieName.session + "=") },
                            "\(route.method) \(path) with \(label) set a session cookie")
                }
            }
            #expect(try await Snapshot(store, account) == before)
            // Ana is still signed in with the same session and the same token.
            let after = try await ana.get("/")
            #expect(after.status == .ok)
            #expect(Browser.csrfToken(in: after.text) == anasToken)

            // The same forms with her own token do change things, so the refusals above were the token's.
            #expect(try await ana.post("/log/add", Self.fields(for: "/log/add"), csrf: anasToken).status == .seeOther)
            try await ana.get("/")
            #expect(try await ana.post("/calendar/revoke", [], csrf: anasToken).status == .ok)
            let changed = try await Snapshot(store, account)
            #expect(changed.results == before.results + 1)
            #expect(changed.feeds != before.feeds)
        }
    }

    @Test(arguments: Engine.available)
    func aPlantedVisitorCookieDoesNotOpenASignedInForm(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let ana = Browser(client)
            try await ana.register("ana", goodPassword)
            let account = try #require(try await store.account(login: "ana"))
            try await ana.get("/calendar")
            let before = try await Snapshot(store, account)
            // Someone who can set a cookie for the site (a sibling subdomain) plants a visitor
            // secret they know, then sends its value as the token (double-submit's weak point).
            let planted = Secret.make()
            ana.plant(SessionCookieName.visitor, planted)
            for path in ["/calendar/revoke", "/log/add", "/logout"] {
                let answer = try await ana.post(path, Self.fields(for: path), csrf: planted)
                #expect(answer.status == .forbidden, "\(path): \(answer.status)")
            }
            #expect(try await Snapshot(store, account) == before)
            #expect(try await ana.get("/").status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func theSignInFormsNeedTheVisitorsOwnToken(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            // Mallory's page sends the victim's browser to sign in to Mallory's account (login CSRF).
            let victim = Browser(client)
            try await victim.get("/login")
            let mallory = Browser(client)
            try await mallory.get("/login")
            let foreign = try await victim.post("/login", [("login", "ana"), ("password", goodPassword)], csrf: mallory.csrf)
            #expect(foreign.status == .forbidden)
            #expect(victim.cookies[SessionCookieName.session] == nil)
            // Without any visitor cookie there is nothing to match, whatever the token.
            let bare = Browser(client)
            let token = Secret.make()
            let none = try await bare.post("/login", [("login", "ana"), ("password", goodPassword)], csrf: token)
            #expect(none.status == .forbidden)
            #expect(bare.cookies[SessionCookieName.session] == nil)
            #expect(try await store.accountCount() == 1)
        }
    }

    @Test(arguments: Engine.available)
    func theUploadFormRefusesAForeignOrForgedTokenAndKeepsNoFile(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let ana = Browser(client)
            try await ana.register("ana", goodPassword)
            let bob = Browser(client)
            try await bob.register("bob", goodPassword)
            try await bob.get("/upload")
            try await ana.get("/upload")
            let fit = try UploadFixtures.trackFIT()
            for token in [bob.csrf, Secret.make(), "", nil] {
                let answer = try await ana.upload([("track.fit", fit)], csrf: .some(token))
                #expect(answer.status == .forbidden, "\(String(describing: token)): \(answer.status)")
            }
            // A token that comes after the file is too late: no byte of the file is written first.
            let late = UploadFixtures.multipart(boundary: UploadFixtures.boundary, fields: [], files: [("track.fit", fit)])
            var body = Data(late.readableBytesView)
            body.removeLast(("--" + UploadFixtures.boundary + "--\r\n").utf8.count)
            body.append(Data("--\(UploadFixtures.boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(ana.csrf ?? "")\r\n--\(UploadFixtures.boundary)--\r\n".utf8))
            let after = try await ana.send("/upload", method: .post,
                                           headers: [.contentType: "multipart/form-data; boundary=\(UploadFixtures.boundary)"],
                                           body: ByteBuffer(bytes: body))
            #expect(after.status == .forbidden)
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
            let account = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: account.athlete, in: nil).isEmpty)
            // Signed out, the form is refused outright.
            let stranger = Browser(client)
            #expect(try await stranger.upload([("track.fit", fit)], csrf: .some(Secret.make())).status == .forbidden)
        }
    }
}
