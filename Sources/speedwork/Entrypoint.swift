import SpeedworkCLI

/// The `speedwork` executable: hands the command line to the command tree.
@main
struct Entrypoint {
    static func main() async {
        await SpeedworkCommand.main()
    }
}
