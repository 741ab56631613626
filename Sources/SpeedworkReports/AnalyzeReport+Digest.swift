import Speedwork
import SpeedworkStore

extension AnalyzeReport {
    /// The digest the store would derive from this report's JSON (``ActivityDigest/init(analysisJSON:)``),
    /// taken from the report itself: a number JSON cannot hold (infinite, NaN) is written `null`
    /// and so reads back absent, as here.
    public var digest: ActivityDigest {
        func stored(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        return ActivityDigest(
            analysedAsRun: analysedAsRun, distanceMeters: stored(distanceMeters), durationSeconds: stored(durationSeconds),
            movingSeconds: stored(movingSeconds),
            reps: reps.map { .init(meters: stored($0.meters), seconds: stored($0.seconds), cadence: stored($0.cadence),
                                   stepLength: stored($0.stepLength)) },
            recoverySeconds: recoveries.compactMap { stored($0.seconds) },
            bestEfforts: bestEfforts.compactMap { effort in
                guard let meters = stored(effort.meters), let seconds = stored(effort.seconds) else { return nil }
                return .init(meters: meters, seconds: seconds)
            },
            easyRunTooHard: easyRun?.tooHard)
    }
}
