import Foundation

/// The method's per-session targets (M10–M13, M17, M18, M20) for a runner.
///
/// Targets that are about goal pace (M12, M13) use the goal when one is given, and current
/// fitness otherwise; all others use current fitness. Track laps are quarter-miles as on the
/// track: a 6:00 mile goal is run as 90 s laps (M13's own example), although 400 m is 0.4 % short
/// of a quarter of 1609 m.
public struct SessionTargets: Sendable {
    /// The runner's current fitness.
    public let fitness: FitnessEstimate
    /// The goal race, when given (`--goal mile=6:00`).
    public let goal: Performance?

    /// How wide the band around a rep time is (product default ±1 %: 38 s → 37.6–38.4 s).
    public static let repTolerance = 0.01
    /// M13 asks for *exactly* goal pace: its band is ±0.5 %.
    public static let goalPaceTolerance = 0.005
    /// M10 sprints are "about" 400 m race pace: ±2.5 %.
    public static let sprintTolerance = 0.025
    /// M18's band around Daniels' T pace: ±1 % (4:42/km → 4:39–4:45/km).
    public static let thresholdTolerance = 0.01

    public init(fitness: FitnessEstimate, goal: Performance? = nil) {
        self.fitness = fitness
        self.goal = goal
    }

    /// Current 400 m race time (M10, M11).
    public var current400: Duration { fitness.time(for: .meters(400)) }

    /// Current mile race time (M17, M18).
    public var currentMile: Duration { fitness.time(for: .mile) }

    /// The mile time that goal-pace sessions aim at: the goal's mile equivalent (by VDOT) when
    /// the goal is not a mile, the current mile without a goal.
    public var goalMile: (time: Duration, basis: String) {
        guard let goal else {
            return (currentMile, "current mile pace \(currentMile.formatted(.rep)) (no --goal given)")
        }
        if abs(goal.distance.meters - Distance.mile.meters) < 0.5 {
            return (goal.time, "goal mile \(goal.time.formatted(.rep))")
        }
        let equivalent = DanielsGilbert.time(for: .mile, atVDOT: DanielsGilbert.vdot(of: goal))
        return (equivalent, "goal \(goal.written), a \(equivalent.formatted(.rep)) mile by VDOT")
    }

    /// A lap of `meters` as a share of a mile time, the way track splits are run (mile = 4 laps).
    public static func lapSplit(ofMile mile: Duration, meters: Double) -> Duration {
        .seconds(mile.seconds * meters / 1600)
    }

    /// Every session target, in rule order.
    public var all: [SessionTarget] {
        [legSpeed, twoHundreds, negativeSplitFourHundreds, goalPaceFourHundreds, vo2maxMiles, threshold, easyRun]
    }

    /// M10: 20–30 s sprints at about 400 m race pace (90 % effort).
    public var legSpeed: SessionTarget {
        let pace = Pace(distance: .meters(400), time: current400)
        return SessionTarget(
            rule: "M10", title: "leg speed: 6–10 × 20–30 s sprints",
            pace: PaceRange(around: pace, tolerance: Self.sprintTolerance),
            repTarget: nil, repDuration: .seconds(20)...(.seconds(30)),
            basis: "about current 400m race pace (\(current400.formatted(.rep))), 90 % effort")
    }

    /// M11: 200 m reps about 5 % faster than current 400 m pace (80 s → 38 s).
    public var twoHundreds: SessionTarget {
        let time = Duration.seconds(current400.seconds / 2 * 0.95)
        let rep = RepTarget(distance: .meters(200), around: time, tolerance: Self.repTolerance)
        return SessionTarget(
            rule: "M11", title: "200m repeats", pace: rep.pace, repTarget: rep, repDuration: nil,
            basis: "5 % faster than current 400m pace (\(current400.formatted(.rep)))")
    }

    /// M12: 400 m reps, second 200 m faster than goal mile pace (2–4 %), first 200 m 5 s slower
    /// than the second.
    public var negativeSplitFourHundreds: SessionTarget {
        let (mile, basis) = goalMile
        let goal200 = Self.lapSplit(ofMile: mile, meters: 200).seconds
        let second = RepTarget(distance: .meters(200), fast: .seconds(goal200 * 0.96), slow: .seconds(goal200 * 0.99))
        let first = RepTarget(distance: .meters(200), fast: second.fast + .seconds(5), slow: second.slow + .seconds(5))
        let rep = RepTarget(distance: .meters(400), fast: first.fast + second.fast, slow: first.slow + second.slow, splits: [first, second])
        return SessionTarget(
            rule: "M12", title: "400m repeats, negative split", pace: rep.pace, repTarget: rep, repDuration: nil,
            basis: "second 200m 1–4 % faster than \(basis) (\(Duration.seconds(goal200).formatted(.rep)) per 200m), first 200m 5 s slower")
    }

    /// M13: 400 m reps at exactly goal mile pace per lap (6:00 → 90 s).
    public var goalPaceFourHundreds: SessionTarget {
        let (mile, basis) = goalMile
        let lap = Self.lapSplit(ofMile: mile, meters: 400)
        let rep = RepTarget(distance: .meters(400), around: lap, tolerance: Self.goalPaceTolerance)
        return SessionTarget(
            rule: "M13", title: "400m repeats at goal pace",
            pace: PaceRange(around: Pace(distance: .mile, time: mile), tolerance: Self.goalPaceTolerance),
            repTarget: rep, repDuration: nil,
            basis: "\(basis), a quarter per lap")
    }

    /// M17: mile reps at current mile pace plus 30–40 s per mile (about 5K pace).
    public var vo2maxMiles: SessionTarget {
        let mile = currentMile
        let rep = RepTarget(distance: .mile, fast: mile + .seconds(30), slow: mile + .seconds(40))
        return SessionTarget(
            rule: "M17", title: "VO2max repeats: 3–6 × 1 mile", pace: rep.pace, repTarget: rep, repDuration: nil,
            basis: "current mile pace (\(mile.formatted(.rep))) + 30–40 s per mile")
    }

    /// M18 reconciled with Daniels: 10 min reps in Daniels' T band, T pace ±``thresholdTolerance``.
    ///
    /// The method's own figure, mile pace + 40–50 s per mile (``methodThreshold``), is 3–5 % faster
    /// than Daniels' T (*Daniels' Running Formula*, Table 5.2) for most runners; two paces both
    /// called threshold would be one too many, so the runner gets Daniels' T, which the published
    /// table supports at every VDOT, and the method's offset is named in the basis as a cross-check.
    /// See `docs/training-paces.md`.
    public var threshold: SessionTarget {
        let pace = TrainingPaces.pace(.threshold, vdot: fitness.vdot).middle
        let method = methodThreshold
        let faster = (1 - method.middle.secondsPerKilometer / pace.secondsPerKilometer) * 100
        let comparison = faster >= 0.5 ? "\(faster.text(decimals: 0)) % faster" : faster <= -0.5 ? "\((-faster).text(decimals: 0)) % slower" : "the same"
        return SessionTarget(
            rule: "M18", title: "lactate threshold: 3–4 × 10 min",
            pace: PaceRange(around: pace, tolerance: Self.thresholdTolerance),
            repTarget: nil, repDuration: .minutes(10)...(.minutes(10)),
            basis: "Daniels T pace at VDOT \(fitness.vdot.text(decimals: 1)) (\(PaceRange(pace).perKilometerText), \(PaceRange(pace).perMileText)) ±\((Self.thresholdTolerance * 100).text(decimals: 0)) %; the method's current mile pace (\(currentMile.formatted(.rep))) + 40–50 s per mile (\(method.perMileText)) is \(comparison), shown as a cross-check only")
    }

    /// The method's own M18 figure, current mile pace + 40–50 s per mile: a cross-check beside
    /// ``threshold``, not a target.
    public var methodThreshold: PaceRange {
        let milePace = Pace(distance: .mile, time: currentMile)
        return PaceRange(fast: milePace.slower(bySecondsPerMile: 40), slow: milePace.slower(bySecondsPerMile: 50))
    }

    /// M20: easy runs in Daniels' E band.
    public var easyRun: SessionTarget {
        SessionTarget(
            rule: "M20", title: "easy / base run", pace: TrainingPaces.pace(.easy, vdot: fitness.vdot),
            repTarget: nil, repDuration: nil,
            basis: "Daniels E pace at VDOT \(fitness.vdot.text(decimals: 1)), conversational")
    }
}
