import Foundation
import SpeedworkCLI

/// The `speedwork` executable: hands the command line to the command tree and exits with the
/// status it returns.
@main
struct Entrypoint {
    static func main() async {
        exit(await CommandLineRun.execute(Array(CommandLine.arguments.dropFirst())))
    }
}
