import ArgumentParser
import Foundation
import Speedwork
import SpeedworkStore

/// `speedwork log`: the training log (M50) — what was logged, and `log add` to log more.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Your training log: results and sessions logged by hand (M50).",
        subcommands: [LogListCommand.self, LogAddCommand.self],
        defaultSubcommand: LogListCommand.self)
}

/// `speedwork log [list]`: results and hand-logged sessions, oldest first.
struct LogListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the results and sessions in the log.",
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
        let log = try await store.open(environment: environment)
        do {
            let runner = try await log.defaultAthlete()
            let report = LogReport(results: try await log.results(for: runner.id, since: since),
                                   sessions: try await log.sessions(for: runner.id, since: since))
            await log.close()
            return output.json ? try JSONOutput.render(report) : report.text
        } catch {
            await log.close()
            throw error
        }
    }
}
