import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Stopping coaching (issue 12, roles; docs/server.md, "Stopping coaching"): `DELETE /api/v1/coach`
/// and the `/coach` page's form let every athlete go, revoke the open invites, delete the coach's
/// group sessions and make the account an athlete again; the athletes' own logs stay as they were.
@Suite(.serialized)
struct StopCoachingTests {
    typealias World = AuthorizationMatrixTests.World

    /// Cora coaches Ana and Ben (an invite each), has a spare open invite and a group session for
    /// both; each athlete has a race result. The tokens of Ana, Ben and Cora, and the group session's id.
    static func club(_ client: any TestClientProtocol) async throws -> (ana: String, ben: String, cora: String, group: String) {
        let (ana, cora) = try await World.coachedPair(client)
        try await Browser(client).register("ben", goodPassword)
        let ben = try await World.token(client, "ben")
        let code = try #require(try await World.api(client, .post, "/api/v1/coach/invites", token: cora).json?["code"] as? String)
        #expect(try await World.api(client, .post, "/api/v1/join", token: ben, json: ["code": code]).json?["status"] as? String == "joined")
        #expect(try await World.api(client, .post, "/api/v1/coach/invites", token: cora).status == .created)
        for token in [ana, ben] {
            #expect(try await World.api(client, .post, "/api/v1/log", token: token, json: ["result": "5k=22:30", "kind": "race"]).status == .created)
        }
        let benHandle = try #require(try await World.api(client, .get, "/api/v1/coach/athletes", token: cora).json?["athletes"]
            .flatMap { $0 as? [[String: Any]] }?.first { $0["login"] as? String == "ben" }?["handle"] as? String)
        let group = try await World.api(client, .post, "/api/v1/group-sessions", token: cora, json: [
            "name": "Tuesday track", "date": "\(Day(Date()).adding(days: 1))", "session": "M17", "athletes": [Athlete.defaultHandle, benHandle],
        ])
        let id = try #require(group.json?["id"] as? String, "no group session: \(group.status) \(group.text)")
        return (ana, ben, cora, id)
    }

    @Test(arguments: Engine.available)
    func theAPIStopsCoachingAndLeavesTheAthletesLogsAsTheyWere(engine: Engine) async throws {
        try await withApp(engine) { client, store in
            let club = try await Self.club(client)
            let ana = try #require(try await store.account(login: "ana"))
            let run = try PackedActivity(UploadFixtures.trackSession(), name: "Track", source: "track.fit", analysisJSON: #"{"sport":"running"}"#)
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)
            #expect(try await World.api(client, .post, "/api/v1/plan", token: club.ana, json: AuthorizationMatrixTests.planJSON).status == .created)
            let before = (try await store.activities(for: ana.athlete, in: nil), try await store.results(for: ana.athlete, since: nil),
                          try await store.activePlan(for: ana.athlete)?.id)

            let stopped = try await World.api(client, .delete, "/api/v1/coach", token: club.cora)
            #expect(stopped.status == .ok)
            #expect(stopped.json?["isCoach"] as? Bool == false)
            #expect(stopped.json?["athletesReleased"] as? Int == 2)
            // The invite Ana joined with, the one Ben joined with, and the spare.
            #expect(stopped.json?["invitesRevoked"] as? Int == 3)
            #expect(stopped.json?["groupSessionsDeleted"] as? Int == 1)

            // Cora is an athlete again: no athletes, no invites, no invite to make, no one to read by handle.
            #expect(try await store.account(login: "cora")?.isCoach == false)
            #expect((try await World.api(client, .get, "/api/v1/coach/athletes", token: club.cora).json?["athletes"] as? [Any])?.isEmpty == true)
            #expect((try await World.api(client, .get, "/api/v1/coach/invites", token: club.cora).json?["invites"] as? [Any])?.isEmpty == true)
            #expect(try await World.api(client, .post, "/api/v1/coach/invites", token: club.cora).status == .forbidden)
            #expect(try await World.api(client, .get, "/api/v1/athletes/\(Athlete.defaultHandle)/today", token: club.cora).status == .notFound)
            #expect(try await World.api(client, .get, "/api/v1/group-sessions/\(club.group)", token: club.cora).status == .notFound)
            // The athletes have no coach and no group session, and their own logs are as they were.
            for token in [club.ana, club.ben] {
                #expect((try await World.api(client, .get, "/api/v1/coaches", token: token).json?["coaches"] as? [Any])?.isEmpty == true)
                #expect(try await World.api(client, .get, "/api/v1/group-sessions/\(club.group)", token: token).status == .notFound)
            }
            let after = (try await store.activities(for: ana.athlete, in: nil), try await store.results(for: ana.athlete, since: nil),
                         try await store.activePlan(for: ana.athlete)?.id)
            #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
            #expect(after.0.count == 1 && after.1.count == 1 && after.2 != nil)
            #expect(try await World.api(client, .get, "/api/v1/today", token: club.ana).status == .ok)

            // Nothing left to stop: 404, as the other coach routes for what a coach does not have.
            let again = try await World.api(client, .delete, "/api/v1/coach", token: club.cora)
            #expect(again.status == .notFound)
            #expect(again.errorMessage == "you are not coaching, so there is no coaching to stop")
            #expect(try await World.api(client, .delete, "/api/v1/coach", token: club.ben).status == .notFound)
            #expect(try await World.api(client, .delete, "/api/v1/coach", token: nil).status == .unauthorized)
            // Coaching again starts with no athletes.
            #expect(try await World.api(client, .post, "/api/v1/coach", token: club.cora).status == .ok)
            #expect((try await World.api(client, .get, "/api/v1/coach/athletes", token: club.cora).json?["athletes"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: Engine.available)
    func thePageSaysWhatStoppingDoesAndItsFormNeedsTheFormToken(engine: Engine) async throws {
        try await withApp(engine) { client, store in
            _ = try await Self.club(client)
            let coach = Browser(client, acceptsHTML: true)
            #expect(try await coach.logIn("cora", goodPassword).status == .seeOther)
            let page = try await coach.get("/coach")
            #expect(page.text.contains(#"<form method="post" action="/coach/stop" id="coach-stop">"#))
            #expect(page.text.contains("Stop coaching and let all my athletes go"))
            // A forged form (no token) changes nothing.
            let forged = try await coach.post("/coach/stop", [], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await store.account(login: "cora")?.isCoach == true)

            let stopped = try await coach.post("/coach/stop", [])
            #expect(stopped.status == .seeOther && stopped.headers[.location] == "/coach")
            let after = try await coach.get("/coach")
            #expect(after.text.contains(#"id="coach-start""#) && !after.text.contains(#"id="coach-stop""#))
            #expect(try await store.account(login: "cora")?.isCoach == false)
            #expect(try await store.athletes(coachedBy: try #require(try await store.account(login: "cora")).id).isEmpty)
            // Again, now not a coach: 404.
            #expect(try await coach.post("/coach/stop", []).status == .notFound)
        }
    }
}
