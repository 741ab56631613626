import Foundation

/// Turns results into a ``FitnessEstimate``, choosing the model from the inputs.
///
/// With `auto`: results all under 1500 m → the speed-reserve model (lower confidence); two or
/// more results at different distances from 1500 m up → Riegel with a personal exponent;
/// otherwise Daniels–Gilbert VDOT. Newer results weigh more (``RecencyWeighting``) and a newer
/// result at least as fast at about the same distance supersedes an older one
/// (``supersedingResult(of:olderAge:among:)``). The VDOT, and so every training pace, is the
/// weighted mean of the VDOTs of the results from 1500 m up whatever the model, so the race model
/// changes predictions but never the paces under them. Under 1500 m the speed reserve curve is
/// joined to the race model at 1500 m, so predicted pace slows with distance everywhere from
/// 100 m to the marathon. See `docs/fitness-models.md`.
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

    /// Results at distances within this ratio of each other are "near" for ``supersededBy``:
    /// a mile beside a 1500 m, a 5K beside a 3 mile or a 4K (a product setting).
    public static let nearDistanceRatio = 1.25

    /// The newer result that supersedes `older`, if any: a result run later at the same or a near
    /// distance that is at least as fast (the older one scaled to its distance by Riegel's 1.06).
    ///
    /// An older result counts, with its decayed weight, only while it is faster than every newer
    /// result near its distance: a fresh 6:25 mile time trial replaces last month's 6:40 instead of
    /// being averaged down by it, while an older 6:20 beside today's 6:40 still counts (a bad day
    /// or a fitness loss is not yet the whole story). See `docs/fitness-models.md`.
    public static func supersedingResult(of older: Performance, olderAge: Int, among results: [(performance: Performance, ageDays: Int)]) -> Performance? {
        // The newest qualifying result; of several as new, the first given.
        var newest: (performance: Performance, ageDays: Int)?
        for newer in results where newer.ageDays < olderAge && newest.map({ newer.ageDays < $0.ageDays }) ?? true {
            let ratio = max(newer.performance.distance.meters, older.distance.meters) / min(newer.performance.distance.meters, older.distance.meters)
            guard ratio <= nearDistanceRatio else { continue }
            let scaled = older.time.seconds * pow(newer.performance.distance.meters / older.distance.meters, RiegelModel.publishedExponent)
            if newer.performance.time.seconds <= scaled { newest = newer }
        }
        return newest?.performance
    }

    /// Estimates fitness from `results` as of `today`.
    ///
    /// - Throws: ``InputError`` when there are no results, a result is dated after `today`, the
    ///   Riegel exponent is below 1 (pace would get faster with distance), or the chosen model
    ///   cannot use the results (e.g. `cs` without two 2–20 min results).
    public func estimate(from results: [Performance], model choice: FitnessModelChoice = .auto, asOf today: Day) throws -> FitnessEstimate {
        guard !results.isEmpty else {
            throw InputError("no result given: add at least one --from DISTANCE=TIME, e.g. --from 5k=22:30")
        }
        if let future = results.first(where: { ($0.date ?? today) > today }) {
            throw InputError("\(future.written) is dated after \(today): results must already have been run")
        }
        if let exponent = riegelExponent, !(exponent >= 1 && exponent.isFinite) {
            throw InputError("Riegel exponent \(exponent) is below 1: pace would get faster as the distance grows")
        }
        var notes: [String] = []
        let ages = results.map { ($0.date ?? today).days(until: today) }

        // 0. A newer result at the same or a near distance, at least as fast, supersedes an older one.
        let dated = results.indices.map { (performance: results[$0], ageDays: ages[$0]) }
        let superseding = results.indices.map { Self.supersedingResult(of: results[$0], olderAge: ages[$0], among: dated) }
        let counted = results.indices.filter { superseding[$0] == nil }
        for index in results.indices {
            if let newer = superseding[index] {
                notes.append("\(results[index].written) is superseded by the newer, at least as fast \(newer.written): an older result counts only while it is faster than newer ones at about its distance")
            }
        }
        let weights = recency.weights(ageDays: counted.map { ages[$0] })
        let aged = counted.indices.map { (results[counted[$0]], ages[counted[$0]], weights[$0]) }
        let short = aged.filter { $0.0.distance < FitnessEstimate.shortDistanceLimit }
        let long = aged.filter { $0.0.distance >= FitnessEstimate.shortDistanceLimit }
        let shortWeighted = short.map { weighted($0, vdot: 0, viaReserve: true) }
        let longWeighted = long.map { weighted($0, vdot: DanielsGilbert.vdot(of: $0.0), viaReserve: false) }

        // 1. VDOT: the weighted mean of the VDOTs of the results from 1500 m up; with only shorter
        //    results, the VDOT of the 1500 m the speed reserve curve through them predicts.
        var reserveIsPersonal = false
        let vdot: Double
        if !long.isEmpty {
            vdot = weightedMean(longWeighted.map { ($0.vdot, $0.weight) })
            reserveIsPersonal = !short.isEmpty
        } else {
            let free: SpeedReserveModel
            if let fitted = SpeedReserveModel.fitted(to: shortWeighted) {
                free = fitted
                reserveIsPersonal = true
            } else {
                let aerobic = weightedMean(short.map { (SpeedReserveModel.aerobicSpeed(of: $0.0, ratio: defaultSpeedReserveRatio).metersPerSecond, $0.2) })
                free = SpeedReserveModel(aerobicSpeed: Speed(metersPerSecond: aerobic), reserveRatio: defaultSpeedReserveRatio)
            }
            vdot = DanielsGilbert.vdot(distance: FitnessEstimate.shortDistanceLimit, time: free.time(for: FitnessEstimate.shortDistanceLimit))
        }

        // 2. The race model for 1500 m and up.
        let model: FitnessModel
        switch choice {
        case .auto:
            if long.isEmpty {
                model = .speedReserve
            } else if riegelExponent == nil, let personal = RiegelModel.personal(fittedTo: longWeighted) {
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
            guard !long.isEmpty else {
                throw InputError("the Riegel model needs a result of 1500m or longer; for 400m and 800m results use --model speed-reserve or auto")
            }
            if let exponent = riegelExponent {
                model = .riegel(RiegelModel(exponent: exponent, anchoredOn: longWeighted))
            } else if let personal = RiegelModel.personal(fittedTo: longWeighted) {
                model = .riegel(personal.model)
                noteClamp(personal.fittedExponent, held: personal.model.exponent, into: &notes)
            } else {
                model = .riegel(RiegelModel(exponent: RiegelModel.publishedExponent, anchoredOn: longWeighted))
            }
        case .cs:
            model = .criticalSpeed(try CriticalSpeedModel.fitted(to: longWeighted + shortWeighted))
        }

        // 3. The short-effort curve, joined to the race model at 1500 m so the pace–distance curve
        //    is continuous there, and fitted to the results under 1500 m.
        let junction = FitnessEstimate.longPrediction(for: FitnessEstimate.shortDistanceLimit, model: model, vdot: vdot).time
        let joined = SpeedReserveModel.joined(atTime: junction, over: FitnessEstimate.shortDistanceLimit, to: shortWeighted, defaultRatio: defaultSpeedReserveRatio)
        let reserve = joined.model
        if let fitted = joined.fittedRatio, fitted != reserve.reserveRatio {
            notes.append("the short and long results disagree (speed reserve ratio \(fitted.text(decimals: 2)), held at \(reserve.reserveRatio.text(decimals: 2))): check them, or run a fresh time trial (M21)")
        }

        // 4. Each result's own VDOT; a short one through the speed reserve curve at the estimate's ratio.
        func shortVDOT(_ result: Performance) -> Double {
            let own = SpeedReserveModel(aerobicSpeed: SpeedReserveModel.aerobicSpeed(of: result, ratio: reserve.reserveRatio), reserveRatio: reserve.reserveRatio)
            return DanielsGilbert.vdot(distance: FitnessEstimate.shortDistanceLimit, time: own.time(for: FitnessEstimate.shortDistanceLimit))
        }
        let countedResults = (longWeighted + short.map { weighted($0, vdot: shortVDOT($0.0), viaReserve: true) }).sorted { ($0.ageDays, $0.performance.distance) < ($1.ageDays, $1.performance.distance) }
        let supersededResults = results.indices.compactMap { index -> WeightedResult? in
            guard let newer = superseding[index] else { return nil }
            let viaReserve = results[index].distance < FitnessEstimate.shortDistanceLimit
            return WeightedResult(performance: results[index], ageDays: ages[index], weight: 0,
                                  vdot: viaReserve ? shortVDOT(results[index]) : DanielsGilbert.vdot(of: results[index]), vdotViaSpeedReserve: viaReserve, supersededBy: newer)
        }.sorted { ($0.ageDays, $0.performance.distance) < ($1.ageDays, $1.performance.distance) }

        // 5. Notes on what lies outside a model's fitted range.
        for result in countedResults where result.vdotViaSpeedReserve {
            notes.append("\(result.performance.written) is under 1500m, shorter than the Daniels–Gilbert equations were fitted for: its VDOT comes through the speed reserve model (ratio \(reserve.reserveRatio.text(decimals: 2))\(reserveIsPersonal ? ", fitted" : ", assumed"))")
        }
        for result in countedResults where !result.vdotViaSpeedReserve && !DanielsGilbert.fittedDurations.contains(result.performance.time) {
            notes.append("\(result.performance.written) lasted longer than the Daniels–Gilbert equations were fitted for (up to 5 hours)")
        }

        // 6. Confidence, from the results that count.
        let (confidence, reasons) = judgeConfidence(countedResults, model: model, reserveIsPersonal: reserveIsPersonal)
        return FitnessEstimate(
            model: model, vdot: vdot, speedReserve: reserve, speedReserveIsPersonal: reserveIsPersonal,
            results: countedResults + supersededResults, confidence: confidence, confidenceReasons: reasons, notes: notes, asOf: today)
    }

    /// The estimate `estimate(from:model:asOf:)` gives for `day` from the same results as
    /// `estimate`, without estimating again (docs/fitness-models.md, "Estimates over many days").
    ///
    /// Every weight, the supersedings, the VDOT and the models depend only on the results' ages
    /// relative to each other, which moving the day shifts all alike; what moves is each result's
    /// age, the confidence (from the newest result's age) and the day itself. A log estimating
    /// every day of a year calls ``estimate(from:model:asOf:)`` once per distinct set of results
    /// and this for the other days.
    ///
    /// - Throws: ``InputError`` when a result is dated after `day`.
    public func redated(_ estimate: FitnessEstimate, to day: Day) throws -> FitnessEstimate {
        if let future = estimate.results.first(where: { ($0.performance.date ?? day) > day }) {
            throw InputError("\(future.performance.written) is dated after \(day): results must already have been run")
        }
        let shift = estimate.asOf.days(until: day)
        let results = estimate.results.map {
            WeightedResult(performance: $0.performance, ageDays: $0.ageDays + shift, weight: $0.weight, vdot: $0.vdot,
                           vdotViaSpeedReserve: $0.vdotViaSpeedReserve, supersededBy: $0.supersededBy)
        }
        let counted = results.filter { $0.supersededBy == nil }
        let (confidence, reasons) = judgeConfidence(counted, model: estimate.model, reserveIsPersonal: estimate.speedReserveIsPersonal)
        return FitnessEstimate(
            model: estimate.model, vdot: estimate.vdot, speedReserve: estimate.speedReserve,
            speedReserveIsPersonal: estimate.speedReserveIsPersonal, results: results, confidence: confidence,
            confidenceReasons: reasons, notes: estimate.notes, asOf: day)
    }

    private func weighted(_ item: (Performance, Int, Double), vdot: Double, viaReserve: Bool) -> WeightedResult {
        WeightedResult(performance: item.0, ageDays: item.1, weight: item.2, vdot: vdot, vdotViaSpeedReserve: viaReserve, supersededBy: nil)
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

