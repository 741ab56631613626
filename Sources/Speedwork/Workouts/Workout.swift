/// A structured session: warm-up, main set, recovery, cool-down and stretching, each step with its
/// length and target (M4, M5, M42). Maps one-to-one onto a FIT workout file.
public struct Workout: Sendable, Hashable {
    /// The method's rule id: `M11`; `M32` for strength routines.
    public var rule: String
    /// What kind of day it is.
    public var kind: SessionKind
    /// The session's name: `8 × 200m`.
    public var title: String
    /// The steps in running order.
    public var blocks: [WorkoutBlock]
    /// Cues for the whole session.
    public var notes: [String]

    public init(rule: String, kind: SessionKind, title: String, blocks: [WorkoutBlock], notes: [String] = []) {
        self.rule = rule
        self.kind = kind
        self.title = title
        self.blocks = blocks
        self.notes = notes
    }

    /// The count of the main set's first repeat block, or `nil` when the session has none.
    public var mainRepCount: Int? {
        for block in blocks {
            if case .repeats(let count, let steps) = block, steps.contains(where: { $0.intensity == .active }) { return count }
        }
        return nil
    }

    /// The session with its (first) cool-down jog longer by `extra`: easy running that carries the
    /// week's volume on a speed day (docs/volume-model.md).
    public func withCoolDownJog(longerBy extra: Duration) -> Workout {
        var copy = self
        guard let index = blocks.firstIndex(where: { block in
            if case .step(let step) = block, step.intensity == .cooldown, case .time = step.length { return true }
            return false
        }), case .step(var step) = blocks[index], case .time(let time) = step.length else { return self }
        step.length = .time(time + extra)
        step.note = (step.note.map { $0 + "; " } ?? "") + "longer easy running carries the week's volume"
        copy.blocks[index] = .step(step)
        return copy
    }

    /// Whether it is a hard day (M2, M41).
    public var isHard: Bool { kind.isHard }

    /// Every step in running order with repeats written out.
    public var expandedSteps: [WorkoutStep] { blocks.flatMap(\.expanded) }

    /// How long the session takes, warm-up and cool-down included (M41's time budget).
    ///
    /// Distance steps take the middle of their pace band; steps without a pace are timed at
    /// `openPace` (distance) or `openStep` (open steps); strength sets at `secondsPerRep` a rep.
    public func estimatedDuration(openPace: Pace, openStep: Duration = .seconds(60), secondsPerRep: Double = 4) -> Duration {
        let seconds = expandedSteps.reduce(0.0) { total, step in
            switch step.length {
            case .time(let time):
                return total + time.seconds
            case .distance(let distance):
                if case .pace(let band) = step.target {
                    return total + band.middle.time(for: distance).seconds
                }
                return total + openPace.time(for: distance).seconds
            case .open:
                return total + openStep.seconds
            case .reps(let count):
                return total + Double(count) * secondsPerRep
            }
        }
        return .seconds(seconds)
    }

    /// Whole minutes the session takes (``estimatedDuration(openPace:openStep:secondsPerRep:)``,
    /// rounded): the figure plans, budgets (M41) and exports show.
    public func minutes(openPace: Pace) -> Int {
        Int(estimatedDuration(openPace: openPace).minutes.rounded())
    }
}
