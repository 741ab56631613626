import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork week`: the active plan's week holding a day, every session at current fitness, what
/// the log holds for the days so far, and the coach's notes (issue 10; M2, M9, M43).
struct WeekCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "This week of your active plan, with targets from your current fitness and what you have run so far (M43).",
        discussion: """
            Example: speedwork week --date 2026-12-08 --json
            The week is the plan's week (seven days from the plan's start); without a plan, Monday to Sunday.
            """)

    @Option(help: ArgumentHelp("A day of the week, YYYY-MM-DD (default: today); what was done is shown up to it.", valueName: "date"),
            transform: { try Day(parsing: $0) })
    var date: Day?

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The report as it is printed.
    func render(environment: [String: String]) async throws -> String {
        try await PlanDayReport.render(store: store, environment: environment, date: date ?? Day(Date()), wholeWeek: true, json: output.json)
    }
}
