import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkCLI
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkFiles
import SpeedworkStore
import Testing

/// An uploaded activity graded against the planned session of the runner's active plan it fulfils
/// (M51): a FIT file generated with the project's encoder runs the plan's first track session with
/// each rep at a chosen pace, and the API and the page grade each rep against that session's
/// targets; the grades expected are worked out here from the reps' times and the planned bands.
@Suite(.serialized)
struct PlannedSessionGradeRoutesTests {
    /// One planned rep: its distance and its pace band.
    struct PlannedRep {
        var distance: Distance
        var band: PaceRange
    }

    /// Logs a mile time trial in 6:40 and saves a mile plan built from it (the command line's
    /// options) that started on the Monday two weeks before today, as `athlete`'s active plan;
    /// returns its first hard session, which must be reps of a distance at a pace band, with those
    /// reps and the recovery after each. The trial is in the log too, so the log holds nothing
    /// newer than the plan's fitness and the targets are the plan's own.
    static func savePlan(for athlete: AthleteID, in store: any ServerStore) async throws
        -> (session: Plan.Session, reps: [PlannedRep], recoveries: [Double]) {
        let today = Day(Date())
        let start = today.adding(days: -(today.isoWeekday - 1) - 14)
        let arguments = ["plan", "--from", "mile=6:40@\(start.adding(days: -3))", "--goal", "mile=6:00",
                         "--race-date", "\(start.adding(days: 88))", "--start", "\(start)",
                         "--days", "mon,tue,thu,sat,sun", "--max-session", "60m", "--base-weeks", "12", "--as-of", "\(start)"]
        _ = try await store.add([try LoggedResult(day: start.adding(days: -3), kind: .timeTrial, distance: .mile, time: .seconds(400))],
                                for: athlete)
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
        let plan = try command.build()
        _ = try await ActivePlan.save(plan, request: SavedPlanRequest(command, fitness: plan.request.fitness, start: plan.request.start),
                                      to: store, for: athlete)
        let session = try #require(plan.sessions.first { $0.workout.isHard })
        #expect(session.day < today)
        var reps: [PlannedRep] = []
        var recoveries: [Double] = []
        let steps = session.workout.expandedSteps
        for (position, step) in steps.enumerated() where step.intensity == .active {
            guard case .distance(let distance) = step.length, case .pace(let band) = step.target else {
                Issue.record("the plan's first hard session \(session.workout.title) is not reps of a distance at a pace")
                return (session, [], [])
            }
            reps.append(PlannedRep(distance: distance, band: band))
            if position + 1 < steps.count, case .time(let time) = steps[position + 1].length {
                recoveries.append(time.seconds)
            }
        }
        return (session, reps, recoveries)
    }

    /// The session as a watch records it, one sample a second and a lap pressed at every change:
    /// 10 min warm-up at 3.0 m/s, rep `i` at `speeds[i]` m/s until its distance is covered, each
    /// recovery jogged at 2.5 m/s for its planned time, 5 min cool-down at 3.0 m/s.
    static func trackSession(_ reps: [PlannedRep], speeds: [Double], recoveries: [Double], start: Date) -> Activity {
        var recording = LapRecording(startingAt: 3.0)
        recording.run(seconds: 600, speed: 3.0)
        for (index, rep) in reps.enumerated() {
            recording.run(meters: rep.distance.meters, speed: speeds[index])
            if index + 1 < reps.count { recording.run(seconds: Int(index < recoveries.count ? recoveries[index] : 90), speed: 2.5) }
        }
        recording.run(seconds: 300, speed: 3.0)
        return recording.activity(start: start)
    }

    @Test(arguments: Engine.available)
    func anUploadOfAPlannedTrackSessionIsGradedAgainstItsTargets(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let planned = try await Self.savePlan(for: ana.athlete, in: store)
            let reps = planned.reps
            try #require(reps.count >= 3)

            // Rep 1 in the middle of its band, rep 2 6 % faster than the fast end, rep 3 6 % slower
            // than the slow end, the rest in the middle.
            let paces: [Double] = reps.enumerated().map { index, rep in
                let fast = rep.band.fast.secondsPerKilometer, slow = rep.band.slow.secondsPerKilometer
                switch index {
                case 1: return fast * 0.94
                case 2: return slow * 1.06
                default: return (fast + slow) / 2
                }
            }
            let speeds = paces.map { 1000 / $0 }
            // Each rep runs at one speed, so its time over the planned distance is distance / speed;
            // under the band's fast time is fast, over its slow time is slow (M51).
            let expected: [String] = zip(reps, speeds).map { rep, speed in
                let time = rep.distance.meters / speed
                if time < rep.band.fast.time(for: rep.distance).seconds { return "fast" }
                if time > rep.band.slow.time(for: rep.distance).seconds { return "slow" }
                return "on-target"
            }
            #expect(expected.prefix(3) == ["on-target", "fast", "slow"])

            // 07:00 UTC on the planned day.
            let start = Date(timeIntervalSince1970: Double(planned.session.day.daysSinceEpoch) * 86_400 + 7 * 3_600)
            let fit = Data(try FITActivityEncoder().encode(Self.trackSession(reps, speeds: speeds, recoveries: planned.recoveries, start: start)))
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let sent = try await client.execute(uri: "/api/v1/uploads?name=track.fit", method: .post,
                                                headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: fit))
            #expect(sent.status == .accepted)
            let done = try await UploadRoutesTests.finishedUpload(client, try #require(sent.headers[.location]), token: token)
            #expect(done["status"] as? String == "done")
            let hash = try #require((done["activities"] as? [String])?.first)

            // The API: the stored analysis with the planned session and its graded reps.
            let api = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get, headers: APIRoutesTests.bearer(token))
            #expect(api.status == .ok)
            let json = try #require(api.json)
            #expect(json["file"] as? String == "track.fit")
            let session = try #require(json["plannedSession"] as? [String: Any])
            #expect(session["ref"] as? String == planned.session.day.description)
            #expect(session["date"] as? String == planned.session.day.description)
            #expect(session["workout"] as? String == planned.session.workout.title)
            #expect(session["fitnessSource"] as? String == "plan")
            let compliance = try #require(session["compliance"] as? [String: Any])
            let grades = try #require(compliance["reps"] as? [[String: Any]])
            #expect(grades.compactMap { $0["verdict"] as? String } == expected)
            for (grade, rep) in zip(grades, reps) {
                #expect((grade["target"] as? String)?.hasPrefix("\(rep.distance.label) in ") == true)
            }
            #expect((session["reps"] as? [[String: Any]])?.count == reps.count)

            // The page: the planned session named, every rep graded, the target bands drawn.
            let page = try await browser.get("/activities/\(hash)")
            #expect(page.status == .ok)
            let html = page.text
            let title = "\(planned.session.workout.title), \(PlannedSessionGrade.shortDay(planned.session.day))"
            #expect(html.contains(#"<p id="planned-session"><a href="/plan">Planned: \#(title)</a>"#))
            let cells = Self.gradeCells(html)
            #expect(cells == expected.map { #"<td class="grade \#($0)">\#($0.replacingOccurrences(of: "-", with: " "))</td>"# })
            #expect(html.components(separatedBy: #"<rect class="rep""#).count - 1 == reps.count)
            #expect(html.components(separatedBy: #"<rect class="target-band""#).count - 1 == reps.count)

            // Another runner's activity does not exist for them.
            let bob = Browser(client, acceptsHTML: true)
            try await bob.register("bob", goodPassword)
            let other = try await bob.get("/activities/\(hash)")
            #expect(other.status == .notFound)
            let bobToken = try await UploadRoutesTests.token(client, login: "bob")
            let otherAPI = try await client.execute(uri: "/api/v1/activities/\(hash)", method: .get, headers: APIRoutesTests.bearer(bobToken))
            #expect(otherAPI.status == .notFound)
        }
    }

    @Test func anActivityOnADayWithoutAPlannedSessionHasNone() async throws {
        try await withApp(.sqlite, configure: UploadRoutesTests.importing) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            _ = try await Self.savePlan(for: ana.athlete, in: store)
            // A steady run a year before the plan: no session is near it.
            let run = try ActivityRecord.pack(UploadFixtures.trackSession(start: Date(timeIntervalSince1970: 1_700_000_000)), file: "old.fit")
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let api = try await client.execute(uri: "/api/v1/activities/\(run.summary.contentHash)", method: .get,
                                               headers: APIRoutesTests.bearer(token))
            #expect(api.status == .ok)
            #expect(api.json?.keys.contains("plannedSession") == true)
            #expect(api.json?["plannedSession"] is NSNull)
            let page = try await browser.get("/activities/\(run.summary.contentHash)")
            #expect(!page.text.contains(#"id="planned-session""#))
            #expect(Self.gradeCells(page.text).allSatisfy { $0 == #"<td class="grade ungraded">not graded</td>"# })
            #expect(Self.gradeCells(page.text).count == 6)
        }
    }

    @Test func aDayIsNamedAsARunnerReadsIt() throws {
        // 24 November 2026 is a Tuesday; 1 March 2027 a Monday; 3 January 2027 a Sunday.
        #expect(PlannedSessionGrade.shortDay(try Day(parsing: "2026-11-24")) == "Tue 24 Nov")
        #expect(PlannedSessionGrade.shortDay(try Day(parsing: "2027-03-01")) == "Mon 1 Mar")
        #expect(PlannedSessionGrade.shortDay(try Day(parsing: "2027-01-03")) == "Sun 3 Jan")
    }

    /// Every `<td class="grade …">…</td>` of the page, in order.
    static func gradeCells(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<td class="grade [^"]*">[^<]*</td>"#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range, in: html).map { String(html[$0]) }
        }
    }
}
