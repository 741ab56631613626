import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork log`: the training log (M50) — what was logged, and `log add` to log more.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Your training log by weeks, and results and sessions logged by hand (M2, M50).",
        subcommands: [LogListCommand.self, LogAddCommand.self],
        defaultSubcommand: LogListCommand.self)
}

/// `speedwork log [list]`: the log by ISO weeks with their totals (M2, M50), oldest first.
struct LogListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The log by weeks: activities, sessions and results, hard and easy, running totals (M2, M50).",
        discussion: "Example: speedwork log --since 2026-01-01 --json")

    @Option(help: ArgumentHelp("Only entries on or after this day.", valueName: "YYYY-MM-DD"), transform: { try Day(parsing: $0) })
    var since: Day?

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The listing as it is printed.
    func render(environment: [String: String]) async throws -> String {
        let report = try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            // The whole history of results and activities: which runs were hard efforts, and the
            // fitness that grades hand sessions, depend on what came before `since`. Activities are
            // read as digests (ActivityDigest), not whole analyses.
            let results = try await log.results(for: runner.id, since: nil)
            let sessions = try await log.sessions(for: runner.id, since: since)
            let activities = try await log.activityDigests(for: runner.id, in: nil)
            let weeks = LogWeek.weeks(results: results, sessions: sessions, activities: activities, since: since)
            return LogReport(results: results.filter { result in since.map { result.day >= $0 } ?? true }, sessions: sessions, weeks: weeks)
        }
        return output.json ? try JSONOutput.render(report) : report.text
    }
}
