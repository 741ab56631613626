import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Coaches and athletes (issue 12, roles): invite codes, joining by link and by code (signed out:
/// sign in and come back), leaving and letting go, a coach's plan for an athlete, the dashboard.
@Suite(.serialized)
struct CoachPagesTests {
    typealias World = AuthorizationMatrixTests.World

    // MARK: Invite codes

    @Test func aCodeIsEightCharactersOfTheUnambiguousAlphabetInTwoGroups() throws {
        let unambiguous = Set("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var seen = Set<String>()
        for _ in 0..<200 {
            let code = InviteCode.make()
            let text = code.description
            #expect(text.count == 9 && text[text.index(text.startIndex, offsetBy: 4)] == "-", "\(text)")
            #expect(text.replacingOccurrences(of: "-", with: "").allSatisfy(unambiguous.contains), "\(text)")
            #expect(!text.contains(where: { "01ILO".contains($0) }))
            seen.insert(text)
        }
        #expect(seen.count == 200)
    }

    @Test func aTypedCodeIsReadInAnyCaseWithOrWithoutTheDashAndHashedInItsCanonicalForm() throws {
        for typed in ["K7QX-93HD", "k7qx93hd", " k7qx 93hd ", "K7QX93HD"] {
            let code = try InviteCode(parsing: typed)
            #expect(code.description == "K7QX-93HD")
            // SHA-256 of "K7QX93HD", computed with Python's hashlib.
            #expect(code.hash == "bb9171448ff27271bf9d03d90d3f9c157340229548586f1db9b579247935f0dd")
        }
        for bad in ["K7QX-93H0", "K7QX-93H", "K7QX-93HDD", "K7QX_93HD", "", "KIQX-93HD"] {
            #expect(throws: InputError.self) { try InviteCode(parsing: bad) }
        }
        #expect(throws: InputError("an invite code is 8 letters and digits such as K7QX-93HD, not 'K7QX-93H0'")) {
            try InviteCode(parsing: "K7QX-93H0")
        }
    }

    @Test func onlyALocalPathIsFollowedAfterSigningIn() {
        #expect(AccountPages.destination("/join/K7QX-93HD") == "/join/K7QX-93HD")
        for hostile in ["//evil.example/x", "https://evil.example", "/\\evil.example", "/join/x?y=z", nil, "", "javascript:alert(1)"] {
            #expect(AccountPages.destination(hostile) == "/", "\(hostile ?? "nil")")
        }
    }

    // MARK: Joining, leaving, letting go

    @Test(arguments: Engine.available)
    func aSignedOutAthleteFollowsTheLinkSignsInComesBackAndJoins(engine: Engine) async throws {
        try await withApp(engine) { client, store in
            // Ana registers first and takes over the command line's runner (`default`).
            let athlete = Browser(client, acceptsHTML: true)
            try await athlete.register("ana", goodPassword, name: "Ana")
            let coach = Browser(client, acceptsHTML: true)
            try await coach.register("cora", goodPassword, name: "Cora")
            try await athlete.get("/")
            #expect(try await athlete.post("/logout", []).headers[.location] == "/login")

            try await coach.get("/coach")
            #expect(coach.csrf != nil)
            #expect(try await coach.post("/coach", []).headers[.location] == "/coach")
            let made = try await coach.post("/coach/invites", [])
            #expect(made.status == .ok)
            let code = try #require(made.text.range(of: #"id="invite-code" class="code">[A-Z0-9-]{9}<"#, options: .regularExpression)
                .map { String(made.text[$0].dropFirst(#"id="invite-code" class="code">"#.count).dropLast()) })
            #expect(made.text.contains("/join/\(code)</a>"))
            // Shown once: the dashboard lists the invite, never its code again.
            let later = try await coach.get("/coach")
            #expect(!later.text.contains(code) && later.text.contains("/revoke"))

            // Signed out: sent to sign in with the way back, and back there after signing in.
            let opened = try await athlete.get("/join/\(code)")
            #expect(opened.status == .seeOther && opened.headers[.location] == "/login?next=/join/\(code)")
            let form = try await athlete.get("/login?next=/join/\(code)")
            #expect(form.text.contains(#"<input type="hidden" name="next" value="/join/\#(code)">"#))
            let signedIn = try await athlete.post("/login", [("login", "ana"), ("password", goodPassword), ("next", "/join/\(code)")])
            #expect(signedIn.headers[.location] == "/join/\(code)")
            let confirm = try await athlete.get("/join/\(code)")
            #expect(confirm.status == .ok && confirm.text.contains(#"action="/join/\#(code)""#))
            let joined = try await athlete.post("/join/\(code)", [])
            #expect(joined.status == .seeOther && joined.headers[.location] == "/coaches")
            let coaches = try await athlete.get("/coaches")
            #expect(coaches.text.contains("Cora") && coaches.text.contains("Leave"))

            // The coach sees Ana on the dashboard and her pages; she is the runner the first account took over.
            let dashboard = try await coach.get("/coach")
            #expect(dashboard.text.contains(#"<a class="athlete-link" href="/coach/athletes/default">"#))
            #expect(try await coach.get("/coach/athletes/default/week").status == .ok)

            // Ana leaves: the coach's view of her is gone, as for a runner who does not exist.
            let cora = try #require(try await store.account(login: "cora"))
            try await athlete.get("/coaches")
            #expect(try await athlete.post("/coaches/\(cora.id.rawValue)/leave", []).headers[.location] == "/coaches")
            #expect(try await coach.get("/coach/athletes/default/week").status == .notFound)
            #expect(try await athlete.get("/coaches").text.contains("You have no coach"))
        }
    }

    @Test(arguments: Engine.available)
    func aTypedCodeJoinsOnceAndAnExpiredRevokedOrOwnCodeIsRefused(engine: Engine) async throws {
        try await withApp(engine) { client, store in
            for login in ["ana", "cora", "ben"] { try await Browser(client).register(login, goodPassword) }
            let cora = try await World.token(client, "cora")
            let ana = try await World.token(client, "ana")
            let ben = try await World.token(client, "ben")
            #expect(try await World.api(client, .post, "/api/v1/coach/invites", token: cora).status == .forbidden)
            #expect(try await World.api(client, .post, "/api/v1/coach", token: cora).json?["isCoach"] as? Bool == true)
            let made = try await World.api(client, .post, "/api/v1/coach/invites", token: cora)
            #expect(made.status == .created)
            let code = try #require(made.json?["code"] as? String)
            let id = try #require(made.json?["id"] as? String)
            let expires = try #require(made.json?["expiresAt"] as? String)
            let created = try #require(made.json?["createdAt"] as? String)
            let formatter = ISO8601DateFormatter()
            let days = try #require(formatter.date(from: expires)).timeIntervalSince(try #require(formatter.date(from: created))) / 86_400
            #expect(abs(days - 14) < 0.001)

            // Typed in lower case without the dash; the whole group may use it; twice is "already".
            let typed = code.lowercased().replacingOccurrences(of: "-", with: "")
            #expect(try await World.api(client, .post, "/api/v1/join", token: ana, json: ["code": typed]).json?["status"] as? String == "joined")
            #expect(try await World.api(client, .post, "/api/v1/join", token: ana, json: ["code": code]).json?["status"] as? String == "already")
            let own = try await World.api(client, .post, "/api/v1/join", token: cora, json: ["code": code])
            #expect(own.status == .unprocessableContent)
            let malformed = try await World.api(client, .post, "/api/v1/join", token: ben, json: ["code": "K7QX-93H0"])
            #expect(malformed.status == .unprocessableContent && malformed.errorMessage?.contains("K7QX-93HD") == true)

            // Revoked: no longer opens; Ben, who had not joined yet, gets the same 404 as for a code never made.
            #expect(try await World.api(client, .delete, "/api/v1/coach/invites/\(id)", token: cora).status == .noContent)
            let open = try await World.api(client, .get, "/api/v1/coach/invites", token: cora)
            #expect((open.json?["invites"] as? [Any])?.isEmpty == true)
            #expect(try await World.api(client, .post, "/api/v1/join", token: ben, json: ["code": code]).status == .notFound)

            // Expired: an invite whose 14 days are over.
            let coraAccount = try #require(try await store.account(login: "cora"))
            let old = try InviteCode(parsing: "ABCD-EFGH")
            let past = Date().addingTimeInterval(-15 * 86_400)
            try await store.addInvite(CoachInvite(id: UUID(), coach: coraAccount.id, codeHash: old.hash, createdAt: past,
                                                  expiresAt: past.addingTimeInterval(InviteCode.lifetime), revokedAt: nil))
            #expect(try await World.api(client, .post, "/api/v1/join", token: ben, json: ["code": "ABCD-EFGH"]).status == .notFound)

            // Cora coaches Ana only; letting her go ends it.
            let athletes = try await World.api(client, .get, "/api/v1/coach/athletes", token: cora).json?["athletes"] as? [[String: Any]]
            #expect(athletes?.map { $0["login"] as? String } == ["ana"])
            let coaches = try await World.api(client, .get, "/api/v1/coaches", token: ana).json?["coaches"] as? [[String: Any]]
            #expect(coaches?.first?["id"] as? String == coraAccount.id.rawValue)
            #expect(try await World.api(client, .delete, "/api/v1/coach/athletes/default", token: cora).status == .noContent)
            #expect(try await World.api(client, .get, "/api/v1/athletes/default/today", token: cora).status == .notFound)
            let left = try await World.api(client, .get, "/api/v1/coaches", token: ana)
            #expect((left.json?["coaches"] as? [Any])?.isEmpty == true)
        }
    }

    // MARK: Plans and the dashboard

    @Test(arguments: Engine.available)
    func aCoachBuildsAnAthletesPlanWithTheSameChecksAndItIsTheAthletesActivePlan(engine: Engine) async throws {
        try await withApp(engine) { client, _ in
            let (ana, cora) = try await World.coachedPair(client)

            // The same refusal, word for word, as the athlete's own plan route gives.
            var bad = AuthorizationMatrixTests.planJSON
            bad["goal"] = "5k=9:00"
            let own = try await World.api(client, .post, "/api/v1/plan", token: ana, json: bad)
            let coached = try await World.api(client, .post, "/api/v1/athletes/default/plan", token: cora, json: bad)
            #expect(own.status == .unprocessableContent && coached.status == .unprocessableContent)
            #expect(own.errorMessage == coached.errorMessage && own.errorMessage != nil)

            let saved = try await World.api(client, .post, "/api/v1/athletes/default/plan", token: cora, json: AuthorizationMatrixTests.planJSON)
            #expect(saved.status == .created)
            let mine = try await World.api(client, .get, "/api/v1/plan", token: ana)
            #expect(mine.status == .ok && mine.json?["id"] as? String == saved.json?["id"] as? String)
            #expect(try await World.api(client, .get, "/api/v1/plan", token: cora).status == .notFound)
        }
    }

    @Test(arguments: Engine.available)
    func theDashboardRowReadsTheAthletesLog(engine: Engine) async throws {
        try await withApp(engine) { client, store in
            let (ana, cora) = try await World.coachedPair(client)
            // Daniels' table (Daniels' Running Formula, 3rd ed., Table 5.1): 5 km in 19:57 is VDOT 50.
            let day = Day(Date()).adding(days: -10)
            #expect(try await World.api(client, .post, "/api/v1/log", token: ana,
                                        json: ["result": "5k=19:57", "kind": "race", "date": day.description]).status == .created)

            let rows = try #require(try await World.api(client, .get, "/api/v1/coach/athletes", token: cora).json?["athletes"] as? [[String: Any]])
            let row = try #require(rows.first)
            #expect(rows.count == 1 && row["handle"] as? String == "default" && row["login"] as? String == "ana")
            let fitness = try #require(row["fitness"] as? [String: Any])
            let now = try #require(fitness["now"] as? Double)
            #expect(abs(now - 50) < 0.2, "VDOT \(now)")
            // Nothing older than six weeks: no trend yet.
            #expect(fitness["before"] == nil && fitness["change"] == nil)
            #expect(fitness["beforeDate"] as? String == Day(Date()).adding(days: -42).description)
            // No plan: nothing planned, no compliance, nothing to flag.
            #expect(row["plan"] == nil)
            let week = try #require(row["week"] as? [String: Any])
            #expect(week["planned"] as? Int == 0 && week["done"] as? Int == 0)
            let compliance = try #require(row["compliance"] as? [String: Any])
            #expect(compliance["share"] == nil && compliance["planned"] as? Int == 0)
            #expect((row["easyRuns"] as? [String: Any])?["flagged"] as? Bool == false)

            // The page shows the same row, linked to the athlete's pages.
            let page = Browser(client, acceptsHTML: true)
            try await page.logIn("cora", goodPassword)
            let html = try await page.get("/coach").text
            #expect(html.contains(#"<td>50.0</td>"#) || html.contains("<td>49.9</td>") || html.contains("<td>50.1</td>"))
            #expect(html.contains("nothing planned"))
            _ = store
        }
    }

    @Test(arguments: Engine.available)
    func sessionsMissedInTheLastWeeksCountAgainstCompliance(engine: Engine) async throws {
        try await withApp(engine) { client, _ in
            let (ana, cora) = try await World.coachedPair(client)
            // A plan that started two weeks before this week's Monday, with nothing run since.
            let today = Day(Date())
            let monday = today.adding(days: 1 - today.isoWeekday)
            var plan = AuthorizationMatrixTests.planJSON
            plan["start"] = monday.adding(days: -14).description
            plan["results"] = ["5k=22:30@\(monday.adding(days: -17))"]
            #expect(try await World.api(client, .post, "/api/v1/athletes/default/plan", token: cora, json: plan).status == .created)

            let row = try #require((try await World.api(client, .get, "/api/v1/coach/athletes", token: cora).json?["athletes"] as? [[String: Any]])?.first)
            let compliance = try #require(row["compliance"] as? [String: Any])
            // Four training days a week for two whole weeks have passed: at least 8 sessions, none done.
            #expect((compliance["planned"] as? Int ?? 0) >= 8, "\(compliance)")
            #expect(compliance["done"] as? Int == 0 && compliance["share"] as? Double == 0)
            #expect(compliance["since"] as? String == monday.adding(days: -21).description)
            #expect(row["plan"] as? String != nil)
        }
    }
}
