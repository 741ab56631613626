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

    func validate() throws {
        if result == nil, session == nil, reps == nil, sets.isEmpty, rpe == nil {
            throw ValidationError("nothing to log: give --result, or a session with --reps, --set or --rpe")
        }
        if result != nil, session != nil || reps != nil || !sets.isEmpty || rpe != nil {
            throw ValidationError("log a result or a session, not both at once")
        }
        if !fitnessResults.isEmpty, session == nil || reps == nil {
            throw ValidationError("--from grades a session's reps: it applies only with --session and --reps")
        }
    }

    func run() async throws {
        try StandardOutput.write(line: try await record(environment: ProcessInfo.processInfo.environment))
    }

    /// Writes the entry and returns the line that confirms it.
    func record(environment: [String: String]) async throws -> String {
        let day = date ?? Day(Date())
        let entry = try makeEntry(day: day)
        return try await store.withLog(environment: environment) { log in
            let runner = try await log.defaultAthlete()
            switch entry {
            case .result(let result):
                _ = try await log.add([result], for: runner.id)
                return "Logged \(result.kind.rawValue) \(result.distance.label) in \(result.time.formatted(.rep)) on \(day)."
            case .session(let session):
                let grading = try await fitnessForGrades(session, log: log, athlete: runner.id)
                _ = try await log.add([session], for: runner.id)
                return (["Logged \(session.session ?? "a session") on \(day): \(session.reps.count) reps, \(session.strengthSets.count) sets."]
                        + HandGrading.lines(session, fitness: grading)).joined(separator: "\n")
            }
        }
    }

    private enum Entry {
        case result(LoggedResult)
        case session(LoggedSession)
    }

    private func makeEntry(day: Day) throws -> Entry {
        if let result {
            let performance = try Performance(parsing: result)
            return .result(try LoggedResult(day: day, kind: kind, distance: performance.distance, time: performance.time, notes: notes))
        }
        let distance = try repDistance.map { try Distance(parsing: $0) }
        let times = (reps ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let loggedReps = try times.map { try LoggedRep(distance: distance, time: Duration(parsing: $0)) }
        var rule = session
        if let session {
            rule = try SessionLibrary.rule(parsing: session)
            // The session's shape (rep count, distances) is the same at any fitness: check it before anything is written.
            _ = try HandGrading.plan(rule: session, reps: loggedReps, fitness: try HandGrading.referenceFitness(day))
        }
        return .session(try LoggedSession(day: day, session: rule, rpe: rpe, notes: notes, reps: loggedReps,
                                          strengthSets: try sets.map(LogAddCommand.parseSet)))
    }

    /// The fitness the reps are graded against: `--from` when given, else the log's for the
    /// session's day; nil when there is neither or the session has nothing to grade.
    private func fitnessForGrades(_ session: LoggedSession, log: any TrainingStore, athlete: AthleteID) async throws -> HandGrading.Fitness? {
        guard session.session != nil, !session.reps.isEmpty else { return nil }
        if !fitnessResults.isEmpty {
            let estimate = try FitnessEstimator().estimate(from: fitnessResults, asOf: max(session.day, fitnessResults.compactMap(\.date).max() ?? session.day))
            return HandGrading.Fitness(estimate: estimate, fromLog: false)
        }
        let fitness = try await LogFitness.load(from: log, for: athlete)
        return try fitness.estimate(asOf: session.day).map { HandGrading.Fitness(estimate: $0, fromLog: true) }
    }

    /// Parses `back squat:5:62.5:good`, `calf raise:15`, `plank:3::poor`.
    static func parseSet(_ text: String) throws -> StrengthSet {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let form = "use EXERCISE:REPS[:LOAD_KG][:good|poor], e.g. back squat:5:62.5:good"
        guard (2...4).contains(parts.count), let reps = Int(parts[1]) else {
            throw InputError("set '\(text)' is not a strength set: \(form)")
        }
        var load: Double?
        if parts.count >= 3, !parts[2].isEmpty {
            guard let value = Double(parts[2].replacingOccurrences(of: "kg", with: "")) else {
                throw InputError("set '\(text)': load '\(parts[2])' is not a number of kilograms")
            }
            load = value
        }
        var good = true
        if parts.count == 4 {
            switch parts[3].lowercased() {
            case "good", "": good = true
            case "poor", "bad": good = false
            default: throw InputError("set '\(text)': form '\(parts[3])' must be good or poor")
            }
        }
        return try StrengthSet(exercise: parts[0], reps: reps, loadKilograms: load, formWasGood: good)
    }
}

extension LoggedResult.Kind: ExpressibleByArgument {}
