/// Where a plan gets its sessions from: the method's session library, instantiated for a runner.
public protocol SessionSource: Sendable {
    /// The session of `rule` (M10–M21) at `week` of its block (progression, M11, M17 …).
    func workout(rule: String, week: Int) throws -> Workout
    /// The strength routine at `level` (M32).
    func strength(_ level: StrengthRoutine.Level) -> Workout
    /// The session of `rule` at `week`, as large as fits `budget` minutes (M41), or `nil`.
    func fitted(rule: String, week: Int, budget: Int?) throws -> Workout?
    /// The goal-pace session of `step` at `goal`'s pace (M13, M40), as large as fits `budget`
    /// minutes, or `nil`.
    func goalPace(goal: Performance, step: GoalPaceSession.Step, week: Int, budget: Int?) throws -> Workout?
}

extension SessionLibrary: SessionSource {
    /// The M32 routine at `level`.
    public func strength(_ level: StrengthRoutine.Level) -> Workout {
        StrengthRoutine(level: level).workout
    }

    /// ``SessionLibrary/workout(rule:week:size:)`` fitted to `budget`.
    public func fitted(rule: String, week: Int, budget: Int?) throws -> Workout? {
        try fitted(rule: rule, budget: budget) { try workout(rule: rule, week: week, size: $0) }
    }

    /// ``SessionLibrary/goalPaceWorkout(goal:step:week:size:)`` fitted to `budget`.
    public func goalPace(goal: Performance, step: GoalPaceSession.Step, week: Int, budget: Int?) throws -> Workout? {
        try fitted(rule: GoalPaceSession.rule(goal: goal.distance, step: step), budget: budget) {
            try goalPaceWorkout(goal: goal, step: step, week: week, size: $0)
        }
    }
}
