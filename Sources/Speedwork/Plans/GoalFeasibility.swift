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
    /// The goal the plan's targets are built on: the goal itself when it is realistic, otherwise the
    /// best time reachable at the goal distance with the realistic gain (never faster than the goal).
    public let reachableGoal: Performance

    /// VDOT a week counted as realistic, and as ambitious.
    public static let realisticRate = 0.3
    public static let ambitiousRate = 0.6
    /// Caps on the total gain.
    public static let realisticCap = 6.0
    public static let ambitiousCap = 12.0

    /// - Parameters:
    ///   - baseWeeks: weeks of base the runner already has (M8); years of base slow the expected gain.
    public init(fitness: FitnessEstimate, goal: Performance, days: Int, baseWeeks: Int = 0) {
        weeks = Double(days) / 7
        currentVDOT = fitness.vdot
        goalVDOT = DanielsGilbert.vdot(of: goal)
        currentPrediction = fitness.time(for: goal.distance)
        realisticGain = min(weeks * Self.realisticRate, Self.realisticCap)
        ambitiousGain = min(weeks * Self.ambitiousRate, Self.ambitiousCap)
        let needed = goalVDOT - currentVDOT
        if needed <= realisticGain {
            reachableGoal = goal
        } else {
            let reachable = DanielsGilbert.time(for: goal.distance, atVDOT: currentVDOT + realisticGain)
            // Whole seconds, rounded towards the slower side, as a runner would write the goal.
            let seconds = max(reachable.seconds, goal.time.seconds).rounded(.up)
            reachableGoal = (try? Performance(distance: goal.distance, time: Duration(seconds: seconds))) ?? goal
        }
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
