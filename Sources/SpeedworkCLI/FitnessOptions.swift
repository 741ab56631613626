import ArgumentParser
import Foundation
import Speedwork

/// The options every fitness-based command shares: the results and how to read them.
struct FitnessOptions: ParsableArguments {
    @Option(
        name: .customLong("from"),
        help: ArgumentHelp("A recent result, DISTANCE=TIME[@YYYY-MM-DD]; repeat for more (newer results weigh more).", valueName: "result"),
        transform: { try Performance(parsing: $0) })
    var results: [Performance] = []

    @Option(help: ArgumentHelp("Riegel's fatigue exponent (1.06 in Riegel 1981); without it, a personal exponent is fitted when results allow.", valueName: "exponent"),
            transform: { try parseNumber($0, named: "Riegel exponent", in: 1.01...1.30) })
    var riegelExponent: Double?

    @Option(help: ArgumentHelp("Speed reserve ratio (top sprint speed / speed at VO2max) assumed for 400m–800m results when it cannot be fitted.", valueName: "ratio"),
            transform: { try parseNumber($0, named: "speed reserve ratio", in: SpeedReserveModel.plausibleRatios) })
    var speedReserve: Double = SpeedReserveModel.defaultRatio

    @Option(help: ArgumentHelp("The day to estimate for, YYYY-MM-DD (default: today); results dated later are refused.", valueName: "date"),
            transform: { try Day(parsing: $0) })
    var asOf: Day?

    func validate() throws {
        if results.isEmpty {
            throw ValidationError("Missing a result: add --from DISTANCE=TIME, e.g. --from 5k=22:30 or --from 400m=1:20.")
        }
    }

    /// The estimate from these options.
    func estimate(model: FitnessModelChoice = .auto) throws -> FitnessEstimate {
        let estimator = FitnessEstimator(riegelExponent: riegelExponent, defaultSpeedReserveRatio: speedReserve)
        return try estimator.estimate(from: results, model: model, asOf: asOf ?? Day(Date()))
    }
}

/// Parses a number within `range`, with a one-line error naming the value.
func parseNumber(_ text: String, named name: String, in range: ClosedRange<Double>) throws -> Double {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
        throw InputError("\(name) '\(text)' is not a number")
    }
    guard range.contains(value) else {
        throw InputError("\(name) \(text) is outside \(range.lowerBound.trimmedText())–\(range.upperBound.trimmedText())")
    }
    return value
}


/// The flag every data command shares.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (the contract in the README) instead of text.")
    var json = false
}

extension FitnessModelChoice: ExpressibleByArgument {}
