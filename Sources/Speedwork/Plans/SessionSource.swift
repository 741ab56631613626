/// Where a plan gets its sessions from: the method's session library, instantiated for a runner.
public protocol SessionSource: Sendable {
    /// The session of `rule` (M10–M21) at `week` of its block (progression, M11, M17 …).
    func workout(rule: String, week: Int) throws -> Workout
    /// The strength routine at `level` (M32).
    func strength(_ level: StrengthRoutine.Level) -> Workout
}

extension SessionLibrary: SessionSource {
    /// The M32 routine at `level`.
    public func strength(_ level: StrengthRoutine.Level) -> Workout {
        StrengthRoutine(level: level).workout
    }
}
