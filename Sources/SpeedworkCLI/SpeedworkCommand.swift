import ArgumentParser

/// The root of the command tree: `speedwork predict | paces | stride | workout | plan | inspect`.
public struct SpeedworkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "speedwork",
        abstract: "A speed-training coach for runners: fitness and paces from your results, a plan to your goal, your watch and calendar loaded, and feedback from what you ran.",
        discussion: """
            Results are written DISTANCE=TIME, optionally @YYYY-MM-DD: 400m=1:20, mile=6:30, 5k=20:00@2026-10-04.
            Every command that prints data takes --json.
            """,
        subcommands: [PredictCommand.self, PacesCommand.self, StrideCommand.self, WorkoutCommand.self, PlanCommand.self,
                      AnalyzeCommand.self, InspectCommand.self, LogCommand.self, ImportCommand.self]
    )

    public init() {}
}
