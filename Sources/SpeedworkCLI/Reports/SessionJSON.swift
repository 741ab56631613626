import Speedwork

/// A session as JSON: the `workout show --json` contract, and the shape of each session inside a
/// plan (which adds `date`).
struct SessionJSON: Encodable {
    let rule: String
    let kind: String
    let title: String
    let hard: Bool
    let minutes: Int
    let notes: [String]
    let steps: [StepJSON]
    /// `workout show` only: where the fitness came from when it was read from the log (absent with `--from`).
    var fitnessSource: FitnessSourceJSON?

    /// `minutes` is the session's length as the plan or library gives it (``Workout/minutes(openPace:)``).
    init(_ workout: Workout, minutes: Int) {
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
struct StepJSON: Encodable {
    let intensity: String
    let name: String
    let length: StepLength?
    let target: StepTarget
    let note: String?
    let count: Int?
    let steps: [StepJSON]?

    private init(intensity: String, name: String, length: StepLength?, target: StepTarget, note: String?, count: Int?, steps: [StepJSON]?) {
        self.intensity = intensity
        self.name = name
        self.length = length
        self.target = target
        self.note = note
        self.count = count
        self.steps = steps
    }

    init(_ step: WorkoutStep) {
        self.init(intensity: step.intensity.rawValue, name: step.name, length: step.length, target: step.target,
                  note: step.note, count: nil, steps: nil)
    }

    init(_ block: WorkoutBlock) {
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
        let min: Int
        let max: Int
    }

    private struct EffortJSON: Encodable {
        let rpe: RPE
    }

    func encode(to encoder: Encoder) throws {
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
