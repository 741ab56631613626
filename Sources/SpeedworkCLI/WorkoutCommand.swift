import ArgumentParser
import Foundation
import Speedwork

/// `speedwork workout`: the method's session library (M5, M10–M21, M32).
struct WorkoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workout",
        abstract: "The method's sessions (M10–M21, strength M32, mobility M5) with your targets on every rep.",
        subcommands: [WorkoutListCommand.self, WorkoutShowCommand.self])
}

/// `speedwork workout list`: every session with its rule, title, kind and a line on what it is.
struct WorkoutListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sessions of the library.")

    @OptionGroup var output: OutputOptions

    func run() async throws {
        print(try render())
    }

    func render() throws -> String {
        if output.json {
            return try JSONOutput.render(WorkoutListReport(entries: SessionLibrary.entries))
        }
        var table = TextTable("Rule", "Session", "Kind", "What")
        for entry in SessionLibrary.entries {
            table.add(entry.rule, entry.title, entry.kind.rawValue, entry.summary)
        }
        return table.render()
    }
}

/// The `workout list --json` contract.
struct WorkoutListReport: Encodable {
    struct Session: Encodable {
        let rule: String
        let title: String
        let kind: String
        let hard: Bool
        let description: String
    }

    let sessions: [Session]

    init(entries: [SessionLibrary.Entry]) {
        sessions = entries.map { Session(rule: $0.rule, title: $0.title, kind: $0.kind.rawValue, hard: $0.kind.isHard, description: $0.summary) }
    }
}

/// `speedwork workout show M11 --from 400m=80 --week 3`: one session, instantiated for a runner.
struct WorkoutShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one session with warm-up, main set, recoveries, cool-down and your targets.",
        discussion: """
            Sessions grow over the block: week 1 has the method's starting values, week --block-weeks
            (default 8) its final values, linearly between; later weeks keep the final values.
            Example: speedwork workout show M11 --from 400m=80 --week 3
            """)

    @Argument(help: ArgumentHelp("The session's rule id: M5, M10–M21 or M32 (see 'speedwork workout list').", valueName: "rule"),
              transform: { try SessionLibrary.rule(parsing: $0) })
    var rule: String

    @OptionGroup var fitness: FitnessOptions

    @Option(help: ArgumentHelp("The goal race, DISTANCE=TIME: goal-pace sessions (M12, M13) aim at it.", valueName: "result"),
            transform: { try Performance(parsing: $0) })
    var goal: Performance?

    @Option(help: ArgumentHelp("The week of the block, 1 or more.", valueName: "week"),
            transform: { try parseWhole($0, named: "week", atLeast: 1, atMost: nil) })
    var week: Int = 1

    @Option(help: ArgumentHelp("Weeks from the starting to the final values of a session (1–52).", valueName: "weeks"),
            transform: { try parseWhole($0, named: "block length", atLeast: BlockProgression.allowedBlockWeeks.lowerBound,
                                        atMost: BlockProgression.allowedBlockWeeks.upperBound) })
    var blockWeeks: Int = BlockProgression.defaultBlockWeeks

    @Option(help: ArgumentHelp("The M32 routine: beginner, intermediate or advanced (default beginner, M33).", valueName: "level"),
            transform: { try StrengthRoutine.level(parsing: $0) })
    var strength: StrengthRoutine.Level?

    @Option(help: ArgumentHelp("The M21 time-trial distance: 400m or mile (default mile).", valueName: "distance"),
            transform: { try SessionLibrary.TimeTrialDistance(parsing: $0) })
    var trial: SessionLibrary.TimeTrialDistance?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if strength != nil && rule != "M32" {
            throw ValidationError("--strength applies only to M32, not \(rule)")
        }
        if trial != nil && rule != "M21" {
            throw ValidationError("--trial applies only to M21, not \(rule)")
        }
    }

    func run() async throws {
        print(try render())
    }

    func render() throws -> String {
        let estimate = try fitness.estimate()
        let library = SessionLibrary(targets: SessionTargets(fitness: estimate, goal: goal),
                                     progression: try BlockProgression(blockWeeks: blockWeeks),
                                     strengthLevel: strength ?? .beginner, timeTrial: trial ?? .mile)
        let workout = try library.workout(rule: rule, week: week)
        let session = SessionJSON(workout, minutes: workout.minutes(openPace: library.openPace))
        if output.json {
            return try JSONOutput.render(session)
        }
        let entry = SessionLibrary.entries.first { $0.rule == workout.rule }
        let kind = workout.kind.rawValue + (workout.isHard ? ", hard day" : "")
        var lines = ["\(workout.rule)  \(entry?.title ?? workout.title): \(workout.title)",
                     "\(kind) · about \(session.minutes) min · week \(min(week, blockWeeks)) of \(blockWeeks)\(week > blockWeeks ? " (block done: final values)" : "")",
                     "Fitness VDOT \(estimate.vdot.text(decimals: 1)) from " + estimate.results.map(\.performance.written).joined(separator: ", ")
                        + (goal.map { ", goal \($0.written)" } ?? ""),
                     ""]
        lines += WorkoutText.lines(workout)
        return lines.joined(separator: "\n")
    }
}

/// Parses a whole number at least `low` (and at most `high`), with a one-line error naming it.
func parseWhole(_ text: String, named name: String, atLeast low: Int, atMost high: Int?) throws -> Int {
    let allowed = high.map { "\(low)–\($0)" } ?? "\(low) or more"
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw InputError("\(name) '\(text)' is not a whole number: use \(allowed)")
    }
    guard value >= low, high.map({ value <= $0 }) ?? true else {
        throw InputError("\(name) \(value) is outside the allowed range: use \(allowed)")
    }
    return value
}
