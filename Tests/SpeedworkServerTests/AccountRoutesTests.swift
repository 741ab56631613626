import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Registering, signing in and out through the pages (issue 11), on SQLite and, when configured,
/// PostgreSQL: status codes, cookies, CSRF, fixation, rate limits.
@Suite(.serialized)
struct AccountRoutesTests {
    @Test(arguments: Engine.available)
    func theFirstVisitorIsSentToRegisterThenSignedIn(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            let first = try await browser.get("/")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/register")
            let registered = try await browser.register("ana@example.org", goodPassword, name: "Ana")
            #expect(registered.status == .seeOther)
            #expect(registered.headers[.location] == "/")
            #expect(browser.cookies[SessionCookieName.session] != nil)
            let log = try await browser.get("/")
            #expect(log.status == .ok)
            #expect(log.text.contains("Your log"))
            #expect(log.text.contains("ana@example.org"))
            // The first account takes the command line's runner.
            let account = try #require(try await store.account(login: "ana@example.org"))
            #expect(try await store.athlete(handle: Athlete.defaultHandle)?.id == account.athlete)
            #expect(account.passwordHash.hasPrefix("$2"))
            #expect(!account.passwordHash.contains(goodPassword))
        }
    }

    @Test(arguments: Engine.available)
    func aSignedOutVisitorIsSentToLogInOnceAnAccountExists(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let stranger = try await Browser(client).get("/")
            #expect(stranger.status == .seeOther)
            #expect(stranger.headers[.location] == "/login")
        }
    }

    @Test(arguments: Engine.available)
    func cookiesAreHttpOnlyLaxAndSecureOnlyWhenConfigured(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            let session = try #require(browser.lastSetCookies.first(where: { $0.hasPrefix(SessionCookieName.session + "=") }))
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
            #expect(session.contains("Path=/"))
            #expect(!session.contains("Secure"))
        }
        try await withApp(engine, configure: { $0.secureCookies = true }) { client, _ async throws in
            let browser = Browser(client)
            let page = try await browser.get("/register")
            let visitor = try #require(page.headers[values: .setCookie].first)
            #expect(visitor.contains("Secure"))
            try await browser.register("ana", goodPassword)
            let session = try #require(browser.lastSetCookies.first(where: { $0.hasPrefix(SessionCookieName.session + "=") }))
            #expect(session.contains("Secure"))
            #expect(session.contains("HttpOnly"))
        }
    }

    @Test(arguments: Engine.available)
    func aFormWithoutItsCSRFTokenIsRefused(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            try await browser.get("/register")
            let none = try await browser.post("/register", [("login", "ana"), ("password", goodPassword)], csrf: .some(nil))
            #expect(none.status == .forbidden)
            #expect(none.errorMessage?.contains("CSRF") == true)
            let wrong = try await browser.post("/register", [("login", "ana"), ("password", goodPassword)], csrf: "x")
            #expect(wrong.status == .forbidden)
            // A token from another browser does not pass with this browser's cookie.
            let other = Browser(client)
            try await other.get("/register")
            let foreign = try await browser.post("/register", [("login", "ana"), ("password", goodPassword)], csrf: other.csrf)
            #expect(foreign.status == .forbidden)
            #expect(try await store.accountCount() == 0)

            let ok = try await browser.post("/register", [("login", "ana"), ("password", goodPassword)])
            #expect(ok.status == .seeOther)
            // Signed in, the session's own token is needed: signing out without it is refused.
            try await browser.get("/")
            let out = try await browser.post("/logout", [], csrf: .some(nil))
            #expect(out.status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func badRegistrationsAre422WithAJSONBody(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            let cases: [(String, String, String)] = [
                ("ana", "short1", "too short"),
                ("ana", "aaaaaaaaaaaa", "one kind"),
                ("ana", "ana-is-the-best-1", "must not contain the login"),
                ("a b", goodPassword, "not allowed"),
                ("ana@", goodPassword, "not an e-mail address"),
                ("", goodPassword, "login is empty"),
                ("ana", String(repeating: "ab1", count: 25), "too long"),
            ]
            for (login, password, reason) in cases {
                let response = try await browser.register(login, password)
                #expect(response.status == .unprocessableContent, "\(login) / \(password)")
                let message = try #require(response.errorMessage, "\(login) / \(password): \(response.text)")
                #expect(message.contains(reason), "\(message)")
                #expect(!message.contains("\n"))
            }
            #expect(try await store.accountCount() == 0)
        }
    }

    @Test(arguments: Engine.available)
    func aBrowserGetsTheFormBackWithTheReason(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            let response = try await browser.register("ana", "short1")
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("too short"))
            #expect(response.text.contains(#"value="ana""#))
        }
    }

    @Test(arguments: Engine.available)
    func registeringTheSameLoginTwiceIsAConflict(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            #expect(try await Browser(client).register("Ana@Example.org", goodPassword).status == .seeOther)
            let again = try await Browser(client).register("ana@example.org", "another-pass-99")
            #expect(again.status == .conflict)
            #expect(again.errorMessage?.contains("already registered") == true)
            #expect(try await store.accountCount() == 1)
        }
    }

    @Test(arguments: Engine.available)
    func closedRegistrationLetsOnlyTheFirstVisitorIn(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.openRegistration = false }) { client, store async throws in
            #expect(try await Browser(client).register("ana", goodPassword).status == .seeOther)
            let second = Browser(client)
            #expect(try await second.get("/register").status == .forbidden)
            second.plant(SessionCookieName.visitor, String(repeating: "v", count: 43))
            let refused = try await second.post("/register", [("login", "bob"), ("password", goodPassword)],
                                                csrf: String(repeating: "v", count: 43))
            #expect(refused.status == .forbidden)
            #expect(try await store.accountCount() == 1)
        }
    }

    @Test(arguments: Engine.available)
    func aWrongPasswordOrUnknownLoginIs401AndSaysTheSame(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let wrong = try await Browser(client).logIn("ana", "not-the-password-1")
            #expect(wrong.status == .unauthorized)
            let unknown = try await Browser(client).logIn("nobody", "not-the-password-1")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.errorMessage == unknown.errorMessage)
            #expect(wrong.errorMessage == "wrong login or password")
            let right = try await Browser(client).logIn("ANA", goodPassword)
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/")
        }
    }

    @Test(arguments: Engine.available)
    func theSessionCookieChangesAtLogInAndAPlantedOneIsWorthless(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let owner = Browser(client)
            try await owner.register("ana", goodPassword)
            let before = try #require(owner.cookies[SessionCookieName.session])

            // An attacker plants their own live session id in the victim's browser, then the victim signs in.
            let victim = Browser(client)
            try await victim.get("/login")
            victim.plant(SessionCookieName.session, before)
            let signedIn = try await victim.post("/login", [("login", "ana"), ("password", goodPassword)])
            #expect(signedIn.status == .seeOther)
            let after = try #require(victim.cookies[SessionCookieName.session])
            #expect(after != before)
            // The planted id no longer opens anything; the new one does.
            let attacker = Browser(client)
            attacker.plant(SessionCookieName.session, before)
            #expect(try await attacker.get("/").status == .seeOther)
            #expect(try await victim.get("/").status == .ok)
            // The store keeps only hashes of the ids.
            #expect(try await store.session(tokenHash: after, at: Date()) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func aSignedInRunnerIsSentFromTheFormsToTheLogWhichCarriesTheSessionsToken(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            for path in ["/login", "/register"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers[.location] == "/", "\(path)")
            }
            let log = try await browser.get("/")
            let token = try #require(Browser.csrfToken(in: log.text))
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let session = try #require(try await store.session(tokenHash: Secret.hash(cookie), at: Date()))
            #expect(token == session.csrfToken)
            #expect(token != cookie)
        }
    }

    @Test(arguments: Engine.available)
    func signingOutEndsTheSession(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            try await browser.get("/")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(browser.cookies[SessionCookieName.session] == nil)
            let replay = Browser(client)
            replay.plant(SessionCookieName.session, cookie)
            #expect(try await replay.get("/").status == .seeOther)
        }
    }

    @Test(arguments: Engine.available)
    func logInsAreLimitedPerAccountWithRetryAfter(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.loginAttemptsPerAccount = 3 }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            for _ in 0..<3 {
                #expect(try await Browser(client).logIn("ana", "wrong-password-1").status == .unauthorized)
            }
            // The right password is refused too until the window has passed.
            let limited = try await Browser(client).logIn("ana", goodPassword)
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((1...60).contains(wait))
            #expect(limited.errorMessage?.contains("too many") == true)
            // Another account from the same address is not limited yet.
            try await Browser(client).register("bob", goodPassword)
            #expect(try await Browser(client).logIn("bob", goodPassword).status == .seeOther)
        }
    }

    @Test(arguments: Engine.available)
    func logInsAreLimitedPerAddress(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.loginAttemptsPerAddress = 4 }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            for login in ["x1", "x2", "x3", "x4"] {
                #expect(try await Browser(client).logIn(login, "wrong-password-1").status == .unauthorized)
            }
            #expect(try await Browser(client).logIn("ana", goodPassword).status == .tooManyRequests)
        }
    }
}

/// The cookie names as the app sets them (docs/server.md).
enum SessionCookieName {
    static let session = "speedwork_session"
    static let visitor = "speedwork_visitor"
}
