import Foundation

/// An honest check of a goal against the time left (M44).
///
/// The improvement a goal needs is measured in VDOT (goal result's VDOT − current VDOT) and
/// compared with the gain to expect in the weeks left. The expected weekly gain shrinks as the
/// runner gets faster and with years of base:
///
///     gain per week = newRunnerWeeklyGain · levelFactor(VDOT) · baseFactor(weeks of base)
///     levelFactor   = ((ceilingVDOT − VDOT) / (ceilingVDOT − referenceVDOT))^levelExponent
///     baseFactor    = 1 / (1 + weeks of base / baseHalvingWeeks)
///
/// summed day by day as the VDOT and the base grow. Calibration (see `docs/feasibility.md`):
/// Daniels' guidance of about one VDOT point per 4–6 weeks of consistent training for a typical
/// runner; the HERITAGE Family Study (Bouchard et al., *J Appl Physiol* 87, 1999) for the
/// response of untrained adults and its spread; Haugen et al., *IJSPP* 13 (2018) for world-class
/// runners, who improve 3.4–5.2 % over the five years before their peak. Up to twice the expected
/// gain is `ambitious` (a high responder), beyond that `unrealistic`. All numbers are settings.
public struct GoalFeasibility: Sendable, Hashable {
    /// The verdict on a goal (M44).
    public enum Verdict: String, Sendable, Codable {
        case realistic, ambitious, unrealistic
    }

    /// The verdict.
    public let verdict: Verdict
    /// The verdict with its numbers, in a runner's words.
    public let message: String
    /// Current fitness (VDOT).
    public let currentVDOT: Double
    /// The VDOT the goal result needs.
    public let goalVDOT: Double
    /// Weeks left until the goal race.
    public let weeks: Double
    /// What current fitness predicts for the goal distance.
    public let currentPrediction: Duration
    /// The largest VDOT gain counted as realistic in the time left: the expected gain.
    public let realisticGain: Double
    /// The largest VDOT gain counted as ambitious: ``ambitiousFactor`` times the expected gain.
    public let ambitiousGain: Double
    /// The expected VDOT gain in the first week, at the runner's current level and base.
    public let weeklyGain: Double
    /// How far the fitness estimate behind the verdict can be trusted.
    public let confidence: Confidence
    /// The goal the plan's targets are built on: the goal itself when it is realistic, otherwise the
    /// best time reachable at the goal distance with the realistic gain (never faster than the goal).
    public let reachableGoal: Performance

    /// Expected VDOT gain a week for a runner at ``referenceVDOT`` without base (a setting).
    public static let newRunnerWeeklyGain = 0.35
    /// The VDOT at which the level factor is 1: Daniels' tables start at 30.
    public static let referenceVDOT = 30.0
    /// The VDOT at which no further gain is expected: the men's world records are about VDOT 85,
    /// the top of Daniels' tables.
    public static let ceilingVDOT = 85.0
    /// How steeply the gain shrinks towards the ceiling (1: in proportion to the room left).
    public static let levelExponent = 1.0
    /// Weeks of base after which the expected gain has halved (three years, a setting).
    public static let baseHalvingWeeks = 156.0
    /// How many times the expected gain still counts as ambitious rather than unrealistic.
    public static let ambitiousFactor = 2.0

    /// The expected VDOT gain in one week at `vdot` with `baseWeeks` of base behind the runner.
    public static func weeklyGain(vdot: Double, baseWeeks: Double) -> Double {
        let room = max(0, ceilingVDOT - vdot) / (ceilingVDOT - referenceVDOT)
        let level = min(pow(room, levelExponent), 1)
        let base = 1 / (1 + max(0, baseWeeks) / baseHalvingWeeks)
        return newRunnerWeeklyGain * level * base
    }

    /// The expected VDOT gain over `days`, starting at `vdot` with `baseWeeks` of base; summed day
    /// by day, the VDOT and the base growing as the runner trains.
    public static func expectedGain(from vdot: Double, baseWeeks: Double, days: Int) -> Double {
        var current = vdot
        for day in 0..<max(days, 0) {
            current += weeklyGain(vdot: current, baseWeeks: baseWeeks + Double(day) / 7) / 7
        }
        return current - vdot
    }

    /// - Parameters:
    ///   - fitness: current fitness.
    ///   - goal: the goal race result.
    ///   - days: days from the start of training to the race.
    ///   - baseWeeks: weeks of base the runner already has (M8); years of base slow the expected gain.
    public init(fitness: FitnessEstimate, goal: Performance, days: Int, baseWeeks: Int = 0) {
        weeks = Double(days) / 7
        currentVDOT = fitness.vdot
        goalVDOT = DanielsGilbert.vdot(of: goal)
        currentPrediction = fitness.time(for: goal.distance)
        confidence = fitness.confidence
        weeklyGain = Self.weeklyGain(vdot: currentVDOT, baseWeeks: Double(baseWeeks))
        realisticGain = Self.expectedGain(from: currentVDOT, baseWeeks: Double(baseWeeks), days: days)
        ambitiousGain = realisticGain * Self.ambitiousFactor
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
        let rateText = "about \(weeklyGain.text(decimals: 2)) a week at your level with \(baseWeeks) weeks of base"
        if needed <= 0 {
            verdict = .realistic
            message = "\(goalText): current fitness already reaches it; the plan sharpens it."
        } else if needed <= realisticGain {
            verdict = .realistic
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is within the realistic \(realisticGain.text(decimals: 1)) (\(rateText))."
        } else if needed <= ambitiousGain {
            verdict = .ambitious
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is more than the realistic \(realisticGain.text(decimals: 1)) (\(rateText)) but within an ambitious \(ambitiousGain.text(decimals: 1)); realistic by then: \(reachableGoal.written)."
        } else {
            verdict = .unrealistic
            message = "\(goalText): +\(needed.text(decimals: 1)) in \(weeksText) is beyond even an ambitious \(ambitiousGain.text(decimals: 1)) (realistic \(realisticGain.text(decimals: 1)), \(rateText)); consider a later race or a goal near \(DanielsGilbert.time(for: goal.distance, atVDOT: currentVDOT + ambitiousGain).formatted(.rep)); realistic by then: \(reachableGoal.written)."
        }
    }
}
