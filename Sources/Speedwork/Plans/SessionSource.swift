/// Where a plan gets its sessions from: the method's session library, instantiated for a runner.
public protocol SessionSource: Sendable {
    /// The session of `rule` (M10–M21) at `week` of its block (progression, M11, M17 …).
    func workout(rule: String, week: Int) throws -> Workout
    /// The strength routine at `level` (M32).
    func strength(_ level: StrengthRoutine.Level) -> Workout
    /// The strength routine at `level`, shortened when it does not fit `budget` minutes.
    func strength(_ level: StrengthRoutine.Level, budget: Int?) -> Workout
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

    /// The M32 routine at `level`, with the short frame when the full one exceeds `budget`.
    public func strength(_ level: StrengthRoutine.Level, budget: Int?) -> Workout {
        let full = StrengthRoutine(level: level).workout
        guard let budget, full.minutes(openPace: openPace) > budget else { return full }
        return StrengthRoutine(level: level).workout(frame: .short)
    }

    /// ``SessionLibrary/workout(rule:week:size:)`` fitted to `budget`.
    /// An M21 mile time trial that does not fit gives way to a 400 m one (M21: 400 m or mile).
    public func fitted(rule: String, week: Int, budget: Int?) throws -> Workout? {
        if let workout = try fitted(rule: rule, budget: budget, { try workout(rule: rule, week: week, size: $0) }) {
            return workout
        }
        guard rule == "M21", timeTrial != .fourHundred else { return nil }
        let shorter = SessionLibrary(targets: targets, progression: progression, strengthLevel: strengthLevel, timeTrial: .fourHundred)
        return try shorter.fitted(rule: rule, budget: budget) { try shorter.workout(rule: rule, week: week, size: $0) }
    }

    /// ``SessionLibrary/goalPaceWorkout(goal:step:week:size:)`` fitted to `budget`.
    public func goalPace(goal: Performance, step: GoalPaceSession.Step, week: Int, budget: Int?) throws -> Workout? {
        try fitted(rule: GoalPaceSession.rule(goal: goal.distance, step: step), budget: budget) {
            try goalPaceWorkout(goal: goal, step: step, week: week, size: $0)
        }
    }
}
