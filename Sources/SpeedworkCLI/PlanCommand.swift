import ArgumentParser
import Foundation
import Speedwork

/// `speedwork plan`: a periodized plan to a goal race (M40–M44).
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Build a periodized plan to a goal race: base, speed, race-specific, taper (M40–M44).",
        discussion: """
            Example: speedwork plan --from mile=6:40 --goal mile=6:00 --race-date 2027-03-06 --start 2026-12-07 \\
                       --days mon,tue,thu,sat,sun --max-session 60m
            """)

    @OptionGroup var fitness: FitnessOptions

    @Option(help: ArgumentHelp("The goal race, DISTANCE=TIME.", valueName: "result"), transform: { try Performance(parsing: $0) })
    var goal: Performance

    @Option(help: ArgumentHelp("The race (or time trial) day, YYYY-MM-DD.", valueName: "date"), transform: { try Day(parsing: $0) })
    var raceDate: Day

    @Option(help: ArgumentHelp("The first day of the plan, YYYY-MM-DD (default: today).", valueName: "date"), transform: { try Day(parsing: $0) })
    var start: Day?

    @Option(help: ArgumentHelp("Days you can train, comma-separated (at least 3): mon,tue,thu,sat,sun.", valueName: "days"),
            transform: { try Weekday.parseList($0) })
    var days: Set<Weekday>

    @Option(help: ArgumentHelp("Longest session, warm-up and cool-down included: 60m, 1h, 75 (minutes).", valueName: "time"),
            transform: { text in
                let minutes = try Duration(parsing: text.lowercased().hasSuffix("m") || text.lowercased().hasSuffix("h") || text.contains(":") ? text : text + "m").minutes
                guard minutes == minutes.rounded(), (60...600).contains(minutes) else {
                    throw InputError("session budget '\(text)' must be whole minutes from 60 to 600 (the one-hour option, M10, is the shortest)")
                }
                return Int(minutes)
            })
    var maxSession: Int?

    @Option(help: "Strength routine level (M32): beginner, intermediate or advanced.")
    var strength: StrengthRoutine.Level = .beginner

    @Option(help: ArgumentHelp("Weeks of easy to moderate running you already have (M8: 12 are needed before speed work).", valueName: "weeks"),
            transform: { text in
                guard let weeks = Int(text), (0...520).contains(weeks) else { throw InputError("base weeks '\(text)' must be a whole number from 0 to 520") }
                return weeks
            })
    var baseWeeks: Int = 0

    @Flag(help: "Print the plan as Markdown.")
    var markdown = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        print(try render())
    }

    /// The plan built from the options.
    func build() throws -> Plan {
        let estimate = try fitness.estimate()
        let request = try PlanRequest(
            fitness: estimate, goal: goal, raceDay: raceDate, start: start ?? fitness.asOf ?? Day(Date()), days: days,
            maxSessionMinutes: maxSession, strength: strength, baseWeeks: baseWeeks)
        let library = SessionLibrary(targets: SessionTargets(fitness: estimate, goal: goal), strengthLevel: strength)
        return try PlanBuilder(sessions: library).build(request)
    }

    func render() throws -> String {
        let plan = try build()
        if output.json {
            return try JSONOutput.render(PlanReport(plan))
        }
        return markdown ? PlanText.markdown(plan) : PlanText.text(plan)
    }
}

extension StrengthRoutine.Level: ExpressibleByArgument {}
