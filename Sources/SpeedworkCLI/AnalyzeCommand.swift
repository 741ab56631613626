import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles

/// `speedwork analyze`: what a watch file says about a session (M50–M52).
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Read a FIT, GPX or TCX file (or .gz): reps, recoveries, grades against the plan, best efforts (M50–M52).",
        discussion: """
            Reps come from lap presses when they mark the reps, else from speed. On a track, rep \
            distances snap to the nominal distance (M7). Grade against a session with --workout M11 \
            --from 400m=80, or against a saved plan with --plan-session plan.json@2026-12-08. With \
            --from, easy runs are checked against your easy pace (M2).
            """)

    @Argument(help: ArgumentHelp("The activity file: .fit, .gpx, .tcx, optionally .gz.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Grade against this running session of the method (M10–M21).", valueName: "rule"),
            transform: { try AnalyzeCommand.runningRule($0) })
    var workout: String?

    @Option(help: ArgumentHelp("Week of the --workout session's block, for its reps and recoveries (1–520, default 1).", valueName: "week"),
            transform: { try parseWhole($0, named: "week", atLeast: acceptedWeeks.lowerBound, atMost: acceptedWeeks.upperBound) })
    var week: Int?

    @Option(help: ArgumentHelp("Grade against the run a saved plan gives for a day: PLAN.json@YYYY-MM-DD.", valueName: "plan@date"))
    var planSession: String?

    @Option(name: .customLong("from"),
            help: ArgumentHelp("A recent result, DISTANCE=TIME: needed with --workout; checks easy runs (M2).", valueName: "result"),
            transform: { try Performance(parsing: $0) })
    var results: [Performance] = []

    @Option(help: ArgumentHelp("The goal race, for goal-pace sessions (M12, M13).", valueName: "result"), transform: { try Performance(parsing: $0) })
    var goal: Performance?

    @Option(help: ArgumentHelp("The day of the fitness estimate, YYYY-MM-DD (default: today).", valueName: "date"), transform: { try Day(parsing: $0) })
    var asOf: Day?

    @Flag(inversion: .prefixedNo, help: "Say whether the session ran on a track (default: detected).")
    var track: Bool?

    @Flag(help: "Read the file even when its CRC does not check.")
    var ignoreCRC = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if workout != nil, planSession != nil {
            throw ValidationError("Choose one of --workout and --plan-session.")
        }
        if workout != nil, results.isEmpty {
            throw ValidationError("--workout needs your fitness for its targets: add --from DISTANCE=TIME, e.g. --from 400m=80.")
        }
        if workout == nil {
            if week != nil { throw ValidationError("--week applies only with --workout (a plan session has its own week)") }
            if goal != nil { throw ValidationError("--goal applies only with --workout (a plan session has its own targets)") }
        }
        if asOf != nil, results.isEmpty {
            throw ValidationError("--as-of applies only with --from: it dates the fitness estimate")
        }
    }

    /// The rule of a session that can grade a run: a running session of the library, not the
    /// strength routine (M32) or mobility (M5).
    static func runningRule(_ text: String) throws -> String {
        let rule = try SessionLibrary.rule(parsing: text)
        guard let entry = SessionLibrary.entries.first(where: { $0.rule == rule }), entry.kind.isRun else {
            let runs = SessionLibrary.entries.filter(\.kind.isRun).map(\.rule)
            throw InputError("\(rule) is not a run, so it cannot grade one: use one of \(runs.joined(separator: ", "))")
        }
        return rule
    }

    func run() async throws {
        try StandardOutput.write(line: try render())
    }

    func render() throws -> String {
        let data = try InputFile.read(file)
        if ignoreCRC, let format = ActivityFile.format(of: data), format == .gpx || format == .tcx {
            throw CommandFailure(.usage, "--ignore-crc applies only to FIT files, and \(InputError.quoted(file)) is \(format.rawValue.uppercased()) (no CRC)")
        }
        let activities: [Activity]
        do {
            activities = try ActivityFile.read(data, verifyCRC: !ignoreCRC)
        } catch {
            var crc = false
            if case .fit(let fitError) = error.problem { crc = !ignoreCRC && fitError.isCRCMismatch }
            let named = error.naming(URL(fileURLWithPath: file).lastPathComponent)
            throw CommandFailure(.dataError, named.description + (crc ? " (--ignore-crc reads it anyway)" : ""))
        }
        guard let activity = activities.first(where: { !$0.samples.isEmpty }) else {
            throw CommandFailure(.dataError, "\(InputError.quoted(file)) holds no recorded samples")
        }
        let fitness = results.isEmpty ? nil : try FitnessEstimator().estimate(from: results, asOf: asOf ?? Day(Date()))
        var planned: Workout?
        if let rule = workout, let fitness {
            let library = SessionLibrary(targets: SessionTargets(fitness: fitness, goal: goal))
            planned = try library.workout(rule: rule, week: week ?? 1)
        } else if let planSession {
            planned = try PlanSessionFile.workout(planSession)
        }
        let easy = fitness.map { TrainingPaces.pace(.easy, vdot: $0.vdot) }
        let analysis = ActivityAnalysis(activity: activity, workout: planned, easyPace: easy, track: track)
        var report = AnalyzeReport(analysis, file: file)
        if activities.count > 1 {
            report.warnings.append("the file holds \(activities.count) activities; this is the first with samples")
        }
        return output.json ? try JSONOutput.render(report) : report.text
    }
}
