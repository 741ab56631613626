import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork today`: the active plan's session of the day at current fitness, what the log holds
/// for the day, and the coach's notes (issue 10; M2, M9, M43).
struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Today's planned session from your active plan, with targets from your current fitness (M43).",
        discussion: """
            Example: speedwork today --date 2026-12-08 --json
            Save a plan first with speedwork plan … --save. Targets follow the newest result in your log (M21).
            """)

    @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: today).", valueName: "date"), transform: { try Day(parsing: $0) })
    var date: Day?

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The report as it is printed.
    func render(environment: [String: String]) async throws -> String {
        try await PlanDayReport.render(store: store, environment: environment, date: date ?? Day(Date()), wholeWeek: false, json: output.json)
    }
}
