/// A planned session's targets moved to newer fitness (M43: "targets follow the runner's current
/// fitness"), its shape kept: the same reps, recoveries and lengths at the week of the block it was
/// planned for, only the paces changed.
///
/// Every pace a plan writes comes from the session library (M10–M21) or Daniels' training paces
/// for the plan's fitness. The update pairs each such pace with the one the same library gives for
/// the new fitness, step by step over every session, week of the block and size, and swaps them in a
/// planned session. Paces that do not depend on fitness (goal pace, race pace) have no pair and stay.
public struct TargetUpdate: Sendable {
    /// Planned pace → the same target at the new fitness.
    let paces: [PaceRange: PaceRange]

    /// The update from the targets of `planned` to those of `current`; the two libraries must differ
    /// only in the fitness (and goal) their targets come from.
    public init(planned: SessionLibrary, current: SessionLibrary) {
        var paces: [PaceRange: PaceRange] = [:]
        func pair(_ old: Workout, _ new: Workout) {
            let before = old.expandedSteps, after = new.expandedSteps
            guard before.count == after.count else { return }
            for (step, updated) in zip(before, after) {
                if case .pace(let from) = step.target, case .pace(let to) = updated.target, paces[from] == nil {
                    paces[from] = to
                }
            }
        }
        for code in TrainingZone.Code.allCases {
            paces[TrainingPaces.pace(code, vdot: planned.targets.fitness.vdot)] = TrainingPaces.pace(code, vdot: current.targets.fitness.vdot)
        }
        for (old, new) in zip(planned.targets.all, current.targets.all) {
            if paces[old.pace] == nil { paces[old.pace] = new.pace }
        }
        let sizes = [SessionSize.full, SessionSize(frame: .short)]
        for trial in SessionLibrary.TimeTrialDistance.allCases {
            let before = SessionLibrary(targets: planned.targets, progression: planned.progression,
                                        strengthLevel: planned.strengthLevel, timeTrial: trial)
            let after = SessionLibrary(targets: current.targets, progression: current.progression,
                                       strengthLevel: current.strengthLevel, timeTrial: trial)
            for rule in SessionLibrary.rules {
                for week in 1...max(planned.progression.blockWeeks, 1) {
                    for size in sizes {
                        guard let old = try? before.workout(rule: rule, week: week, size: size),
                              let new = try? after.workout(rule: rule, week: week, size: size) else { continue }
                        pair(old, new)
                    }
                }
            }
        }
        self.paces = paces
    }

    /// The planned pace's counterpart at the new fitness, or the pace itself when it does not
    /// depend on fitness.
    public func pace(_ planned: PaceRange) -> PaceRange { paces[planned] ?? planned }

    /// `workout` with every pace target moved to the new fitness; steps, counts and lengths kept.
    public func workout(_ workout: Workout) -> Workout {
        var copy = workout
        copy.blocks = workout.blocks.map { block in
            switch block {
            case .step(let step): .step(update(step))
            case .repeats(let count, let steps): .repeats(count: count, steps: steps.map(update))
            }
        }
        return copy
    }

    /// `session` with its workout's targets moved to the new fitness.
    public func session(_ session: Plan.Session) -> Plan.Session {
        Plan.Session(day: session.day, workout: workout(session.workout), minutes: session.minutes, goalPace: session.goalPace)
    }

    private func update(_ step: WorkoutStep) -> WorkoutStep {
        guard case .pace(let band) = step.target else { return step }
        var copy = step
        copy.target = .pace(pace(band))
        return copy
    }
}
