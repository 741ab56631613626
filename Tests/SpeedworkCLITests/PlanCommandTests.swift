import Foundation
import Speedwork
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `plan`'s own options and the keys the plan JSON adds for weekly volume and goal pace.
@Suite("Plan command")
struct PlanCommandTests {
    static let base = ["plan", "--from", "5k=20:00", "--goal", "5k=19:30", "--race-date", "2027-03-07", "--start", "2026-12-07",
                       "--days", "mon,wed,fri,sun", "--base-weeks", "12", "--as-of", "2026-11-22"]

    static func plan(_ extra: [String]) throws -> PlanCommand {
        try #require(try SpeedworkCommand.parseAsRoot(base + extra) as? PlanCommand)
    }

    /// Times as a runner writes them: 4h = 240 min, 3h30 = 210, 240m and 240 = 240.
    @Test(arguments: [("4h", 240), ("3h30", 210), ("240m", 240), ("240", 240), ("1h", 60), ("20h", 1200), ("3h05", 185), ("3h30m", 210), ("2.5h", 150), ("3h59", 239)])
    func weeklyTimes(_ text: String, _ minutes: Int) throws {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00")], asOf: Day(parsing: "2026-11-22"))
        let volume = try WeeklyVolume(parsing: text, fitness: fitness)
        #expect(volume.startMinutes == minutes && volume.source == .given)
    }

    /// 40 km at a 20:00 5K runner's easy pace: Daniels' E pace at VDOT ≈ 50 is about 4:50–5:30
    /// a km, so 40 km is 3h13–3h40.
    @Test func weeklyDistance() throws {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00")], asOf: Day(parsing: "2026-11-22"))
        let volume = try WeeklyVolume(parsing: "40km", fitness: fitness)
        #expect((193...220).contains(volume.startMinutes), "\(volume.startMinutes)")
        #expect(volume.note.contains("40km"))
    }

    /// Bad amounts get one line naming the value and what is allowed.
    @Test(arguments: ["lots", "30h", "45m", "0km", "km", "4x", "10h99", "3h60", "1h-5", "-2h", "3h+5", "3h1.5"])
    func badWeeklyAmounts(_ text: String) throws {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: "5k=20:00")], asOf: Day(parsing: "2026-11-22"))
        do {
            _ = try WeeklyVolume(parsing: text, fitness: fitness)
            Issue.record("'\(text)' was accepted")
        } catch let error as InputError {
            #expect(error.description.contains("'\(text)'"), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    /// The JSON keys of the plan contract for volume, target goal and goal pace, consistent with
    /// the sessions they summarise.
    @Test func jsonContract() throws {
        let command = try Self.plan(["--weekly", "4h", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(command.render(command.build()).utf8)) as? [String: Any])
        #expect(object["targetGoal"] as? String == "5k=19:30")
        #expect((object["targetGoalReason"] as? String)?.isEmpty == false)
        let volume = try #require(object["volume"] as? [String: Any])
        #expect(volume["startWeeklyMinutes"] as? Int == 240 && volume["source"] as? String == "given")
        let weeks = try #require(object["weeks"] as? [[String: Any]])
        for week in weeks {
            let sessions = try #require(week["sessions"] as? [[String: Any]])
            let runs = sessions.filter { ["speed", "hills", "time-trial", "race", "easy", "long"].contains($0["kind"] as? String) }
            #expect(week["runningMinutes"] as? Int == runs.reduce(0) { $0 + ($1["minutes"] as? Int ?? 0) })
            let long = sessions.filter { $0["longRun"] as? Bool == true }
            #expect(week["longRunMinutes"] as? Int == long.reduce(0) { $0 + ($1["minutes"] as? Int ?? 0) })
            #expect(week["cutback"] is Bool)
            #expect(sessions.allSatisfy { $0["goalPace"] is Bool })
            if week["phase"] as? String == "race-specific" {
                #expect(sessions.contains { $0["goalPace"] as? Bool == true })
            }
        }
    }

    /// The text shows recoveries next to targets, weekly totals and the estimate's confidence.
    @Test func textShowsRecoveriesTotalsAndConfidence() throws {
        let command = try Self.plan(["--weekly", "4h"])
        let text = try command.render(command.build())
        #expect(text.contains("Targets     5k=19:30"))
        #expect(text.contains("Fitness     VDOT 49.8 from 5k=20:00; confidence medium"))
        #expect(text.contains("Volume      starts from 4h a week"))
        #expect(text.contains("· running 4h"))
        #expect(text.contains(", 2:00 jog"))
        #expect(text.contains("5:00 easy running"))
    }
}

/// A race date on or before the start says which side of the start it lies, in one line.
@Suite("Plan command: race date before the start")
struct PlanRaceDateTests {
    @Test(arguments: [("2026-12-01", "6 days before the start 2026-12-07"), ("2026-12-06", "1 day before the start 2026-12-07"),
                      ("2026-12-07", "the same day as the start 2026-12-07"), ("2026-12-10", "3 days after the start 2026-12-07")])
    func raceDateTooEarly(_ raceDate: String, _ words: String) throws {
        let arguments = ["plan", "--from", "5k=20:00", "--goal", "5k=19:30", "--race-date", raceDate, "--start", "2026-12-07",
                         "--days", "mon,wed,fri,sun", "--as-of", "2026-11-22"]
        let command = try #require(try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand)
        do {
            _ = try command.build()
            Issue.record("race on \(raceDate) was planned")
        } catch {
            let message = SpeedworkCommand.message(for: error)
            #expect(message.contains("race date \(raceDate) is \(words): a plan needs at least 7 days"), "\(message)")
            #expect(!message.contains("\n"))
        }
    }
}
