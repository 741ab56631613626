import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The activity page (issue 11, activity) from a stored analysis written by hand: reps graded
/// from the stored compliance (M51) with their target bands drawn, best efforts, warnings, and
/// an activity stored without an analysis.
@Suite(.serialized)
struct ActivityPageTests {
    /// Three 400 m reps of a 3 × 400 m session with a 1:28–1:32 target: one on target, one fast,
    /// one slow, as `analyze --workout` reports them.
    static let gradedAnalysis = #"""
    {"bestEfforts":[{"distance":"400m","meters":400,"seconds":85.5,"startSeconds":400}],
     "compliance":{"consistencyPercent":3.1,"fadePercent":4.2,"recoveries":[],"reps":[
       {"actual":"1:30.0","index":1,"offByPercent":0,"offBySeconds":0,"target":"400m in 1:28.0–1:32.0","verdict":"on-target"},
       {"actual":"1:25.5","index":2,"offByPercent":2.8,"offBySeconds":2.5,"target":"400m in 1:28.0–1:32.0","verdict":"fast"},
       {"actual":"1:35.0","index":3,"offByPercent":3.3,"offBySeconds":3,"target":"400m in 1:28.0–1:32.0","verdict":"slow"}],
       "rule":"M51","summary":"1 of 3 reps on target"},
     "distanceMeters":4000,"durationSeconds":1000,"file":"/home/ana/track.fit","movingSeconds":990,"repSource":"laps",
     "reps":[
       {"index":1,"startSeconds":200,"seconds":90,"meters":400,"measuredMeters":400,"snapped":false,"secondsPerKm":225,"cadence":182},
       {"index":2,"startSeconds":400,"seconds":85.5,"meters":400,"measuredMeters":400,"snapped":false,"secondsPerKm":213.75},
       {"index":3,"startSeconds":600,"seconds":95,"meters":400,"measuredMeters":400,"snapped":false,"secondsPerKm":237.5}],
     "sport":"running","trackSnapped":false,"warnings":["the file is cut short at byte 81,920: read up to its last complete record"]}
    """#

    @Test(arguments: Engine.available)
    func repsAreGradedFromTheStoredComplianceWithTheirTargetBands(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let samples = (0...1000).map { ActivitySample(seconds: Double($0), meters: Double($0) * 4, metersPerSecond: 4) }
            let run = Activity(sport: "running", start: UploadFixtures.start, samples: samples, laps: [])
            let packed = try PackedActivity(run, name: "3 × 400 m", source: "/home/ana/track.fit", analysisJSON: Self.gradedAnalysis)
            _ = try await store.save(ImportBatch(activities: [packed]), for: ana.athlete)
            let hash = packed.summary.contentHash

            let page = try await browser.get("/activities/\(hash)")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1>3 × 400 m</h1>"))
            #expect(html.contains(#"<td class="grade on-target">on target</td>"#))
            #expect(html.contains(#"<td class="grade fast">fast</td>"#))
            #expect(html.contains(#"<td class="grade slow">slow</td>"#))
            #expect(html.contains(#"<tr><td class="n">2</td><td class="n">6:40</td><td class="n">1:25.5</td><td class="n">400 m</td><td class="n">3:34/km</td><td class="n">–</td><td>400m in 1:28.0–1:32.0</td>"#))
            #expect(html.contains(#"<p id="compliance">M51: 1 of 3 reps on target</p>"#))
            #expect(html.components(separatedBy: #"<rect class="rep""#).count - 1 == 3)
            #expect(html.components(separatedBy: #"<rect class="target-band""#).count - 1 == 3)
            // 1:28–1:32 over 400 m is 3:40–3:50/km.
            #expect(html.contains("<title>Rep 1 target: 3:40–3:50/km</title>"))
            #expect(html.contains(#"<tr><td>400m</td><td class="n">1:25.5</td><td class="n">3:34/km</td></tr>"#))
            #expect(html.contains("<li>the file is cut short at byte 81,920: read up to its last complete record</li>"))
            #expect(html.contains("<td>track.fit</td>"))
            // The JSON is the stored analysis itself, every key as stored, and no planned session
            // (the runner has no plan).
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let api = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get, headers: APIRoutesTests.bearer(token))
            #expect(api.status == .ok)
            var answer = try #require(api.json)
            #expect(answer.removeValue(forKey: "plannedSession") is NSNull)
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(Self.gradedAnalysis.utf8)) as? [String: Any])
            #expect(try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])
                == JSONSerialization.data(withJSONObject: stored, options: [.sortedKeys]))
        }
    }

    @Test func anActivityWithoutAStoredAnalysisStillShowsItsChart() async throws {
        try await withApp(.sqlite) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let run = try steadyRun(start: UploadFixtures.start, seconds: 1200, metersPerSecond: 4, name: "Easy")
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)
            let page = try await browser.get("/activities/\(run.summary.contentHash)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<svg id="pace-chart""#))
            #expect(page.text.contains(#"<path class="pace""#))
            #expect(page.text.contains("has no stored analysis"))
            #expect(page.text.contains("<tr><th>Pace</th><td>4:10/km</td></tr>"))
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let api = try await client.execute(uri: "/api/v1/activities/\(run.summary.contentHash)", method: .get,
                                               headers: APIRoutesTests.bearer(token))
            #expect(api.status == .notFound)
            #expect(api.errorMessage?.contains("has no stored analysis") == true)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await withApp(.sqlite) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let visitor = Browser(client, acceptsHTML: true)
            let page = try await visitor.get("/activities/\(String(repeating: "a", count: 64))")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
        }
    }
}
