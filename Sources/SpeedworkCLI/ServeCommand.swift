import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkServer
import SpeedworkStore

/// `speedwork serve`: the self-hosted web app on the training log (issue 11; docs/server.md). Only
/// builds the server's configuration and runs it (ARCHITECTURE.md, "The shape").
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Speedwork in the browser: a web app on your training log.",
        discussion: """
            Example: speedwork serve --port 8080, then open http://127.0.0.1:8080 and register.
            The first visitor registers; the first account opens the log the command line keeps.
            """)

    @Option(help: ArgumentHelp("The address to listen on (0.0.0.0 for every interface).", valueName: "address"))
    var host: String = ServerConfiguration.defaultHost

    @Option(help: ArgumentHelp("The TCP port, 1 to 65535 (0 for any free port).", valueName: "port"))
    var port: Int = ServerConfiguration.defaultPort

    @Option(help: ArgumentHelp("Where the app keeps files (default: the database's folder, else ~/.local/share/speedwork).",
                               valueName: "path"))
    var dataFolder: String?

    @Flag(help: "Mark cookies Secure (set this when the app is served over HTTPS).")
    var secureCookies = false

    @Option(help: ArgumentHelp("Import workers this process runs, 1 to 64 (default: half the cores, at least 1).", valueName: "count"))
    var importWorkers: Int = ServerConfiguration.defaultImportWorkers

    @Option(help: ArgumentHelp("Seconds an import worker's claim on a job holds unrenewed before another process takes the job over, 3 to 3600.",
                               valueName: "seconds"))
    var importLease: Double = ServerConfiguration.defaultImportLease

    @Option(help: ArgumentHelp("The largest upload accepted, in MiB, 1 to \(ServeCommand.largestUploadLimit) (default: 64); a larger one is refused with 413.",
                               valueName: "MiB"))
    var uploadLimit: Int = ServerConfiguration.defaultUploadLimitBytes >> 20

    @OptionGroup var store: DatabaseOptions

    /// The highest `--upload-limit`, in MiB: 4 GiB, far past any export a runner downloads.
    static let largestUploadLimit = 4096

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try serverConfiguration(environment: environment)
        try configuration.validate()
        let log = try await configuration.database.openServerStore()
        let location = log.location
        do {
            let app = try buildApplication(configuration, store: log) { address in
                try? StandardOutput.write(line: "Speedwork is serving your log at \(address) (database: \(location)); Ctrl-C stops it.")
            }
            try await app.runService()
        } catch let error as InputError {
            await log.close()
            throw error
        } catch {
            await log.close()
            throw CommandFailure(.unavailable, ServerAddress.listenFailure(error, host: host, port: port))
        }
        await log.close()
    }

    /// The server's configuration from the options and the environment.
    func serverConfiguration(environment: [String: String]) throws -> ServerConfiguration {
        let database = try DatabaseLocation.choose(option: store.database, environment: environment)
        let folder: String
        if let dataFolder {
            folder = dataFolder.hasPrefix("/") ? dataFolder
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dataFolder)
        } else if case .sqlite(let path) = database {
            folder = (path as NSString).deletingLastPathComponent
        } else {
            folder = ((try DatabaseLocation.defaultPath(environment: environment)) as NSString).deletingLastPathComponent
        }
        guard (1...Self.largestUploadLimit).contains(uploadLimit) else {
            throw InputError("upload limit \(uploadLimit) MiB is not allowed: use 1 to \(Self.largestUploadLimit)")
        }
        var configuration = ServerConfiguration(database: database, dataFolder: folder)
        configuration.uploadLimitBytes = uploadLimit << 20
        configuration.host = host
        configuration.port = port
        configuration.secureCookies = secureCookies
        configuration.importWorkers = importWorkers
        configuration.importLease = importLease
        configuration.planCalendar = ActivePlanCalendar()
        configuration.importer = LogFileImporter()
        return configuration
    }
}
