/// Race-specific work at the goal race's own pace (M40: "race-specific work at goal pace"), for
/// every goal distance the planner accepts. M13 (400s at goal mile pace) is the mile's; the other
/// distances get reps shaped for the race, growing towards the race distance week by week
/// (docs/plans.md). The session's id is ``rule``.
public struct GoalPaceSession: Sendable, Hashable {
    /// One step of the progression: `count × meters` at goal pace with `recovery` jog between.
    public struct Step: Sendable, Hashable {
        /// The rep's length in metres.
        public let meters: Double
        /// How many reps the full session has.
        public let count: Int
        /// The jog between reps.
        public let recovery: Duration

        /// `count × meters` at goal pace with `recovery` jog.
        public init(_ meters: Double, _ count: Int, _ recovery: Duration) {
            self.meters = meters
            self.count = count
            self.recovery = recovery
        }
    }

    /// The session id for goal-pace work other than M13.
    public static let rule = "M40-GP"
    /// How wide the band around goal pace is (±1 %, as every rep target, M42).
    public static let tolerance = 0.01

    /// The progression for a goal of `distance`, first week first (product settings from the
    /// usual race-specific sessions in Daniels' Running Formula and Pfitzinger's plans: 400–600 m
    /// for 800 m, 400–1200 m for the mile, 800–1500 m for 3K, 1–2 km for 5K, 2–4 km for 10K).
    /// For the mile the first step is M13 itself.
    public static func steps(for distance: Distance) -> [Step] {
        switch distance.meters {
        case ..<1_000:
            [Step(300, 6, .minutes(3)), Step(400, 6, .minutes(3)), Step(500, 5, .minutes(4)), Step(600, 4, .minutes(5))]
        case ..<2_000:
            [Step(400, 8, .minutes(2)), Step(600, 6, .minutes(3)), Step(800, 4, .minutes(3)), Step(1_200, 3, .minutes(4))]
        case ..<4_000:
            [Step(800, 5, .minutes(2)), Step(1_000, 4, .minutes(2)), Step(1_200, 3, .seconds(150)), Step(1_500, 2, .minutes(3))]
        case ..<7_000:
            [Step(1_000, 5, .minutes(2)), Step(1_200, 4, .minutes(2)), Step(1_600, 3, .seconds(150)), Step(2_000, 2, .minutes(3))]
        default:
            [Step(2_000, 4, .minutes(2)), Step(2_500, 3, .seconds(150)), Step(3_000, 3, .seconds(150)), Step(4_000, 2, .minutes(3))]
        }
    }

    /// Short reps at goal pace for a runner whose current race time over 400 m is still slower
    /// than goal pace: the goal's rhythm without a rep faster than today's best over it.
    public static let shortReps = [Step(300, 8, .seconds(90)), Step(200, 10, .minutes(1))]

    /// Which step of ``steps(for:)`` week `week` of `weeks` race-specific weeks reaches: the
    /// first week the first step, the last week the last, evenly between.
    public static func stepIndex(week: Int, of weeks: Int, stepCount: Int) -> Int {
        guard weeks > 1, stepCount > 1 else { return 0 }
        let share = Double(min(max(week, 1), weeks) - 1) / Double(weeks - 1)
        return Int((share * Double(stepCount - 1)).rounded())
    }

    /// Whether the mile's first step is the method's own M13.
    public static func isMile(_ distance: Distance) -> Bool {
        abs(distance.meters - Distance.mile.meters) < 0.5
    }

    /// Whether `step` of a goal of `distance` is M13 itself (a mile goal's 400s).
    public static func usesM13(goal distance: Distance, step: Step) -> Bool {
        isMile(distance) && step.meters == 400
    }

    /// The rule a plan names when a week lacks its goal-pace session: M13 for the mile, else
    /// ``rule``.
    public static func relaxedRule(goal distance: Distance) -> String {
        isMile(distance) ? "M13" : rule
    }

    /// The session id `step` has for a goal of `distance`.
    public static func rule(goal distance: Distance, step: Step) -> String {
        usesM13(goal: distance, step: step) ? "M13" : rule
    }
}

extension SessionLibrary {
    /// The goal-pace session of `step` (one of ``GoalPaceSession/steps(for:)`` or
    /// ``GoalPaceSession/shortReps``) at the pace of `goal`, sized by `size`; M13 at its block week
    /// `week` for a mile goal's 400s.
    public func goalPaceWorkout(goal: Performance, step: GoalPaceSession.Step, week: Int = 1, size: SessionSize = .full) throws -> Workout {
        if GoalPaceSession.usesM13(goal: goal.distance, step: step) {
            return try SessionLibrary(targets: SessionTargets(fitness: targets.fitness, goal: goal), progression: progression,
                                      strengthLevel: strengthLevel, timeTrial: timeTrial)
                .goalPace(week: week, size: size)
        }
        let distance = Distance.meters(step.meters)
        let target = RepTarget(distance: distance, around: goal.pace.time(for: distance), tolerance: GoalPaceSession.tolerance)
        let count = min(step.count, size.maxReps ?? step.count)
        let name = "\(distance.label) at \(goal.distance.label) goal pace"
        return framed(GoalPaceSession.rule, .speed, "\(count) × \(distance.label) at \(goal.distance.label) goal pace",
                      main: [.repeats(count: count, steps: [rep(target, name: name), jog(step.recovery)])],
                      notes: ["Race-specific: \(goal.written) pace, \(target.text) per rep (M40, M42).",
                              "Even reps at exactly goal pace; the reps grow towards the race distance over the weeks."],
                      frame: size.frame)
    }
}
