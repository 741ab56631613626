import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports

/// `speedwork stride`: what a longer step or a quicker cadence is worth (M6).
struct StrideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stride",
        abstract: "Leg speed = step length × cadence (M6): metres per mile and race time from small gains.",
        discussion: """
            Never force a longer stride: the gain comes from strength, flexibility and leg-speed work (M6).
            Example: speedwork stride --from 10k=40:00 --cadence 180 --stride-gain 2cm --cadence-gain 2
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("The race, DISTANCE=TIME.", valueName: "result"),
            transform: { try Performance(parsing: $0) })
    var race: Performance

    @Option(help: ArgumentHelp("Average cadence in the race, steps per minute with both feet counted (120–250).", valueName: "steps/min"),
            transform: { try parseNumber($0, named: "cadence", in: LegSpeed.acceptedCadence, outOfRange: LegSpeed.validateCadence) })
    var cadence: Double

    @Option(help: ArgumentHelp("Longer step to consider, with a unit: 2cm, 15mm (0–20 cm).", valueName: "length"),
            transform: { text in
                let gain = try Distance(parsing: text)
                try LegSpeed.validateStepGain(gain)
                return gain
            })
    var strideGain: Distance = .meters(0.02)

    @Option(help: ArgumentHelp("Higher cadence to consider, steps per minute (0–30).", valueName: "steps/min"),
            transform: { try parseNumber($0, named: "cadence gain", in: LegSpeed.acceptedCadenceGain, outOfRange: LegSpeed.validateCadenceGain) })
    var cadenceGain: Double = 2

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try StandardOutput.write(line: try render())
    }

    func render() throws -> String {
        let legSpeed = try LegSpeed(race: race, cadence: cadence)
        let report = StrideReport(legSpeed: legSpeed, stepGain: strideGain, cadenceGain: cadenceGain)
        if output.json {
            return try JSONOutput.render(report)
        }
        var table = TextTable("Race", "\(race.written) at \(cadence.text(decimals: 0)) steps/min")
        table.add("Step length", "\(report.stepLengthMeters.text(decimals: 2)) m (\(report.stepsPerMile.text(decimals: 0)) steps per mile)")
        table.add("+\((strideGain.meters * 100).trimmedText()) cm step", "+\(report.metersPerMileFromStride.text(decimals: 1)) m per mile")
        table.add("+\(cadenceGain.trimmedText()) steps/min", "+\(report.metersPerMileFromCadence.text(decimals: 1)) m per mile")
        table.add("Both", "\(race.distance.label) in \(Duration.seconds(report.newSeconds).formatted(.precise)), \(report.savedSeconds.text(decimals: 1)) s faster")
        return table.render() + "\n\nGains come from strength, flexibility and leg-speed work, never from reaching for a longer stride (M6)."
    }
}

/// The `stride --json` contract.
struct StrideReport: Encodable {
    let race: String
    let cadence: Double
    let stepLengthMeters: Double
    let stepsPerMile: Double
    let strideGainCm: Double
    let cadenceGain: Double
    let metersPerMileFromStride: Double
    let metersPerMileFromCadence: Double
    let newSeconds: Double
    let savedSeconds: Double

    init(legSpeed: LegSpeed, stepGain: Distance, cadenceGain: Double) {
        race = legSpeed.race.written
        cadence = legSpeed.cadence
        stepLengthMeters = rounded(legSpeed.stepLength.meters, 3)
        stepsPerMile = rounded(legSpeed.stepsPerMile)
        strideGainCm = rounded(stepGain.meters * 100, 2)
        self.cadenceGain = cadenceGain
        metersPerMileFromStride = rounded(legSpeed.metersPerMile(fromStepGain: stepGain))
        metersPerMileFromCadence = rounded(legSpeed.metersPerMile(fromCadenceGain: cadenceGain))
        let newTime = legSpeed.newTime(stepGain: stepGain, cadenceGain: cadenceGain)
        newSeconds = rounded(newTime.seconds)
        savedSeconds = rounded(legSpeed.race.time.seconds - newTime.seconds)
    }
}
