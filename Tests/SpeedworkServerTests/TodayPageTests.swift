import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The today/week page and its API (issue 11): signed in only, a bad date refused with 400 and
/// the one line, the API answering exactly what `today --json` and `week --json` print for the
/// same log and date, and one runner never seeing another's log.
@Suite(.serialized)
struct TodayPageTests {
    /// The plan's first day, a Monday (2026-12-07 is a Monday: 1970-01-01 was a Thursday and
    /// 20,794 days later is 2,970 weeks and 4 days on).
    static let start = "2026-12-07"

    /// Saves a twelve-week plan from 2026-12-07 to race day 2027-03-01 as the runner's active plan.
    static func savePlan(for athlete: AthleteID, in store: any TrainingStore) async throws {
        let arguments = ["plan", "--from", "mile=6:40@2026-12-03", "--goal", "mile=6:00", "--race-date", "2027-03-01",
                         "--start", start, "--days", "mon,tue,thu,sat,sun", "--max-session", "60m", "--base-weeks", "12",
                         "--as-of", "2026-12-06"]
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
        let plan = try command.build()
        _ = try await ActivePlan.save(plan, request: SavedPlanRequest(command, fitness: plan.request.fitness, start: plan.request.start),
                                      to: store, for: athlete)
    }

    /// Where the test's SQLite log is, for the command line to open it too.
    final class Location: @unchecked Sendable {
        var path = ""
    }

    static func token(_ client: any TestClientProtocol, _ login: String) async throws -> String {
        let made = try await APIRoutesTests.makeToken(client, login: login)
        return try #require(made.json?["token"] as? String)
    }

    @Test(arguments: Engine.available)
    func thePageNeedsSigningInAndTheAPIAToken(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            for path in ["/today", "/week", "/today?date=2026-12-08"] {
                let stranger = try await client.execute(uri: path, method: .get)
                #expect(stranger.status == .seeOther, "\(path)")
                #expect(stranger.headers[.location] == "/register")
            }
            try await Browser(client).register("ana", goodPassword)
            let signedOut = try await client.execute(uri: "/today", method: .get)
            #expect(signedOut.headers[.location] == "/login")
            for path in ["/api/v1/today", "/api/v1/week?date=2026-12-08"] {
                let refused = try await client.execute(uri: path, method: .get)
                #expect(refused.status == .unauthorized, "\(path)")
                #expect(refused.errorMessage != nil)
            }
        }
    }

    @Test(arguments: Engine.available)
    func withoutAPlanThePageSaysSoAndLinksThePlanPage(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let page = try await browser.get("/today?date=2026-12-08")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<p id="no-plan">"#))
            #expect(page.text.contains(#"href="/plan""#))
            #expect(page.text.contains("Today, 2026-12-08"))
            // Without a plan the week is Monday to Sunday: 2026-12-07 to 2026-12-13.
            #expect(page.text.contains(#"<table id="week">"#))
            #expect(page.text.contains(#"href="/today?date=2026-12-07""#))
            #expect(page.text.contains(#"href="/today?date=2026-12-13""#))
            #expect(!page.text.contains(#"href="/today?date=2026-12-14""#))
        }
    }

    @Test(arguments: Engine.available)
    func aBadDateIsRefusedWith400AndTheOneLine(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let page = try await browser.get("/today?date=2026-13-40")
            #expect(page.status == .badRequest)
            #expect(page.text.contains(#"class="error""#))
            #expect(page.text.contains("2026-13-40"))
            let token = try await Self.token(client, "ana")
            for (path, expected) in [("/api/v1/today?date=tomorrow", "'tomorrow' is not a date: use YYYY-MM-DD"),
                                     ("/api/v1/week?date=2026-02-30", "2026-02-30 is not a calendar date"),
                                     ("/api/v1/today?date=", "'' is not a date")] {
                let refused = try await client.execute(uri: path, method: .get, headers: APIRoutesTests.bearer(token))
                #expect(refused.status == .badRequest, "\(path)")
                let message = try #require(refused.errorMessage)
                #expect(!message.contains("\n"))
                #expect(message.contains(expected), "\(message)")
            }
        }
    }

    @Test func theAPIAnswersExactlyWhatTheCommandLinePrints() async throws {
        let location = Location()
        try await withApp(.sqlite, configure: { configuration in
            if case .sqlite(let path) = configuration.database { location.path = path }
        }) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            try await Self.savePlan(for: ana.athlete, in: store)
            // A time trial before the plan and a session logged by hand in its first week.
            _ = try await store.add([try LoggedResult(day: try Day(parsing: "2026-12-05"), kind: .timeTrial, distance: .meters(1609.344),
                                                      time: .seconds(6 * 60 + 30))], for: ana.athlete)
            _ = try await store.add([try LoggedSession(day: try Day(parsing: "2026-12-08"), session: "M11", rpe: 7,
                                                       reps: [35, 35.4, 36].map { try LoggedRep(distance: .meters(200), time: .seconds($0)) })],
                                    for: ana.athlete)
            let token = try await Self.token(client, "ana")
            for (command, date) in [("today", "2026-12-08"), ("week", "2026-12-08"), ("today", "2026-12-09"), ("week", "2026-12-20"),
                                    ("today", "2026-11-01")] {
                let answered = try await client.execute(uri: "/api/v1/\(command)?date=\(date)", method: .get, headers: APIRoutesTests.bearer(token))
                #expect(answered.status == .ok)
                let parsed = try SpeedworkCommand.parseAsRoot([command, "--date", date, "--json", "--database", "sqlite://" + location.path])
                let printed: String
                if let today = parsed as? TodayCommand {
                    printed = try await today.render(environment: [:])
                } else {
                    printed = try await #require(parsed as? WeekCommand).render(environment: [:])
                }
                #expect(answered.text == printed, "\(command) \(date)")
                #expect(answered.json?["date"] as? String == date)
            }
            // The week holding 2026-12-08 is the plan's first: seven days from its start.
            let week = try await client.execute(uri: "/api/v1/week?date=2026-12-08", method: .get, headers: APIRoutesTests.bearer(token))
            let days = try #require(week.json?["days"] as? [[String: Any]])
            #expect(days.map { $0["date"] as? String } == (7...13).map { "2026-12-\(String(format: "%02d", $0))" })
            #expect((week.json?["plan"] as? [String: Any])?["start"] as? String == Self.start)
        }
    }

    @Test(arguments: Engine.available)
    func thePageShowsTheDaysSessionsWhatWasDoneAndTheWeek(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            try await Self.savePlan(for: ana.athlete, in: store)
            let token = try await Self.token(client, "ana")
            // Find a day of the first week with a hard session with reps, from the API's JSON.
            let week = try await client.execute(uri: "/api/v1/week?date=\(Self.start)", method: .get, headers: APIRoutesTests.bearer(token))
            let days = try #require(week.json?["days"] as? [[String: Any]])
            let hard = try #require(days.first { day in
                (day["planned"] as? [[String: Any]] ?? []).contains { $0["hard"] as? Bool == true }
            })
            let date = try #require(hard["date"] as? String)
            let session = try #require((hard["planned"] as? [[String: Any]])?.first { $0["hard"] as? Bool == true })
            let title = try #require(session["title"] as? String)

            let page = try await browser.get("/today?date=\(date)")
            #expect(page.status == .ok)
            #expect(page.text.contains(title.replacingOccurrences(of: "&", with: "&amp;")))
            #expect(page.text.contains(#"class="steps""#))
            #expect(page.text.contains("Coach&#39;s notes") || page.text.contains("Coach's notes"))
            // The week table: one row per day of the plan's first week, 2026-12-07 to 2026-12-13.
            let table = try #require(page.text.range(of: #"<table id="week">"#).map { String(page.text[$0.lowerBound...]) })
            #expect(table.components(separatedBy: "<tr").count - 1 == 1 + 7)
            // A repeat block's line names its reps and their time range (`N × (400m in 1:32–1:35, …)`).
            let steps = session["steps"] as? [[String: Any]] ?? []
            if let repeats = steps.first(where: { $0["count"] != nil }), let count = repeats["count"] as? Int {
                #expect(page.text.contains("\(count) × ("))
            }
            #expect(page.text.contains("Nothing logged for this day yet"))
        }
    }

    @Test(arguments: Engine.available)
    func anotherRunnersLogIsNeverShown(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let ana = Browser(client, acceptsHTML: true)
            try await ana.register("ana", goodPassword)
            let bob = Browser(client, acceptsHTML: true)
            try await bob.register("bob", goodPassword)
            let anaAccount = try #require(try await store.account(login: "ana"))
            try await Self.savePlan(for: anaAccount.athlete, in: store)
            _ = try await store.add([try LoggedSession(day: try Day(parsing: "2026-12-08"), rpe: 5, notes: "ana-only-note")],
                                    for: anaAccount.athlete)

            let anaPage = try await ana.get("/today?date=2026-12-08")
            #expect(anaPage.text.contains("ana-only-note"))
            #expect(!anaPage.text.contains(#"id="no-plan""#))
            let bobPage = try await bob.get("/today?date=2026-12-08")
            #expect(!bobPage.text.contains("ana-only-note"))
            #expect(bobPage.text.contains(#"id="no-plan""#))

            let bobToken = try await Self.token(client, "bob")
            let answered = try await client.execute(uri: "/api/v1/today?date=2026-12-08", method: .get, headers: APIRoutesTests.bearer(bobToken))
            #expect(answered.json?["plan"] is NSNull)
            let days = try #require(answered.json?["days"] as? [[String: Any]])
            #expect((days.first?["sessions"] as? [Any])?.isEmpty == true)
        }
    }
}
