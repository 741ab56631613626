import Foundation
import Speedwork
import SpeedworkStore

/// An entry logged by hand where no watch was worn (M50), as `speedwork log add`, the `/log/add`
/// form and `POST /api/v1/log` give it: the fields as typed, checked the same way everywhere.
public struct HandLog: Sendable {
    /// A race, time trial or effort as DISTANCE=TIME (`5k=20:00`).
    public var result: String?
    /// What the result was.
    public var kind: LoggedResult.Kind
    /// The method's session by rule id (`M11`).
    public var session: String?
    /// Rep times, comma-separated (`38.2,37.9` or `1:12,1:11`).
    public var reps: String?
    /// The distance of every rep (`200m`).
    public var repDistance: String?
    /// Strength sets as EXERCISE:REPS[:LOAD_KG][:good|poor].
    public var sets: [String]
    /// How hard it felt on Borg's CR-10 scale.
    public var rpe: Int?
    /// The day.
    public var day: Day
    /// The runner's notes.
    public var notes: String?
    /// Recent results to grade the reps against instead of the log's fitness (`--from`).
    public var fitnessResults: [Performance]

    /// Makes the value from its parts; empty texts count as not given.
    public init(result: String? = nil, kind: LoggedResult.Kind = .race, session: String? = nil, reps: String? = nil,
                repDistance: String? = nil, sets: [String] = [], rpe: Int? = nil, day: Day, notes: String? = nil,
                fitnessResults: [Performance] = []) {
        func given(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        self.result = given(result)
        self.kind = kind
        self.session = given(session)
        self.reps = given(reps)
        self.repDistance = given(repDistance)
        self.sets = sets.compactMap(given)
        self.rpe = rpe
        self.day = day
        self.notes = given(notes)
        self.fitnessResults = fitnessResults
    }

    /// What is stored: a result or a session.
    public enum Entry: Sendable {
        case result(LoggedResult)
        case session(LoggedSession)
    }

    /// Refuses an entry that logs nothing, mixes a result with a session, or grades without reps.
    public func validate() throws {
        if result == nil, session == nil, reps == nil, sets.isEmpty, rpe == nil {
            throw InputError("nothing to log: give --result, or a session with --reps, --set or --rpe")
        }
        if result != nil, session != nil || reps != nil || !sets.isEmpty || rpe != nil {
            throw InputError("log a result or a session, not both at once")
        }
        if !fitnessResults.isEmpty, session == nil || reps == nil {
            throw InputError("--from grades a session's reps: it applies only with --session and --reps")
        }
    }

    /// The entry to store, every value parsed and checked (the reps against the session's shape, M50)
    /// before anything is written.
    public func entry() throws -> Entry {
        try validate()
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
                                          strengthSets: try sets.map(HandLog.parseSet)))
    }

    /// The fitness the reps are graded against: the given results when there are any, else the
    /// log's for the session's day; nil when there is neither or the session has nothing to grade.
    public func fitnessForGrades(_ session: LoggedSession, log: any TrainingStore, athlete: AthleteID) async throws -> HandGrading.Fitness? {
        guard session.session != nil, !session.reps.isEmpty else { return nil }
        if !fitnessResults.isEmpty {
            let estimate = try FitnessEstimator().estimate(from: fitnessResults, asOf: max(session.day, fitnessResults.compactMap(\.date).max() ?? session.day))
            return HandGrading.Fitness(estimate: estimate, fromLog: false)
        }
        let fitness = try await LogFitness.load(from: log, for: athlete)
        return try fitness.estimate(asOf: session.day).map { HandGrading.Fitness(estimate: $0, fromLog: true) }
    }

    /// `race`, `time-trial` or `effort`, refused otherwise with the values allowed.
    public static func kind(parsing text: String) throws -> LoggedResult.Kind {
        guard let kind = LoggedResult.Kind(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw InputError("result kind '\(text)' is not allowed: use \(LoggedResult.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }

    /// An RPE as typed, refused unless it is a whole number (the range is checked by ``LoggedSession``).
    public static func rpe(parsing text: String) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let value = Int(trimmed) else {
            throw InputError("RPE '\(text)' is not allowed: use a whole number from 0 (rest) to 10 (maximal) on the CR-10 scale")
        }
        return value
    }

    /// Parses `back squat:5:62.5:good`, `calf raise:15`, `plank:3::poor`.
    public static func parseSet(_ text: String) throws -> StrengthSet {
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
