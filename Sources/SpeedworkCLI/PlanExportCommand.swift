import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork plan export --ics FILE --fit-dir DIR`: the active plan as it now stands, from a day on,
/// written for the calendar and the watch with targets from current fitness (issue 10; M21, M43).
struct PlanExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your active plan as it now stands, from today on, as an iCalendar file and FIT workouts (M43).",
        discussion: """
            Example: speedwork plan export --ics plan.ics --fit-dir workouts
            Run it again after a new result: calendar events keep their ids, so a calendar updates them rather than adding copies; \
            the folder's workouts from the last export are replaced.
            """)

    @Option(help: ArgumentHelp("Write the plan as an iCalendar file (one event per session).", valueName: "file"))
    var ics: String?

    @Option(help: ArgumentHelp("Write one FIT workout file per run into this directory, for the watch.", valueName: "dir"))
    var fitDir: String?

    @Option(help: ArgumentHelp("The first day written, YYYY-MM-DD (default: today); targets are those of this day's fitness.",
                               valueName: "date"),
            transform: { try Day(parsing: $0) })
    var date: Day?

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        guard ics != nil || fitDir != nil else {
            throw ValidationError("Give --ics FILE, --fit-dir DIR or both: what to write.")
        }
        for (option, path) in [("--ics", ics), ("--fit-dir", fitDir)] {
            if let path, path.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("\(option) needs a \(option == "--ics" ? "file" : "folder") name, not an empty one.")
            }
        }
    }

    func run() async throws {
        try StandardOutput.write(line: try await export(environment: ProcessInfo.processInfo.environment))
    }

    /// Writes the files; returns the lines that say what was written.
    func export(environment: [String: String], at moment: Date = Date()) async throws -> String {
        let log = try await store.open(environment: environment)
        let standing: ActivePlanExport
        do {
            let runner = try await log.defaultAthlete()
            guard let found = try await ActivePlanExport.load(from: log, for: runner.id, from: date ?? Day(moment)) else {
                throw InputError("no active plan to export: save one with speedwork plan … --save")
            }
            standing = found
            await log.close()
        } catch {
            await log.close()
            throw error
        }
        var lines: [String] = []
        let first = max(standing.from, standing.active.plan.request.start)
        let span = "from \(first) to race day \(standing.active.plan.request.raceDay)"
        let targets = standing.fitness.source == .log
            ? "targets from your log's newer results, VDOT \(standing.fitness.estimate.vdot.text(decimals: 1))"
            : "targets from the plan's fitness, VDOT \(standing.fitness.estimate.vdot.text(decimals: 1))"
        if let ics {
            try standing.writeCalendar(to: ics, created: moment)
            lines.append("Wrote \(standing.entries.count) sessions \(span) to \(ics) (\(targets))")
        }
        if let fitDir {
            let result = try standing.writeFITWorkouts(into: fitDir, created: moment)
            let removed = result.removed > 0 ? " (removed \(result.removed) of the export before)" : ""
            lines.append("Wrote \(result.written) FIT workouts \(span) to \(fitDir)\(removed) (\(targets))")
        }
        return lines.joined(separator: "\n")
    }
}
