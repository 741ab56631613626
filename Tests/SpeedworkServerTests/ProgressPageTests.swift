import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkCLI
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The progress page and `GET /api/v1/progress` (M52, issue 11): sign-in required, the runner's
/// own log only, options validated, and the JSON byte for byte what `speedwork progress --json`
/// prints for the same log.
@Suite("Progress page", .serialized)
struct ProgressPageTests {
    /// Where a test's database is, read from its configuration.
    final class Where: @unchecked Sendable {
        var location: DatabaseLocation?
    }

    /// A generated three-year log from Monday 2023-01-02: an easy run every Thursday (every
    /// fourth one at 3.8 m/s, the rest at 2.7 m/s), 6 × 200 m with laps pressed every fourth
    /// Tuesday (39 s reps, the last two 0.4 s slower, cadence rising 2 spm a year), a 5K race
    /// every thirteenth Saturday, getting 20 s faster each time, and one session logged by hand.
    struct ThreeYears {
        var activities: [PackedActivity] = []
        var results: [LoggedResult] = []
        var sessions: [LoggedSession] = []

        static let firstMonday = try! Day(parsing: "2023-01-02")

        init() throws {
            for week in 0..<156 {
                let monday = Self.firstMonday.adding(days: 7 * week)
                let thursday = monday.adding(days: 3)
                activities.append(try ActivityRecord.pack(Self.steady(thursday, seconds: 1200, speed: week % 4 == 0 ? 3.8 : 2.7),
                                                          file: "easy-\(thursday).fit"))
                if week % 4 == 1 {
                    let tuesday = monday.adding(days: 1)
                    let reps = [39.0, 39, 39, 39, 39.4, 39.4]
                    activities.append(try ActivityRecord.pack(Self.track(tuesday, reps: reps, cadence: 188 + 2 * Double(week / 52)),
                                                              file: "track-\(tuesday).fit", track: true))
                }
                if week % 13 == 0 {
                    results.append(try LoggedResult(day: monday.adding(days: 5), kind: .race, distance: .meters(5000),
                                                    time: .seconds(1320 - 20 * Double(week / 13))))
                }
            }
            sessions.append(try LoggedSession(day: try Day(parsing: "2024-05-15"), session: "M11", rpe: 8,
                                              reps: [38.5, 38.6, 38.8, 39, 39.1, 39.3].map { try LoggedRep(distance: .meters(200), time: .seconds($0)) }))
        }

        func fill(_ log: any TrainingStore, for athlete: AthleteID) async throws {
            _ = try await log.save(ImportBatch(activities: activities), for: athlete)
            _ = try await log.add(results, for: athlete)
            _ = try await log.add(sessions, for: athlete)
        }

        static func start(_ day: Day, hour: Double) -> Date {
            Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + hour * 3600)
        }

        static func steady(_ day: Day, seconds: Int, speed: Double) -> Activity {
            Activity(sport: "running", start: start(day, hour: 7), samples: (0...seconds).map {
                ActivitySample(seconds: Double($0), meters: speed * Double($0), metersPerSecond: speed, stepsPerMinute: 168)
            }, laps: [], device: "generated")
        }

        /// 600 s warm-up at 2.7 m/s, the reps over 200 m with 90 s jogs at 2 m/s, 300 s cool-down;
        /// a lap at every part.
        static func track(_ day: Day, reps: [Double], cadence: Double) -> Activity {
            var parts: [(seconds: Double, speed: Double)] = [(600, 2.7)]
            for (index, rep) in reps.enumerated() {
                parts.append((rep, 200 / rep))
                parts.append(index == reps.count - 1 ? (300, 2.7) : (90, 2))
            }
            var laps: [ActivityLap] = [], samples: [ActivitySample] = []
            var clock = 0.0, meters = 0.0
            for part in parts {
                laps.append(ActivityLap(startSeconds: clock, elapsedSeconds: part.seconds, timerSeconds: part.seconds,
                                        meters: part.seconds * part.speed, trigger: .manual))
                var second = clock.rounded(.up)
                while second < clock + part.seconds {
                    samples.append(ActivitySample(seconds: second, meters: meters + (second - clock) * part.speed,
                                                  metersPerSecond: part.speed, stepsPerMinute: cadence))
                    second += 1
                }
                clock += part.seconds
                meters += part.seconds * part.speed
            }
            samples.append(ActivitySample(seconds: clock, meters: meters, metersPerSecond: 2.7, stepsPerMinute: cadence))
            return Activity(sport: "running", start: start(day, hour: 18), samples: samples, laps: laps, device: "generated")
        }
    }

    static let threeYears = Result { try ThreeYears() }

    /// What `speedwork progress --json …` prints for the log at `location`.
    static func cli(_ location: DatabaseLocation, _ options: [String]) async throws -> String {
        guard case .sqlite(let path) = location else { throw InputError("the CLI comparison runs on SQLite") }
        let command = try #require(try SpeedworkCommand.parseAsRoot(["progress", "--json", "--database", "sqlite://" + path] + options)
            as? ProgressCommand)
        return try await command.render(environment: [:])
    }

    @Test func theJSONIsTheCommandLinesOnAGeneratedThreeYearLog() async throws {
        let history = try Self.threeYears.get()
        let place = Where()
        try await withApp(.sqlite, configure: { place.location = $0.database }) { client, store async throws in
            // The first account is the log's runner, the one the command line reads.
            try await Browser(client).register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            try await history.fill(store, for: ana.athlete)
            let location = try #require(place.location)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            for (query, options) in [("", [String]()), ("?since=2024-06-01&season=half", ["--since", "2024-06-01", "--season", "half"]),
                                     ("?season=year", ["--season", "year"])] {
                let api = try await client.execute(uri: "/api/v1/progress" + query, method: .get, headers: APIRoutesTests.bearer(token))
                #expect(api.status == .ok)
                #expect(api.headers[.contentType] == "application/json; charset=utf-8")
                let expected = try await Self.cli(location, options)
                #expect(api.text == expected, "query \(query)")
            }
            // The log is rich enough that every section has something in it.
            let json = try #require(try await client.execute(uri: "/api/v1/progress", method: .get, headers: APIRoutesTests.bearer(token)).json)
            #expect((json["fitness"] as? [Any])?.count ?? 0 >= history.results.count)
            #expect(((json["sessions"] as? [[String: Any]])?.first?["occurrences"] as? [Any])?.count ?? 0 >= 39)
            #expect((json["stride"] as? [Any])?.isEmpty == false)
            #expect((json["bestEfforts"] as? [Any])?.isEmpty == false)

            // The page draws all five charts from the same report, with a mark where there is data.
            let browser = Browser(client, acceptsHTML: true)
            try await browser.logIn("ana", goodPassword)
            let page = try await browser.get("/progress")
            #expect(page.status == .ok)
            let html = page.text
            for id in ["fitness-chart", "best-efforts-chart", "session-chart", "stride-chart", "balance-chart"] {
                #expect(html.contains(#"<svg id="\#(id)""#), "\(id)")
            }
            for id in ["fitness-chart", "best-efforts-chart", "session-chart", "stride-chart"] {
                let chart = try #require(Self.element(#"<svg id="\#(id)""#, "</svg>", in: html))
                #expect(!chart.contains(ProgressChart.emptyText), "\(id) has data to draw")
                #expect(chart.contains("<circle"), "\(id)")
            }
            #expect(html.components(separatedBy: #"<circle class="point race""#).count - 1 == history.results.count)
            #expect(html.contains(#"<table id="fitness-table">"#) && html.contains(#"<table id="session-table">"#))
            // The hand-logged session is in the session table.
            #expect(html.contains("<td>2024-05-15</td>"))
            #expect(html.contains("<td>by hand</td>"))
        }
    }

    @Test(arguments: Engine.available)
    func anotherAccountsLogIsNeverShown(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            try await Browser(client).register("bob", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let race = try LoggedResult(day: try Day(parsing: "2025-04-05"), kind: .race, distance: .meters(5000), time: .seconds(19 * 60 + 57))
            _ = try await store.add([race], for: ana.athlete)

            let bobToken = try await UploadRoutesTests.token(client, login: "bob")
            let bobs = try #require(try await client.execute(uri: "/api/v1/progress", method: .get, headers: APIRoutesTests.bearer(bobToken)).json)
            #expect((bobs["fitness"] as? [Any])?.isEmpty == true)
            #expect((bobs["bestEfforts"] as? [Any])?.isEmpty == true)
            let bob = Browser(client, acceptsHTML: true)
            try await bob.logIn("bob", goodPassword)
            let bobsPage = try await bob.get("/progress")
            #expect(bobsPage.status == .ok)
            #expect(bobsPage.text.contains(#"id="progress-empty""#))
            #expect(!bobsPage.text.contains("2025-04-05"))
            #expect(bobsPage.text.components(separatedBy: ProgressChart.emptyText).count - 1 == 5)

            let anaToken = try await UploadRoutesTests.token(client, login: "ana")
            let anas = try #require(try await client.execute(uri: "/api/v1/progress", method: .get, headers: APIRoutesTests.bearer(anaToken)).json)
            let points = try #require(anas["fitness"] as? [[String: Any]])
            #expect(points.map { $0["reference"] as? String } == [race.id.uuidString.lowercased()])
            let browser = Browser(client, acceptsHTML: true)
            try await browser.logIn("ana", goodPassword)
            let page = try await browser.get("/progress")
            #expect(page.text.contains("<td>2025-04-05</td><td>race</td><td>5k 19:57</td>"))
            #expect(!page.text.contains(#"id="progress-empty""#))
        }
    }

    @Test func signInIsRequired() async throws {
        try await withApp(.sqlite) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let visitor = Browser(client, acceptsHTML: true)
            let page = try await visitor.get("/progress")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            let api = try await client.execute(uri: "/api/v1/progress", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.errorMessage != nil)
            let wrong = try await client.execute(uri: "/api/v1/progress", method: .get, headers: APIRoutesTests.bearer("not-a-token"))
            #expect(wrong.status == .unauthorized)
        }
    }

    @Test(arguments: [("since=2024-13-01", "2024-13-01"), ("since=yesterday", "yesterday"), ("season=winter", "winter"),
                      ("since=2024-02-30", "2024-02-30")])
    func badOptionsAreRefusedNamingTheValue(query: String, value: String) async throws {
        try await withApp(.sqlite) { client, _ async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let page = try await browser.get("/progress?\(query)")
            #expect(page.status == .badRequest)
            #expect(page.text.contains(#"<p class="error" role="alert">"#))
            let error = try #require(Self.element(#"<p class="error" role="alert">"#, "</p>", in: page.text))
            #expect(error.contains(value))
            #expect(!page.text.contains("<svg"), "no charts under an error")
            #expect(page.text.contains(#"<form id="progress-form""#), "the form is shown again")
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let api = try await client.execute(uri: "/api/v1/progress?\(query)", method: .get, headers: APIRoutesTests.bearer(token))
            #expect(api.status == .badRequest)
            let message = try #require(api.errorMessage)
            #expect(message.contains(value))
            #expect(message.contains(query.hasPrefix("since") ? "YYYY-MM-DD" : "year or half"))
        }
    }

    @Test func optionsAreReadAsTheCommandLineReadsThem() throws {
        #expect(try ProgressPageTests.options([:]) == ProgressPage.Options())
        #expect(try ProgressPageTests.options(["since": "2024-02-29", "season": "half"])
                == ProgressPage.Options(since: try Day(parsing: "2024-02-29"), season: .half))
        #expect(try ProgressPageTests.options(["since": "", "season": ""]) == ProgressPage.Options(), "an empty form field is no option")
        #expect(throws: ServerError.self) { try ProgressPage.Options(query: ["since": "2023-02-29"]) }
        // The API, like the command line, has no blank value.
        #expect(throws: ServerError.self) { try ProgressPage.Options(query: ["since": ""], blankIsNone: false) }
        #expect(throws: ServerError.self) { try ProgressPage.Options(query: ["season": ""], blankIsNone: false) }
    }

    /// The text from `start` up to the first `end` after it.
    static func element(_ start: String, _ end: String, in html: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.lowerBound..<to.upperBound])
    }

    static func options(_ query: [String: String]) throws -> ProgressPage.Options { try ProgressPage.Options(query: query) }
}
