/// One step of a structured workout: warm-up, a rep, a recovery jog, a cool-down, a stretch or an
/// exercise set (M4, M5, M10–M21, M32).
public struct WorkoutStep: Sendable, Hashable {
    /// How hard it is meant to be.
    public var intensity: Intensity
    /// How long it lasts.
    public var length: StepLength
    /// What it aims at.
    public var target: StepTarget
    /// A short name a watch can show: `200m rep`, `jog`, `Kettlebell deadlift`.
    public var name: String
    /// A cue for the runner: "hold each stretch 30 s", "tailwind or slight downhill".
    public var note: String?

    public init(_ intensity: Intensity, _ length: StepLength, target: StepTarget = .none, name: String, note: String? = nil) {
        self.intensity = intensity
        self.length = length
        self.target = target
        self.name = name
        self.note = note
    }
}

/// An element of a workout: a single step, or a block of steps repeated a number of times
/// (FIT's `repeat_until_steps_cmplt` step).
public enum WorkoutBlock: Sendable, Hashable {
    case step(WorkoutStep)
    case repeats(count: Int, steps: [WorkoutStep])

    /// The steps in running order with repeats written out.
    public var expanded: [WorkoutStep] {
        switch self {
        case .step(let step): [step]
        case .repeats(let count, let steps): Array(repeating: steps, count: max(count, 0)).flatMap { $0 }
        }
    }
}
