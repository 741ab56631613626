/// The frame of every session (M4, M5): warm-up before, cool-down after.
///
/// Warm-up: easy jog or brisk walk, 15 min before speed and hill sessions and 10 min before
/// others, then the six stretches of M5, then 5 more min of jogging. Cool-down: easy jog, then
/// the stretches again while the muscles are warm.
public enum WarmUp {
    /// The first warm-up jog before speed, hill and time-trial sessions (M4).
    public static let speedJog = Duration.minutes(15)
    /// The first warm-up jog before any other session (M4's lower bound).
    public static let easyJog = Duration.minutes(10)
    /// The jog after the warm-up stretches (M4).
    public static let secondJog = Duration.minutes(5)
    /// The cool-down jog (product default; the method gives no length).
    public static let coolDownJog = Duration.minutes(10)

    /// The first warm-up jog for a session of `kind`.
    public static func firstJog(before kind: SessionKind) -> Duration {
        kind.isHard ? speedJog : easyJog
    }

    /// Jog, stretches, jog, at `easy` (the runner's E pace, or RPE 1–2 without one).
    public static func blocks(before kind: SessionKind, easy: StepTarget) -> [WorkoutBlock] {
        [.step(WorkoutStep(.warmup, .time(firstJog(before: kind)), target: easy, name: "Warm-up jog",
                           note: "easy jog or brisk walk"))]
            + Stretch.steps(.warmup)
            + [.step(WorkoutStep(.warmup, .time(secondJog), target: easy, name: "Warm-up jog"))]
    }

    /// Easy jog, then the stretches while warm (M4, M5).
    public static func coolDown(easy: StepTarget, jog: Duration = coolDownJog) -> [WorkoutBlock] {
        [.step(WorkoutStep(.cooldown, .time(jog), target: easy, name: "Cool-down jog", note: "easy jog, then stretch while warm"))]
            + Stretch.steps(.cooldown)
    }
}
