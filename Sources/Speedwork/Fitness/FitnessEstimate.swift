/// A runner's current fitness: which model, from which results, how sure, and what it predicts.
///
/// Every training pace and rep target (M42) comes from one of these. Made by
/// ``FitnessEstimator``; logging a faster or more recent result and estimating again moves every
/// target (M21, M43).
public struct FitnessEstimate: Sendable {
    /// The model races are predicted with.
    public let model: FitnessModel
    /// The Daniels–Gilbert VDOT: the recency-weighted mean of the VDOTs of the results from
    /// 1500 m up that count (not superseded); with only shorter results, that of the 1500 m the
    /// speed reserve curve predicts.
    public let vdot: Double
    /// The short-effort model, joined to the race model at 1500 m; predicts distances under 1500 m.
    public let speedReserve: SpeedReserveModel
    /// Whether the speed reserve ratio was fitted to the runner (otherwise the default).
    public let speedReserveIsPersonal: Bool
    /// The results that count, newest first, with their weights; then the superseded ones (weight 0).
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

    /// The predicted all-out time for `distance`: the speed reserve curve under 1500 m, the race
    /// model from 1500 m up. The two meet at 1500 m, so the pace never gets faster as the
    /// distance grows.
    public func prediction(for distance: Distance) -> RacePrediction {
        if distance < Self.shortDistanceLimit {
            return RacePrediction(distance: distance, time: speedReserve.time(for: distance), model: FitnessModel.speedReserve.name)
        }
        return Self.longPrediction(for: distance, model: model, vdot: vdot)
    }

    /// The race model's prediction for 1500 m and up. Critical speed holds for efforts of 2–30
    /// minutes; outside them the Daniels–Gilbert curve through the line's prediction at the edge
    /// (30 min, or 2 min) continues it, so the curve has no jump where the models change.
    static func longPrediction(for distance: Distance, model: FitnessModel, vdot: Double) -> RacePrediction {
        switch model {
        case .vdot, .speedReserve:
            break
        case .riegel(let riegel):
            return RacePrediction(distance: distance, time: riegel.time(for: distance), model: model.name)
        case .criticalSpeed(let cs):
            let window = CriticalSpeedModel.predictionDurations
            let seconds = (distance.meters - cs.dPrime.meters) / cs.criticalSpeed.metersPerSecond
            if window.contains(.seconds(seconds)) {
                return RacePrediction(distance: distance, time: .seconds(seconds), model: model.name)
            }
            let edge = seconds > window.upperBound.seconds ? window.upperBound : window.lowerBound
            let edgeDistance = Distance.meters(cs.criticalSpeed.metersPerSecond * edge.seconds + cs.dPrime.meters)
            let edgeVDOT = DanielsGilbert.vdot(distance: edgeDistance, time: edge)
            return RacePrediction(distance: distance, time: DanielsGilbert.time(for: distance, atVDOT: edgeVDOT), model: FitnessModel.vdot.name)
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
