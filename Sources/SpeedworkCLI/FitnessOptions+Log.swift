import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

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
