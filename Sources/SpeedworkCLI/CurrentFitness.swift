import Foundation
import Speedwork
import SpeedworkStore

/// The fitness a command plans or grades with, and where it came from: the results given with
/// `--from`, or, without them, the training log's current fitness (M43: logged results move every
/// target), which the command then names so the runner knows what its paces rest on.
struct CurrentFitness: Sendable {
    /// Where the estimate came from.
    enum Source: Sendable {
        /// The `--from` results; the log was not opened.
        case commandLine
        /// The log's evidence of the year before the day (``LogFitness``), newest first.
        case log(evidence: [FitnessEvidence])
    }

    /// How many pieces of evidence the text line names before "and N more".
    static let evidenceNamedInText = 4

    /// The estimate.
    let estimate: FitnessEstimate
    /// Where it came from.
    let source: Source

    /// `Fitness from your log: 5k 19:30 on 2026-02-01 (a run's best effort), mile 6:05 on
    /// 2026-01-10 (time trial)`, or nil when the results came from the command line.
    var line: String? {
        guard case .log(let evidence) = source else { return nil }
        let named = evidence.prefix(Self.evidenceNamedInText).map(Self.describe)
        let more = evidence.count > Self.evidenceNamedInText ? ", and \(evidence.count - Self.evidenceNamedInText) more" : ""
        return "Fitness from your log: " + named.joined(separator: ", ") + more
    }

    /// The `fitnessSource` JSON key: present only when the fitness came from the log.
    var json: FitnessSourceJSON? {
        guard case .log(let evidence) = source else { return nil }
        return FitnessSourceJSON(kind: "log", evidence: evidence.map(FitnessSourceJSON.Evidence.init))
    }

    /// `5k 19:30 on 2026-02-01 (a run's best effort)`.
    static func describe(_ evidence: FitnessEvidence) -> String {
        let what = switch evidence.source {
        case .race: "race"
        case .timeTrial: "time trial"
        case .effort: "effort"
        case .activity: "a run's best effort"
        }
        return "\(evidence.performance.distance.label) \(evidence.performance.time.formatted(.rep)) on \(evidence.day) (\(what))"
    }

    /// The line an empty log and no `--from` give.
    static let nothingToGoOn = "no result in the log or on the command line: give one with --from 5k=22:30, or log one with speedwork log add --result 5k=22:30"
}

/// `fitnessSource` in the JSON of predict, paces, plan and workout show when no `--from` was given.
struct FitnessSourceJSON: Encodable, Sendable {
    struct Evidence: Encodable, Sendable {
        let date: String
        let source: String
        let distance: String
        let meters: Double
        let seconds: Double
        let vdot: Double

        init(_ evidence: FitnessEvidence) {
            date = evidence.day.description
            source = evidence.source.rawValue
            distance = evidence.performance.distance.label
            meters = rounded(evidence.performance.distance.meters, 3)
            seconds = rounded(evidence.performance.time.seconds)
            vdot = rounded(evidence.vdot)
        }
    }

    /// `log`.
    let kind: String
    /// The evidence the estimate was made from, newest first.
    let evidence: [Evidence]
}

extension FitnessOptions {
    /// The estimate from `--from` when given (the log is not opened), else from the log that
    /// `store` names, as of `--as-of` or today; an empty log is one line saying how to add a result.
    func current(store: DatabaseOptions, environment: [String: String], model: FitnessModelChoice = .auto,
                 riegelExponent: Double? = nil) async throws -> CurrentFitness {
        if !results.isEmpty {
            return CurrentFitness(estimate: try estimate(model: model, riegelExponent: riegelExponent), source: .commandLine)
        }
        let day = asOf ?? Day(Date())
        let location = try DatabaseLocation.choose(option: store.database, environment: environment)
        // A log file that does not exist yet is an empty log; reading it does not create it.
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(.usage, CurrentFitness.nothingToGoOn)
        }
        let fitness = try await DatabaseOptions.withLog(at: location) { log in
            try await LogFitness.load(from: log, for: try await log.defaultAthlete().id)
        }
        let estimator = FitnessEstimator(riegelExponent: riegelExponent, defaultSpeedReserveRatio: speedReserve)
        guard let estimate = try fitness.estimate(asOf: day, model: model, estimator: estimator) else {
            throw CommandFailure(.usage, CurrentFitness.nothingToGoOn)
        }
        return CurrentFitness(estimate: estimate, source: .log(evidence: Array(fitness.evidence(asOf: day).reversed())))
    }
}
