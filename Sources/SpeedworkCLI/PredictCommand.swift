import Foundation
import ArgumentParser
import Speedwork
import SpeedworkReports

/// `speedwork predict`: fitness and race equivalents from recent results.
struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Estimate fitness from recent results and predict race times.",
        discussion: """
            Models: vdot (Daniels–Gilbert), riegel (power law; personal exponent from two or more \
            distances), cs (critical speed and D′ from 2–20 min results), speed-reserve (for 400m and \
            800m results). auto picks: results all under 1500m → speed-reserve; two or more distances \
            from 1500m up → personal Riegel; otherwise VDOT.

            Example: speedwork predict --from 5k=20:00 --from 400m=75 --to mile,10k,half
            """)

    @OptionGroup var fitness: FitnessOptions

    @Option(help: "The race model: auto, vdot, riegel, cs or speed-reserve.")
    var model: FitnessModelChoice = .auto

    @Option(help: ArgumentHelp("Riegel's fatigue exponent for --model riegel (1.06 in Riegel 1981); without it, a personal exponent is fitted when results allow.", valueName: "exponent"),
            transform: { try parseNumber($0, named: "Riegel exponent", in: PredictCommand.acceptedRiegelExponents) })
    var riegelExponent: Double?

    @Option(
        help: ArgumentHelp("Distances to predict, comma-separated (default: 400m,800m,1500m,mile,3k,5k,10k,half,marathon).", valueName: "distances"),
        transform: { try parseDistances($0) })
    var to: [Distance] = PredictCommand.defaultDistances

    @OptionGroup var output: OutputOptions

    @OptionGroup var store: DatabaseOptions

    /// The exponents `--riegel-exponent` accepts: a little over 1 (speed falls with distance)
    /// up to 1.30, well past the 1.01–1.20 a personal fit is held to.
    static let acceptedRiegelExponents = 1.01...1.30

    static let defaultDistances: [Distance] = ["400m", "800m", "1500m", "mile", "3k", "5k", "10k", "half", "marathon"].map { try! Distance(parsing: $0) }

    func validate() throws {
        if riegelExponent != nil, model != .riegel {
            throw ValidationError("--riegel-exponent applies only with --model riegel")
        }
    }

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The report as it is printed, from `--from` or, without it, the log's current fitness.
    func render(environment: [String: String]) async throws -> String {
        try render(try await fitness.current(store: store, environment: environment, model: model, riegelExponent: riegelExponent))
    }

    /// The report from the `--from` results.
    func render() throws -> String {
        try render(CurrentFitness(estimate: try fitness.estimate(model: model, riegelExponent: riegelExponent), source: .commandLine))
    }

    private func render(_ current: CurrentFitness) throws -> String {
        let estimate = current.estimate
        let predictions = to.map { estimate.prediction(for: $0) }
        if output.json {
            var report = PredictReport(estimate: estimate, predictions: predictions)
            report.fitnessSource = current.json
            return try JSONOutput.render(report)
        }
        var table = TextTable("Distance", "Time", "Pace/km", "Pace/mile", "Model")
        for prediction in predictions {
            table.add(prediction.distance.label, prediction.time.formatted(.rep), prediction.pace.perKilometerText,
                      prediction.pace.perMileText, prediction.model)
        }
        return (FitnessSummary.lines(current) + ["", table.render()]).joined(separator: "\n")
    }
}

/// Parses `mile,5k,10k`.
func parseDistances(_ text: String) throws -> [Distance] {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !parts.isEmpty else { throw InputError("no distance given: use a comma-separated list such as mile,5k,10k") }
    return try parts.map { part in
        let distance = try Distance(parsing: part)
        guard Distance.meters(100)...Distance.marathon ~= distance else {
            throw InputError("\(InputError.quoted(part)) is outside the distances predicted, 100m to the marathon")
        }
        return distance
    }
}

/// The `predict --json` contract.
struct PredictReport: Encodable {
    struct Prediction: Encodable {
        let distance: String
        let meters: Double
        let seconds: Double
        let secondsPerKm: Double
        let secondsPerMile: Double
        let model: String
    }

    let model: String
    let vdot: Double
    let confidence: String
    let fitness: FitnessJSON
    let predictions: [Prediction]
    /// Where the fitness came from when it was read from the log (absent with `--from`).
    var fitnessSource: FitnessSourceJSON?

    init(estimate: FitnessEstimate, predictions: [RacePrediction]) {
        fitness = FitnessJSON(estimate)
        model = fitness.model
        vdot = fitness.vdot
        confidence = fitness.confidence
        self.predictions = predictions.map {
            Prediction(distance: $0.distance.label, meters: rounded($0.distance.meters, 3), seconds: rounded($0.time.seconds),
                       secondsPerKm: rounded($0.pace.secondsPerKilometer), secondsPerMile: rounded($0.pace.secondsPerMile), model: $0.model)
        }
    }
}

