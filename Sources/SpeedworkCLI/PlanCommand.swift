import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles

/// `speedwork plan [build]`: a periodized plan to a goal race (M40–M44).
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a periodized plan to a goal race: base, speed, race-specific, taper (M40–M44).",
        discussion: """
            Example: speedwork plan --from mile=6:40 --goal mile=6:00 --race-date 2027-03-06 --start 2026-12-07 \\
                       --days mon,tue,thu,sat,sun --max-session 60m --weekly 3h30

            Goals from 800m to 10k. Weekly running grows at most 10 % a week from --weekly (or a stated default), with a cutback week every fourth week.
            """)

    @OptionGroup var fitness: FitnessOptions

    @Option(help: ArgumentHelp("The goal race, DISTANCE=TIME.", valueName: "result"), transform: { try PlanOptions.goal($0) })
    var goal: Performance

    @Option(help: ArgumentHelp("The race (or time trial) day, YYYY-MM-DD.", valueName: "date"), transform: { try PlanOptions.day($0) })
    var raceDate: Day

    @Option(help: ArgumentHelp("The first day of the plan, YYYY-MM-DD (default: today).", valueName: "date"), transform: { try PlanOptions.day($0) })
    var start: Day?

    @Option(help: ArgumentHelp("Days you can train, comma-separated (at least 3): mon,tue,thu,sat,sun.", valueName: "days"),
            transform: { try PlanOptions.days($0) })
    var days: Set<Weekday>

    @Option(help: ArgumentHelp("Longest session, warm-up and cool-down included: 45m, 1h, 75 (minutes; 30 to 600).", valueName: "time"),
            transform: { try PlanOptions.maxSession($0) })
    var maxSession: Int?

    @Option(help: ArgumentHelp("Your current weekly running: 4h, 240m, 3h30 or 40km (km at your easy pace). Default: your days × a time per day by fitness, stated in the plan.", valueName: "amount"))
    var weekly: String?

    @Option(help: "Strength routine level (M32): beginner, intermediate or advanced.")
    var strength: StrengthRoutine.Level = .beginner

    @Option(help: ArgumentHelp("Weeks of easy to moderate running you already have (M8: 12 are needed before speed work).", valueName: "weeks"),
            transform: { try PlanOptions.baseWeeks($0) })
    var baseWeeks: Int = 0

    @Flag(help: "Print the plan as Markdown.")
    var markdown = false

    func validate() throws {
        if markdown, output.json {
            throw ValidationError("Choose one of --markdown and --json.")
        }
    }

    @Option(help: ArgumentHelp("Also write the plan as an iCalendar file (one event per session).", valueName: "file"))
    var ics: String?

    @Option(help: ArgumentHelp("Also write one FIT workout file per run into this directory, for the watch.", valueName: "dir"))
    var fitDir: String?

    @OptionGroup var output: OutputOptions

    @Flag(help: "Keep the plan in the training log as your active plan, for speedwork today and week; the one before stays as history.")
    var save = false

    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        let current = try await fitness.current(store: store, environment: ProcessInfo.processInfo.environment)
        let plan = try build(current.estimate)
        let text = try render(plan, fitnessFrom: current)
        try writeExports(plan)
        if save { try await saveAsActive(plan) }
        try StandardOutput.write(line: text)
    }

    /// Writes the requested device files; says what it wrote on standard error so that
    /// standard output stays the plan (and valid JSON with `--json`). Each file is complete or
    /// not written: a failure leaves the previous calendar and workouts as they were.
    func writeExports(_ plan: Plan) throws {
        for (option, path) in [("--ics", ics), ("--fit-dir", fitDir)] {
            if let path, path.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CommandFailure(.usage, "\(option) needs a \(option == "--ics" ? "file" : "folder") name, not an empty one")
            }
        }
        let export = PlanExport(plan: plan, created: Date())
        if let ics {
            try export.writeCalendar(to: ics)
            try? StandardOutput.write(Array("Wrote \(plan.sessions.count) sessions to \(ics)\n".utf8), to: 2)
        }
        if let fitDir {
            let result = try export.writeFITWorkouts(into: fitDir)
            let removed = result.removed > 0 ? " (removed \(result.removed) of the plan written there before)" : ""
            try? StandardOutput.write(Array("Wrote \(result.written) FIT workouts to \(fitDir)\(removed)\n".utf8), to: 2)
        }
    }

    /// The plan built from the `--from` results.
    func build() throws -> Plan {
        try build(try fitness.estimate())
    }

    /// The plan built from the options and this fitness (from `--from` or the log).
    func build(_ estimate: FitnessEstimate) throws -> Plan {
        try options.plan(fitness: estimate, defaultStart: start ?? fitness.asOf ?? Day(Date()))
    }

    /// The plan options as given (PlanOptions: the checks the web app's plan form shares).
    var options: PlanOptions {
        PlanOptions(goal: goal, raceDate: raceDate, start: start, days: days, maxSession: maxSession, weekly: weekly,
                    strength: strength, baseWeeks: baseWeeks)
    }

    func render(_ plan: Plan) throws -> String {
        try render(plan, fitnessFrom: CurrentFitness(estimate: plan.request.fitness, source: .commandLine))
    }

    /// The plan as printed, saying so first when its fitness came from the log.
    func render(_ plan: Plan, fitnessFrom current: CurrentFitness) throws -> String {
        if output.json {
            var report = PlanReport(plan)
            report.fitnessSource = current.json
            return try JSONOutput.render(report)
        }
        let text = markdown ? PlanText.markdown(plan) : PlanText.text(plan)
        return current.line.map { (markdown ? "_\($0)_" : $0) + "\n\n" + text } ?? text
    }
}

extension StrengthRoutine.Level: ExpressibleByArgument {}
