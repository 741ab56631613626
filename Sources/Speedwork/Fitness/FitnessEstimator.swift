import Foundation

/// Turns results into a ``FitnessEstimate``, choosing the model from the inputs.
///
/// With `auto`: results all under 1500 m → the speed-reserve model (lower confidence); two or
/// more results at different distances from 1500 m up → Riegel with a personal exponent;
/// otherwise Daniels–Gilbert VDOT. Newer results weigh more (``RecencyWeighting``). The VDOT, and
/// so every training pace, is the weighted mean of the results' own VDOTs whatever the model,
/// so the race model changes predictions but never the paces under them. See
/// `docs/fitness-models.md`.
public struct FitnessEstimator: Sendable {
    /// How fast older results lose weight.
    public var recency: RecencyWeighting
    /// Riegel's exponent; `nil` fits a personal one when the results allow, 1.06 otherwise.
    public var riegelExponent: Double?
    /// The speed reserve ratio assumed when it cannot be fitted.
    public var defaultSpeedReserveRatio: Double

    public init(recency: RecencyWeighting = RecencyWeighting(), riegelExponent: Double? = nil, defaultSpeedReserveRatio: Double = SpeedReserveModel.defaultRatio) {
        self.recency = recency
        self.riegelExponent = riegelExponent
        self.defaultSpeedReserveRatio = defaultSpeedReserveRatio
    }

    /// Estimates fitness from `results` as of `today`.
    ///
    /// - Throws: ``InputError`` when there are no results, a result is dated after `today`, or the
    ///   chosen model cannot use the results (e.g. `cs` without two 2–20 min results).
    public func estimate(from results: [Performance], model choice: FitnessModelChoice = .auto, asOf today: Day) throws -> FitnessEstimate {
        guard !results.isEmpty else {
            throw InputError("no result given: add at least one --from DISTANCE=TIME, e.g. --from 5k=22:30")
        }
        if let future = results.first(where: { ($0.date ?? today) > today }) {
            throw InputError("\(future.written) is dated after \(today): results must already have been run")
        }
        var notes: [String] = []
        let ages = results.map { ($0.date ?? today).days(until: today) }
        let weights = recency.weights(ageDays: ages)
        let aged = results.indices.map { (results[$0], ages[$0], weights[$0]) }
        let short = aged.filter { $0.0.distance < FitnessEstimate.shortDistanceLimit }
        let long = aged.filter { $0.0.distance >= FitnessEstimate.shortDistanceLimit }

        // 1. The aerobic side: Daniels–Gilbert VDOT of the results from 1500 m up.
        let longVDOT: Double? = long.isEmpty ? nil : weightedMean(long.map { (DanielsGilbert.vdot(of: $0.0), $0.2) })

        // 2. The short-effort side: the speed reserve model.
        var reserve: SpeedReserveModel
        var reserveIsPersonal = false
        if let longVDOT {
            let aerobic = DanielsGilbert.speedAtVO2max(vdot: longVDOT)
            reserve = SpeedReserveModel(aerobicSpeed: aerobic, reserveRatio: defaultSpeedReserveRatio)
            if !short.isEmpty {
                let ratio = weightedMean(short.map { (SpeedReserveModel.ratio(of: $0.0, aerobicSpeed: aerobic), $0.2) })
                let held = min(max(ratio, SpeedReserveModel.plausibleRatios.lowerBound), SpeedReserveModel.plausibleRatios.upperBound)
                if held != ratio {
                    notes.append("the short and long results disagree (speed reserve ratio \(ratio.text(decimals: 2)), held at \(held.text(decimals: 2))): check them, or run a fresh time trial (M21)")
                }
                reserve = SpeedReserveModel(aerobicSpeed: aerobic, reserveRatio: held)
                reserveIsPersonal = true
            }
        } else {
            let weightedShort = short.map { weighted($0, vdot: 0, viaReserve: true) }
            if let fitted = SpeedReserveModel.fitted(to: weightedShort) {
                reserve = fitted
                reserveIsPersonal = true
            } else {
                let aerobic = weightedMean(short.map { (SpeedReserveModel.aerobicSpeed(of: $0.0, ratio: defaultSpeedReserveRatio).metersPerSecond, $0.2) })
                reserve = SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: aerobic), reserveRatio: defaultSpeedReserveRatio)
            }
        }

        // 3. Each result's own VDOT; short results through the speed reserve model.
        let weightedResults = aged.map { item -> WeightedResult in
            if item.0.distance < FitnessEstimate.shortDistanceLimit {
                let aerobic = SpeedReserveModel.aerobicSpeed(of: item.0, ratio: reserve.reserveRatio)
                return weighted(item, vdot: DanielsGilbert.oxygenCost(at: aerobic), viaReserve: true)
            }
            return weighted(item, vdot: DanielsGilbert.vdot(of: item.0), viaReserve: false)
        }.sorted { ($0.ageDays, $0.performance.distance) < ($1.ageDays, $1.performance.distance) }
        let vdot = longVDOT ?? DanielsGilbert.oxygenCost(at: reserve.aerobicSpeed)

        // 4. The race model.
        let longResults = weightedResults.filter { !$0.vdotViaSpeedReserve }
        let model: FitnessModel
        switch choice {
        case .auto:
            if longResults.isEmpty {
                model = .speedReserve
            } else if riegelExponent == nil, let personal = RiegelModel.personal(fittedTo: longResults) {
                model = .riegel(personal.model)
                noteClamp(personal.fittedExponent, held: personal.model.exponent, into: &notes)
            } else {
                model = .vdot
            }
        case .vdot:
            model = .vdot
        case .speedReserve:
            model = .speedReserve
        case .riegel:
            guard !longResults.isEmpty else {
                throw InputError("the Riegel model needs a result of 1500m or longer; for 400m and 800m results use --model speed-reserve or auto")
            }
            if let exponent = riegelExponent {
                model = .riegel(RiegelModel(exponent: exponent, anchoredOn: longResults))
            } else if let personal = RiegelModel.personal(fittedTo: longResults) {
                model = .riegel(personal.model)
                noteClamp(personal.fittedExponent, held: personal.model.exponent, into: &notes)
            } else {
                model = .riegel(RiegelModel(exponent: RiegelModel.publishedExponent, anchoredOn: longResults))
            }
        case .cs:
            model = .criticalSpeed(try CriticalSpeedModel.fitted(to: weightedResults))
        }

        // 5. Notes on what lies outside a model's fitted range.
        for result in weightedResults where result.vdotViaSpeedReserve {
            notes.append("\(result.performance.written) is under 1500m, shorter than the Daniels–Gilbert equations were fitted for: its VDOT comes through the speed reserve model (ratio \(reserve.reserveRatio.text(decimals: 2))\(reserveIsPersonal ? ", fitted" : ", assumed"))")
        }
        for result in longResults where !DanielsGilbert.fittedDurations.contains(result.performance.time) {
            notes.append("\(result.performance.written) lasted longer than the Daniels–Gilbert equations were fitted for (up to 5 hours)")
        }

        // 6. Confidence.
        let (confidence, reasons) = judgeConfidence(weightedResults, model: model, reserveIsPersonal: reserveIsPersonal)
        return FitnessEstimate(
            model: model, vdot: vdot, speedReserve: reserve, speedReserveIsPersonal: reserveIsPersonal,
            results: weightedResults, confidence: confidence, confidenceReasons: reasons, notes: notes, asOf: today)
    }

    private func weighted(_ item: (Performance, Int, Double), vdot: Double, viaReserve: Bool) -> WeightedResult {
        WeightedResult(performance: item.0, ageDays: item.1, weight: item.2, vdot: vdot, vdotViaSpeedReserve: viaReserve)
    }

    private func noteClamp(_ fitted: Double, held: Double, into notes: inout [String]) {
        if fitted != held {
            notes.append("the results give a Riegel exponent of \(fitted.text(decimals: 3)), outside the plausible \(RiegelModel.plausibleExponents.lowerBound.text(decimals: 2))–\(RiegelModel.plausibleExponents.upperBound.text(decimals: 2)); held at \(held.text(decimals: 3))")
        }
    }

    private func judgeConfidence(_ results: [WeightedResult], model: FitnessModel, reserveIsPersonal: Bool) -> (Confidence, [String]) {
        var confidence = Confidence.high
        var reasons: [String] = []
        func lower(to level: Confidence, _ reason: String) {
            confidence = min(confidence, level)
            reasons.append(reason)
        }
        let newest = results.map(\.ageDays).min() ?? 0
        if results.allSatisfy(\.vdotViaSpeedReserve) {
            lower(to: reserveIsPersonal ? .medium : .low, reserveIsPersonal
                  ? "only results under 1500m: the mile and longer are extrapolated"
                  : "one short result: the speed reserve ratio is assumed, not measured")
        }
        if results.count == 1 {
            lower(to: .medium, "one result: add another at a different distance for a personal model")
        } else if Set(results.map { $0.performance.distance.meters.rounded() }).count == 1 {
            lower(to: .medium, "all results are at one distance")
        }
        if case .riegel(let riegel) = model, riegel.isPersonal, !(1.03...1.15).contains(riegel.exponent) {
            lower(to: .medium, "the personal Riegel exponent \(riegel.exponent.text(decimals: 3)) is unusual")
        }
        if newest > 180 {
            lower(to: .low, "the newest result is \(newest) days old: run a time trial (M21)")
        } else if newest > 60 {
            lower(to: .medium, "the newest result is \(newest) days old")
        }
        if reasons.isEmpty {
            reasons.append("\(results.count) recent results at different distances")
        }
        return (confidence, reasons)
    }
}

/// The weighted mean of values; the plain mean when every weight is 0.
func weightedMean(_ pairs: [(Double, Double)]) -> Double {
    let total = pairs.reduce(0) { $0 + $1.1 }
    guard total > 0 else { return pairs.reduce(0) { $0 + $1.0 } / Double(max(pairs.count, 1)) }
    return pairs.reduce(0) { $0 + $1.0 * $1.1 } / total
}

