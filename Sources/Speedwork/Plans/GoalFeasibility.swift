import Foundation

/// An honest check of a goal against the time left (M44).
///
/// The improvement a goal needs is measured in VDOT (goal result's VDOT − current VDOT). Over
/// `w` weeks of structured training the product counts up to 0.3 VDOT a week as realistic and up to
/// 0.6 a week as ambitious, with at most 6 and 12 VDOT in all (product settings: about one VDOT
/// point per 3–4 weeks is a common coaching expectation for a runner who trains consistently, and
/// gains slow as fitness rises). Beyond that the goal is called unrealistic, with the numbers.
public struct GoalFeasibility: Sendable, Hashable {
    public enum Verdict: String, Sendable, Codable {
        case realistic, ambitious, unrealistic
    }

    public let verdict: Verdict
    public let message: String
    public let currentVDOT: Double
    public let goalVDOT: Double
    public let weeks: Double
    /// What current fitness predicts for the goal distance.
    public let currentPrediction: Duration
    /// The largest VDOT gain counted as realistic, and as ambitious, in the time left.
    public let realisticGain: Double
    public let ambitiousGain: Double

    /// VDOT a week counted as realistic, and as ambitious.
    public static let realisticRate = 0.3
    public static let ambitiousRate = 0.6
    /// Caps on the total gain.
    public static let realisticCap = 6.0
    public static let ambitiousCap = 12.0

    public init(fitness: FitnessEstimate, goal: Performance, days: Int) {
        weeks = Double(days) / 7
        currentVDOT = fitness.vdot
        goalVDOT = DanielsGilbert.vdot(of: goal)
        currentPrediction = fitness.time(for: goal.distance)
        realisticGain = min(weeks * Self.realisticRate, Self.realisticCap)
        ambitiousGain = min(weeks * Self.ambitiousRate, Self.ambitiousCap)
        let needed = goalVDOT - currentVDOT
        let goalText = "\(goal.written) needs VDOT \(goalVDOT.text(decimals: 1)); you are at \(currentVDOT.text(decimals: 1)) (\(goal.distance.label) in \(currentPrediction.formatted(.rep)) today)"
        let weeksText = "\(weeks.text(decimals: 1)) weeks"
        if needed <= 0 {
            verdict = .realistic
            message = "\(goalText): current fitness already reaches it; the plan sharpens it."
        } else if needed <= realisticGain {
            verdict = .realistic
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is within the realistic \(realisticGain.text(decimals: 1))."
        } else if needed <= ambitiousGain {
            verdict = .ambitious
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is more than the realistic \(realisticGain.text(decimals: 1)) but within an ambitious \(ambitiousGain.text(decimals: 1))."
        } else {
            verdict = .unrealistic
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is beyond even an ambitious \(ambitiousGain.text(decimals: 1)); consider a later race or a goal near \(DanielsGilbert.time(for: goal.distance, atVDOT: currentVDOT + ambitiousGain).formatted(.rep))."
        }
    }
}
