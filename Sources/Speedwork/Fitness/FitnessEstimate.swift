/// A runner's current fitness: which model, from which results, how sure, and what it predicts.
///
/// Every training pace and rep target (M42) comes from one of these. Made by
/// ``FitnessEstimator``; logging a faster or more recent result and estimating again moves every
/// target (M21, M43).
public struct FitnessEstimate: Sendable {
    /// The model races are predicted with.
    public let model: FitnessModel
    /// The Daniels–Gilbert VDOT: the recency-weighted mean of the results' own VDOTs.
    public let vdot: Double
    /// The short-effort model, consistent with ``vdot``; predicts distances under 1500 m.
    public let speedReserve: SpeedReserveModel
    /// Whether the speed reserve ratio was fitted to the runner (otherwise the default).
    public let speedReserveIsPersonal: Bool
    /// The results, newest first, with their weights.
    public let results: [WeightedResult]
    /// How far to trust the estimate.
    public let confidence: Confidence
    /// Why the confidence is what it is, in plain words.
    public let confidenceReasons: [String]
    /// Anything a runner should know: extrapolations, clamped fits, old results.
    public let notes: [String]
    /// The day the estimate is made for.
    public let asOf: Day

    /// Distances shorter than this are predicted by the speed-reserve model: the Daniels–Gilbert
    /// and Riegel fits start at about 1500 m (3.5 min).
    public static let shortDistanceLimit = Distance.meters(1500)

    /// The predicted all-out time for `distance`.
    public func prediction(for distance: Distance) -> RacePrediction {
        if distance < Self.shortDistanceLimit {
            return RacePrediction(distance: distance, time: speedReserve.time(for: distance), model: FitnessModel.speedReserve.name)
        }
        switch model {
        case .vdot, .speedReserve:
            break
        case .riegel(let riegel):
            return RacePrediction(distance: distance, time: riegel.time(for: distance), model: model.name)
        case .criticalSpeed(let cs):
            if let time = cs.time(for: distance), CriticalSpeedModel.predictionDurations.contains(time) {
                return RacePrediction(distance: distance, time: time, model: model.name)
            }
        }
        return RacePrediction(distance: distance, time: DanielsGilbert.time(for: distance, atVDOT: vdot), model: FitnessModel.vdot.name)
    }

    /// The predicted time for `distance`.
    public func time(for distance: Distance) -> Duration {
        prediction(for: distance).time
    }

    /// Current all-out pace over `distance`.
    public func racePace(for distance: Distance) -> Pace {
        prediction(for: distance).pace
    }
}
