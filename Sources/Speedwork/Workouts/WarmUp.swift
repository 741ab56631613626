/// The frame of every session (M4, M5): warm-up before, cool-down after.
///
/// Warm-up: easy jog or brisk walk, 15 min before speed and hill sessions and 10 min before
/// others, then the six stretches of M5, then 5 more min of jogging. Cool-down: easy jog, then
/// the stretches again while the muscles are warm. When the runner's time budget is short the
/// ``Frame/short`` frame keeps every part with shorter jogs (docs/plans.md).
public enum WarmUp {
    /// How much of the warm-up and cool-down a session carries.
    public enum Frame: String, Sendable, Hashable, CaseIterable {
        /// M4's figures: 15 (10) min jog, stretches, 5 min jog; 10 min cool-down jog, stretches.
        case full
        /// For budgets under an hour: 5 min jog, stretches, 2 min jog; 5 min cool-down jog, stretches.
        case short
    }

    /// The first warm-up jog before speed, hill and time-trial sessions (M4).
    public static let speedJog = Duration.minutes(15)
    /// The first warm-up jog before any other session (M4's lower bound).
    public static let easyJog = Duration.minutes(10)
    /// The jog after the warm-up stretches (M4).
    public static let secondJog = Duration.minutes(5)
    /// The cool-down jog (product default; the method gives no length).
    public static let coolDownJog = Duration.minutes(10)
    /// The short frame's first warm-up jog (product setting for short budgets; the stretches stay whole).
    public static let shortFirstJog = Duration.minutes(5)
    /// The short frame's jog after the warm-up stretches.
    public static let shortSecondJog = Duration.minutes(2)
    /// The short frame's cool-down jog.
    public static let shortCoolDownJog = Duration.minutes(5)

    /// The first warm-up jog for a session of `kind`.
    public static func firstJog(before kind: SessionKind, frame: Frame = .full) -> Duration {
        frame == .short ? shortFirstJog : (kind.isHard ? speedJog : easyJog)
    }

    /// Jog, stretches, jog, at `easy` (the runner's E pace, or RPE 1–2 without one).
    public static func blocks(before kind: SessionKind, easy: StepTarget, frame: Frame = .full) -> [WorkoutBlock] {
        [.step(WorkoutStep(.warmup, .time(firstJog(before: kind, frame: frame)), target: easy, name: "Warm-up jog",
                           note: "easy jog or brisk walk"))]
            + Stretch.steps(.warmup)
            + [.step(WorkoutStep(.warmup, .time(frame == .short ? shortSecondJog : secondJog), target: easy, name: "Warm-up jog"))]
    }

    /// Easy jog, then the stretches while warm (M4, M5).
    public static func coolDown(easy: StepTarget, jog: Duration = coolDownJog, frame: Frame = .full) -> [WorkoutBlock] {
        [.step(WorkoutStep(.cooldown, .time(frame == .short ? shortCoolDownJog : jog), target: easy, name: "Cool-down jog",
                           note: "easy jog, then stretch while warm"))]
            + Stretch.steps(.cooldown)
    }
}
