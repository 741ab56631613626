import Speedwork

/// A session as JSON: the `workout show --json` contract, and the shape of each session inside a
/// plan (which adds `date`).
public struct SessionJSON: Encodable {
    public let rule: String
    public let kind: String
    public let title: String
    public let hard: Bool
    public let minutes: Int
    public let notes: [String]
    public let steps: [StepJSON]
    /// `workout show` only: where the fitness came from when it was read from the log (absent with `--from`).
    public var fitnessSource: FitnessSourceJSON?

    /// `minutes` is the session's length as the plan or library gives it (``Workout/minutes(openPace:)``).
    public init(_ workout: Workout, minutes: Int) {
        rule = workout.rule
        kind = workout.kind.rawValue
        title = workout.title
        hard = workout.isHard
        self.minutes = minutes
        notes = workout.notes
        steps = workout.blocks.map(StepJSON.init)
    }
}

/// One step or repeat block: `intensity`, `name`, one length key, `target`, `note`; repeats carry
/// `count` and their `steps`.
public struct StepJSON: Encodable {
    public let intensity: String
    public let name: String
    public let length: StepLength?
    public let target: StepTarget
    public let note: String?
    public let count: Int?
    public let steps: [StepJSON]?

    private init(intensity: String, name: String, length: StepLength?, target: StepTarget, note: String?, count: Int?, steps: [StepJSON]?) {
        self.intensity = intensity
        self.name = name
        self.length = length
        self.target = target
        self.note = note
        self.count = count
        self.steps = steps
    }

    public init(_ step: WorkoutStep) {
        self.init(intensity: step.intensity.rawValue, name: step.name, length: step.length, target: step.target,
                  note: step.note, count: nil, steps: nil)
    }

    public init(_ block: WorkoutBlock) {
        switch block {
        case .step(let step):
            self.init(step)
        case .repeats(let count, let steps):
            self.init(intensity: "repeat", name: "\(count) ×", length: nil, target: .none, note: nil,
                      count: count, steps: steps.map(StepJSON.init))
        }
    }

    private enum Keys: String, CodingKey {
        case intensity, name, seconds, meters, open, reps, target, note, count, steps
    }

    private struct RPE: Encodable {
        public let min: Int
        public let max: Int
    }

    private struct EffortJSON: Encodable {
        public let rpe: RPE
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(intensity, forKey: .intensity)
        try container.encode(name, forKey: .name)
        switch length {
        case .time(let time): try container.encode(rounded(time.seconds), forKey: .seconds)
        case .distance(let distance): try container.encode(rounded(distance.meters, 3), forKey: .meters)
        case .open: try container.encode(true, forKey: .open)
        case .reps(let reps): try container.encode(reps, forKey: .reps)
        case nil: break
        }
        switch target {
        case .pace(let band): try container.encode(PaceJSON(band), forKey: .target)
        case .effort(let range): try container.encode(EffortJSON(rpe: RPE(min: range.lowerBound, max: range.upperBound)), forKey: .target)
        case .none: try container.encodeNil(forKey: .target)
        }
        try container.encode(note, forKey: .note)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(steps, forKey: .steps)
    }
}
