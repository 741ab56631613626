import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

extension Season.Length: ExpressibleByArgument {}

/// `speedwork progress`: progress over time from the training log (M52).
struct ProgressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Your progress from the log: fitness over time, best efforts by season, the same session side by side (M52).",
        discussion: """
            Shows the fitness estimate at each race, time trial and hard effort; the best 400 m to 10K of each \
            season; every track session you ran more than once side by side (M7); cadence and step length \
            at comparable paces (M6); and per week the easy runs run too hard (M2). docs/progress.md defines each.
            Example: speedwork progress --since 2025-01-01 --season half --json
            """)

    @Option(help: ArgumentHelp("Only show what was run on or after this day (fitness still uses the year before it).", valueName: "YYYY-MM-DD"),
            transform: { try Day(parsing: $0) })
    var since: Day?

    @Option(help: ArgumentHelp("How best efforts and stride are grouped: year (calendar years) or half (January–June, July–December).",
                               valueName: "year|half"))
    var season: Season.Length = .standard

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The report as it is printed.
    func render(environment: [String: String]) async throws -> String {
        let report = try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            return ProgressReport(try await LogProgress.load(from: log, for: runner.id, seasonLength: season, since: since))
        }
        return output.json ? try JSONOutput.render(report) : report.text
    }
}
