import Foundation
import Speedwork
import SpeedworkReports
@testable import SpeedworkCLI

/// A runner as the `plan` command meets them: results, goal, weeks to the race, days, time
/// budget, base and current weekly running. Builds the `plan --json` arguments, runs the plan
/// and `predict` in-process, and says what the plan checker needs to know about the request.
struct RunnerProfile: Sendable, CustomStringConvertible {
    let name: String
    let results: [String]
    let goal: String
    /// Weeks from `start` to the race (the race falls in the last of them).
    let weeks: Int
    let days: String
    let maxSession: Int?
    var baseWeeks = 0
    /// `--weekly`, as the runner types it (`4h`, `40km`), or `nil` for the stated default.
    var weekly: String? = nil
    var strength: String? = nil
    /// The first day of the plan (a Monday unless a profile says otherwise).
    var start = "2026-12-07"
    /// How many days before the end of the last week the race falls (0: the last day).
    var raceEarlier = 0

    /// The fixed "today" every profile is estimated on, so the table is deterministic.
    static let asOf = "2026-11-22"

    var description: String { name }

    var raceDate: String {
        get throws { try Day(parsing: start).adding(days: 7 * weeks - 1 - raceEarlier).description }
    }

    var planArguments: [String] {
        get throws {
            var arguments = ["plan"] + results.flatMap { ["--from", $0] }
            arguments += ["--goal", goal, "--race-date", try raceDate, "--start", start, "--days", days, "--base-weeks", String(baseWeeks)]
            if let maxSession { arguments += ["--max-session", "\(maxSession)m"] }
            if let weekly { arguments += ["--weekly", weekly] }
            if let strength { arguments += ["--strength", strength] }
            return arguments + ["--as-of", Self.asOf, "--json"]
        }
    }

    /// `plan --json` run in-process, as the command prints it.
    func planJSON() throws -> Data {
        let arguments = try planArguments
        guard let command = try SpeedworkCommand.parseAsRoot(arguments) as? PlanCommand else {
            throw ProfileError("\(arguments.joined(separator: " ")) did not parse as the plan command")
        }
        return Data(try command.render(command.build()).utf8)
    }

    /// Today's race times for these distances (whole metres) from `predict --json`, run in-process
    /// on the profile's own results: a source other than the plan builder.
    func todayRaceTimes(for distances: Set<Int>) throws -> [Int: Double] {
        guard !distances.isEmpty else { return [:] }
        let list = distances.sorted().map { "\($0)m" }.joined(separator: ",")
        let arguments = ["predict"] + results.flatMap { ["--from", $0] } + ["--as-of", Self.asOf, "--to", list, "--json"]
        guard let command = try SpeedworkCommand.parseAsRoot(arguments) as? PredictCommand else {
            throw ProfileError("predict did not parse")
        }
        struct Report: Decodable {
            struct Prediction: Decodable {
                let meters: Double
                let seconds: Double
            }
            let predictions: [Prediction]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(try command.render().utf8))
        return Dictionary(report.predictions.map { (Int($0.meters.rounded()), $0.seconds) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the checker needs to know of the request.
    var checkerRequest: PlanChecker.Request {
        let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
        let weekdays = Set(days.split(separator: ",").compactMap { names[String($0)] })
        var weeklyMinutes: Int?
        if let weekly, weekly.hasSuffix("h"), let hours = Double(weekly.dropLast()) {
            weeklyMinutes = Int((hours * 60).rounded())
        }
        return PlanChecker.Request(days: weekdays, maxSessionMinutes: maxSession, weeklyMinutes: weeklyMinutes, weeklyGiven: weekly != nil)
    }

    /// The plan checked: its violations, or the one-line reason the plan was not built or read.
    func check() -> (plan: CheckedPlan?, violations: [String]) {
        let plan: CheckedPlan
        do {
            plan = try CheckedPlan.decode(try planJSON())
        } catch let error as CheckedPlan.ContractError {
            return (nil, ["[contract] plan JSON: \(error)"])
        } catch {
            return (nil, ["[refused] the plan was not built: \(SpeedworkCommand.message(for: error))"])
        }
        let today: [Int: Double]
        do {
            today = try todayRaceTimes(for: PlanChecker.repDistances(in: plan))
        } catch {
            return (plan, ["[predict] today's race times: \(SpeedworkCommand.message(for: error))"])
        }
        let checker = PlanChecker(request: checkerRequest, todaySeconds: { today[$0] })
        return (plan, checker.violations(in: plan).map(\.description))
    }
}

/// A profile that could not be run, in one line.
struct ProfileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
