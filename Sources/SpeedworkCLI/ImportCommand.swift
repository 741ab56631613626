import ArgumentParser
import Foundation
import SpeedworkReports
import SpeedworkStore

/// `speedwork import`: a runner's archive into the training log (issue 9; M50–M52).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import activity files, folders and bulk exports (.fit, .gpx, .tcx, .gz, .zip) into your training log.",
        discussion: """
            Folders are read with their subfolders (.fit, .gpx and .tcx files, optionally .gz); a file \
            named on the command line is read whatever its extension. Each activity is stored once, \
            however many files hold it; files imported before are recognised by path, size and time \
            and not read again, so an interrupted import resumes when run again. \
            Example: speedwork import ~/strava-export --json
            """)

    @Argument(help: ArgumentHelp("Activity files, folders or .zip exports.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var store: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or folder to import.") }
    }

    func run() async throws {
        let summary = try await render(environment: ProcessInfo.processInfo.environment,
                                       terminal: ImportProgress.standardErrorIsTerminal)
        try StandardOutput.write(line: summary)
    }

    /// The summary as printed; the paths are checked before the log is opened, so a mistyped one
    /// writes nothing.
    func render(environment: [String: String], terminal: Bool = false) async throws -> String {
        let inputs = try ImportInputs.collect(paths)
        let summary = try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            return try await ActivityImport(store: log, athlete: runner.id).run(inputs, terminal: terminal)
        }
        return output.json ? try JSONOutput.render(summary) : summary.text
    }
}
