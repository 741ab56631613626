import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork plan history`: the plans saved in the log, oldest first, the active one marked (issue 10).
struct PlanHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the plans saved with plan --save, oldest first; the active one is marked.",
        discussion: "Example: speedwork plan history --json")

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    /// One saved plan.
    struct Entry: Encodable {
        let id: String
        let name: String
        let savedAt: String
        let active: Bool
        let goal: String?
        let raceDate: String?
        let start: String?
    }

    /// The `plan history --json` contract.
    struct Report: Encodable {
        let plans: [Entry]
    }

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The listing as it is printed.
    func render(environment: [String: String]) async throws -> String {
        let (saved, active) = try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            return (try await log.plans(for: runner.id), try await log.activePlan(for: runner.id))
        }
        let report = Report(plans: saved.map { plan in
            let request = plan.request.flatMap { try? SavedPlanRequest(json: $0) }
            return Entry(id: plan.id.uuidString.lowercased(), name: plan.name, savedAt: UTCTimestamp.text(plan.createdAt),
                         active: plan.id == active?.id, goal: request?.goal, raceDate: request?.raceDate, start: request?.start)
        })
        if output.json { return try JSONOutput.render(report) }
        guard !report.plans.isEmpty else { return "No plan saved yet: speedwork plan … --save keeps one as your active plan." }
        return report.plans.map { plan in
            let span = plan.start.map { " · \($0) to \(plan.raceDate ?? "?")" } ?? ""
            return "\(plan.active ? "* " : "  ")\(plan.savedAt.prefix(10))  \(plan.name)\(span)  (\(plan.id.prefix(8)))"
        }.joined(separator: "\n")
    }
}
