import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore
import SpeedworkTestSupport
import Testing
@testable import SpeedworkCLI

/// `speedwork plan export` (issue 10): the active plan as it now stands from a day on, its calendar
/// events keeping their ids across regenerations (read back with ``CalendarReading``), its FIT
/// workouts carrying the targets `paces` gives for the newest result.
@Suite(.serialized)
struct ActivePlanExportTests {
    /// 2026-12-08 09:00:00 UTC and 2026-12-15 09:00:00 UTC (days since 1970 × 86 400 + 9 h).
    static let firstMoment = Date(timeIntervalSince1970: 20_795 * 86_400 + 9 * 3600)
    static let secondMoment = Date(timeIntervalSince1970: 20_802 * 86_400 + 9 * 3600)
    static let runKinds: Set<String> = ["speed", "hills", "time-trial", "race", "easy", "long"]

    static func export(_ arguments: [String], database: String, at moment: Date) async throws -> String {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["plan", "export"] + arguments + ["--database", database]) as? PlanExportCommand)
        return try await command.export(environment: [:], at: moment)
    }

    /// Every session of `plan --json` from `date` on, as (date, rule, kind); the JSON's rest days
    /// (listed so that every day of the plan is there) are not sessions.
    static func sessions(in plan: [String: Any], from date: String) throws -> [(date: String, rule: String, kind: String)] {
        let weeks = try #require(plan["weeks"] as? [[String: Any]])
        return weeks.flatMap { ($0["sessions"] as? [[String: Any]]) ?? [] }.compactMap { session in
            guard let day = session["date"] as? String, day >= date, session["kind"] as? String != "rest" else { return nil }
            return (day, session["rule"] as? String ?? "", session["kind"] as? String ?? "")
        }
    }

    @Test func regeneratedCalendarsKeepEventIdsAndANewTimeTrialRaisesTheirSequence() async throws {
        try await ActivePlanTests.withLog { database in
            let plan = try ActivePlanTests.json(try await ActivePlanTests.savePlan(database: database))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-active-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let first = folder.appendingPathComponent("first.ics").path
            let second = folder.appendingPathComponent("second.ics").path
            let workouts = folder.appendingPathComponent("fit").path

            let said = try await Self.export(["--ics", first, "--fit-dir", workouts, "--date", "2026-12-08"], database: database, at: Self.firstMoment)
            let log = try await ActivePlanTests.open(database)
            let runner = try await log.defaultAthlete().id
            let planID = try #require(try await log.activePlan(for: runner)).id.uuidString.lowercased()
            // A mile time trial 20 s faster than the plan's 6:40, on Thursday of week 1.
            let trial = try LoggedResult(day: ActivePlanTests.day("2026-12-10"), kind: .timeTrial, distance: .mile, time: .seconds(380))
            _ = try await log.add([trial], for: runner)
            await log.close()
            let saidAfter = try await Self.export(["--ics", second, "--fit-dir", workouts, "--date", "2026-12-15"], database: database,
                                                  at: Self.secondMoment)

            let before = try CalendarReading(String(contentsOfFile: first, encoding: .utf8))
            let after = try CalendarReading(String(contentsOfFile: second, encoding: .utf8))
            let planned = try Self.sessions(in: plan, from: "2026-12-08")
            let plannedAfter = try Self.sessions(in: plan, from: "2026-12-15")
            #expect(said.contains("Wrote \(planned.count) sessions from 2026-12-08"))
            #expect(saidAfter.contains("Wrote \(plannedAfter.count) sessions from 2026-12-15"))
            #expect(saidAfter.contains("targets from your log"))

            // One event per session from the day on, each with its own id.
            #expect(before.events.count == planned.count)
            #expect(after.events.count == plannedAfter.count)
            #expect(Set(before.events.compactMap { $0["UID"] }).count == before.events.count)
            #expect(before.events.map { $0["DTSTART"] ?? "" } == planned.map { $0.date.replacingOccurrences(of: "-", with: "") })

            // The id is the saved plan's and the session's place in it: week 2 starts on Monday
            // 2026-12-14, so Tuesday's mile reps are day 1 of week 2; Tuesday of week 1 has an easy
            // run and strength, positions 1 and 2.
            let mileReps = try #require(after.events.first { $0["DTSTART"] == "20261215" })
            #expect(mileReps["UID"] == "\(planID)-w2-d1-s1@speedwork")
            #expect(before.events.filter { $0["DTSTART"] == "20261208" }.map { $0["UID"] ?? "" }
                    == ["\(planID)-w1-d1-s1@speedwork", "\(planID)-w1-d1-s2@speedwork"])

            // Every event of the second export is the first's with the same id: same day, same
            // session, its targets moved and its SEQUENCE raised; what is past is gone.
            let earlier = before.byUID
            for event in after.events {
                let uid = try #require(event["UID"])
                let old = try #require(earlier[uid], "\(uid) was not in the first export")
                #expect(event["DTSTART"] == old["DTSTART"])
                #expect(event["SUMMARY"] == old["SUMMARY"])
                #expect(old["SEQUENCE"] == "0")
                #expect(event["SEQUENCE"] == "1")
            }
            #expect(Set(after.events.compactMap { $0["UID"] })
                    == Set(before.events.filter { ($0["DTSTART"] ?? "") >= "20261215" }.compactMap { $0["UID"] }))
            #expect(before.events.allSatisfy { $0["DTSTAMP"] == "20261208T090000Z" })
            #expect(after.events.allSatisfy { $0["DTSTAMP"] == "20261215T090000Z" })
            let oldMileReps = try #require(earlier["\(planID)-w2-d1-s1@speedwork"])
            #expect(CalendarReading.text(try #require(mileReps["DESCRIPTION"])) != CalendarReading.text(try #require(oldMileReps["DESCRIPTION"])))

            // The watch's workouts are the runs from the day on, at the targets `paces` gives for the trial.
            let runs = plannedAfter.filter { Self.runKinds.contains($0.kind) }
            let names = try FileManager.default.contentsOfDirectory(atPath: workouts).filter { $0.hasSuffix(".fit") }
            #expect(Set(names) == Set(runs.map { "\($0.date)-\($0.rule).fit" }))
            #expect(saidAfter.contains("Wrote \(runs.count) FIT workouts"))
            let command = try #require(try SpeedworkCommand.parseAsRoot(
                ["paces", "--from", "mile=6:20@2026-12-10", "--goal", "mile=6:00", "--as-of", "2026-12-15", "--json"]) as? PacesCommand)
            let paces = try ActivePlanTests.json(try command.render())
            let m17 = try #require((paces["sessions"] as? [[String: Any]])?.first { $0["rule"] as? String == "M17" })
            let band = try #require((m17["pace"] as? [String: Any])?["secondsPerKm"] as? [String: Any])
            let slow = try #require(band["slow"] as? Double), fast = try #require(band["fast"] as? Double)
            let speeds = try Self.speedTargets(of: workouts + "/2026-12-15-M17.fit")
            #expect(!speeds.isEmpty)
            for (low, high) in speeds {
                // FIT keeps speeds in mm/s; the JSON's paces are rounded to 0.1 s per km.
                #expect(abs(Double(low) - 1_000_000 / slow) <= 3)
                #expect(abs(Double(high) - 1_000_000 / fast) <= 3)
            }
        }
    }

    /// The (low, high) custom speed targets, in mm/s, of a FIT workout's active steps (workout_step,
    /// global message 27: field 3 target_type 0 = speed, fields 5 and 6 the custom range, field 7
    /// intensity 0 = active; FIT Profile).
    static func speedTargets(of path: String) throws -> [(UInt64, UInt64)] {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        var targets: [(UInt64, UInt64)] = []
        _ = try FITDecoder().decode(bytes) { message in
            guard message.globalMessageNumber == 27, message.unsigned(3) == 0, message.unsigned(7) == 0,
                  let low = message.unsigned(5), let high = message.unsigned(6), low > 0 else { return }
            targets.append((low, high))
        }
        return targets
    }

    @Test func theSameLogGivesTheSameEventsAndTheDaysBeforeThePlanStartAtItsFirstDay() async throws {
        try await ActivePlanTests.withLog { database in
            let plan = try ActivePlanTests.json(try await ActivePlanTests.savePlan(database: database))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-active-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("plan.ics").path
            _ = try await Self.export(["--ics", path, "--date", "2026-11-30"], database: database, at: Self.firstMoment)
            let once = try CalendarReading(String(contentsOfFile: path, encoding: .utf8))
            _ = try await Self.export(["--ics", path, "--date", "2026-11-30"], database: database, at: Self.secondMoment)
            let again = try CalendarReading(String(contentsOfFile: path, encoding: .utf8))
            #expect(once.events.count == (try Self.sessions(in: plan, from: "2026-12-07")).count)
            #expect(once.events.map { $0["UID"] } == again.events.map { $0["UID"] })
            #expect(once.events.map { $0["DESCRIPTION"] } == again.events.map { $0["DESCRIPTION"] })
            #expect(again.events.allSatisfy { $0["SEQUENCE"] == "0" })
            #expect(once.calendar["METHOD"] == "PUBLISH")

            // After race day there is nothing left to write: an empty calendar, which removes the events.
            let said = try await Self.export(["--ics", path, "--date", "2027-03-07"], database: database, at: Self.secondMoment)
            #expect(said.hasPrefix("Wrote 0 sessions"))
            #expect(try CalendarReading(String(contentsOfFile: path, encoding: .utf8)).events.isEmpty)
        }
    }

    @Test func withoutAPlanOrAFileTheExportSaysWhatIsMissing() async throws {
        try await ActivePlanTests.withLog { database in
            await #expect(throws: InputError("no active plan to export: save one with speedwork plan … --save")) {
                _ = try await Self.export(["--ics", "/tmp/never-written-\(UUID().uuidString).ics"], database: database, at: Self.firstMoment)
            }
            #expect(throws: (any Error).self) { try SpeedworkCommand.parseAsRoot(["plan", "export", "--database", database]) }
            #expect(throws: (any Error).self) { try SpeedworkCommand.parseAsRoot(["plan", "export", "--ics", " "]) }
            #expect(throws: (any Error).self) { try SpeedworkCommand.parseAsRoot(["plan", "export", "--ics", "a.ics", "--date", "2026-13-01"]) }
        }
    }
}
