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

/// Group track sessions (issue 12's acceptance): six runners of different fitness run one M17
/// session (3 × 1 mile at mile pace + 30–40 s, M17), each at their own targets; each uploads a FIT
/// file generated with the project's encoder whose reps run at chosen times, and the coach's split
/// table, page, chart and CSV must give each file's rep times graded against that runner's own
/// band. The bands expected are worked out here from Daniels' published table (*Daniels' Running
/// Formula*, 3rd ed., Table 5.1: a 5K time and the mile time of the same VDOT), not by the code.
@Suite(.serialized)
struct GroupSessionRoutesTests {
    /// A runner: their 5K and the mile of the same VDOT, both from Table 5.1, and what each of
    /// their three reps is run as.
    struct Runner {
        var login: String
        var vdot: Double
        var fiveK: Double
        var mile: Double
        var reps: [String]

        /// M17's band is the mile + 30 s to the mile + 40 s.
        var fast: Double { mile + 30 }
        var slow: Double { mile + 40 }

        /// A rep run in the middle of the band, 8 s faster than its fast end, or 8 s slower than its
        /// slow end: well clear of the table's rounding to whole seconds.
        func repSeconds(_ verdict: String) -> Double {
            switch verdict {
            case "fast": mile + 22
            case "slow": mile + 48
            default: mile + 35
            }
        }
    }

    /// Table 5.1 rows VDOT 59, 53, 47, 42, 38 and 34: 5K 17:17 … 27:39, mile 5:02 … 8:14.
    static let runners: [Runner] = [
        Runner(login: "ana", vdot: 59, fiveK: 17 * 60 + 17, mile: 5 * 60 + 2, reps: ["on-target", "on-target", "on-target"]),
        Runner(login: "bob", vdot: 53, fiveK: 18 * 60 + 58, mile: 5 * 60 + 32, reps: ["fast", "on-target", "slow"]),
        Runner(login: "cyd", vdot: 47, fiveK: 21 * 60 + 2, mile: 6 * 60 + 10, reps: ["slow", "slow", "on-target"]),
        Runner(login: "dee", vdot: 42, fiveK: 23 * 60 + 9, mile: 6 * 60 + 49, reps: ["on-target", "fast", "fast"]),
        Runner(login: "eddy", vdot: 38, fiveK: 25 * 60 + 12, mile: 7 * 60 + 27, reps: ["fast", "on-target", "on-target"]),
        Runner(login: "flo", vdot: 34, fiveK: 27 * 60 + 39, mile: 8 * 60 + 14, reps: ["on-target", "slow", "fast"]),
    ]

    /// The session's day (a Tuesday); each runner's 5K was run ten days before.
    static let day = try! Day(parsing: "2026-11-24")
    /// M17 in week 1 of the block: three mile reps with 4:00 jogs (the method: 3–6 × 1 mile, 4:00 → 0:45 jog).
    static let repCount = 3
    static let recovery = 240.0

    /// Makes `coach` a coach of every account in `athletes` through an invite they each join.
    static func coach(_ coach: Account, athletes: [Account], in store: any ServerStore) async throws {
        try await store.setCoaching(true, for: coach.id)
        let invite = CoachInvite(id: UUID(), coach: coach.id, codeHash: Secret.hash("invite-\(coach.login)"), createdAt: Date(),
                                 expiresAt: Date().addingTimeInterval(86_400), revokedAt: nil)
        try await store.addInvite(invite)
        for athlete in athletes {
            let answer = try await store.join(codeHash: invite.codeHash, athlete: athlete, at: Date())
            guard case .joined = answer else {
                Issue.record("\(athlete.login) did not join \(coach.login): \(answer)")
                return
            }
        }
    }

    /// The runner's session as their watch records it, one sample a second and a lap pressed at
    /// every change: 10 min warm-up jog and 5 min cool-down at 70 % of their 5K speed (an easy
    /// pace, Daniels' E), each mile rep at one speed for its chosen time, each 4:00 recovery
    /// jogged at 60 % of their 5K speed.
    static func trackSession(_ runner: Runner, start: Date) -> Activity {
        let easy = 5000 / runner.fiveK * 0.7, jog = 5000 / runner.fiveK * 0.6
        var recording = LapRecording(startingAt: easy)
        recording.run(seconds: 600, speed: easy)
        for (index, verdict) in runner.reps.enumerated() {
            recording.run(meters: Distance.mile.meters, speed: Distance.mile.meters / runner.repSeconds(verdict))
            if index + 1 < runner.reps.count { recording.run(seconds: Int(recovery), speed: jog) }
        }
        recording.run(seconds: 300, speed: easy)
        return recording.activity(start: start)
    }

    @Test(arguments: Engine.available)
    func sixRunnersSplitsAreGradedAgainstTheirOwnTargets(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let coachBrowser = Browser(client, acceptsHTML: true)
            try await coachBrowser.register("coach", goodPassword, name: "Coach")
            var accounts: [Account] = []
            for runner in Self.runners + [Runner(login: "gus", vdot: 50, fiveK: 0, mile: 0, reps: [])] {
                try await Browser(client).register(runner.login, goodPassword, name: runner.login.capitalized)
                accounts.append(try #require(try await store.account(login: runner.login)))
            }
            try await Browser(client, acceptsHTML: true).register("other", goodPassword, name: "Other coach")
            try await Browser(client).register("hal", goodPassword)
            let coach = try #require(try await store.account(login: "coach"))
            let other = try #require(try await store.account(login: "other"))
            // Gus is coached but not in the session; the other coach coaches Hal.
            try await Self.coach(coach, athletes: accounts, in: store)
            try await Self.coach(other, athletes: [try #require(try await store.account(login: "hal"))], in: store)
            // Each runner's handle, as the coach's list of athletes names them.
            let handles = Dictionary(try await store.athletes(coachedBy: coach.id).map { ($0.login, $0.athlete.handle) },
                                     uniquingKeysWith: { first, _ in first })
            for (runner, account) in zip(Self.runners, accounts) {
                _ = try await store.add([try LoggedResult(day: Self.day.adding(days: -10), kind: .race, distance: .meters(5000),
                                                          time: .seconds(runner.fiveK))], for: account.athlete)
            }

            // The coach makes the session through the API.
            let coachToken = try await UploadRoutesTests.token(client, login: "coach")
            let made = try await client.execute(uri: "/api/v1/group-sessions", method: .post,
                                                headers: APIRoutesTests.bearer(coachToken).merging([.contentType: "application/json"]),
                                                body: APIRoutesTests.json(["name": "Tuesday track", "date": Self.day.description, "session": "m17",
                                                                           "week": 1, "athletes": Self.runners.compactMap { handles[$0.login] }]))
            #expect(made.status == .created)
            let id = try #require(made.json?["id"] as? String)
            #expect(made.headers[.location] == "/api/v1/group-sessions/\(id)")

            // Each runner uploads their file of the session: 07:00 UTC on the day.
            let start = Date(timeIntervalSince1970: Double(Self.day.daysSinceEpoch) * 86_400 + 7 * 3_600)
            for runner in Self.runners {
                let activity = Self.trackSession(runner, start: start)
                let fit = Data(try FITActivityEncoder().encode(activity))
                let token = try await UploadRoutesTests.token(client, login: runner.login)
                let sent = try await client.execute(uri: "/api/v1/uploads?name=\(runner.login)-track.fit", method: .post,
                                                    headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: fit))
                #expect(sent.status == .accepted)
                let done = try await UploadRoutesTests.finishedUpload(client, try #require(sent.headers[.location]), token: token)
                #expect(done["status"] as? String == "done")
            }

            // The API: a row per runner, in the coach's order, each rep against the runner's own band.
            let answer = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(coachToken))
            #expect(answer.status == .ok)
            let json = try #require(answer.json)
            #expect(json["rule"] as? String == "M17")
            #expect(json["repColumns"] as? Int == Self.repCount)
            let rows = try #require(json["athletes"] as? [[String: Any]])
            #expect(rows.compactMap { $0["handle"] as? String } == Self.runners.compactMap { handles[$0.login] })
            for (runner, row) in zip(Self.runners, rows) {
                #expect(row["source"] as? String == "file", "\(runner.login)")
                #expect(row["file"] as? String == "\(runner.login)-track.fit")
                // The VDOT of a 5K time is the table's row within its rounding to whole seconds.
                let vdot = try #require(row["vdot"] as? Double)
                #expect(abs(vdot - runner.vdot) <= 0.3, "\(runner.login): VDOT \(vdot), table \(runner.vdot)")
                let reps = try #require(row["reps"] as? [[String: Any]])
                #expect(reps.count == Self.repCount)
                for (index, rep) in reps.enumerated() {
                    let label = "\(runner.login) rep \(index + 1)"
                    #expect(rep["distance"] as? String == "mile", "\(label)")
                    let fast = try #require(rep["targetFastSeconds"] as? Double)
                    let slow = try #require(rep["targetSlowSeconds"] as? Double)
                    let seconds = try #require(rep["seconds"] as? Double)
                    // The table's mile is rounded to the second; the file's rep ends on a whole second.
                    #expect(abs(fast - runner.fast) <= 1.5, "\(label): fast end \(fast), table \(runner.fast)")
                    #expect(abs(slow - runner.slow) <= 1.5, "\(label): slow end \(slow), table \(runner.slow)")
                    #expect(abs(seconds - runner.repSeconds(runner.reps[index])) <= 1.0, "\(label): \(seconds) s")
                    #expect(rep["verdict"] as? String == runner.reps[index], "\(label)")
                }
            }

            // The coach's page: one table, a row per runner and a cell per rep with its verdict; the chart
            // has a band and a dot per rep.
            let page = try await coachBrowser.get("/coach/sessions/\(id)")
            #expect(page.status == .ok)
            let html = page.text
            for runner in Self.runners {
                let row = try #require(Self.tableRow(html, handle: handles[runner.login] ?? ""), "\(runner.login)'s row")
                let cells = row.components(separatedBy: #"<td class="split "#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(cells == runner.reps, "\(runner.login)")
                for verdict in runner.reps {
                    #expect(row.contains(Speedwork.Duration.seconds(runner.repSeconds(verdict)).formatted(.rep)))
                }
            }
            #expect(html.components(separatedBy: #"<rect class="target-band""#).count - 1 == Self.runners.count * Self.repCount)
            #expect(html.components(separatedBy: #"<circle class="rep-dot"#).count - 1 == Self.runners.count * Self.repCount)

            // The CSV: a line per runner and rep.
            let csv = try await coachBrowser.get("/coach/sessions/\(id)/splits.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == GroupSplits.csvHeader.joined(separator: ","))
            #expect(lines.count == 1 + Self.runners.count * Self.repCount)
            for (runnerIndex, runner) in Self.runners.enumerated() {
                for rep in 0..<Self.repCount {
                    let fields = lines[1 + runnerIndex * Self.repCount + rep].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    #expect(fields.first == handles[runner.login])
                    #expect(fields[2] == "\(rep + 1)")
                    #expect(fields[3] == "mile")
                    #expect(abs((Double(fields[8]) ?? 0) - runner.repSeconds(runner.reps[rep])) <= 1.0)
                    #expect(fields.last == runner.reps[rep])
                }
            }

            // A member sees the session with only their own row; the coach's page and CSV are not theirs.
            let anaToken = try await UploadRoutesTests.token(client, login: "ana")
            let own = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(anaToken))
            #expect(own.status == .ok)
            #expect((own.json?["athletes"] as? [[String: Any]])?.compactMap { $0["handle"] as? String } == [handles["ana"] ?? ""])
            let anaBrowser = Browser(client, acceptsHTML: true)
            try await anaBrowser.logIn("ana", goodPassword)
            #expect(try await anaBrowser.get("/group-sessions/\(id)").status == .ok)
            #expect(try await anaBrowser.get("/coach/sessions/\(id)").status == .notFound)
            #expect(try await anaBrowser.get("/coach/sessions/\(id)/splits.csv").status == .notFound)
            let fit = try await anaBrowser.get("/group-sessions/\(id)/workout.fit")
            #expect(fit.status == .ok)
            #expect(fit.headers[.contentType] == "application/vnd.ant.fit")

            // Gus (coached, not a member), Hal (not coached) and the other coach: no such session.
            for login in ["gus", "hal", "other"] {
                let token = try await UploadRoutesTests.token(client, login: login)
                let api = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(token))
                #expect(api.status == .notFound, "\(login): API")
                let apiCSV = try await client.execute(uri: "/api/v1/group-sessions/\(id)/splits.csv", method: .get,
                                                      headers: APIRoutesTests.bearer(token))
                #expect(apiCSV.status == .notFound, "\(login): API CSV")
                let browser = Browser(client, acceptsHTML: true)
                try await browser.logIn(login, goodPassword)
                for path in ["/coach/sessions/\(id)", "/coach/sessions/\(id)/splits.csv", "/group-sessions/\(id)", "/group-sessions/\(id)/workout.fit"] {
                    #expect(try await browser.get(path).status == .notFound, "\(login): \(path)")
                }
                let deleted = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .delete, headers: APIRoutesTests.bearer(token))
                #expect(deleted.status == .notFound, "\(login): delete")
            }
            // The other coach cannot put Ana in a session of theirs: she is not their athlete.
            let otherToken = try await UploadRoutesTests.token(client, login: "other")
            let poached = try await client.execute(uri: "/api/v1/group-sessions", method: .post,
                                                   headers: APIRoutesTests.bearer(otherToken).merging([.contentType: "application/json"]),
                                                   body: APIRoutesTests.json(["name": "Poached", "date": Self.day.description, "session": "M17",
                                                                              "athletes": [handles["ana"] ?? ""]]))
            #expect(poached.status == .unprocessableContent)
            #expect(poached.errorMessage?.contains("'\(handles["ana"] ?? "")' is not one you coach") == true)
        }
    }

    /// Reps timed by hand (M50): a runner with a 5K of 20:39 (Table 5.1: VDOT 48, mile 6:03) runs
    /// M13 without a watch, 400 m reps at exactly the mile's pace per lap (M13 without a goal:
    /// the current mile, 6:03 → 90.75 s a lap, ±0.5 %: 90.30–91.20 s). The coach enters three
    /// reps; they are stored in the runner's log and graded; refused entries change nothing.
    @Test(arguments: Engine.available)
    func repsTimedByHandAreKeptInTheRunnersLogAndGraded(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let coachBrowser = Browser(client, acceptsHTML: true)
            try await coachBrowser.register("coach", goodPassword, name: "Coach")
            try await Browser(client).register("ana", goodPassword, name: "Ana")
            try await Browser(client).register("bob", goodPassword, name: "Bob")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            let bob = try #require(try await store.account(login: "bob"))
            try await Self.coach(coach, athletes: [ana, bob], in: store)
            let handles = Dictionary(try await store.athletes(coachedBy: coach.id).map { ($0.login, $0.athlete.handle) },
                                     uniquingKeysWith: { first, _ in first })
            let (anaHandle, bobHandle) = (try #require(handles["ana"]), try #require(handles["bob"]))
            _ = try await store.add([try LoggedResult(day: Self.day.adding(days: -5), kind: .race, distance: .meters(5000),
                                                      time: .seconds(20 * 60 + 39))], for: ana.athlete)

            // The form: a session for Ana alone.
            try await coachBrowser.get("/coach/sessions")
            let made = try await coachBrowser.post("/coach/sessions", [("name", "Hill-free Tuesday"), ("date", Self.day.description),
                                                                        ("session", "M13"), ("week", "1"), ("athlete.\(anaHandle)", "on")])
            #expect(made.status == .seeOther)
            let location = try #require(made.headers[.location])
            #expect(location.hasPrefix("/coach/sessions/"))
            let id = String(location.dropFirst("/coach/sessions/".count))

            // Nothing logged yet: Ana's row has her planned reps, not run.
            let token = try await UploadRoutesTests.token(client, login: "coach")
            let before = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(token))
            let beforeRow = try #require((before.json?["athletes"] as? [[String: Any]])?.first)
            #expect(beforeRow["source"] as? String == "none")
            // M13 in week 1 of the block: 6 × 400 m (the library's progression, 6 → 8 reps).
            #expect((beforeRow["reps"] as? [[String: Any]])?.count == 6)
            #expect((beforeRow["reps"] as? [[String: Any]])?.allSatisfy { $0["verdict"] == nil && $0["seconds"] == nil } == true)

            // Refused: not a member, too many reps, a time that is not one, a distance the session does not run.
            func enter(_ fields: [(String, String)]) async throws -> TestResponse {
                try await coachBrowser.get("/coach/sessions/\(id)")
                return try await coachBrowser.post("/coach/sessions/\(id)/reps", fields)
            }
            let notMember = try await enter([("athlete", bobHandle), ("reps", "90.7")])
            #expect(notMember.status == .unprocessableContent)
            #expect(notMember.text.contains("athlete &#39;\(bobHandle)&#39; is not in this session"))
            let tooMany = try await enter([("athlete", anaHandle), ("reps", Array(repeating: "90.7", count: 7).joined(separator: ","))])
            #expect(tooMany.status == .unprocessableContent)
            #expect(tooMany.text.contains("7 reps do not fit this session: it has 6 reps"))
            #expect(try await enter([("athlete", anaHandle), ("reps", "90.7, fast")]).status == .unprocessableContent)
            #expect(try await enter([("athlete", anaHandle), ("reps", "90.7"), ("repDistance", "200m")]).status == .unprocessableContent)
            #expect(try await store.sessions(for: ana.athlete, since: nil).isEmpty)

            let kept = try await enter([("athlete", anaHandle), ("reps", "90.7, 1:28.0, 93.5")])
            #expect(kept.status == .seeOther)
            let logged = try await store.sessions(for: ana.athlete, since: nil)
            #expect(logged.count == 1)
            #expect(logged.first?.day == Self.day)
            #expect(logged.first?.session == "M13")
            #expect(logged.first?.reps.map(\.time.seconds) == [90.7, 88.0, 93.5])
            #expect(try await enter([("athlete", anaHandle), ("reps", "91")]).status == .unprocessableContent)
            #expect(try await store.sessions(for: ana.athlete, since: nil).count == 1)

            let after = try await client.execute(uri: "/api/v1/group-sessions/\(id)", method: .get, headers: APIRoutesTests.bearer(token))
            let row = try #require((after.json?["athletes"] as? [[String: Any]])?.first)
            #expect(row["source"] as? String == "hand")
            let reps = try #require(row["reps"] as? [[String: Any]])
            #expect(reps.compactMap { $0["verdict"] as? String } == ["on-target", "fast", "slow"] + Array(repeating: "missing", count: 3))
            let lap = (6 * 60 + 3) / 4.0
            for rep in reps {
                #expect(abs((rep["targetFastSeconds"] as? Double ?? 0) - lap * (1 - 0.005)) <= 0.3)
                #expect(abs((rep["targetSlowSeconds"] as? Double ?? 0) - lap * (1 + 0.005)) <= 0.3)
            }
            #expect(reps.prefix(3).compactMap { $0["seconds"] as? Double } == [90.7, 88.0, 93.5])

            // The API takes the same entry, and refuses it for Bob, who is not in the session.
            let api = try await client.execute(uri: "/api/v1/group-sessions/\(id)/reps", method: .post,
                                               headers: APIRoutesTests.bearer(token).merging([.contentType: "application/json"]),
                                               body: APIRoutesTests.json(["athlete": bobHandle, "reps": "90"]))
            #expect(api.status == .unprocessableContent)
            // Ana herself cannot enter reps on the coach's form: the session is not hers to change.
            let anaToken = try await UploadRoutesTests.token(client, login: "ana")
            let hers = try await client.execute(uri: "/api/v1/group-sessions/\(id)/reps", method: .post,
                                                headers: APIRoutesTests.bearer(anaToken).merging([.contentType: "application/json"]),
                                                body: APIRoutesTests.json(["athlete": anaHandle, "reps": "90"]))
            #expect(hers.status == .notFound)
        }
    }

    /// The coach uploads the watch file of a member who cannot (one activity file, imported into
    /// the member's log at once): the member's row then has the file's reps graded against their own
    /// band. Ana's 5K of 18:58 is VDOT 53 in Table 5.1, mile 5:32, so her band is 6:02–6:12; her reps
    /// are fast, on target and slow.
    @Test(arguments: Engine.available)
    func theCoachUploadsAMembersFile(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            try await Browser(client).register("coach", goodPassword, name: "Coach")
            try await Browser(client).register("ana", goodPassword, name: "Ana")
            try await Browser(client).register("bob", goodPassword, name: "Bob")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            let bob = try #require(try await store.account(login: "bob"))
            try await Self.coach(coach, athletes: [ana, bob], in: store)
            let runner = Self.runners[1]
            _ = try await store.add([try LoggedResult(day: Self.day.adding(days: -10), kind: .race, distance: .meters(5000),
                                                      time: .seconds(runner.fiveK))], for: ana.athlete)
            let coached = try await store.athletes(coachedBy: coach.id)
            let anaAthlete = try #require(coached.first { $0.login == "ana" }?.athlete)
            let bobHandle = try #require(coached.first { $0.login == "bob" }?.athlete.handle)
            let session = try GroupSession(coach: coach.id, day: Self.day, name: "Tuesday track", rule: "M17", week: 1,
                                           members: [anaAthlete], createdAt: Date())
            #expect(try await store.addGroupSession(session) == .stored)
            let base = "/api/v1/group-sessions/\(session.id.uuidString.lowercased())/athletes"
            let start = Date(timeIntervalSince1970: Double(Self.day.daysSinceEpoch) * 86_400 + 18 * 3_600)
            let fit = ByteBuffer(bytes: try FITActivityEncoder().encode(Self.trackSession(runner, start: start)))
            let token = try await UploadRoutesTests.token(client, login: "coach")

            func send(_ path: String, _ body: ByteBuffer, token: String) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: APIRoutesTests.bearer(token), body: body)
            }
            // Refused: not a member, an archive, bytes that are no activity, and the member herself.
            #expect(try await send("\(base)/\(bobHandle)/activity?name=track.fit", fit, token: token).status == .notFound)
            #expect(try await send("\(base)/\(anaAthlete.handle)/activity?name=export.zip", fit, token: token).status == .unprocessableContent)
            let junk = try await send("\(base)/\(anaAthlete.handle)/activity?name=track.fit", ByteBuffer(string: "not a watch file"), token: token)
            #expect(junk.status == .unprocessableContent)
            #expect(junk.errorMessage?.hasPrefix("'track.fit' gave no activity: ") == true)
            #expect(!(junk.errorMessage ?? "").contains(folder))
            let anaToken = try await UploadRoutesTests.token(client, login: "ana")
            #expect(try await send("\(base)/\(anaAthlete.handle)/activity?name=track.fit", fit, token: anaToken).status == .notFound)
            #expect(try await store.activities(for: ana.athlete, in: nil).isEmpty)

            let sent = try await send("\(base)/\(anaAthlete.handle)/activity?name=track.fit", fit, token: token)
            #expect(sent.status == .created)
            #expect(try await store.activities(for: ana.athlete, in: nil).count == 1)
            let row = try #require((sent.json?["athletes"] as? [[String: Any]])?.first)
            #expect(row["source"] as? String == "file")
            let reps = try #require(row["reps"] as? [[String: Any]])
            #expect(reps.compactMap { $0["verdict"] as? String } == runner.reps)
            for (rep, verdict) in zip(reps, runner.reps) {
                #expect(abs((rep["seconds"] as? Double ?? 0) - runner.repSeconds(verdict)) <= 1.0)
                #expect(abs((rep["targetFastSeconds"] as? Double ?? 0) - runner.fast) <= 1.5)
            }
        }
    }

    /// A member gets the session where their plan shows (M42): on their today page of its day with
    /// every step at their own targets, in their calendar feed, on their plan page, and as a FIT
    /// workout; a runner outside the group gets none of it. Ana's 5K of 20:39 is VDOT 48 in
    /// Table 5.1, whose mile is 6:03: M17's reps are a mile in 6:33–6:43 for her.
    @Test(arguments: Engine.available)
    func aMemberFindsTheSessionOnTodayInTheCalendarAndOnTheWatch(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.planCalendar = ActivePlanCalendar() }) { client, store async throws in
            try await Browser(client).register("coach", goodPassword, name: "Coach")
            let anaBrowser = Browser(client, acceptsHTML: true)
            try await anaBrowser.register("ana", goodPassword, name: "Ana")
            let bobBrowser = Browser(client, acceptsHTML: true)
            try await bobBrowser.register("bob", goodPassword, name: "Bob")
            let coach = try #require(try await store.account(login: "coach"))
            let ana = try #require(try await store.account(login: "ana"))
            let bob = try #require(try await store.account(login: "bob"))
            try await Self.coach(coach, athletes: [ana, bob], in: store)
            let day = Day(Date()).adding(days: 3)
            _ = try await store.add([try LoggedResult(day: day.adding(days: -20), kind: .race, distance: .meters(5000),
                                                      time: .seconds(20 * 60 + 39))], for: ana.athlete)
            let anaAthlete = try #require(try await store.athletes(coachedBy: coach.id).first { $0.login == "ana" }?.athlete)
            let session = try GroupSession(coach: coach.id, day: day, name: "Tuesday track", rule: "M17", week: 1,
                                           members: [anaAthlete], createdAt: Date())
            #expect(try await store.addGroupSession(session) == .stored)
            let id = session.id.uuidString.lowercased()

            // The today page of the day: the session with its mile reps at Ana's band.
            let today = try await anaBrowser.get("/today?date=\(day)")
            #expect(today.status == .ok)
            let section = try #require(today.text.components(separatedBy: #"<section class="session group-session" id="group-\#(id)">"#).dropFirst().first)
            #expect(section.contains("Tuesday track"))
            #expect(section.contains("/group-sessions/\(id)/workout.fit"))
            let times = Self.clockTimes(in: String(section.prefix { $0 != "§" }).components(separatedBy: "mile in ").dropFirst().first ?? "")
            try #require(times.count >= 2, "no mile band on the today page")
            #expect(abs(times[0] - (6 * 60 + 3 + 30)) <= 1.5, "fast end \(times[0])")
            #expect(abs(times[1] - (6 * 60 + 3 + 40)) <= 1.5, "slow end \(times[1])")
            let bobToday = try await bobBrowser.get("/today?date=\(day)")
            #expect(!bobToday.text.contains("group-session"))

            // The calendar feed: an event for the session on its day.
            let page = try await anaBrowser.get("/calendar")
            let path = try #require(CalendarFeedRoutesTests.feedPath(in: page.text))
            let feed = try await CalendarFeedRoutesTests.fetch(client, path)
            #expect(feed.status == .ok)
            let event = try #require(try CalendarReading(feed.text).events.first { $0["UID"] == "group-\(id)@speedwork" })
            #expect(event["DTSTART"] == day.description.replacingOccurrences(of: "-", with: ""))
            #expect(event["SUMMARY"]?.hasPrefix("Tuesday track") == true)
            let bobFeed = try await CalendarFeedRoutesTests.fetch(client, try #require(CalendarFeedRoutesTests.feedPath(in: try await bobBrowser.get("/calendar").text)))
            #expect(!bobFeed.text.contains("group-\(id)"))

            // The watch: a FIT workout file (header ".FIT", Garmin FIT protocol, section 3.3.1).
            let fit = try await anaBrowser.get("/group-sessions/\(id)/workout.fit")
            #expect(fit.status == .ok)
            let bytes = Array(fit.body.readableBytesView)
            #expect(bytes.count > 14)
            #expect(bytes.count > 12 && String(decoding: bytes[8..<12], as: UTF8.self) == ".FIT")
            #expect(try await bobBrowser.get("/group-sessions/\(id)/workout.fit").status == .notFound)

            // The plan page names it beside the plan (checked last: saving a plan logs a result).
            _ = try await PlannedSessionGradeRoutesTests.savePlan(for: ana.athlete, in: store)
            _ = try await PlannedSessionGradeRoutesTests.savePlan(for: bob.athlete, in: store)
            let plan = try await anaBrowser.get("/plan")
            #expect(plan.status == .ok)
            #expect(plan.text.contains(#"<p class="group-session-line">With your group on \#(day): <a href="/group-sessions/\#(id)">Tuesday track</a>"#))
            #expect(!(try await bobBrowser.get("/plan")).text.contains("group-session-line"))
        }
    }

    /// Every `m:ss` in `text`, in seconds, in order.
    static func clockTimes(in text: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: #"(\d+):(\d{2})(\.\d)?"#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).prefix(4).compactMap { match in
            guard let minutes = Range(match.range(at: 1), in: text).flatMap({ Double(text[$0]) }),
                  let seconds = Range(match.range(at: 2), in: text).flatMap({ Double(text[$0]) }) else { return nil }
            let tenths = Range(match.range(at: 3), in: text).flatMap { Double(text[$0]) } ?? 0
            return minutes * 60 + seconds + tenths
        }
    }

    /// CSV fields as RFC 4180 writes them, and text a spreadsheet would run as a formula made inert
    /// (OWASP, "CSV Injection"); a negative number stays a number.
    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(GroupSplits.csvField("mile") == "mile")
        #expect(GroupSplits.csvField("Smith, Jo") == "\"Smith, Jo\"")
        #expect(GroupSplits.csvField("Jo \"the hare\"") == "\"Jo \"\"the hare\"\"\"")
        #expect(GroupSplits.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(GroupSplits.csvField("+1") == "+1")
        #expect(GroupSplits.csvField("@home") == "'@home")
        #expect(GroupSplits.csvField("-3.5") == "-3.5")
        #expect(GroupSplits.csvField("-x") == "'-x")
    }

    /// The `<tr id="athlete-HANDLE">` row of the split table.
    static func tableRow(_ html: String, handle: String) -> String? {
        guard let start = html.range(of: #"<tr id="athlete-\#(handle)">"#) else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</tr>") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}

extension HTTPFields {
    /// These fields with `other`'s added.
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        for field in other { fields.append(field) }
        return fields
    }
}
