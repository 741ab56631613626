import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports

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
        try StandardOutput.write(line: try render())
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

    @Argument(help: ArgumentHelp("The session's rule id: M5, M10–M21, M32 or M40-GP (see 'speedwork workout list').", valueName: "rule"),
              transform: { try SessionLibrary.rule(parsing: $0) })
    var rule: String

    @OptionGroup var fitness: FitnessOptions

    @Option(help: ArgumentHelp("The goal race, DISTANCE=TIME: goal-pace sessions (M12, M13, M40-GP) aim at it.", valueName: "result"),
            transform: { try Performance(parsing: $0) })
    var goal: Performance?

    @Option(help: ArgumentHelp("The week of the block, 1–520 (default 1), for sessions that grow over the block.", valueName: "week"),
            transform: { try parseWhole($0, named: "week", atLeast: acceptedWeeks.lowerBound, atMost: acceptedWeeks.upperBound) })
    var week: Int?

    @Option(help: ArgumentHelp("Weeks from the starting to the final values of a session (1–52, default 8).", valueName: "weeks"),
            transform: { try parseWhole($0, named: "block length", atLeast: BlockProgression.allowedBlockWeeks.lowerBound,
                                        atMost: BlockProgression.allowedBlockWeeks.upperBound) })
    var blockWeeks: Int?

    @Option(help: ArgumentHelp("The M32 routine: beginner, intermediate or advanced (default beginner, M33).", valueName: "level"),
            transform: { try StrengthRoutine.level(parsing: $0) })
    var strength: StrengthRoutine.Level?

    @Option(help: ArgumentHelp("The M21 time-trial distance: 400m or mile (default mile).", valueName: "distance"),
            transform: { try SessionLibrary.TimeTrialDistance(parsing: $0) })
    var trial: SessionLibrary.TimeTrialDistance?

    @OptionGroup var store: DatabaseOptions

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
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The session with targets from `--from` or, without it, the log's current fitness.
    func render(environment: [String: String]) async throws -> String {
        try render(try await fitness.current(store: store, environment: environment))
    }

    /// The session with targets from the `--from` results.
    func render() throws -> String {
        try render(CurrentFitness(estimate: try fitness.estimate(), source: .commandLine))
    }

    private func render(_ current: CurrentFitness) throws -> String {
        let estimate = current.estimate
        let blockWeeks = self.blockWeeks ?? BlockProgression.defaultBlockWeeks
        let week = self.week ?? 1
        let library = SessionLibrary(targets: SessionTargets(fitness: estimate, goal: goal),
                                     progression: try BlockProgression(blockWeeks: blockWeeks),
                                     strengthLevel: strength ?? .beginner, timeTrial: trial ?? .mile)
        let workout = try library.workout(rule: rule, week: week)
        try checkOptionsApply(library, estimate: estimate)
        var session = SessionJSON(workout, minutes: workout.minutes(openPace: library.openPace))
        session.fitnessSource = current.json
        if output.json {
            return try JSONOutput.render(session)
        }
        let entry = SessionLibrary.entries.first { $0.rule == workout.rule }
        let kind = workout.kind.rawValue + (workout.isHard ? ", hard day" : "")
        var lines = ["\(workout.rule)  \(entry?.title ?? workout.title): \(workout.title)",
                     "\(kind) · about \(session.minutes) min · week \(min(week, blockWeeks)) of \(blockWeeks)\(week > blockWeeks ? " (block done: final values)" : "")",
                     "Fitness VDOT \(estimate.vdot.text(decimals: 1)) from " + estimate.results.map(\.performance.written).joined(separator: ", ")
                        + (goal.map { ", goal \($0.written)" } ?? "")]
        lines += current.line.map { [$0] } ?? []
        lines.append("")
        lines += WorkoutText.lines(workout)
        return lines.joined(separator: "\n")
    }
}

extension WorkoutShowCommand {
    /// Refuses `--week`, `--block-weeks` and `--goal` for a session they do not change, judged by
    /// building the session both ways: the same session every week (M5, M19, M21, M32) takes no
    /// week, and only goal-pace sessions (M12, M13) take a goal.
    func checkOptionsApply(_ library: SessionLibrary, estimate: FitnessEstimate) throws {
        if week != nil || blockWeeks != nil {
            let final = try BlockProgression(blockWeeks: BlockProgression.allowedBlockWeeks.upperBound)
            let long = SessionLibrary(targets: library.targets, progression: final,
                                      strengthLevel: library.strengthLevel, timeTrial: library.timeTrial)
            if try long.workout(rule: rule, week: 1) == long.workout(rule: rule, week: final.blockWeeks) {
                let option = week != nil ? "--week" : "--block-weeks"
                throw CommandFailure(.usage, "\(option) does not apply to \(rule): the session is the same every week of the block")
            }
        }
        if goal != nil, rule != GoalPaceSession.rule {
            let withoutGoal = SessionLibrary(targets: SessionTargets(fitness: estimate), progression: library.progression,
                                             strengthLevel: library.strengthLevel, timeTrial: library.timeTrial)
            if try withoutGoal.workout(rule: rule, week: week ?? 1) == library.workout(rule: rule, week: week ?? 1) {
                throw CommandFailure(.usage, "--goal does not apply to \(rule): only goal-pace sessions (M12, M13, M40-GP) aim at the goal")
            }
        }
    }
}
