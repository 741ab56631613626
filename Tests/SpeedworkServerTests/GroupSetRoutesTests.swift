import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkCLI
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkFiles
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// Free-form group sets (issue 12's own example, "Tuesday track: 8 × 400 m, 90 s jog"): six
/// runners of different fitness run the set the coach typed, each at their own targets; each
/// uploads a FIT file generated with the project's encoder whose reps run at chosen times, and the
/// coach's split table, page, chart and CSV give each file's rep times graded against that
/// runner's own band. Without a pace, 400 m reps run at the method's 400 m pace: M13's mile a
/// quarter per lap (no goal in a group: the current mile), ±0.5 %. The mile of each runner is
/// Daniels' Table 5.1 (the same rows as GroupSessionRoutesTests), not the code's.
@Suite(.serialized)
struct GroupSetRoutesTests {
    typealias Runner = GroupSessionRoutesTests.Runner

    static let set = "8 × 400 m, 90 s jog"
    static let repCount = 8
    static let recovery = 90
    static let day = GroupSessionRoutesTests.day

    /// Each runner's eight reps: the verdicts they run, in order.
    static let plans: [String: [String]] = [
        "ana": Array(repeating: "on-target", count: 8),
        "bob": ["fast", "on-target", "slow", "on-target", "fast", "on-target", "slow", "on-target"],
        "cyd": ["slow", "slow", "on-target", "on-target", "on-target", "fast", "fast", "on-target"],
        "dee": ["on-target", "fast", "fast", "fast", "on-target", "on-target", "slow", "slow"],
        "eddy": ["fast", "on-target", "on-target", "on-target", "on-target", "on-target", "on-target", "fast"],
        "flo": ["on-target", "slow", "fast", "on-target", "slow", "fast", "on-target", "slow"],
    ]

    /// M13's lap: the runner's mile from Table 5.1, a quarter per 400 m (the method's own example:
    /// a 6:00 mile is 90 s a lap).
    static func lap(_ runner: Runner) -> Double { runner.mile / 4 }

    /// A rep 3 s faster or slower than the lap (six times the band's half-width), or on it.
    static func repSeconds(_ runner: Runner, _ verdict: String) -> Double {
        switch verdict {
        case "fast": lap(runner) - 3
        case "slow": lap(runner) + 3
        default: lap(runner)
        }
    }

    /// The runner's session as their watch records it, one sample a second and a lap pressed at
    /// every change: 10 min warm-up and 5 min cool-down at 70 % of their 5K speed, each 400 m rep
    /// at one speed for its chosen time, each 90 s recovery jogged at 60 % of their 5K speed.
    static func trackSession(_ runner: Runner, verdicts: [String], start: Date) -> Activity {
        let easy = 5000 / runner.fiveK * 0.7, jog = 5000 / runner.fiveK * 0.6
        var recording = LapRecording(startingAt: easy)
        recording.run(seconds: 600, speed: easy)
        for (index, verdict) in verdicts.enumerated() {
            recording.run(meters: 400, speed: 400 / repSeconds(runner, verdict))
            if index + 1 < verdicts.count { recording.run(seconds: recovery, speed: jog) }
        }
        recording.run(seconds: 300, speed: easy)
        return recording.activity(start: start)
    }

    /// The coach and the six runners, coached, each with their 5K of Table 5.1 ten days before.
    static func group(_ client: any TestClientProtocol, _ store: any ServerStore) async throws -> (coach: Browser, handles: [String: String]) {
        let coachBrowser = Browser(client, acceptsHTML: true)
        try await coachBrowser.register("coach", goodPassword, name: "Coach")
        var accounts: [Account] = []
        for runner in GroupSessionRoutesTests.runners {
            try await Browser(client).register(runner.login, goodPassword, name: runner.login.capitalized)
            accounts.append(try #require(try await store.account(login: runner.login)))
        }
        let coach = try #require(try await store.account(login: "coach"))
        try await GroupSessionRoutesTests.coach(coach, athletes: accounts, in: store)
        for (runner, account) in zip(GroupSessionRoutesTests.runners, accounts) {
            _ = try await store.add([try LoggedResult(day: day.adding(days: -10), kind: .race, distance: .meters(5000),
                                                      time: .seconds(runner.fiveK))], for: account.athlete)
        }
        let handles = Dictionary(try await store.athletes(coachedBy: coach.id).map { ($0.login, $0.athlete.handle) },
                                 uniquingKeysWith: { first, _ in first })
        return (coachBrowser, handles)
    }

    @Test(arguments: Engine.available)
    func sixRunnersRunATypedSetEachAtTheirOwnTargets(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let (coachBrowser, handles) = try await Self.group(client, store)
            let runners = GroupSessionRoutesTests.runners

            // The form, as a browser sends it: the select still names a library session, the typed set wins.
            try await coachBrowser.get("/coach/sessions")
            var fields: [(String, String)] = [("name", "Tuesday track"), ("date", Self.day.description), ("session", "M13"), ("week", "1"),
                                              ("set", "8x400m, 90s jog")]
            fields += runners.compactMap { handles[$0.login].map { ("athlete.\($0)", "on") } }
            let made = try await coachBrowser.post("/coach/sessions", fields)
            #expect(made.status == .seeOther)
            let location = try #require(made.headers[.location])
            let id = String(location.dropFirst("/coach/sessions/".count))

            // Each runner uploads their file of the session: 07:00 UTC on the day.
            let start = Date(timeIntervalSince1970: Double(Self.day.daysSinceEpoch) * 86_400 + 7 * 3_600)
            for runner in runners {
                let activity = Self.trackSession(runner, verdicts: Self.plans[runner.login] ?? [], start: start)
                let token = try await UploadRoutesTests.token(client, login: runner.login)
                let sent = try await client.execute(uri: "/api/v1/uploads?name=\(runner.login)-track.fit", method: .post,
                                                    headers: APIRoutesTests.bearer(token),
                                                    body: ByteBuffer(bytes: try FITActivityEncoder().encode(activity)))
                #expect(sent.status == .accepted)
                let done = try await UploadRoutesTests.finishedUpload(client, try #require(sent.headers[.location]), token: token)
                #expect(done["status"] as? String == "done")
            }

            // The API: the set in its canonical form, no block week, a row per runner with each rep against their own band.
            let coachToken = try await UploadRoutesTests.token(client, login: "coach")
            let answer = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(coachToken))
            #expect(answer.status == .ok)
            let json = try #require(answer.json)
            #expect(json["kind"] as? String == "set")
            #expect(json["set"] as? String == Self.set)
            #expect(json["session"] as? String == Self.set)
            #expect(json["rule"] as? String == "M42")
            #expect(json["week"] == nil)
            #expect(json["repColumns"] as? Int == Self.repCount)
            let rows = try #require(json["athletes"] as? [[String: Any]])
            // The form's athletes are listed as the coach's page lists them.
            let order = try await store.athletes(coachedBy: try #require(try await store.account(login: "coach")).id).map(\.athlete.handle)
            #expect(rows.compactMap { $0["handle"] as? String } == order.filter { handle in runners.contains { handles[$0.login] == handle } })
            for runner in runners {
                let row = try #require(rows.first { $0["handle"] as? String == handles[runner.login] })
                let verdicts = Self.plans[runner.login] ?? []
                #expect(row["source"] as? String == "file", "\(runner.login)")
                let reps = try #require(row["reps"] as? [[String: Any]])
                #expect(reps.count == Self.repCount)
                for (index, rep) in reps.enumerated() {
                    let label = "\(runner.login) rep \(index + 1)"
                    #expect(rep["distance"] as? String == "400m", "\(label)")
                    let fast = try #require(rep["targetFastSeconds"] as? Double)
                    let slow = try #require(rep["targetSlowSeconds"] as? Double)
                    let seconds = try #require(rep["seconds"] as? Double)
                    // The table's mile is rounded to the second: a quarter of it to 0.125 s.
                    #expect(abs(fast - Self.lap(runner) * 0.995) <= 0.3, "\(label): fast end \(fast), table \(Self.lap(runner) * 0.995)")
                    #expect(abs(slow - Self.lap(runner) * 1.005) <= 0.3, "\(label): slow end \(slow), table \(Self.lap(runner) * 1.005)")
                    #expect(abs(seconds - Self.repSeconds(runner, verdicts[index])) <= 0.1, "\(label): \(seconds) s")
                    #expect(rep["verdict"] as? String == verdicts[index], "\(label)")
                }
            }

            // The coach's page: the set named, one row per runner with a verdict per rep, a band and a dot per rep in the chart.
            let page = try await coachBrowser.get("/coach/sessions/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<span id="group-set-text">8 × 400 m, 90 s jog</span>"#))
            #expect(!page.text.contains("week 0"))
            for runner in runners {
                let row = try #require(GroupSessionRoutesTests.tableRow(page.text, handle: handles[runner.login] ?? ""), "\(runner.login)'s row")
                let cells = row.components(separatedBy: #"<td class="split "#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(cells == Self.plans[runner.login], "\(runner.login)")
                #expect(!row.contains("upload-for"), "\(runner.login): a row with a file has no upload form")
            }
            #expect(page.text.components(separatedBy: #"<rect class="target-band""#).count - 1 == runners.count * Self.repCount)
            #expect(page.text.components(separatedBy: #"<circle class="rep-dot"#).count - 1 == runners.count * Self.repCount)

            // The CSV: a line per runner and rep.
            let csv = try await coachBrowser.get("/coach/sessions/\(id)/splits.csv")
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 1 + runners.count * Self.repCount)
            for runner in runners {
                let own = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                    .filter { $0.first == handles[runner.login] }
                #expect(own.count == Self.repCount)
                for (rep, fields) in own.enumerated() {
                    #expect(fields[2] == "\(rep + 1)")
                    #expect(fields[3] == "400m")
                    #expect(abs((Double(fields[8]) ?? 0) - Self.repSeconds(runner, Self.plans[runner.login]?[rep] ?? "")) <= 0.1)
                    #expect(fields.last == Self.plans[runner.login]?[rep])
                }
            }

            // The list names the set; a member's own page has the set's steps at their targets.
            let list = try await client.execute(uri: "/api/v1/group-sessions", method: .get, headers: APIRoutesTests.bearer(coachToken))
            let item = try #require((list.json?["sessions"] as? [[String: Any]])?.first)
            #expect(item["kind"] as? String == "set" && item["set"] as? String == Self.set && item["week"] == nil)
            let anaBrowser = Browser(client, acceptsHTML: true)
            try await anaBrowser.logIn("ana", goodPassword)
            let member = try await anaBrowser.get("/group-sessions/\(id)")
            #expect(member.status == .ok)
            #expect(member.text.contains("Tuesday track: 8 × 400 m, 90 s jog"))
            #expect(member.text.contains("8 × (400m in "))
        }
    }

    /// A member's watch workout of the set decodes with the project's FIT decoder (Garmin FIT
    /// profile, workout_step: duration in cm or ms, speed targets in mm/s) to the set at their own
    /// band: Ana's 5K of 20:39 is VDOT 48 in Table 5.1, mile 6:03, so 400 m in 90.75 s ±0.5 %. The
    /// session also shows on her today page and in her calendar feed.
    @Test(arguments: Engine.available)
    func aMemberGetsTheSetOnTheWatchTodayAndInTheCalendar(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.planCalendar = ActivePlanCalendar() }) { client, store async throws in
            try await Browser(client).register("coach", goodPassword, name: "Coach")
            let anaBrowser = Browser(client, acceptsHTML: true)
            try await anaBrowser.register("ana", goodPassword, name: "Ana")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            try await GroupSessionRoutesTests.coach(coach, athletes: [ana], in: store)
            let day = Day(Date()).adding(days: 3)
            _ = try await store.add([try LoggedResult(day: day.adding(days: -20), kind: .race, distance: .meters(5000),
                                                      time: .seconds(20 * 60 + 39))], for: ana.athlete)
            let anaAthlete = try #require(try await store.athletes(coachedBy: coach.id).first?.athlete)
            let token = try await UploadRoutesTests.token(client, login: "coach")
            let made = try await client.execute(uri: "/api/v1/group-sessions", method: .post,
                                                headers: APIRoutesTests.bearer(token).merging([.contentType: "application/json"]),
                                                body: APIRoutesTests.json(["name": "Tuesday track", "date": day.description,
                                                                           "set": Self.set, "athletes": [anaAthlete.handle]]))
            #expect(made.status == .created)
            let id = try #require(made.json?["id"] as? String)

            let fit = try await anaBrowser.get("/group-sessions/\(id)/workout.fit")
            #expect(fit.status == .ok)
            #expect(fit.headers[.contentDisposition]?.contains("\(day)-set.fit") == true)
            var steps: [(name: String?, type: Int64?, value: Int64?, low: Int64?, high: Int64?, intensity: Int64?, target: Int64?)] = []
            _ = try FITDecoder().decode(Array(fit.body.readableBytesView)) { message in
                guard message.globalMessageNumber == 27 else { return }
                steps.append((message.string(0), message.integer(1), message.integer(2), message.integer(5), message.integer(6),
                              message.integer(7), message.integer(4)))
            }
            let reps = steps.filter { $0.intensity == 0 }
            #expect(reps.count == 1)
            let rep = try #require(reps.first)
            #expect(rep.type == 1 && rep.value == 40_000)
            let lap = (6 * 60 + 3) / 4.0
            // custom_target_speed_low is the slow end, high the fast end, in mm/s.
            #expect(abs(Double(rep.low ?? 0) - 400 / (lap * 1.005) * 1000) <= 3, "low \(rep.low ?? 0)")
            #expect(abs(Double(rep.high ?? 0) - 400 / (lap * 0.995) * 1000) <= 3, "high \(rep.high ?? 0)")
            let recovery = try #require(steps.first { $0.intensity == 4 })
            #expect(recovery.type == 0 && recovery.value == 90_000)
            let repeatStep = try #require(steps.first { $0.type == 6 })
            #expect(repeatStep.target == 8)

            let today = try await anaBrowser.get("/today?date=\(day)")
            let section = try #require(today.text.components(separatedBy: #"<section class="session group-session" id="group-\#(id)">"#).dropFirst().first)
            #expect(section.contains("Tuesday track: 8 × 400 m, 90 s jog"))
            let page = try await anaBrowser.get("/calendar")
            let feed = try await CalendarFeedRoutesTests.fetch(client, try #require(CalendarFeedRoutesTests.feedPath(in: page.text)))
            let event = try #require(try CalendarReading(feed.text).events.first { $0["UID"] == "group-\(id)@speedwork" })
            #expect(event["SUMMARY"]?.contains("8 × 400 m") == true)
        }
    }

    /// What the API and the form refuse: both a library session and a set, neither, a set that is
    /// not one (the one line names it), a week with a set; nothing is stored.
    @Test(arguments: Engine.available)
    func aSessionIsALibrarySessionOrASetNeverBoth(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let coachBrowser = Browser(client, acceptsHTML: true)
            try await coachBrowser.register("coach", goodPassword, name: "Coach")
            try await Browser(client).register("ana", goodPassword, name: "Ana")
            let coach = try #require(try await store.account(login: "coach"))
            try await GroupSessionRoutesTests.coach(coach, athletes: [try #require(try await store.account(login: "ana"))], in: store)
            let handle = try #require(try await store.athletes(coachedBy: coach.id).first?.athlete.handle)
            let token = try await UploadRoutesTests.token(client, login: "coach")
            func make(_ extra: [String: Any]) async throws -> TestResponse {
                var body: [String: Any] = ["name": "Tuesday track", "date": Self.day.description, "athletes": [handle]]
                body.merge(extra) { _, new in new }
                return try await client.execute(uri: "/api/v1/group-sessions", method: .post,
                                                headers: APIRoutesTests.bearer(token).merging([.contentType: "application/json"]),
                                                body: APIRoutesTests.json(body))
            }
            let both = try await make(["session": "M13", "set": Self.set])
            #expect(both.status == .unprocessableContent)
            #expect(both.errorMessage?.contains("not both") == true)
            let weekToo = try await make(["week": 2, "set": Self.set])
            #expect(weekToo.status == .unprocessableContent)
            let neither = try await make([:])
            #expect(neither.status == .unprocessableContent)
            #expect(neither.errorMessage?.contains("or a set of your own") == true)
            let bad = try await make(["set": "8 × 400, 90 s jog"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errorMessage == "set '8 × 400, 90 s jog': rep '400' has no unit: write 400 m for a distance or 400 s for a time")
            let wrongType = try await make(["set": 8])
            #expect(wrongType.status == .badRequest)
            #expect(try await store.groupSessions(coachedBy: coach.id).isEmpty)

            // The form again with the one line and the set as typed.
            try await coachBrowser.get("/coach/sessions")
            let refused = try await coachBrowser.post("/coach/sessions", [("name", "Tuesday track"), ("date", Self.day.description),
                                                                          ("session", "M13"), ("week", "1"), ("set", "8 × 400 m @ Z, 90 s jog"),
                                                                          ("athlete.\(handle)", "on")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("pace &#39;Z&#39; is not allowed"))
            #expect(refused.text.contains(#"value="8 × 400 m @ Z, 90 s jog""#))
            #expect(try await store.groupSessions(coachedBy: coach.id).isEmpty)
        }
    }

    /// The coach's upload from the session page (a form per row without a file, multipart with
    /// the CSRF field first): refused files give the page again with one line and change nothing;
    /// a good file goes into the member's log and the row is graded. Bob's 5K of 18:58 is VDOT 53
    /// in Table 5.1, mile 5:32: his 400 m reps in 83 s ±0.5 %.
    @Test(arguments: Engine.available)
    func theCoachUploadsAMembersFileFromThePage(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder; $0.uploadLimitBytes = 400_000 }) { client, store async throws in
            let coachBrowser = Browser(client, acceptsHTML: true)
            try await coachBrowser.register("coach", goodPassword, name: "Coach")
            let anaBrowser = Browser(client, acceptsHTML: true)
            try await anaBrowser.register("ana", goodPassword, name: "Ana")
            try await Browser(client).register("bob", goodPassword, name: "Bob")
            try await Browser(client).register("cyd", goodPassword, name: "Cyd")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            let bob = try #require(try await store.account(login: "bob"))
            let cyd = try #require(try await store.account(login: "cyd"))
            try await GroupSessionRoutesTests.coach(coach, athletes: [ana, bob, cyd], in: store)
            let runner = GroupSessionRoutesTests.runners[1]
            _ = try await store.add([try LoggedResult(day: Self.day.adding(days: -10), kind: .race, distance: .meters(5000),
                                                      time: .seconds(runner.fiveK))], for: bob.athlete)
            let coached = try await store.athletes(coachedBy: coach.id)
            let member = { (login: String) in coached.first { $0.login == login }!.athlete }
            let session = try GroupSession(coach: coach.id, day: Self.day, name: "Tuesday track", set: try RepSet(parsing: Self.set),
                                           members: [member("ana"), member("bob")], createdAt: Date())
            #expect(try await store.addGroupSession(session) == .stored)
            let id = session.id.uuidString.lowercased()
            let page = try await coachBrowser.get("/coach/sessions/\(id)")
            #expect(page.text.contains(#"<form method="post" action="/coach/sessions/\#(id)/athletes/\#(member("bob").handle)/activity" enctype="multipart/form-data""#))
            #expect(page.text.contains(#"id="upload-\#(member("ana").handle)""#))

            let start = Date(timeIntervalSince1970: Double(Self.day.daysSinceEpoch) * 86_400 + 18 * 3_600)
            let verdicts = ["fast", "on-target", "slow", "on-target", "on-target", "on-target", "on-target", "fast"]
            let fit = Data(try FITActivityEncoder().encode(Self.trackSession(runner, verdicts: verdicts, start: start)))
            let bobPath = "/coach/sessions/\(id)/athletes/\(member("bob").handle)/activity"

            // Refused: an archive, bytes that are no activity, a file past the limit, no CSRF token,
            // a coached athlete not in the session, and the member herself.
            let archive = try await coachBrowser.upload([(name: "export.zip", bytes: fit)], path: bobPath)
            #expect(archive.status == .unprocessableContent)
            #expect(archive.text.contains("&#39;export.zip&#39; is not one activity file"))
            #expect(archive.text.contains(#"id="group-splits""#))
            try await coachBrowser.get("/coach/sessions/\(id)")
            let junk = try await coachBrowser.upload([(name: "track.fit", bytes: Data("not a watch file".utf8))], path: bobPath)
            #expect(junk.status == .unprocessableContent)
            #expect(junk.text.contains("&#39;track.fit&#39; gave no activity: "))
            #expect(!junk.text.contains(folder))
            try await coachBrowser.get("/coach/sessions/\(id)")
            let large = try await coachBrowser.upload([(name: "track.fit", bytes: Data(repeating: 7, count: 500_000))], path: bobPath)
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("the limit is 400000"))
            try await coachBrowser.get("/coach/sessions/\(id)")
            // No token, another browser's token, a forged one: 403 before the file is read.
            #expect(try await coachBrowser.upload([(name: "track.fit", bytes: fit)], csrf: .some(nil), path: bobPath).status == .forbidden)
            let otherToken = try #require(try await anaBrowser.get("/").status == .ok ? anaBrowser.csrf : nil)
            for token in [otherToken, Secret.make(), ""] {
                let refused = try await coachBrowser.upload([(name: "track.fit", bytes: fit)], csrf: .some(token), path: bobPath)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("CSRF"))
            }
            try await coachBrowser.get("/coach/sessions/\(id)")
            let outsider = try await coachBrowser.upload([(name: "track.fit", bytes: fit)],
                                                         path: "/coach/sessions/\(id)/athletes/\(member("cyd").handle)/activity")
            #expect(outsider.status == .notFound)
            try await anaBrowser.get("/group-sessions/\(id)")
            #expect(try await anaBrowser.upload([(name: "track.fit", bytes: fit)], path: bobPath).status == .notFound)
            #expect(try await store.activities(for: bob.athlete, in: nil).isEmpty)
            #expect(try await store.activities(for: cyd.athlete, in: nil).isEmpty)

            // The file: back to Bob's row, graded against his own band.
            try await coachBrowser.get("/coach/sessions/\(id)")
            let sent = try await coachBrowser.upload([(name: "track.fit", bytes: fit)], path: bobPath)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/coach/sessions/\(id)#athlete-\(member("bob").handle)")
            #expect(try await store.activities(for: bob.athlete, in: nil).count == 1)
            let after = try await coachBrowser.get("/coach/sessions/\(id)")
            let row = try #require(GroupSessionRoutesTests.tableRow(after.text, handle: member("bob").handle))
            let cells = row.components(separatedBy: #"<td class="split "#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(cells == verdicts)
            #expect(row.contains("from track.fit"))
            #expect(!row.contains("upload-for"))
            #expect(after.text.contains(#"id="upload-\#(member("ana").handle)""#))
            let token = try await UploadRoutesTests.token(client, login: "coach")
            let json = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(token))
            let bobRow = try #require((json.json?["athletes"] as? [[String: Any]])?.first { $0["handle"] as? String == member("bob").handle })
            for (rep, verdict) in zip(try #require(bobRow["reps"] as? [[String: Any]]), verdicts) {
                #expect(abs((rep["targetFastSeconds"] as? Double ?? 0) - Self.lap(runner) * 0.995) <= 0.3)
                #expect(abs((rep["seconds"] as? Double ?? 0) - Self.repSeconds(runner, verdict)) <= 0.1)
            }
        }
    }

    /// Reps timed by hand for a set (M50): kept in the runner's log under the set's rule (M42) and
    /// graded against the set's 400 m band; more reps than the set has are refused.
    @Test(arguments: Engine.available)
    func repsTimedByHandForASet(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let coachBrowser = Browser(client, acceptsHTML: true)
            try await coachBrowser.register("coach", goodPassword, name: "Coach")
            try await Browser(client).register("ana", goodPassword, name: "Ana")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            try await GroupSessionRoutesTests.coach(coach, athletes: [ana], in: store)
            _ = try await store.add([try LoggedResult(day: Self.day.adding(days: -5), kind: .race, distance: .meters(5000),
                                                      time: .seconds(20 * 60 + 39))], for: ana.athlete)
            let handle = try #require(try await store.athletes(coachedBy: coach.id).first?.athlete.handle)
            let session = try GroupSession(coach: coach.id, day: Self.day, name: "Tuesday track", set: try RepSet(parsing: "4 × 400 m, 90 s jog"),
                                           members: [try #require(try await store.athletes(coachedBy: coach.id).first?.athlete)], createdAt: Date())
            #expect(try await store.addGroupSession(session) == .stored)
            let id = session.id.uuidString.lowercased()
            try await coachBrowser.get("/coach/sessions/\(id)")
            let tooMany = try await coachBrowser.post("/coach/sessions/\(id)/reps", [("athlete", handle), ("reps", "90, 90, 90, 90, 90")])
            #expect(tooMany.status == .unprocessableContent)
            #expect(tooMany.text.contains("5 reps do not fit this session: it has 4 reps"))
            try await coachBrowser.get("/coach/sessions/\(id)")
            let kept = try await coachBrowser.post("/coach/sessions/\(id)/reps", [("athlete", handle), ("reps", "90.7, 1:28.0, 93.5")])
            #expect(kept.status == .seeOther)
            let logged = try await store.sessions(for: ana.athlete, since: nil)
            #expect(logged.first?.session == "M42")
            let token = try await UploadRoutesTests.token(client, login: "coach")
            let json = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(token))
            let row = try #require((json.json?["athletes"] as? [[String: Any]])?.first)
            #expect(row["source"] as? String == "hand")
            // Table 5.1: a 20:39 5K is a 6:03 mile, 90.75 s a lap ±0.5 % (90.30–91.20 s).
            #expect((row["reps"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String } == ["on-target", "fast", "slow", "missing"])
        }
    }
}
