import ArgumentParser

/// `speedwork plan`: build a plan (the default), list the saved ones, link logged work to a planned
/// session (issue 10; M40–M44, M43, M51).
struct PlanGroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Build a periodized plan to a goal race (M40–M44); keep it as your active plan with --save.",
        discussion: """
            speedwork plan --from … --goal … is speedwork plan build --from … --goal …; see speedwork plan build --help.
            """,
        subcommands: [PlanCommand.self, PlanHistoryCommand.self, PlanLinkCommand.self, PlanExportCommand.self, PlanPauseCommand.self],
        defaultSubcommand: PlanCommand.self)
}
