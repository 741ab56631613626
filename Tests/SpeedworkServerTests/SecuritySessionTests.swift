import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Session fixation and the session cookie (issue 12, security; OWASP Session Management Cheat
/// Sheet): a session id set before signing in is never the signed-in session, signing in issues a
/// fresh one, signing out ends it on the server, and the cookies carry their flags.
@Suite(.serialized)
struct SecuritySessionTests {
    @Test(arguments: Engine.available)
    func anIdChosenByAnAttackerIsNeverAdopted(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            // The attacker makes up a well-formed id and plants it before the victim signs in.
            let planted = Secret.make()
            let victim = Browser(client)
            try await victim.get("/login")
            victim.plant(SessionCookieName.session, planted)
            #expect(try await victim.post("/login", [("login", "ana"), ("password", goodPassword)]).status == .seeOther)
            let issued = try #require(victim.cookies[SessionCookieName.session])
            #expect(issued != planted)
            #expect(try await store.session(tokenHash: Secret.hash(planted), at: Date()) == nil)
            let attacker = Browser(client)
            attacker.plant(SessionCookieName.session, planted)
            let tried = try await attacker.get("/")
            #expect(tried.status == .seeOther)
            #expect(tried.headers[.location] == "/login")
        }
    }

    @Test(arguments: Engine.available)
    func anAttackersOwnLiveSessionPlantedBeforeSignInIsEndedNotShared(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let mallory = Browser(client)
            try await mallory.register("mallory", goodPassword)
            let mallorysId = try #require(mallory.cookies[SessionCookieName.session])

            // The victim opens the log-in form; then mallory's own live session is planted.
            let victim = Browser(client)
            try await victim.get("/login")
            victim.plant(SessionCookieName.session, mallorysId)
            let signedIn = try await victim.post("/login", [("login", "ana"), ("password", goodPassword)])
            #expect(signedIn.status == .seeOther)
            let issued = try #require(victim.cookies[SessionCookieName.session])
            #expect(issued != mallorysId)
            #expect(try await store.session(tokenHash: Secret.hash(mallorysId), at: Date()) == nil)
            // Mallory's cookie opens nothing now, least of all ana's log.
            let replay = Browser(client)
            replay.plant(SessionCookieName.session, mallorysId)
            #expect(try await replay.get("/").status == .seeOther)
            let anas = try await victim.get("/")
            #expect(anas.status == .ok)
            #expect(!anas.text.contains("mallory"))
        }
    }

    @Test(arguments: Engine.available)
    func everySignInIssuesANewSecretAndANewToken(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let browser = Browser(client)
            try await browser.get("/login")
            let visitorToken = try #require(browser.csrf)
            try await browser.post("/login", [("login", "ana"), ("password", goodPassword)])
            let first = try #require(browser.cookies[SessionCookieName.session])
            // The visitor's double-submit cookie is cleared once signed in.
            #expect(browser.cookies[SessionCookieName.visitor] == nil)
            let firstToken = try #require(Browser.csrfToken(in: try await browser.get("/").text))
            #expect(firstToken != visitorToken)

            let again = Browser(client)
            try await again.logIn("ana", goodPassword)
            let second = try #require(again.cookies[SessionCookieName.session])
            #expect(second != first)
            let secondToken = try #require(Browser.csrfToken(in: try await again.get("/").text))
            #expect(secondToken != firstToken)
            // Only hashes are stored: neither cookie is a key in the store.
            #expect(try await store.session(tokenHash: first, at: Date()) == nil)
            #expect(try await store.session(tokenHash: Secret.hash(first), at: Date()) != nil)
        }
    }

    @Test(arguments: Engine.available)
    func signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let token = try #require(Browser.csrfToken(in: try await browser.get("/").text))
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            let cleared = try #require(out.headers[values: .setCookie].first { $0.hasPrefix(SessionCookieName.session + "=") })
            #expect(cleared.lowercased().contains("max-age=0"))
            #expect(try await store.session(tokenHash: Secret.hash(cookie), at: Date()) == nil)

            // A copy of the old cookie (a shared computer, a stolen backup) opens nothing, and its
            // token no longer passes a form.
            let copy = Browser(client)
            copy.plant(SessionCookieName.session, cookie)
            #expect(try await copy.get("/").status == .seeOther)
            let replayed = try await copy.post("/log/add", [("date", "2026-11-08"), ("result", "mile=6:05"), ("kind", "time-trial")],
                                               csrf: token)
            #expect(replayed.status == .forbidden)
            let account = try #require(try await store.account(login: "ana"))
            #expect(try await store.results(for: account.athlete, since: nil).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func anExpiredSessionIsSignedOut(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let account = try #require(try await store.account(login: "ana"))
            let secret = Secret.make()
            let now = Date()
            try await store.startSession(WebSession(tokenHash: Secret.hash(secret), account: account.id, csrfToken: Secret.make(),
                                                    createdAt: now.addingTimeInterval(-7200), expiresAt: now.addingTimeInterval(-60)))
            let browser = Browser(client)
            browser.plant(SessionCookieName.session, secret)
            let answer = try await browser.get("/")
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/login")
        }
    }

    @Test(arguments: Engine.available)
    func malformedSessionCookiesAreSignedOutNotErrors(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            for value in ["", "x", String(repeating: "A", count: 4096), "%00%00", "' OR 1=1 --", String(repeating: "é", count: 43)] {
                let answer = try await client.execute(uri: "/", method: .get,
                                                      headers: [.cookie: "\(SessionCookieName.session)=\(value)"])
                #expect(answer.status == .seeOther, "\(value.prefix(20)): \(answer.status)")
                #expect(answer.headers[.location] == "/login")
            }
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func everyCookieIsHttpOnlyLaxOnTheWholeSiteAndSecureWhenConfigured(engine: Engine) async throws {
        for secure in [false, true] {
            try await withApp(engine, configure: {
                $0.secureCookies = secure
                $0.sessionLifetime = 7200
            }) { client, _ async throws in
                let browser = Browser(client)
                var lines = try await browser.get("/register").headers[values: .setCookie]
                lines += try await browser.post("/register", [("login", "ana"), ("password", goodPassword)]).headers[values: .setCookie]
                try await browser.get("/")
                lines += try await browser.post("/logout", []).headers[values: .setCookie]
                // The visitor cookie, the session, and the two cookies cleared.
                #expect(lines.count >= 4, "\(lines)")
                for line in lines {
                    let attributes = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    #expect(attributes.contains("httponly"), "\(line)")
                    #expect(attributes.contains("samesite=lax"), "\(line)")
                    #expect(attributes.contains("path=/"), "\(line)")
                    #expect(attributes.contains("secure") == secure, "\(line)")
                }
                let session = try #require(lines.first { $0.hasPrefix(SessionCookieName.session + "=") && !$0.lowercased().contains("max-age=0") })
                #expect(session.lowercased().contains("max-age=7200"))
            }
        }
    }
}
