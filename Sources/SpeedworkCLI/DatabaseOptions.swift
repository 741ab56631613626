import ArgumentParser
import Foundation
import SpeedworkReports
import SpeedworkStore

/// `--database URL`: which training log a command reads and writes (issue 9; docs/store.md).
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The training log: sqlite:///path/log.sqlite or postgres://user:pass@host:port/db (default: $SPEEDWORK_DATABASE, else ~/.local/share/speedwork/log.sqlite).",
        valueName: "url"))
    var database: String?

    /// The log chosen by the option, the environment or the default, opened and migrated.
    func open(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any TrainingStore {
        try await DatabaseLocation.choose(option: database, environment: environment).open()
    }

    /// Opens the chosen log, runs `body` with it and closes it, whether `body` returns or throws.
    func withLog<Value>(environment: [String: String] = ProcessInfo.processInfo.environment,
                        _ body: (any TrainingStore) async throws -> Value) async throws -> Value {
        try await Self.withLog(at: DatabaseLocation.choose(option: database, environment: environment), body)
    }

    /// Opens the log at `location`, runs `body` with it and closes it, whether `body` returns or throws.
    static func withLog<Value>(at location: DatabaseLocation, _ body: (any TrainingStore) async throws -> Value) async throws -> Value {
        let log = try await location.open()
        do {
            let value = try await body(log)
            await log.close()
            return value
        } catch {
            await log.close()
            throw error
        }
    }
}
