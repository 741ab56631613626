import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The plan page and API (issue 11): the form checks its values as `speedwork plan` does (the same
/// plan from the same options, the same line for a bad one), saves the active plan, and the page
/// shows it as a calendar of planned against done; the API speaks the same, per account.
@Suite(.serialized)
struct PlanPageTests {
    static let today = Day(Date())
    /// A 5k goal twelve weeks ahead on four days, from a result a few days old (the browser suite's plan).
    static var formFields: [(String, String)] {
        [("from", "5k=22:30@\(today.adding(days: -3))"), ("goal", "5k=21:30"), ("race-date", "\(today.adding(days: 84))"),
         ("start", "\(today)"), ("days", "tue"), ("days", "thu"), ("days", "sat"), ("days", "sun"),
         ("max-session", "60m"), ("weekly", ""), ("strength", "intermediate"), ("base-weeks", "12")]
    }

    /// The same options as `speedwork plan` takes them.
    static var commandArguments: [String] {
        ["plan", "--from", "5k=22:30@\(today.adding(days: -3))", "--goal", "5k=21:30", "--race-date", "\(today.adding(days: 84))",
         "--start", "\(today)", "--days", "tue,thu,sat,sun", "--max-session", "60m", "--strength", "intermediate",
         "--base-weeks", "12", "--as-of", "\(today)"]
    }

    /// The message `speedwork plan` fails with for `arguments` (argument-parser wraps the check's line).
    static func commandLineError(_ arguments: [String]) -> String {
        do {
            let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
            _ = try command.build()
            return "no error"
        } catch {
            return SpeedworkCommand.message(for: error)
        }
    }

    /// The text of the calendar cell of `day`.
    static func cell(_ day: Day, in html: String) -> String? {
        guard let start = html.range(of: #"data-date="\#(day)""#) else { return nil }
        guard let end = html.range(of: "</td>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.lowerBound])
    }

    /// The `<p class="error" …>line</p>` of a page, unescaped.
    static func errorLine(in html: String) -> String? {
        guard let start = html.range(of: #"<p class="error" role="alert">"#),
              let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func token(_ client: any TestClientProtocol, _ login: String) async throws -> String {
        let made = try await client.execute(uri: "/api/v1/tokens", method: .post, headers: [.contentType: "application/json"],
                                            body: json(["login": login, "password": goodPassword]))
        return try #require(made.json?["token"] as? String)
    }

    static func api(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, token: String?, body: [String: Any]? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/api/v1/plan", method: method, headers: headers, body: body.map(json))
    }

    @Test(arguments: Engine.available)
    func thePageAndTheAPINeedSigningIn(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            for path in ["/plan", "/plan/new"] {
                let page = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers[.location] == "/login", "\(path)")
            }
            let post = try await client.execute(uri: "/plan", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: FormBody.encode(Self.formFields + [("csrf", "x")])))
            #expect(post.status == .forbidden || post.status == .seeOther)
            for method in [HTTPRequest.Method.get, .post] {
                let refused = try await Self.api(client, method, token: nil, body: ["goal": "5k=21:30"])
                #expect(refused.status == .unauthorized)
                #expect(refused.errorMessage != nil)
            }
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activePlan(for: ana.athlete) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func withoutAPlanThePageIsTheFormPrefilledFromTheLog(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            _ = try await store.add([try LoggedResult(day: Self.today.adding(days: -10), kind: .race, distance: .meters(5000),
                                                      time: .seconds(21 * 60 + 40))], for: ana.athlete)
            let page = try await browser.get("/plan")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<form id="plan-form" method="post" action="/plan">"#))
            #expect(html.contains(#"id="plan-submit""#))
            #expect(!html.contains("plan-calendar"))
            // The log's race, written as --from takes it; today as the first day; the seven days to tick.
            #expect(html.contains(#"name="from" value="5k=21:40@\#(Self.today.adding(days: -10))""#))
            #expect(html.contains(#"name="start" value="\#(Self.today)""#))
            for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
                #expect(html.contains(#"name="days" value="\#(day)""#))
            }
            for name in ["goal", "race-date", "max-session", "weekly", "strength", "base-weeks"] {
                #expect(html.contains(#"name="\#(name)""#), "\(name)")
            }
        }
    }

    @Test(arguments: Engine.available)
    func theFormSavesThePlanTheCommandLineBuildsFromTheSameOptions(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/plan")
            let posted = try await browser.post("/plan", Self.formFields)
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/plan")

            let ana = try #require(try await store.account(login: "ana"))
            let saved = try #require(try await store.activePlan(for: ana.athlete))
            let command = try #require(try SpeedworkCommand.parseAsRoot(Self.commandArguments) as? PlanCommand)
            let expected = try command.build()
            #expect(saved.json == (try JSONOutput.render(PlanReport(expected))))
            let request = try SavedPlanRequest(json: try #require(saved.request))
            #expect(request.days == ["tue", "thu", "sat", "sun"])
            #expect(request.maxSession == 60)
            #expect(request.strength == "intermediate")
            #expect(request.baseWeeks == 12)
            #expect(request == SavedPlanRequest(command, fitness: expected.request.fitness, start: expected.request.start))

            let page = try await browser.get("/plan")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<table id="plan-calendar">"#))
            #expect(html.contains("Feasible?</strong> \(expected.feasibility.verdict.rawValue)"))
            #expect(html.contains(#"id="plan-new" href="/plan/new""#))
            // One row per Monday-to-Sunday week, from the start's week to the race's.
            let rows = html.components(separatedBy: "<tr data-monday=").count - 1
            let mondayOfStart = Self.today.adding(days: 1 - Self.today.isoWeekday)
            let mondayOfRace = Self.today.adding(days: 84).adding(days: 1 - Self.today.adding(days: 84).isoWeekday)
            #expect(rows == mondayOfStart.days(until: mondayOfRace) / 7 + 1)
            // Today is marked; the first planned session is on its day with its title.
            let todayCell = try #require(Self.cell(Self.today, in: html))
            #expect(html.contains(#"<td class="today" data-date="\#(Self.today)" aria-current="date">"#))
            #expect(todayCell.contains(#"aria-current="date""#))
            let first = try #require(expected.sessions.first)
            let firstCell = try #require(Self.cell(first.day, in: html))
            #expect(firstCell.contains(first.workout.title.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(html.contains(#"class="race">Race day"#))
        }
    }

    @Test(arguments: Engine.available)
    func aBadValueShowsTheFormAgainWithTheCommandLinesLineAndTheValuesKept(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/plan")
            let cases: [(field: String, value: String, option: String)] = [
                ("goal", "5k=banana", "--goal"),
                ("goal", "marathon=3:00:00", "--goal"),
                ("race-date", "2027-02-30", "--race-date"),
                ("max-session", "20m", "--max-session"),
                ("base-weeks", "600", "--base-weeks"),
                ("weekly", "lots", "--weekly"),
                ("strength", "heroic", "--strength"),
            ]
            for (field, value, option) in cases {
                let fields = Self.formFields.map { $0.0 == field ? ($0.0, value) : $0 }
                let response = try await browser.post("/plan", fields)
                #expect(response.status == .unprocessableContent, "\(field)=\(value)")
                let line = try #require(Self.errorLine(in: response.text), "\(field)=\(value)")
                var arguments = Self.commandArguments
                if let index = arguments.firstIndex(of: option) { arguments[index + 1] = value } else { arguments += [option, value] }
                let cli = Self.commandLineError(arguments)
                // argument-parser names the option around the same line, and lists choices itself.
                if option == "--strength" {
                    #expect(line == "strength level 'heroic' must be one of beginner, intermediate, advanced")
                    #expect(cli.contains("heroic"))
                } else {
                    #expect(cli.contains(line), "web: \(line) / command line: \(cli)")
                }
                #expect(response.text.contains(#"id="plan-form""#))
                let escaped = value.replacingOccurrences(of: "'", with: "&#39;")
                if field != "strength" { #expect(response.text.contains(#"name="\#(field)" value="\#(escaped)""#), "\(field)") }
                #expect(response.text.contains(#"value="tue" checked"#))
                #expect(!response.text.contains(#"value="mon" checked"#))
            }
            // Too few days, and none.
            let two = Self.formFields.filter { $0.0 != "days" } + [("days", "tue"), ("days", "sat")]
            let tooFew = try await browser.post("/plan", two)
            #expect(tooFew.status == .unprocessableContent)
            #expect(Self.errorLine(in: tooFew.text) == "2 training days given: the method needs at least 3 (one speed session, two strength sessions, M3 and M34)")
            let none = try await browser.post("/plan", Self.formFields.filter { $0.0 != "days" })
            #expect(Self.errorLine(in: none.text) == "no training days given: use e.g. mon,tue,thu,sat,sun")
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activePlan(for: ana.athlete) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func theFormIsRefusedWithoutItsCSRFToken(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/plan")
            let none = try await browser.post("/plan", Self.formFields, csrf: .some(nil))
            #expect(none.status == .forbidden)
            let wrong = try await browser.post("/plan", Self.formFields, csrf: "not-the-token")
            #expect(wrong.status == .forbidden)
            #expect(wrong.errorMessage?.contains("CSRF") == true)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activePlan(for: ana.athlete) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func aNewPlanReplacesTheActiveOneWhichStaysAsHistory(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/plan")
            try await browser.post("/plan", Self.formFields)
            let form = try await browser.get("/plan/new")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"id="plan-form""#))
            #expect(form.text.contains("5k=21:30 on \(Self.today.adding(days: 84))"))
            let mile = Self.formFields.map { $0.0 == "goal" ? ("goal", "mile=6:30") : $0 }
            #expect(try await browser.post("/plan", mile).status == .seeOther)
            let ana = try #require(try await store.account(login: "ana"))
            let plans = try await store.plans(for: ana.athlete)
            #expect(plans.count == 2)
            #expect(try await store.activePlan(for: ana.athlete)?.name == "mile=6:30 on \(Self.today.adding(days: 84))")
        }
    }

    @Test(arguments: Engine.available)
    func thePageMarksSessionsDoneWithTheirActivityAndMissedOnes(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            // A plan that started three weeks ago, on every day but Monday.
            let start = Self.today.adding(days: -21)
            let arguments = ["plan", "--from", "5k=22:30@\(start.adding(days: -3))", "--goal", "5k=21:30",
                             "--race-date", "\(start.adding(days: 84))", "--start", "\(start)", "--days", "tue,wed,thu,fri,sat,sun",
                             "--base-weeks", "12", "--as-of", "\(start)"]
            let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
            let plan = try command.build()
            _ = try await ActivePlan.save(plan, request: SavedPlanRequest(command, fitness: plan.request.fitness, start: plan.request.start),
                                          to: store, for: ana.athlete)
            // An easy run done on its day, a week and a half ago.
            let easy = try #require(plan.sessions.first { $0.workout.kind == .easy && $0.day <= Self.today.adding(days: -9) })
            let morning = Date(timeIntervalSince1970: Double(easy.day.daysSinceEpoch) * 86_400 + 7 * 3_600)
            let run = try steadyRun(start: morning, seconds: easy.minutes * 60, metersPerSecond: 2.9, name: "Easy")
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)

            let page = try await browser.get("/plan")
            #expect(page.status == .ok)
            let cell = try #require(Self.cell(easy.day, in: page.text))
            #expect(cell.contains(#"<a class="status" href="/activities/\#(run.summary.contentHash)">done</a>"#))
            // Nothing else was run: the past key sessions (hard, more than a day before today, not
            // next to the run's day) are missed, moved or dropped, never shown as planned.
            let keys = plan.sessions.filter { $0.workout.isHard && $0.day < Self.today.adding(days: -1) && abs(easy.day.days(until: $0.day)) > 1 }
            #expect(!keys.isEmpty)
            for key in keys {
                let keyCell = try #require(Self.cell(key.day, in: page.text))
                #expect(keyCell.contains("session missed") || keyCell.contains(#"class="change"#), "\(key.day): \(keyCell)")
            }
            #expect(page.text.contains("session missed"))
        }
    }

    @Test(arguments: Engine.available)
    func theAPISavesAndShowsThePlanAsTheFormDoes(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await Self.token(client, "ana")
            let none = try await Self.api(client, .get, token: token)
            #expect(none.status == .notFound)
            #expect(none.errorMessage?.contains("no active plan") == true)

            let body: [String: Any] = [
                "results": ["5k=22:30@\(Self.today.adding(days: -3))"], "goal": "5k=21:30", "raceDate": "\(Self.today.adding(days: 84))",
                "start": "\(Self.today)", "days": ["tue", "thu", "sat", "sun"], "maxSession": 60, "strength": "intermediate", "baseWeeks": 12,
            ]
            let made = try await Self.api(client, .post, token: token, body: body)
            #expect(made.status == .created)
            let json = try #require(made.json)
            let command = try #require(try SpeedworkCommand.parseAsRoot(Self.commandArguments) as? PlanCommand)
            let expected = try command.build()
            let planJSON = try #require(json["plan"] as? [String: Any])
            #expect(planJSON["goal"] as? String == "5k=21:30")
            #expect(planJSON["raceDate"] as? String == "\(Self.today.adding(days: 84))")
            #expect((planJSON["weeks"] as? [Any])?.count == expected.weeks.count)
            let feasibility = try #require(planJSON["feasibility"] as? [String: Any])
            #expect(feasibility["verdict"] as? String == expected.feasibility.verdict.rawValue)
            let request = try #require(json["request"] as? [String: Any])
            #expect(request["days"] as? [String] == ["tue", "thu", "sat", "sun"])
            let status = try #require(json["status"] as? [String: Any])
            let sessions = try #require(status["sessions"] as? [[String: Any]])
            #expect(sessions.count == expected.sessions.count)
            #expect(sessions.allSatisfy { $0["status"] as? String == "planned" })
            #expect(status["date"] as? String == "\(Self.today)")

            let shown = try await Self.api(client, .get, token: token)
            #expect(shown.status == .ok)
            #expect(shown.json?["id"] as? String == json["id"] as? String)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activePlan(for: ana.athlete)?.id.uuidString.lowercased() == json["id"] as? String)
        }
    }

    @Test(arguments: Engine.available)
    func theAPIRefusesBadOptionsWith422AndMalformedBodiesWith400(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await Self.token(client, "ana")
            let good: [String: Any] = ["results": ["5k=22:30"], "goal": "5k=21:30", "raceDate": "\(Self.today.adding(days: 84))",
                                       "days": ["tue", "thu", "sat", "sun"]]
            let cases: [(key: String, value: Any, line: String)] = [
                ("goal", "5k=banana", "5k=banana"),
                ("raceDate", "\(Self.today.adding(days: 3))", "a plan needs at least"),
                ("days", ["tue", "tue", "sat"], "'tue' is listed twice in the training days"),
                ("maxSession", 601, "session budget '601' must be whole minutes from 30 to 600"),
                ("baseWeeks", 521, "base weeks '521' must be a whole number from 0 to 520"),
                ("strength", "heroic", "strength level 'heroic' must be one of beginner, intermediate, advanced"),
                ("speedReserve", 9.0, "speed reserve ratio"),
                ("results", [String](), Self.noResultLine),
            ]
            for (key, value, line) in cases {
                var body = good
                body[key] = value
                let response = try await Self.api(client, .post, token: token, body: body)
                #expect(response.status == .unprocessableContent, "\(key)")
                #expect(response.errorMessage?.contains(line) == true, "\(key): \(response.errorMessage ?? response.text)")
            }
            var missing = good
            missing["goal"] = nil
            let noGoal = try await Self.api(client, .post, token: token, body: missing)
            #expect(noGoal.status == .unprocessableContent)
            #expect(noGoal.errorMessage == "give the goal race, DISTANCE=TIME: 5k=20:00, say")
            var wrongType = good
            wrongType["days"] = "tue,thu,sat,sun"
            let typeMismatch = try await Self.api(client, .post, token: token, body: wrongType)
            #expect(typeMismatch.status == .badRequest)
            #expect(typeMismatch.errorMessage == "the request body's 'days' has the wrong type")
            let junk = try await client.execute(uri: "/api/v1/plan", method: .post, headers: [.authorization: "Bearer \(token)"],
                                                body: ByteBuffer(string: "goal=5k"))
            #expect(junk.status == .badRequest)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activePlan(for: ana.athlete) == nil)
        }
    }

    /// An empty log and no results: the line names what to give.
    static let noResultLine = "no result given and none in your log"

    @Test(arguments: Engine.available)
    func anotherAccountNeverSeesThisAccountsPlan(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let ana = Browser(client, acceptsHTML: true)
            try await ana.register("ana", goodPassword)
            try await ana.get("/plan")
            #expect(try await ana.post("/plan", Self.formFields).status == .seeOther)
            let bob = Browser(client, acceptsHTML: true)
            try await bob.register("bob", goodPassword)
            let bobPage = try await bob.get("/plan")
            #expect(bobPage.status == .ok)
            #expect(bobPage.text.contains(#"id="plan-form""#))
            #expect(!bobPage.text.contains("plan-calendar"))
            #expect(!bobPage.text.contains("5k=21:30"))
            let bobToken = try await Self.token(client, "bob")
            #expect(try await Self.api(client, .get, token: bobToken).status == .notFound)
            let anaToken = try await Self.token(client, "ana")
            #expect(try await Self.api(client, .get, token: anaToken).status == .ok)
            let bobAccount = try #require(try await store.account(login: "bob"))
            #expect(try await store.plans(for: bobAccount.athlete).isEmpty)
        }
    }
}
