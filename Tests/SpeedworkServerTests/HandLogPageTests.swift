import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The hand-log form and `POST /api/v1/log` (issue 11, M50): checked exactly as `speedwork log
/// add` checks it, stored, and each rep graded against its target (M51). The worked example is the
/// README's ("The training log by week"): after a mile time trial in 6:05, M11 200 m reps of 35.2,
/// 35.0, 35.9 and 36.1 grade on target, on target, slow, slow against 200m in 34.7–35.4.
@Suite(.serialized)
struct HandLogPageTests {
    static let readmeVerdicts = ["on-target", "on-target", "slow", "slow"]
    static let readmeTarget = "200m in 34.7–35.4"

    static func signedIn(_ client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser(client, acceptsHTML: true)
        try await browser.register("ana", goodPassword)
        return browser
    }

    static func readmeSession(date: String = "2026-11-20") -> [(String, String)] {
        [("date", date), ("session", "M11"), ("reps", "35.2,35.0,35.9,36.1"), ("repDistance", "200m"), ("rpe", "7"),
         ("kind", "race")]
    }

    @Test(arguments: Engine.available)
    func theFormNeedsSigningInAndACSRFToken(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let stranger = try await client.execute(uri: "/log/add", method: .get)
            #expect(stranger.status == .seeOther)
            #expect(stranger.headers[.location] == "/register")
            let browser = try await Self.signedIn(client)
            let form = try await browser.get("/log/add?date=2026-11-20")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<form method="post" action="/log/add" id="hand-log">"#))
            #expect(!form.text.contains(#"name="csrf" value="""#), "every form on the page carries the session's token")
            #expect(form.text.contains(#"value="2026-11-20""#))
            let forged = try await browser.post("/log/add", Self.readmeSession(), csrf: .some(nil))
            #expect(forged.status == .forbidden)
            let wrong = try await browser.post("/log/add", Self.readmeSession(), csrf: "not-the-token")
            #expect(wrong.status == .forbidden)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.sessions(for: ana.athlete, since: nil).isEmpty)
            let api = try await client.execute(uri: "/api/v1/log", method: .post, headers: [.contentType: "application/json"],
                                               body: APIRoutesTests.json(["session": "M11", "reps": "35.2"]))
            #expect(api.status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func aSessionIsStoredAndItsRepsGradedOnTheTodayPage(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = try await Self.signedIn(client)
            try await browser.get("/log/add")
            let result = try await browser.post("/log/add", [("date", "2026-11-08"), ("result", "mile=6:05"), ("kind", "time-trial")])
            #expect(result.status == .seeOther)
            #expect(result.headers[.location] == "/")
            try await browser.get("/log/add")
            let logged = try await browser.post("/log/add", Self.readmeSession())
            #expect(logged.status == .seeOther)
            let location = try #require(logged.headers[.location])
            #expect(location.hasPrefix("/today?date=2026-11-20#hand-"))

            let ana = try #require(try await store.account(login: "ana"))
            let results = try await store.results(for: ana.athlete, since: nil)
            #expect(results.count == 1)
            #expect(results.first?.kind == .timeTrial)
            #expect(results.first?.time.seconds == 365)
            let sessions = try await store.sessions(for: ana.athlete, since: nil)
            #expect(sessions.count == 1)
            #expect(sessions.first?.session == "M11")
            #expect(sessions.first?.rpe == 7)
            #expect(sessions.first?.reps.map(\.time.seconds) == [35.2, 35.0, 35.9, 36.1])
            #expect(sessions.first?.reps.map { $0.distance?.meters } == [200, 200, 200, 200])

            let page = try await browser.get(String(location.prefix { $0 != "#" }))
            #expect(page.status == .ok)
            let table = try #require(page.text.range(of: #"<table class="hand-grades">"#).map { String(page.text[$0.lowerBound...]) })
            let rows = String(table.prefix { _ in true }.components(separatedBy: "</table>")[0]).components(separatedBy: "<tr><td").dropFirst()
            #expect(rows.count == 4)
            for (row, verdict) in zip(rows, Self.readmeVerdicts) {
                #expect(row.contains(#"class="verdict verdict-\#(verdict)""#))
                #expect(row.contains(Self.readmeTarget))
            }
            #expect(page.text.contains("VDOT 47.7"))
        }
    }

    @Test(arguments: Engine.available)
    func badInputShowsTheFormAgainWith422AndTheValuesKept(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = try await Self.signedIn(client)
            let cases: [([(String, String)], String)] = [
                ([("date", "2026-11-20"), ("session", "M11"), ("reps", "35.2,fast")], "'fast' is not a time"),
                ([("date", "2026-11-31"), ("session", "M11"), ("reps", "35.2")], "2026-11-31"),
                ([("date", "2026-11-20"), ("session", "M11"), ("reps", "35.2"), ("rpe", "11")], "RPE 11 is not allowed"),
                ([("date", "2026-11-20"), ("session", "M99"), ("reps", "35.2")], "M99"),
                ([("date", "2026-11-20"), ("session", "M11"), ("reps", "35.2"), ("repDistance", "400m")], "rep distance 400m does not fit M11"),
                ([("date", "2026-11-20"), ("result", "mile=6:05"), ("rpe", "7")], "log a result or a session, not both at once"),
                ([("date", "2026-11-20")], "nothing to log"),
                ([("date", "2026-11-20"), ("result", "mile=6:05"), ("kind", "parkrun")], "result kind 'parkrun' is not allowed"),
                ([("date", "2026-11-20"), ("sets", "back squat:five")], "set 'back squat:five' is not a strength set"),
            ]
            for (fields, expected) in cases {
                try await browser.get("/log/add")
                let refused = try await browser.post("/log/add", fields)
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.text.contains(#"<p class="error" role="alert">"#), "\(fields)")
                let escaped = expected.replacingOccurrences(of: "'", with: "&#39;")
                #expect(refused.text.contains(expected) || refused.text.contains(escaped), "\(fields): \(expected)")
                // The values typed are in the form again.
                for (name, value) in fields where name != "kind" && name != "sets" {
                    #expect(refused.text.contains(#"name="\#(name)" value="\#(value)""#), "\(name)=\(value)")
                }
            }
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.sessions(for: ana.athlete, since: nil).isEmpty)
            #expect(try await store.results(for: ana.athlete, since: nil).isEmpty)
        }
    }

    /// The form's refusals are the command line's, word for word.
    @Test func theFormRefusesWithTheCommandLinesMessages() throws {
        let cases: [([String], [String: String])] = [
            (["--result", "mile=6:05", "--rpe", "7"], ["result": "mile=6:05", "rpe": "7"]),
            (["--date", "2026-11-20"], [:]),
            (["--session", "M11", "--reps", "35.2,fast"], ["session": "M11", "reps": "35.2,fast"]),
            (["--session", "M11", "--reps", "35.2", "--rep-distance", "400m"], ["session": "M11", "reps": "35.2", "repDistance": "400m"]),
            (["--set", "squat:0"], ["sets": "squat:0"]),
        ]
        for (arguments, fields) in cases {
            var cli: String?
            do {
                let command = try #require(try SpeedworkCommand.parseAsRoot(["log", "add"] + arguments) as? LogAddCommand)
                _ = try command.handLog.entry()
            } catch let error as InputError {
                cli = error.description
            } catch {
                cli = SpeedworkCommand.message(for: error)
            }
            var web: String?
            do {
                var all = fields
                all["date"] = all["date"] ?? "2026-11-20"
                _ = try HandLogPage.handLog(all).entry()
            } catch let error as InputError {
                web = error.description
            }
            #expect(cli != nil && cli == web, "\(arguments): \(cli ?? "-") vs \(web ?? "-")")
        }
    }

    @Test(arguments: Engine.available)
    func theAPIStoresTheEntryAndAnswersItsGrades(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await TodayPageTests.token(client, "ana")
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let result = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers,
                                                  body: APIRoutesTests.json(["date": "2026-11-08", "result": "mile=6:05", "kind": "time-trial"]))
            #expect(result.status == .created)
            let stored = try #require(result.json?["result"] as? [String: Any])
            #expect(stored["kind"] as? String == "time-trial")
            #expect(stored["seconds"] as? Double == 365)
            #expect(stored["meters"] as? Double == 1609.344)
            #expect(result.json?["session"] is NSNull)

            let session = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers, body: APIRoutesTests.json([
                "date": "2026-11-20", "session": "M11", "reps": "35.2,35.0,35.9,36.1", "repDistance": "200m", "rpe": 7,
                "sets": ["back squat:5:62.5:good"], "notes": "windy",
            ]))
            #expect(session.status == .created)
            let entry = try #require(session.json?["session"] as? [String: Any])
            #expect(entry["session"] as? String == "M11")
            #expect(entry["notes"] as? String == "windy")
            #expect((entry["strength"] as? [[String: Any]])?.first?["loadKg"] as? Double == 62.5)
            let grades = try #require(session.json?["grades"] as? [String: Any])
            #expect(grades["fitnessFrom"] as? String == "log")
            #expect(grades["vdot"] as? Double == 47.7)
            let reps = try #require(grades["reps"] as? [[String: Any]])
            #expect(reps.map { $0["verdict"] as? String } == Self.readmeVerdicts)
            #expect(reps.allSatisfy { $0["target"] as? String == Self.readmeTarget })
            #expect(reps.map { $0["actual"] as? String } == ["35.2", "35.0", "35.9", "36.1"])

            let ana = try #require(try await store.account(login: "ana"))
            let id = try #require(entry["id"] as? String)
            #expect(try await store.sessions(for: ana.athlete, since: nil).map { $0.id.uuidString.lowercased() } == [id])

            // Graded from results given instead of the log (as log add --from).
            let given = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers, body: APIRoutesTests.json([
                "date": "2026-11-21", "session": "M11", "reps": "35.2", "from": ["mile=6:05@2026-11-08"],
            ]))
            #expect(given.status == .created)
            #expect((given.json?["grades"] as? [String: Any])?["fitnessFrom"] as? String == "from")
        }
    }

    @Test(arguments: Engine.available)
    func theAPIRefusesBadInputWith422AndABadBodyWith400(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await TodayPageTests.token(client, "ana")
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            for (body, expected) in [
                (["session": "M11", "reps": "35.2,x"], "'x' is not a time"),
                (["result": "mile=6:05", "session": "M11"], "log a result or a session, not both at once"),
                (["date": "20.11.2026", "rpe": 5], "is not a date"),
                (["rpe": 12], "RPE 12 is not allowed"),
                (["result": "5k=20:00", "from": ["400m=80"]], "--from grades a session's reps"),
                ([:], "nothing to log"),
            ] as [([String: Any], String)] {
                let refused = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers, body: APIRoutesTests.json(body))
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(refused.errorMessage?.contains(expected) == true, "\(body): \(refused.errorMessage ?? "-")")
            }
            let malformed = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers, body: ByteBuffer(string: "reps=35"))
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorMessage != nil)
            let wrongType = try await client.execute(uri: "/api/v1/log", method: .post, headers: headers,
                                                     body: APIRoutesTests.json(["rpe": "seven"]))
            #expect(wrongType.status == .badRequest)
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.sessions(for: ana.athlete, since: nil).isEmpty)
        }
    }
}
