import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
import SpeedworkTestSupport
import Testing
@testable import SpeedworkCLI

/// The active plan (issue 10): `plan --save`, `today` and `week` on a temporary SQLite log, checked
/// against the plan's own JSON, `workout show` and `paces` (independent paths to the same targets).
@Suite(.serialized)
struct ActivePlanTests {
    /// The plan of the `plan` snapshot: week 1 is speed work (12 weeks of base): 6 × 200m (M11) on
    /// Monday 2026-12-07, an easy run and strength on Tuesday, hills on Thursday, an easy run on
    /// Saturday, the long run (52 min) and strength on Sunday, Wednesday and Friday rest; week 2 has
    /// mile reps (M17) on Tuesday.
    static let planArguments = ["plan", "--from", "mile=6:40@2026-12-01", "--goal", "mile=6:00", "--race-date", "2027-03-06",
                                "--start", "2026-12-07", "--days", "mon,tue,thu,sat,sun", "--max-session", "60m", "--base-weeks", "12",
                                "--as-of", "2026-12-01"]

    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    static func withLog(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body("sqlite://" + folder.appendingPathComponent("log.sqlite").path)
    }

    static func open(_ database: String) async throws -> any TrainingStore {
        try await DatabaseLocation(url: database).open()
    }

    /// Saves the plan of `arguments` as `plan … --save` does; returns what `plan --json` printed.
    @discardableResult
    static func savePlan(_ arguments: [String] = planArguments, database: String) async throws -> String {
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments + ["--json", "--save", "--database", database]) as? PlanCommand)
        #expect(command.save)
        let plan = try command.build()
        try await command.saveAsActive(plan, environment: [:])
        return try command.render(plan)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `today` or `week` for `date`, as JSON.
    static func report(_ command: String, _ date: String, database: String) async throws -> [String: Any] {
        let arguments = [command, "--date", date, "--json", "--database", database]
        let parsed = try SpeedworkCommand.parseAsRoot(arguments)
        switch parsed {
        case let today as TodayCommand: return try json(try await today.render(environment: [:]))
        case let week as WeekCommand: return try json(try await week.render(environment: [:]))
        default: throw CancellationError()
        }
    }

    /// `today` or `week` for `date`, as text.
    static func text(_ command: String, _ date: String, database: String) async throws -> String {
        let parsed = try SpeedworkCommand.parseAsRoot([command, "--date", date, "--database", database])
        switch parsed {
        case let today as TodayCommand: return try await today.render(environment: [:])
        case let week as WeekCommand: return try await week.render(environment: [:])
        default: throw CancellationError()
        }
    }

    /// The sessions `plan --json` lists for `date`.
    static func planned(in plan: [String: Any], on date: String) throws -> [NSDictionary] {
        let weeks = try #require(plan["weeks"] as? [[String: Any]])
        return weeks.flatMap { ($0["sessions"] as? [[String: Any]]) ?? [] }.filter { $0["date"] as? String == date }.map { $0 as NSDictionary }
    }

    /// The keys `today` and `week` add to a planned session of `plan --json`.
    static let statusKeys = ["ref", "status", "doneBy", "linked", "grade", "movedFrom"]

    /// The sessions planned on the report's first day, as `plan --json` writes them (status keys dropped).
    static func plannedToday(_ report: [String: Any]) throws -> [NSDictionary] {
        try plannedWithStatus(report).map { session in
            var copy = session as! [String: Any]
            for key in statusKeys { copy.removeValue(forKey: key) }
            return copy as NSDictionary
        }
    }

    /// The sessions planned on the report's first day with their status keys.
    static func plannedWithStatus(_ report: [String: Any], day index: Int = 0) throws -> [NSDictionary] {
        let days = try #require(report["days"] as? [[String: Any]])
        return ((days[index]["planned"] as? [[String: Any]]) ?? []).map { $0 as NSDictionary }
    }

    /// The first active step inside the first repeat block: the main rep.
    static func mainRep(_ session: NSDictionary) throws -> [String: Any] {
        let steps = try #require(session["steps"] as? [[String: Any]])
        let block = try #require(steps.first { $0["intensity"] as? String == "repeat" })
        let inner = try #require(block["steps"] as? [[String: Any]])
        return try #require(inner.first { $0["intensity"] as? String == "active" })
    }

    /// The target of the session's first step of `intensity` outside repeats (an easy run's run).
    static func firstTarget(_ session: NSDictionary, intensity: String) throws -> NSDictionary {
        let steps = try #require(session["steps"] as? [[String: Any]])
        let step = try #require(steps.first { $0["intensity"] as? String == intensity })
        return try #require(step["target"] as? NSDictionary)
    }

    // MARK: plan --save

    @Test func aSavedPlanIsActiveRebuildsToTheSameAndTheOneBeforeStaysAsHistory() async throws {
        try await Self.withLog { database in
            let printed = try await Self.savePlan(database: database)
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            let first = try #require(try await log.activePlan(for: runner))
            #expect(first.json == printed)
            #expect(first.name == "mile=6:00 on 2027-03-06")
            let request = try Self.json(try #require(first.request))
            #expect(request["results"] as? [String] == ["mile=6:40@2026-12-01"])
            #expect(request["days"] as? [String] == ["mon", "tue", "thu", "sat", "sun"])
            #expect(request["start"] as? String == "2026-12-07")
            #expect(request["baseWeeks"] as? Int == 12)
            #expect(request["maxSession"] as? Int == 60)
            // The plan rebuilt from the stored request is the plan that was printed and saved.
            let active = try #require(try await ActivePlan.load(from: log, for: runner))
            #expect(try JSONOutput.render(PlanReport(active.plan)) == printed)

            var later = Self.planArguments
            later[later.firstIndex(of: "2027-03-06")!] = "2027-04-03"
            try await Self.savePlan(later, database: database)
            let second = try #require(try await log.activePlan(for: runner))
            #expect(second.name == "mile=6:00 on 2027-04-03")
            #expect(try await log.plans(for: runner).map(\.id) == [first.id, second.id])
            await log.close()
        }
    }

    @Test func withoutAPlanTodaySaysHowToSaveOne() async throws {
        try await Self.withLog { database in
            let report = try await Self.report("today", "2026-12-08", database: database)
            #expect(report["plan"] is NSNull)
            #expect(try Self.plannedToday(report).isEmpty)
            let notes = try #require(report["notes"] as? [String])
            #expect(notes.contains { $0.contains("No plan saved") && $0.contains("--save") })
            let week = try await Self.report("week", "2026-12-09", database: database)
            // Without a plan the week is Monday to Sunday.
            #expect((week["days"] as? [[String: Any]])?.map { $0["date"] as? String } ==
                    ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"])
        }
    }

    // MARK: today and week against the plan and the library

    @Test func todayIsThePlansSessionOfTheDay() async throws {
        try await Self.withLog { database in
            let plan = try Self.json(try await Self.savePlan(database: database))
            for date in ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-15", "2026-12-20"] {
                let report = try await Self.report("today", date, database: database)
                #expect(try Self.plannedToday(report) == (try Self.planned(in: plan, on: date)), "\(date)")
                #expect((report["fitness"] as? [String: Any])?["source"] as? String == "plan")
            }
            let week = try #require(try await Self.report("today", "2026-12-15", database: database)["week"] as? [String: Any])
            #expect(week["index"] as? Int == 2)
            #expect(week["start"] as? String == "2026-12-14")
            #expect(week["phase"] as? String == "speed")
            let rest = try await Self.report("today", "2026-12-09", database: database)
            #expect(try Self.plannedToday(rest).map { $0["rule"] as? String } == ["M9"])
            #expect((rest["notes"] as? [String])?.contains { $0.contains("rest day") } == true)
        }
    }

    @Test func todaysRepTargetsAreTheLibrarysForThePlansFitness() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let monday = try #require(try Self.plannedToday(try await Self.report("today", "2026-12-07", database: database)).first)
            #expect(monday["rule"] as? String == "M11")
            let shown = try Self.json(try WorkoutCommandTests.render(["workout", "show", "M11", "--from", "mile=6:40@2026-12-01",
                                                                      "--as-of", "2026-12-01", "--week", "1", "--json"]))
            #expect(try Self.mainRep(monday)["target"] as? NSDictionary == (try Self.mainRep(shown as NSDictionary)["target"] as? NSDictionary))
        }
    }

    @Test func aNewerTimeTrialMovesTheTargetsToThoseOfItsPaces() async throws {
        try await Self.withLog { database in
            let plan = try Self.json(try await Self.savePlan(database: database))
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            // A mile time trial 20 s faster than the plan's 6:40, run on Thursday of week 1.
            let trial = try LoggedResult(day: Self.day("2026-12-10"), kind: .timeTrial, distance: .mile, time: .seconds(380))
            _ = try await log.add([trial], for: runner)
            await log.close()

            // Before the trial, the plan's own targets.
            let before = try await Self.report("today", "2026-12-08", database: database)
            #expect(try Self.plannedToday(before) == (try Self.planned(in: plan, on: "2026-12-08")))
            #expect((before["fitness"] as? [String: Any])?["source"] as? String == "plan")

            // After it, every target is what `paces --from` the trial gives, the sessions' shape kept.
            let command = try #require(try SpeedworkCommand.parseAsRoot(
                ["paces", "--from", "mile=6:20@2026-12-10", "--goal", "mile=6:00", "--as-of", "2026-12-15", "--json"]) as? PacesCommand)
            let paces = try Self.json(try command.render())
            let sessions = try #require(paces["sessions"] as? [[String: Any]])
            let m17 = try #require(sessions.first { $0["rule"] as? String == "M17" })
            let zones = try #require(paces["zones"] as? [[String: Any]])
            let easy = try #require(zones.first { $0["code"] as? String == "E" })

            let tuesday = try await Self.report("today", "2026-12-15", database: database)
            #expect((tuesday["fitness"] as? [String: Any])?["source"] as? String == "log")
            #expect((tuesday["fitness"] as? [String: Any])?["newer"] as? [String] == ["mile=6:20@2026-12-10"])
            let session = try #require(try Self.plannedToday(tuesday).first)
            let original = try #require(try Self.planned(in: plan, on: "2026-12-15").first)
            #expect(session["rule"] as? String == "M17")
            let rep = try Self.mainRep(session)
            #expect((rep["target"] as? [String: Any]).map { $0 as NSDictionary } == (m17["pace"] as? [String: Any]).map { $0 as NSDictionary })
            #expect(try Self.mainRep(original)["target"] as? NSDictionary != rep["target"] as? NSDictionary)
            #expect(rep["meters"] as? Double == (try Self.mainRep(original))["meters"] as? Double)
            let stepsOf = { (session: NSDictionary) in (session["steps"] as? [[String: Any]])?.count }
            #expect(stepsOf(session) == stepsOf(original))
            #expect(session["title"] as? String == original["title"] as? String)

            let easyDay = try #require(try Self.plannedToday(try await Self.report("today", "2026-12-14", database: database)).first)
            #expect(easyDay["kind"] as? String == "easy")
            let easyTarget = try Self.firstTarget(easyDay, intensity: "active")
            #expect(easyTarget["secondsPerKm"] as? NSDictionary == easy["secondsPerKm"] as? NSDictionary)
            let notes = try #require(tuesday["notes"] as? [String])
            #expect(notes.contains { $0.contains("mile=6:20@2026-12-10") && $0.contains("M43") })

            // In the week of the trial, days before it keep the targets they were run to; days from it on move.
            let week = try await Self.report("week", "2026-12-13", database: database)
            let strip = { (session: NSDictionary) -> NSDictionary in
                var copy = session as! [String: Any]
                for key in Self.statusKeys { copy.removeValue(forKey: key) }
                return copy as NSDictionary
            }
            #expect(try Self.plannedWithStatus(week, day: 1).map(strip) == (try Self.planned(in: plan, on: "2026-12-08")))
            // (Monday's 200s, not run, moved to Saturday: M43.) Sunday's long run is after the trial.
            let sunday = try #require(try Self.plannedWithStatus(week, day: 6).first)
            #expect(sunday["kind"] as? String == "long")
            #expect(try Self.firstTarget(sunday, intensity: "active")["secondsPerKm"] as? NSDictionary == easy["secondsPerKm"] as? NSDictionary)
        }
    }

    // MARK: what was done, and the coach's note

    /// A steady run at `metersPerSecond` for `minutes`, one sample a second with seeded jitter.
    static func steadyRun(on date: String, hour: Double = 7, minutes: Int, metersPerSecond: Double, seed: UInt64) -> Activity {
        var random = SeededGenerator(state: seed)
        let start = Date(timeIntervalSince1970: Double(day(date).daysSinceEpoch) * 86_400 + hour * 3600)
        var meters = 0.0
        let samples = (0..<(minutes * 60)).map { second -> ActivitySample in
            let speed = metersPerSecond + Double.random(in: -0.05...0.05, using: &random)
            meters += speed
            return ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: speed, stepsPerMinute: 170)
        }
        return Activity(sport: "running", start: start, samples: samples, laps: [], device: "generated",
                        deviceDistanceMeters: meters, deviceTimerSeconds: Double(minutes * 60))
    }

    @Test func theWeekShowsWhatWasDoneByDayAndTheEasyRunNote() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            let easyPace = TrainingPaces.pace(.easy, vdot: try FitnessEstimator().estimate(
                from: [try Performance(parsing: "mile=6:40@2026-12-01")], asOf: Self.day("2026-12-01")).vdot)
            // The easy band at VDOT 43 is about 5:35–6:16/km: 2.78 m/s (6:00/km) is easy, 3.7 m/s (4:30/km) is not.
            let runs = [
                Self.steadyRun(on: "2026-12-08", minutes: 20, metersPerSecond: 3.7, seed: 1),
                Self.steadyRun(on: "2026-12-10", minutes: 20, metersPerSecond: 2.78, seed: 2),
                Self.steadyRun(on: "2026-12-12", minutes: 20, metersPerSecond: 3.7, seed: 3),
            ]
            let packed = try runs.enumerated().map { try ActivityRecord.pack($0.element, file: "run\($0.offset).fit", easyPace: easyPace) }
            _ = try await log.save(ImportBatch(activities: packed), for: runner)
            let strength = try LoggedSession(day: Self.day("2026-12-08"), session: "M32", rpe: 5,
                                             strengthSets: [try StrengthSet(exercise: "goblet squat", reps: 10, formWasGood: true)])
            _ = try await log.add([strength], for: runner)
            await log.close()

            let week = try await Self.report("week", "2026-12-10", database: database)
            let days = try #require(week["days"] as? [[String: Any]])
            #expect(days.map { $0["date"] as? String } ==
                    ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"])
            let activities = days.map { ($0["activities"] as? [[String: Any]])?.count ?? -1 }
            // Saturday's run is after the day asked for: not shown yet.
            #expect(activities == [0, 1, 0, 1, 0, 0, 0])
            #expect(days.map { ($0["sessions"] as? [[String: Any]])?.count ?? -1 } == [0, 1, 0, 0, 0, 0, 0])
            let tuesday = try #require((days[1]["activities"] as? [[String: Any]])?.first)
            #expect(tuesday["easyRunTooHard"] as? Bool == true)
            #expect(tuesday["id"] as? String == packed[0].summary.contentHash)
            let notes = try #require(week["notes"] as? [String])
            #expect(notes.contains("1 of your last 2 easy runs were too fast: easy days keep the hard days hard (M2)."))

            let sunday = try await Self.report("week", "2026-12-13", database: database)
            #expect((sunday["notes"] as? [String])?.contains("2 of your last 3 easy runs were too fast: easy days keep the hard days hard (M2).") == true)

            let text = try await Self.text("week", "2026-12-10", database: database)
            #expect(text.contains("week 1 of "))
            #expect(text.contains("planned  ● 6 × 200m"))
            #expect(text.contains("(too fast for an easy run)"))
            #expect(text.contains("logged   M32 (1 set, RPE 5)"))
        }
    }

    @Test func daysOutsideThePlanSaySo() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let before = try await Self.report("today", "2026-12-01", database: database)
            #expect(before["week"] is NSNull)
            #expect((before["notes"] as? [String])?.contains { $0.contains("starts on 2026-12-07") } == true)
            let after = try await Self.report("today", "2027-03-10", database: database)
            #expect((after["notes"] as? [String])?.contains { $0.contains("ended on race day 2027-03-06") } == true)
        }
    }

    // MARK: matching

    /// A run of parts (seconds at a speed), one sample a second with seeded jitter, a lap pressed at
    /// each part as a runner does at each rep and recovery.
    static func run(on date: String, hour: Double = 7, parts: [(seconds: Int, speed: Double)], seed: UInt64) -> Activity {
        var random = SeededGenerator(state: seed)
        let start = Date(timeIntervalSince1970: Double(day(date).daysSinceEpoch) * 86_400 + hour * 3600)
        var meters = 0.0
        var samples: [ActivitySample] = []
        var laps: [ActivityLap] = []
        for part in parts {
            let first = samples.count
            let lapStart = meters
            for _ in 0..<part.seconds {
                let speed = part.speed + Double.random(in: -0.03...0.03, using: &random)
                meters += speed
                samples.append(ActivitySample(seconds: Double(samples.count), meters: meters, metersPerSecond: speed, stepsPerMinute: 172))
            }
            laps.append(ActivityLap(startSeconds: Double(first), elapsedSeconds: Double(part.seconds), timerSeconds: Double(part.seconds),
                                    meters: meters - lapStart, trigger: .manual))
        }
        return Activity(sport: "running", start: start, samples: samples, laps: laps, device: "generated",
                        deviceDistanceMeters: meters, deviceTimerSeconds: Double(samples.count))
    }

    @Test func sessionsAreMatchedDoneADayLatePartlyMissedAndExtraAndALinkOverrides() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            // Monday's 6 × 200m at 39 s a rep (the target is 38.7–39.5 s), 2:00 jog between.
            var monday: [(seconds: Int, speed: Double)] = [(900, 2.8)]
            for rep in 0..<6 {
                monday.append((39, 200.0 / 39))
                if rep < 5 { monday.append((120, 2.0)) }
            }
            monday.append((600, 2.8))
            let runs = [
                Self.run(on: "2026-12-07", parts: monday, seed: 10),
                Self.steadyRun(on: "2026-12-09", minutes: 25, metersPerSecond: 2.8, seed: 11),          // Tuesday's easy run, a day late
                Self.steadyRun(on: "2026-12-12", minutes: 20, metersPerSecond: 2.8, seed: 12),          // Saturday's easy run
                Self.steadyRun(on: "2026-12-12", hour: 17, minutes: 20, metersPerSecond: 2.8, seed: 13), // and a second one
                Self.steadyRun(on: "2026-12-13", minutes: 30, metersPerSecond: 2.8, seed: 14),          // 30 of the long run's 52 min
            ]
            let packed = try runs.enumerated().map { try ActivityRecord.pack($0.element, file: "run\($0.offset).fit") }
            _ = try await log.save(ImportBatch(activities: packed), for: runner)
            let strength = try LoggedSession(day: Self.day("2026-12-08"), session: "M32",
                                             strengthSets: [try StrengthSet(exercise: "goblet squat", reps: 10, formWasGood: true)])
            _ = try await log.add([strength], for: runner)
            await log.close()
            let hash = packed.map(\.summary.contentHash)

            let week = try await Self.report("week", "2026-12-13", database: database)
            func planned(_ index: Int) throws -> [[String: Any]] { try Self.plannedWithStatus(week, day: index).map { $0 as! [String: Any] } }
            let mon = try #require(try planned(0).first)
            #expect(mon["rule"] as? String == "M11")
            #expect(mon["status"] as? String == "done")
            #expect(mon["doneBy"] as? String == hash[0])
            let grade = try #require(mon["grade"] as? [String: Any])
            #expect(grade["plannedReps"] as? Int == 6)
            #expect(grade["missing"] as? Int == 0)
            #expect((grade["onTarget"] as? Int ?? 0) + (grade["fast"] as? Int ?? 0) + (grade["slow"] as? Int ?? 0) == 6)

            let tue = try planned(1)
            #expect(tue.map { $0["ref"] as? String } == ["2026-12-08", "2026-12-08/2"])
            #expect(tue.map { $0["status"] as? String } == ["done", "done"])
            #expect(tue[0]["doneBy"] as? String == hash[1], "Wednesday's run is Tuesday's easy run a day late")
            #expect(tue[1]["doneBy"] as? String == strength.id.uuidString.lowercased())
            #expect(try planned(2).map { $0["status"] as? String } == ["rest"])
            // Thursday's hills, nothing run by Saturday: moved to Saturday, whose easy run gives way (M43).
            #expect(try planned(3).map { $0["status"] as? String } == ["rest"])
            let saturdayRuns = [hash[2], hash[3]].sorted()
            let hills = try #require(try planned(5).first)
            #expect(try planned(5).count == 1)
            #expect(hills["rule"] as? String == "M14")
            #expect(hills["ref"] as? String == "2026-12-10")
            #expect(hills["movedFrom"] as? String == "2026-12-10")
            #expect(hills["status"] as? String == "planned", "a day late may still count on Sunday")
            let sun = try planned(6)
            #expect(sun.map { $0["status"] as? String } == ["partly-done", "planned"])
            #expect((sun[0]["grade"] as? [String: Any])?["plannedMinutes"] as? Int == 52)

            let days = try #require(week["days"] as? [[String: Any]])
            let saturday = try #require(days[5]["activities"] as? [[String: Any]])
            #expect(Set(saturday.filter { $0["extra"] as? Bool == true }.compactMap { $0["id"] as? String }) == Set(saturdayRuns),
                    "two steady runs are no hill session")
            #expect((days[2]["activities"] as? [[String: Any]])?.first?["fulfils"] as? String == "2026-12-08")
            #expect((week["notes"] as? [String])?.contains { $0.hasPrefix("Moved: ") && $0.contains("2026-12-12") } == true)

            // The runner says the evening run was the hill session: the link wins over matching (a
            // steady run is no hill session), so the hills were not missed and stay on Thursday, and
            // Saturday's easy run, no longer giving way, takes the morning run.
            let link = try #require(try SpeedworkCommand.parseAsRoot(
                ["plan", "link", String(saturdayRuns[1].prefix(10)), "2026-12-10", "--database", database]) as? PlanLinkCommand)
            #expect(try await link.link(environment: [:]).hasPrefix("Linked \(saturdayRuns[1].prefix(8)) to "))
            let relinked = try await Self.report("week", "2026-12-13", database: database)
            let thursday = try #require(try Self.plannedWithStatus(relinked, day: 3).first as? [String: Any])
            #expect(thursday["rule"] as? String == "M14")
            #expect(thursday["doneBy"] as? String == saturdayRuns[1])
            #expect(thursday["linked"] as? Bool == true)
            let saturdaySession = try #require(try Self.plannedWithStatus(relinked, day: 5).first as? [String: Any])
            #expect(saturdaySession["rule"] as? String == "M20")
            #expect(saturdaySession["doneBy"] as? String == saturdayRuns[0])
            #expect(saturdaySession["linked"] as? Bool == false)
            #expect((relinked["adjustments"] as? [[String: Any]])?.isEmpty == true)
            let relinkedDays = try #require(relinked["days"] as? [[String: Any]])
            #expect((relinkedDays[5]["activities"] as? [[String: Any]])?.filter { $0["extra"] as? Bool == true }.isEmpty == true)
        }
    }

    @Test(arguments: [
        (["plan", "link", "abc", "2026-12-12"], "too short"),
        (["plan", "link", "ffffffffff", "2026-12-12"], "no activity or logged session"),
        (["plan", "link", "ffffffffff", "2026-12-09"], "no session on 2026-12-09"),
        (["plan", "link", "ffffffffff", "2026-12-08/3"], "2 sessions on 2026-12-08, not 3"),
    ])
    func badLinksAreOneLineErrors(arguments: [String], message: String) async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let link = try #require(try SpeedworkCommand.parseAsRoot(arguments + ["--database", database]) as? PlanLinkCommand)
            let error = await #expect(throws: InputError.self) { _ = try await link.link(environment: [:]) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }

    @Test func linkingWithoutAPlanSaysHowToSaveOne() async throws {
        try await Self.withLog { database in
            let link = try #require(try SpeedworkCommand.parseAsRoot(["plan", "link", "ffffffffff", "2026-12-12", "--database", database])
                                    as? PlanLinkCommand)
            let error = await #expect(throws: InputError.self) { _ = try await link.link(environment: [:]) }
            #expect(error?.description.contains("--save") == true)
        }
    }

    @Test func planHistoryListsTheSavedPlansWithTheActiveOneMarked() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            var later = Self.planArguments
            later[later.firstIndex(of: "2027-03-06")!] = "2027-04-03"
            try await Self.savePlan(later, database: database)
            let command = try #require(try SpeedworkCommand.parseAsRoot(["plan", "history", "--json", "--database", database]) as? PlanHistoryCommand)
            let plans = try #require(try Self.json(try await command.render(environment: [:]))["plans"] as? [[String: Any]])
            #expect(plans.map { $0["raceDate"] as? String } == ["2027-03-06", "2027-04-03"])
            #expect(plans.map { $0["active"] as? Bool } == [false, true])
            let text = try #require(try SpeedworkCommand.parseAsRoot(["plan", "history", "--database", database]) as? PlanHistoryCommand)
            let lines = try await text.render(environment: [:]).split(separator: "\n")
            #expect(lines.count == 2 && lines[1].hasPrefix("* ") && lines[0].hasPrefix("  "))
        }
    }

    // MARK: missed sessions (M43)

    @Test func aMissedKeySessionMovesToSaturdayWhoseEasyRunGivesWayAndTheRunnerSeesWhy() async throws {
        try await Self.withLog { database in
            let plan = try Self.json(try await Self.savePlan(database: database))
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            // Monday's 6 × 200m not run; Tuesday's easy run and strength logged by hand, Thursday's hills too.
            let tuesday = try LoggedSession(day: Self.day("2026-12-08"), session: "M20", rpe: 2)
            let gym = try LoggedSession(day: Self.day("2026-12-08"), session: "M32",
                                        strengthSets: [try StrengthSet(exercise: "goblet squat", reps: 10, formWasGood: true)])
            let hills = try LoggedSession(day: Self.day("2026-12-10"), session: "M14", rpe: 7)
            _ = try await log.add([tuesday, gym, hills], for: runner)
            await log.close()

            // On Tuesday a day-late run could still fulfil Monday: nothing has moved.
            let early = try await Self.report("week", "2026-12-08", database: database)
            #expect((early["adjustments"] as? [[String: Any]])?.isEmpty == true)
            #expect(try Self.plannedWithStatus(early, day: 0).first?["rule"] as? String == "M11")

            // From Wednesday the miss is known. Wednesday and Friday are not the runner's days,
            // Thursday holds the hills; Saturday holds only an easy run, and neither Friday nor
            // Sunday (long run, strength) is hard: the 200s take Saturday (the plan's own session).
            let week = try await Self.report("week", "2026-12-09", database: database)
            let saturday = try Self.plannedWithStatus(week, day: 5)
            #expect(saturday.count == 1, "never stacked: the easy run gave way")
            let moved = try #require(saturday.first)
            let original = try #require(try Self.planned(in: plan, on: "2026-12-07").first)
            #expect(moved["rule"] as? String == "M11")
            #expect(moved["date"] as? String == "2026-12-12")
            #expect(moved["ref"] as? String == "2026-12-07")
            #expect(moved["movedFrom"] as? String == "2026-12-07")
            #expect(moved["steps"] as? NSArray == original["steps"] as? NSArray)
            #expect(try Self.plannedWithStatus(week, day: 0).map { $0["status"] as? String } == ["rest"])
            let adjustments = try #require(week["adjustments"] as? [[String: Any]])
            #expect(adjustments.map { $0["change"] as? String } == ["gave-way", "moved"])
            #expect(adjustments.last?["to"] as? String == "2026-12-12")
            #expect(adjustments.last?["decidedOn"] as? String == "2026-12-09")
            let notes = try #require(week["notes"] as? [String])
            #expect(notes.contains { $0.hasPrefix("Moved: 6 × 200m") && $0.contains("2026-12-12") && $0.contains("M43") })
            #expect(!notes.contains { $0.hasPrefix("Missed: ") })
            let text = try await Self.text("week", "2026-12-09", database: database)
            #expect(text.contains("(moved from 2026-12-07)"))
            #expect(text.contains("Note: Moved: 6 × 200m"))

            // Nothing on Saturday either: on Monday it is missed again and dropped, never moved twice.
            let after = try await Self.report("week", "2026-12-14", database: database)
            let dropped = try #require(after["adjustments"] as? [[String: Any]])
            #expect(dropped.isEmpty, "week 2 shows only its own days")
            let log2 = try await Self.open(database)
            let standing = try #require(try await PlanAsItStands.load(from: Self.day("2026-12-14"), log: log2, for: runner))
            await log2.close()
            #expect(standing.adjustments.map(\.change) == [.gaveWay, .moved, .dropped])
            #expect(standing.outcome.missed.contains(PlanMatching.SessionRef(day: Self.day("2026-12-07"))))
            #expect(standing.sessions(from: Self.day("2026-12-14")).allSatisfy { $0.session.day >= Self.day("2026-12-14") })
            #expect(standing.sessions(from: Self.day("2026-12-14")).first?.session.day == Self.day("2026-12-14"))
        }
    }

    // MARK: a run of slow sessions eases the targets

    /// Reps of `seconds` at `speed`, with `recovery` s jogs between, inside a 15 min warm-up and 10 min cool-down.
    static func reps(_ count: Int, seconds: Int, speed: Double, recovery: Int) -> [(seconds: Int, speed: Double)] {
        var parts: [(seconds: Int, speed: Double)] = [(900, 2.8)]
        for rep in 0..<count {
            parts.append((seconds, speed))
            if rep < count - 1 { parts.append((recovery, 2.0)) }
        }
        parts.append((600, 2.8))
        return parts
    }

    @Test func threeKeySessionsWellBelowTargetEaseTheTargetsWithTheReasonInTheNote() async throws {
        try await Self.withLog { database in
            let plan = try Self.json(try await Self.savePlan(database: database))
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            _ = try await log.add([try LoggedResult(day: Self.day("2026-12-01"), kind: .timeTrial, distance: .mile, time: .seconds(400))], for: runner)
            // The week-1 200s in 42 s (target 38.7–39.5: 6.3 % slow), the week-2 miles in 7:40 (target
            // 7:10–7:20: 4.5 % slow), the week-4 threshold at 5:05/km (target 4:45–4:51/km: 4.8 % slow).
            let runs = [
                Self.run(on: "2026-12-07", parts: Self.reps(6, seconds: 42, speed: 200.0 / 42, recovery: 120), seed: 31),
                Self.run(on: "2026-12-15", parts: Self.reps(3, seconds: 460, speed: 1609.344 / 460, recovery: 240), seed: 32),
                Self.run(on: "2026-12-29", parts: Self.reps(3, seconds: 600, speed: 1000.0 / 305, recovery: 120), seed: 33),
            ]
            let packed = try runs.enumerated().map { try ActivityRecord.pack($0.element, file: "slow\($0.offset).fit") }
            _ = try await log.save(ImportBatch(activities: packed), for: runner)
            await log.close()

            // After two slow sessions nothing eases (one bad session means little, M3).
            let before = try await Self.report("today", "2026-12-28", database: database)
            #expect((before["fitness"] as? [String: Any])?["lowered"] is NSNull)
            #expect(try Self.plannedToday(before) == (try Self.planned(in: plan, on: "2026-12-28")))

            let after = try await Self.report("week", "2026-12-30", database: database)
            let fitness = try #require(after["fitness"] as? [String: Any])
            let reopened = try await Self.open(database)
            let standing = try #require(try await PlanAsItStands.load(from: Self.day("2026-12-30"), log: reopened, for: runner))
            await reopened.close()
            let lowered = try #require(fitness["lowered"] as? [String: Any], "graded: \(standing.graded)")
            #expect(lowered["sessions"] as? [String] == ["2026-12-07", "2026-12-15", "2026-12-29"])
            // The mean of the three shortfalls above: (6.3 + 4.5 + 4.8) / 3 ≈ 5.2 %, give or take the jitter.
            let percent = try #require(lowered["percent"] as? Double)
            #expect((4.6...5.8).contains(percent), "\(percent)")
            #expect(try #require(fitness["vdot"] as? Double) < 43.0)
            let notes = try #require(after["notes"] as? [String])
            #expect(notes.contains { $0.hasPrefix("Targets eased: your last 3 key sessions") && $0.contains("M43") })
            // Thursday's easy run ahead is slower than the plan's, in the same shape.
            let thursday = try #require(try Self.plannedWithStatus(after, day: 3).first)
            let original = try #require(try Self.planned(in: plan, on: "2026-12-31").first)
            let eased = try #require(try Self.firstTarget(thursday, intensity: "active")["secondsPerKm"] as? [String: Double])
            let planned = try #require(try Self.firstTarget(original, intensity: "active")["secondsPerKm"] as? [String: Double])
            #expect(try #require(eased["fast"]) > (try #require(planned["fast"])))
            #expect((thursday["steps"] as? NSArray)?.count == (original["steps"] as? NSArray)?.count)
            // Monday of the week, before the third slow session, keeps the plan's targets.
            let monday = try #require(try Self.plannedWithStatus(after, day: 0).first)
            #expect(try Self.firstTarget(monday, intensity: "active")["secondsPerKm"] as? [String: Double] == planned)
        }
    }

    // MARK: pauses

    @Test func aPauseLeavesItsDaysEmptyAndItsWeekAfterEasier() async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let pause = try #require(try SpeedworkCommand.parseAsRoot(["plan", "pause", "--from", "2026-12-14", "--to", "2026-12-20",
                                                                       "--date", "2026-12-13", "--database", database]) as? PlanPauseCommand)
            let said = try await pause.pause(environment: [:])
            #expect(said.hasPrefix("Paused 'mile=6:00 on 2027-03-06' from 2026-12-14 to 2026-12-20 (7 days, 7 sessions left out)"), "\(said)")
            #expect(said.contains("7 easier days follow from 2026-12-21"))
            let paused = try await Self.report("week", "2026-12-14", database: database)
            let days = try #require(paused["days"] as? [[String: Any]])
            #expect(days.allSatisfy { (($0["planned"] as? [[String: Any]]) ?? []).map { $0["status"] as? String } == ["rest"] })
            #expect((paused["pauses"] as? [[String: Any]])?.first?["reEntry"] as? String == "easier-week")
            #expect((paused["notes"] as? [String])?.contains { $0.hasPrefix("Paused from 2026-12-14 to 2026-12-20: 7 sessions") } == true)
            // Week 3 is the re-entry: its time trial and hills become easy runs of the same minutes.
            let back = try await Self.report("week", "2026-12-21", database: database)
            let tuesday = try #require(try Self.plannedWithStatus(back, day: 1).first)
            #expect(tuesday["rule"] as? String == "M20")
            #expect(tuesday["hard"] as? Bool == false)
            #expect(tuesday["minutes"] as? Int == 46, "the mile time trial's 46 min")
            #expect(try Self.plannedWithStatus(back, day: 5).first?["hard"] as? Bool == false)
            let changes = (back["adjustments"] as? [[String: Any]])?.map { $0["change"] as? String }
            #expect(changes == ["re-entry", "re-entry"])
            // The verdict counts the pause: checked on its first day, the days ahead exclude it.
            let verdict = try #require(paused["verdict"] as? [String: Any])
            #expect(verdict["weeks"] as? Double == 10.7, "from 2026-12-14 to 2027-03-06 is 82 days, 7 of them paused: 75 days, 10.7 weeks")
        }
    }

    @Test(arguments: [
        (["--from", "2026-12-01", "--to", "2026-12-08"], "starts before your plan, which starts on 2026-12-07"),
        (["--from", "2027-03-01", "--to", "2027-03-06"], "reaches race day 2027-03-06"),
        (["--from", "2026-12-16", "--to", "2026-12-18"], "overlaps your pause 2026-12-14 to 2026-12-20"),
        (["--from", "2026-12-10", "--to", "2026-12-14"], "overlaps your pause 2026-12-14 to 2026-12-20"),
    ])
    func badPausesAreOneLineErrors(arguments: [String], message: String) async throws {
        try await Self.withLog { database in
            try await Self.savePlan(database: database)
            let first = try #require(try SpeedworkCommand.parseAsRoot(["plan", "pause", "--from", "2026-12-14", "--to", "2026-12-20",
                                                                       "--database", database]) as? PlanPauseCommand)
            _ = try await first.pause(environment: [:])
            let command = try #require(try SpeedworkCommand.parseAsRoot(["plan", "pause"] + arguments + ["--database", database]) as? PlanPauseCommand)
            let error = await #expect(throws: InputError.self) { _ = try await command.pause(environment: [:]) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }

    @Test func aPauseEndingBeforeItStartsIsAUsageErrorAndWithoutAPlanSaysHowToSaveOne() async throws {
        #expect(throws: (any Error).self) { try SpeedworkCommand.parseAsRoot(["plan", "pause", "--from", "2026-12-20", "--to", "2026-12-14"]) }
        try await Self.withLog { database in
            let command = try #require(try SpeedworkCommand.parseAsRoot(["plan", "pause", "--from", "2026-12-14", "--to", "2026-12-20",
                                                                         "--database", database]) as? PlanPauseCommand)
            let error = await #expect(throws: InputError.self) { _ = try await command.pause(environment: [:]) }
            #expect(error?.description.contains("--save") == true)
        }
    }

    // MARK: bad input

    @Test(.enabled(if: CommandLineRunTests.enabled), arguments: [
        (["today", "--date", "2026-02-30"], "2026-02-30"),
        (["week", "--date", "tomorrow"], "tomorrow"),
        (["plan", "link", "abcdef", "2026-12-08/0"], "2026-12-08/0"),
    ])
    func badDatesAndSessionsAreOneLineUsageErrors(arguments: [String], value: String) async throws {
        try await Self.withLog { database in
            let failure = try CommandLineRunTests.failure(arguments + ["--database", database])
            #expect(failure.status == 64)
            #expect(failure.message.contains(value), "\(failure.message)")
        }
    }

    @Test func aDamagedStoredRequestIsAOneLineError() async throws {
        try await Self.withLog { database in
            let log = try await Self.open(database)
            let runner = try await log.defaultAthlete().id
            let plan = try SavedPlan(name: "damaged", json: "{}", request: #"{"goal":"mile=6:00"}"#)
            _ = try await log.save([plan], for: runner)
            try await log.activate(plan: plan.id, for: runner, since: Date())
            let bare = try SavedPlan(name: "without request", json: "{}")
            await log.close()
            let error = await #expect(throws: InputError.self) { _ = try await Self.report("today", "2026-12-08", database: database) }
            #expect(error?.description.contains("damaged") == true && error?.description.contains("--save") == true)

            let reopened = try await Self.open(database)
            _ = try await reopened.save([bare], for: runner)
            try await reopened.activate(plan: bare.id, for: runner, since: Date())
            await reopened.close()
            let missing = await #expect(throws: InputError.self) { _ = try await Self.report("week", "2026-12-08", database: database) }
            #expect(missing?.description.contains("without its request") == true)
        }
    }
}
