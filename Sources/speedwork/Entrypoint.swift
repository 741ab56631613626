import Foundation
import SpeedworkCLI
import SpeedworkServer

/// The `speedwork` executable: hands the command line to the command tree and exits with the
/// status it returns. For `serve`, the network threads become Swift's global executor first
/// (``EventLoopExecutor``), once for the whole process, which is why it is done here and not in the
/// command: tests run the command tree in their own process.
@main
struct Entrypoint {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "serve" { EventLoopExecutor.install() }
        exit(await CommandLineRun.execute(arguments))
    }
}
