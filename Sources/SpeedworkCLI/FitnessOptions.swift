import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports

/// The options every fitness-based command shares: the results and how to read them.
struct FitnessOptions: ParsableArguments {
    @Option(
        name: .customLong("from"),
        help: ArgumentHelp("A recent result, DISTANCE=TIME[@YYYY-MM-DD]; repeat for more (newer results weigh more). Without it, your log's current fitness.", valueName: "result"),
        transform: { try Performance(parsing: $0) })
    var results: [Performance] = []

    @Option(help: ArgumentHelp("Speed reserve ratio (top sprint speed / speed at VO2max) assumed for 400m–800m results when it cannot be fitted.", valueName: "ratio"),
            transform: { try parseNumber($0, named: "speed reserve ratio", in: SpeedReserveModel.plausibleRatios) })
    var speedReserve: Double = SpeedReserveModel.defaultRatio

    @Option(help: ArgumentHelp("The day to estimate for, YYYY-MM-DD (default: today); results dated later are refused.", valueName: "date"),
            transform: { try Day(parsing: $0) })
    var asOf: Day?

    /// The estimate from the `--from` results (without them, ``current(store:environment:model:riegelExponent:)``
    /// reads the log); `riegelExponent` fixes Riegel's exponent (`predict --model riegel`, the only place it applies).
    func estimate(model: FitnessModelChoice = .auto, riegelExponent: Double? = nil) throws -> FitnessEstimate {
        guard !results.isEmpty else { throw CommandFailure(.usage, CurrentFitness.nothingToGoOn) }
        let estimator = FitnessEstimator(riegelExponent: riegelExponent, defaultSpeedReserveRatio: speedReserve)
        return try estimator.estimate(from: results, model: model, asOf: asOf ?? Day(Date()))
    }
}

/// The flag every data command shares.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (the contract in the README) instead of text.")
    var json = false
}

extension FitnessModelChoice: ExpressibleByArgument {}
