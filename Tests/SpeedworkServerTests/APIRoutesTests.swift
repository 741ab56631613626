import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
import SpeedworkServer
import SpeedworkStore
import Testing

/// The JSON API (issue 11): tokens from a login and password, bearer authentication, the
/// athlete's activities, errors as `{"error": …}`.
@Suite(.serialized)
struct APIRoutesTests {
    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func makeToken(_ client: any TestClientProtocol, login: String, password: String = goodPassword) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/tokens", method: .post, headers: [.contentType: "application/json"],
                                 body: json(["login": login, "password": password, "name": "watch sync"]))
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test(arguments: Engine.available)
    func aTokenListsTheAthletesOwnActivitiesOnly(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            try await Browser(client).register("bob", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let bob = try #require(try await store.account(login: "bob"))
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            let run = try steadyRun(start: start, seconds: 1200, metersPerSecond: 4, name: "Tempo")
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)
            _ = try await store.save(ImportBatch(activities: [try steadyRun(start: start, seconds: 600, metersPerSecond: 3)]), for: bob.athlete)

            let made = try await Self.makeToken(client, login: "ana")
            #expect(made.status == .created)
            let token = try #require(made.json?["token"] as? String)
            #expect(made.json?["name"] as? String == "watch sync")
            #expect(token.count == 43)

            let listed = try await client.execute(uri: "/api/v1/activities", method: .get, headers: Self.bearer(token))
            #expect(listed.status == .ok)
            let activities = try #require(listed.json?["activities"] as? [[String: Any]])
            #expect(activities.count == 1)
            #expect(activities.first?["id"] as? String == run.summary.contentHash)
            #expect(activities.first?["distanceMeters"] as? Double == 4800)
            #expect(activities.first?["durationSeconds"] as? Double == 1200)
            #expect(activities.first?["name"] as? String == "Tempo")
            #expect(activities.first?["start"] as? String == "2026-09-21T14:13:20Z")
            #expect(activities.first?["device"] == nil)
        }
    }

    @Test(arguments: Engine.available)
    func withoutAValidTokenTheAPIAnswers401(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let cases: [HTTPFields] = [
                [:],
                [.authorization: "Basic YW5hOnBhc3M="],
                Self.bearer("not-a-token"),
                Self.bearer(String(repeating: "A", count: 43)),
            ]
            for headers in cases {
                let response = try await client.execute(uri: "/api/v1/activities", method: .get, headers: headers)
                #expect(response.status == .unauthorized, "\(headers)")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.errorMessage != nil, "\(response.text)")
                #expect(!response.text.contains("\\/"), "\(response.text)")
            }
            // A browser's session cookie is not an API credential.
            let browser = Browser(client)
            try await browser.logIn("ana", goodPassword)
            let cookie = try #require(browser.cookies[SessionCookieName.session])
            let withCookie = try await client.execute(uri: "/api/v1/activities", method: .get,
                                                      headers: [.cookie: "\(SessionCookieName.session)=\(cookie)"])
            #expect(withCookie.status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func aRevokedTokenIsRefusedAndOnlyItsOwnerCanRevokeIt(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            try await Browser(client).register("bob", goodPassword)
            let anaToken = try #require(try await Self.makeToken(client, login: "ana").json)
            let bobToken = try #require(try await Self.makeToken(client, login: "bob").json?["token"] as? String)
            let secret = try #require(anaToken["token"] as? String)
            let id = try #require(anaToken["id"] as? String)

            let byBob = try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: Self.bearer(bobToken))
            #expect(byBob.status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/activities", method: .get, headers: Self.bearer(secret)).status == .ok)
            let revoked = try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: Self.bearer(secret))
            #expect(revoked.status == .noContent)
            let after = try await client.execute(uri: "/api/v1/activities", method: .get, headers: Self.bearer(secret))
            #expect(after.status == .unauthorized)
            #expect(after.errorMessage?.contains("revoked") == true)
            let junk = try await client.execute(uri: "/api/v1/tokens/not-a-uuid", method: .delete, headers: Self.bearer(bobToken))
            #expect(junk.status == .notFound)
            #expect(junk.errorMessage != nil)
        }
    }

    @Test(arguments: Engine.available)
    func makingATokenChecksTheBodyAndThePassword(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let wrong = try await Self.makeToken(client, login: "ana", password: "wrong-password-1")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorMessage == "wrong login or password")
            let bodies: [(ByteBuffer, HTTPResponse.Status, String)] = [
                (ByteBuffer(string: "{not json"), .badRequest, "not JSON"),
                (Self.json(["login": "ana"]), .badRequest, "'password'"),
                (Self.json(["login": 5, "password": "x"]), .badRequest, "wrong type"),
                (Self.json(["login": "", "password": ""]), .unprocessableContent, "give 'login'"),
                (Self.json(["login": "ana", "password": goodPassword, "name": String(repeating: "n", count: 81)]),
                 .unprocessableContent, "'name'"),
            ]
            for (body, status, reason) in bodies {
                let response = try await client.execute(uri: "/api/v1/tokens", method: .post,
                                                        headers: [.contentType: "application/json"], body: body)
                #expect(response.status == status, "\(response.text)")
                #expect(response.errorMessage?.contains(reason) == true, "\(response.text)")
            }
        }
    }

    @Test(arguments: Engine.available)
    func makingTokensIsRateLimitedLikeLoggingIn(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.loginAttemptsPerAccount = 2 }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            for _ in 0..<2 {
                #expect(try await Self.makeToken(client, login: "ana", password: "wrong-password-1").status == .unauthorized)
            }
            let limited = try await Self.makeToken(client, login: "ana")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            // Pages and the API share the count.
            #expect(try await Browser(client).logIn("ana", goodPassword).status == .tooManyRequests)
        }
    }
}
