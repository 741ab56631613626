import ArgumentParser

/// The root of the command tree.
public struct SpeedworkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "speedwork")
    public init() {}
}
