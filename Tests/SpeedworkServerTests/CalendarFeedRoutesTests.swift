import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The calendar feed (issue 11): a secret address serving the active plan as iCalendar (read back
/// with `CalendarReading`), made and revoked from a signed-in page with CSRF and from the API with a
/// bearer token; a revoked or unknown secret answers exactly as any unknown address does.
@Suite(.serialized)
struct CalendarFeedRoutesTests {
    /// Uses the command line's reading of the active plan, as `speedwork serve` does.
    static func withFeedApp(_ engine: Engine,
                            _ body: @escaping @Sendable (any TestClientProtocol, any ServerStore) async throws -> Void) async throws {
        try await withApp(engine, configure: { $0.planCalendar = ActivePlanCalendar() }, body)
    }

    /// Saves a twelve-week plan starting tomorrow as the athlete's active plan (the feed serves from
    /// today on, so the dates follow the clock); returns the saved plan and `plan --json`'s sessions.
    static func savePlan(for athlete: AthleteID, in store: any ServerStore) async throws -> (SavedPlan, [[String: Any]]) {
        let today = Day(Date())
        let arguments = ["plan", "--from", "mile=6:40@\(today.adding(days: -3))", "--goal", "mile=6:00",
                         "--race-date", "\(today.adding(days: 85))", "--start", "\(today.adding(days: 1))",
                         "--days", "mon,tue,thu,sat,sun", "--max-session", "60m", "--base-weeks", "12", "--as-of", "\(today)"]
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
        let plan = try command.build()
        let saved = try await ActivePlan.save(plan, request: SavedPlanRequest(command, fitness: plan.request.fitness, start: plan.request.start),
                                              to: store, for: athlete)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(saved.json.utf8)) as? [String: Any])
        // The JSON lists rest days too, so that every day of the plan is there; they are not events.
        let sessions = (json["weeks"] as? [[String: Any]] ?? []).flatMap { $0["sessions"] as? [[String: Any]] ?? [] }
            .filter { $0["kind"] as? String != "rest" }
        return (saved, sessions)
    }

    /// The address in the page's `<a id="calendar-feed" href="…">`, as a path on this server.
    static func feedPath(in html: String) -> String? {
        guard let range = html.range(of: #"id="calendar-feed" href="[^"]*""#, options: .regularExpression) else { return nil }
        let url = html[range].split(separator: "\"")[3]
        guard let path = url.range(of: "/calendar/") else { return nil }
        return String(url[path.lowerBound...])
    }

    static func fetch(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [:], body: nil)
    }

    @Test(arguments: Engine.available)
    func thePageNeedsSigningIn(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, _ async throws in
            let stranger = try await Self.fetch(client, "/calendar")
            #expect(stranger.status == .seeOther)
            #expect(stranger.headers[.location] == "/register")
            try await Browser(client).register("ana", goodPassword)
            let signedOut = try await Self.fetch(client, "/calendar")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers[.location] == "/login")
            // Revoking without a session is refused before anything is made.
            let post = try await client.execute(uri: "/calendar/revoke", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "csrf=x"))
            #expect(post.status == .forbidden || post.status == .seeOther)
        }
    }

    @Test(arguments: Engine.available)
    func theFeedServesTheActivePlanWithStableIdsAndTheAddressIsShownOnce(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let (saved, sessions) = try await Self.savePlan(for: ana.athlete, in: store)

            let page = try await browser.get("/calendar")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"id="calendar-revoke""#))
            let path = try #require(Self.feedPath(in: page.text))
            #expect(path.hasSuffix(".ics"))
            // Only a hash of the secret is stored.
            let secret = String(path.dropFirst("/calendar/".count).dropLast(4))
            let stored = try #require(try await store.activeCalendarFeed(for: ana.id))
            #expect(stored.secretHash == SHA256.hex(of: Array(secret.utf8)))
            #expect(stored.secretHash != secret)

            // No session is needed to read the feed.
            let feed = try await Self.fetch(client, path)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            let calendar = try CalendarReading(feed.text)
            #expect(calendar.events.count == sessions.count)
            #expect(calendar.events.map { $0["DTSTART"] ?? "" }
                    == sessions.map { ($0["date"] as? String ?? "").replacingOccurrences(of: "-", with: "") })
            let id = saved.id.uuidString.lowercased()
            #expect(calendar.events.allSatisfy { ($0["UID"] ?? "").hasPrefix(id + "-w") && ($0["UID"] ?? "").hasSuffix("@speedwork") })
            #expect(Set(calendar.events.compactMap { $0["UID"] }).count == sessions.count)
            // Read again, the same events keep the same ids.
            let again = try CalendarReading(try await Self.fetch(client, path).text)
            #expect(again.events.map { $0["UID"] } == calendar.events.map { $0["UID"] })

            // The page shows the address only when it is made.
            let later = try await browser.get("/calendar")
            #expect(later.status == .ok)
            #expect(Self.feedPath(in: later.text) == nil)
            #expect(later.text.contains(#"id="calendar-revoke""#))
            #expect(try await Self.fetch(client, path).status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func revokingNeedsTheCSRFTokenAndKillsTheOldAddress(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            _ = try await Self.savePlan(for: ana.athlete, in: store)
            let old = try #require(Self.feedPath(in: try await browser.get("/calendar").text))

            let forged = try await browser.post("/calendar/revoke", [], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            let wrong = try await browser.post("/calendar/revoke", [], csrf: "not-the-token")
            #expect(wrong.status == .forbidden)
            #expect(try await Self.fetch(client, old).status == .ok)

            let renewed = try await browser.post("/calendar/revoke", [])
            #expect(renewed.status == .ok)
            let new = try #require(Self.feedPath(in: renewed.text))
            #expect(new != old)
            let unknown = try await Self.fetch(client, "/no-such-page")
            let gone = try await Self.fetch(client, old)
            #expect(gone.status == .notFound)
            #expect(gone.text == unknown.text)
            #expect(try await Self.fetch(client, new).status == .ok)
            #expect(try await store.calendarFeeds(for: ana.id).count == 2)
        }
    }

    @Test(arguments: Engine.available)
    func anUnknownOrMalformedAddressIsAPlain404(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, _ async throws in
            let unknown = try await Self.fetch(client, "/no-such-page")
            let wellFormed = String(repeating: "A", count: 43)
            for path in ["/calendar/\(wellFormed).ics", "/calendar/\(wellFormed)", "/calendar/short.ics", "/calendar/..%2F.ics",
                         "/calendar/\(wellFormed).ics.ics"] {
                let response = try await Self.fetch(client, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text == unknown.text, "\(path)")
            }
        }
    }

    @Test(arguments: Engine.available)
    func withoutAnActivePlanTheFeedIsAnEmptyCalendar(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let path = try #require(Self.feedPath(in: try await browser.get("/calendar").text))
            let feed = try await Self.fetch(client, path)
            #expect(feed.status == .ok)
            let calendar = try CalendarReading(feed.text)
            #expect(calendar.events.isEmpty)
            #expect(calendar.calendar["VERSION"] == "2.0")
        }
    }

    @Test(arguments: Engine.available)
    func theAPIShowsMakesAndRevokesTheFeedWithABearerToken(engine: Engine) async throws {
        try await Self.withFeedApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            _ = try await Self.savePlan(for: ana.athlete, in: store)
            #expect(try await client.execute(uri: "/api/v1/calendar", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/calendar", method: .delete).status == .unauthorized)
            let token = try #require(try await APIRoutesTests.makeToken(client, login: "ana").json?["token"] as? String)
            let bearer = APIRoutesTests.bearer(token)

            let first = try await client.execute(uri: "/api/v1/calendar", method: .get, headers: bearer)
            #expect(first.status == .ok)
            let url = try #require(first.json?["url"] as? String)
            let path = String(url[try #require(url.range(of: "/calendar/")).lowerBound...])
            #expect(try await Self.fetch(client, path).status == .ok)
            let second = try await client.execute(uri: "/api/v1/calendar", method: .get, headers: bearer)
            #expect(second.json?["url"] == nil)
            #expect(second.json?["id"] as? String == first.json?["id"] as? String)

            let renewed = try await client.execute(uri: "/api/v1/calendar", method: .post, headers: bearer)
            #expect(renewed.status == .created)
            let newURL = try #require(renewed.json?["url"] as? String)
            #expect(newURL != url)
            #expect(try await Self.fetch(client, path).status == .notFound)

            let revoked = try await client.execute(uri: "/api/v1/calendar", method: .delete, headers: bearer)
            #expect(revoked.status == .noContent)
            let newPath = String(newURL[try #require(newURL.range(of: "/calendar/")).lowerBound...])
            #expect(try await Self.fetch(client, newPath).status == .notFound)
            let again = try await client.execute(uri: "/api/v1/calendar", method: .delete, headers: bearer)
            #expect(again.status == .notFound)
            #expect(again.errorMessage?.contains("no calendar feed") == true)
        }
    }

    @Test func serveGivesTheServerTheCommandLinesReadingOfThePlan() throws {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["serve", "--database", "sqlite:///tmp/speedwork-never-opened.sqlite"]) as? ServeCommand)
        let configuration = try command.serverConfiguration(environment: [:])
        #expect(configuration.planCalendar is ActivePlanCalendar)
    }

    @Test func aHostHeaderIsUsedOnlyWhenItIsAHostAndPort() {
        for good in ["localhost", "127.0.0.1:8080", "[::1]:8080", "speedwork.example.org"] {
            #expect(CalendarFeedRoutes.isAuthority(good), "\(good)")
        }
        for bad in ["", "evil.org/x", "a b", "host:port", "[::1]x", "exa\"mple.org", "host:123456"] {
            #expect(!CalendarFeedRoutes.isAuthority(bad), "\(bad)")
        }
    }
}
