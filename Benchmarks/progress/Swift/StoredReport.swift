import Foundation
import Speedwork

/// The analysis as an import stores it: the keys and shape of the `analyze --json` contract in
/// the README (every key, laps, reps, recoveries, best efforts, the pace curve), so the benchmark
/// decodes as much JSON per activity as a real log holds.
struct StoredReport: Encodable {
    struct Lap: Encodable { let startSeconds, seconds: Double; let meters: Double?; let trigger: String }
    struct Rep: Encodable {
        let index: Int
        let startSeconds, seconds, meters, measuredMeters: Double
        let snapped: Bool
        let secondsPerKm: Double
        let cadence, stepLength: Double?
    }
    struct Effort: Encodable { let distance: String; let meters, seconds, startSeconds: Double }
    struct CurvePoint: Encodable { let seconds, meters, secondsPerKm: Double }
    struct Cleaning: Encodable { let samplesReordered, samplesMerged, samplesDropped: Int; let excludedMeters, excludedSeconds: Double }
    struct Range: Encodable { let fast, slow: Double }
    struct EasyRun: Encodable { let shareFasterThanEasy: Double; let easySecondsPerKm: Range; let movingSecondsPerKm: Double?; let tooHard: Bool }

    let file, sport: String
    let device, start: String?
    let distanceMeters: Double
    let deviceDistanceMeters: Double?
    let durationSeconds: Double
    let movingSeconds: Double?
    let hasTimestamps, analysedAsRun: Bool
    let cleaning: Cleaning
    let repSource: String
    let trackSnapped: Bool
    let laps: [Lap]
    let reps, recoveries: [Rep]
    let bestEfforts: [Effort]
    let paceCurve: [CurvePoint]
    let compliance: String?
    let easyRun: EasyRun?
    let warnings: [String]

    init(_ analysis: ActivityAnalysis, file: String) {
        let activity = analysis.activity
        func r(_ value: Double, _ decimals: Double = 10) -> Double { (value * decimals).rounded() / decimals }
        self.file = file
        sport = activity.sport
        device = activity.device
        start = activity.start.map { ISO8601DateFormatter().string(from: $0) }
        distanceMeters = r(analysis.distanceMeters)
        deviceDistanceMeters = activity.deviceDistanceMeters.map { r($0) }
        durationSeconds = r(analysis.durationSeconds)
        movingSeconds = analysis.movingSeconds.map { r($0) }
        hasTimestamps = analysis.cleaning.hasTimes
        analysedAsRun = analysis.isRun
        cleaning = Cleaning(samplesReordered: analysis.cleaning.reordered, samplesMerged: analysis.cleaning.duplicates,
                            samplesDropped: analysis.cleaning.dropped, excludedMeters: r(analysis.cleaning.excludedMeters),
                            excludedSeconds: r(analysis.cleaning.excludedSeconds))
        repSource = analysis.repSource.rawValue
        trackSnapped = analysis.trackSnapped
        laps = activity.laps.map { Lap(startSeconds: r($0.startSeconds), seconds: r($0.timerSeconds ?? $0.elapsedSeconds), meters: $0.meters, trigger: $0.trigger.rawValue) }
        func rep(_ index: Int, _ interval: Interval) -> Rep {
            Rep(index: index + 1, startSeconds: r(interval.startSeconds), seconds: r(interval.seconds), meters: r(interval.meters),
                measuredMeters: r(interval.measuredMeters), snapped: interval.snapped, secondsPerKm: r(interval.pace.secondsPerKilometer),
                cadence: interval.stepsPerMinute.map { r($0) }, stepLength: interval.stepLength.map { r($0.meters, 100) })
        }
        reps = analysis.reps.enumerated().map(rep)
        recoveries = analysis.recoveries.enumerated().map(rep)
        bestEfforts = analysis.bestEfforts.map { Effort(distance: $0.distance.label, meters: r($0.distance.meters, 1000), seconds: r($0.seconds), startSeconds: r($0.startSeconds)) }
        paceCurve = analysis.paceCurve.map { CurvePoint(seconds: $0.seconds, meters: r($0.meters), secondsPerKm: r($0.pace.secondsPerKilometer)) }
        compliance = nil
        easyRun = analysis.easyRun.map {
            EasyRun(shareFasterThanEasy: r($0.shareTooFast, 1000),
                    easySecondsPerKm: Range(fast: r($0.easyPace.fast.secondsPerKilometer), slow: r($0.easyPace.slow.secondsPerKilometer)),
                    movingSecondsPerKm: $0.movingPace.map { r($0.secondsPerKilometer) }, tooHard: $0.tooHard)
        }
        warnings = analysis.warnings
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // As the CLI writes them: a number that is not finite is null.
        let marker = "nonfinite-benchmark-marker"
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        return String(decoding: try encoder.encode(self), as: UTF8.self).replacingOccurrences(of: "\"\(marker)\"", with: "null")
    }
}
