import ArgumentParser
import Foundation
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
}
