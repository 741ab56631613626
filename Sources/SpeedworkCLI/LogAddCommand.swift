import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork log add`: a result or a session logged by hand where no watch was worn (M50).
struct LogAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log a result, or a session run without a watch (M50).",
        discussion: """
            A result: speedwork log add --result mile=6:31 --kind time-trial --date 2026-11-21
            A track session: speedwork log add --session M11 --reps 38.2,37.9,38.5 --rep-distance 200m --rpe 7
            (each rep is graded against its target from your log's fitness, or from --from 400m=80)
            Strength: speedwork log add --set "back squat:5:62.5:good" --set "back squat:5:62.5:poor" --rpe 6
            """)

    @Option(help: ArgumentHelp("A race, time trial or effort as DISTANCE=TIME, e.g. 5k=20:00.", valueName: "result"))
    var result: String?

    @Option(help: "What the result was: race, time-trial or effort.")
    var kind: LoggedResult.Kind = .race

    @Option(help: ArgumentHelp("The method's session, by rule id (e.g. M11).", valueName: "rule"))
    var session: String?

    @Option(help: ArgumentHelp("Rep times, comma-separated (38.2,37.9 or 1:12,1:11).", valueName: "times"))
    var reps: String?

    @Option(help: ArgumentHelp("The distance of every rep, e.g. 200m.", valueName: "distance"))
    var repDistance: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "A strength set as EXERCISE:REPS[:LOAD_KG][:good|poor] (form good unless poor); repeat for each set.", valueName: "set"))
    var sets: [String] = []

    @Option(help: ArgumentHelp("How hard it felt, 0 (rest) to 10 (maximal), Borg CR-10.", valueName: "0-10"))
    var rpe: Int?

    @Option(help: ArgumentHelp("The day (default today).", valueName: "YYYY-MM-DD"), transform: { try Day(parsing: $0) })
    var date: Day?

    @Option(help: "Notes: course, weather, how it went.")
    var notes: String?

    @Option(name: .customLong("from"),
            help: ArgumentHelp("A recent result, DISTANCE=TIME, to grade the reps against (default: your log's fitness on the day).", valueName: "result"),
            transform: { try Performance(parsing: $0) })
    var fitnessResults: [Performance] = []

    @OptionGroup var store: DatabaseOptions

    /// The entry as typed, checked as the web form checks it.
    var handLog: HandLog {
        HandLog(result: result, kind: kind, session: session, reps: reps, repDistance: repDistance, sets: sets, rpe: rpe,
                day: date ?? Day(Date()), notes: notes, fitnessResults: fitnessResults)
    }

    func validate() throws {
        do {
            try handLog.validate()
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        try StandardOutput.write(line: try await record(environment: ProcessInfo.processInfo.environment))
    }

    /// Writes the entry and returns the line that confirms it.
    func record(environment: [String: String]) async throws -> String {
        let handLog = self.handLog
        let day = handLog.day
        let entry = try handLog.entry()
        return try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            switch entry {
            case .result(let result):
                _ = try await log.add([result], for: runner.id)
                return "Logged \(result.kind.rawValue) \(result.distance.label) in \(result.time.formatted(.rep)) on \(day)."
            case .session(let session):
                let grading = try await handLog.fitnessForGrades(session, log: log, athlete: runner.id)
                _ = try await log.add([session], for: runner.id)
                return (["Logged \(session.session ?? "a session") on \(day): \(session.reps.count) reps, \(session.strengthSets.count) sets."]
                        + HandGrading.lines(session, fitness: grading)).joined(separator: "\n")
            }
        }
    }
}

extension LoggedResult.Kind: ExpressibleByArgument {}
