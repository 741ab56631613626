/// One of the method's three strength routines (M32): three exercises, 3 sets each, 1–2 min rest
/// between sets and 2–3 min after Olympic lifts, progressed by form only (M33).
public struct StrengthRoutine: Sendable, Hashable {
    /// The routine levels of M32's table.
    public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
        case beginner, intermediate, advanced
    }

    /// One exercise of a routine: `dumbbell reverse lunge 3 × 10 each side`.
    public struct Exercise: Sendable, Hashable {
        /// The exercise as the method names it.
        public let name: String
        /// Sets (3 for every exercise of M32).
        public let sets: Int
        /// Reps per set (per side when `eachSide`).
        public let reps: Int
        /// Whether the reps are done on each side.
        public let eachSide: Bool
        /// Whether it is an Olympic lift (M31), which earns the longer rest.
        public let isOlympicLift: Bool

        public init(_ name: String, sets: Int = StrengthRoutine.sets, reps: Int, eachSide: Bool = false, olympic: Bool = false) {
            self.name = name
            self.sets = sets
            self.reps = reps
            self.eachSide = eachSide
            self.isOlympicLift = olympic
        }

        /// `3 × 10 each side`.
        public var prescription: String {
            "\(sets) × \(reps)" + (eachSide ? " each side" : "")
        }
    }

    /// Sets per exercise (M32).
    public static let sets = 3
    /// Rest between sets, 1–2 min (M32); the step is timed at the middle.
    public static let setRest = Duration.seconds(90)
    /// Rest after a set of an Olympic lift, 2–3 min (M32); the step is timed at the middle.
    public static let olympicRest = Duration.seconds(150)
    /// M33's cue, given with every routine.
    public static let formCue = "Progress by form and technique only, never by time on the plan; when in doubt start at beginner with light loads (M33)."
    /// M32's load cue.
    public static let loadCue = "Use a load that is challenging with perfect form (M32)."

    /// Which routine.
    public let level: Level
    /// The exercises in order.
    public let exercises: [Exercise]

    /// The routine of M32's table for `level`.
    public init(level: Level) {
        self.level = level
        switch level {
        case .beginner:
            exercises = [
                Exercise("kettlebell deadlift", reps: 12),
                Exercise("dumbbell reverse lunge", reps: 10, eachSide: true),
                Exercise("barbell clean", reps: 5, olympic: true),
            ]
        case .intermediate:
            exercises = [
                Exercise("single-leg deadlift", reps: 10, eachSide: true),
                Exercise("dumbbell Bulgarian split squat", reps: 10, eachSide: true),
                Exercise("barbell clean", reps: 5, olympic: true),
            ]
        case .advanced:
            exercises = [
                Exercise("two-hand kettlebell swing", reps: 15),
                Exercise("pistol squat", reps: 10, eachSide: true),
                Exercise("barbell snatch", reps: 5, olympic: true),
            ]
        }
    }

    /// Parses `beginner`, `intermediate` or `advanced`.
    public static func level(parsing text: String) throws -> Level {
        guard let level = Level(rawValue: text.lowercased()) else {
            throw InputError("strength level '\(text)' is not one of \(Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    /// Rest between sets in the short version: M32's lower bound (1 min).
    public static let shortSetRest = Duration.seconds(60)
    /// Rest after Olympic lifts in the short version: M32's lower bound (2 min).
    public static let shortOlympicRest = Duration.seconds(120)

    /// The routine as a workout of kind `.strength`: a 10 min warm-up, each exercise as a repeat of
    /// sets (`.reps` steps with their rest), then the M5 stretches.
    public var workout: Workout { workout(frame: .full) }

    /// The routine with the `frame`'s warm-up; the short frame (budgets under 35 min) takes a 5 min
    /// warm-up and M32's shortest rests (1 min, 2 min after Olympic lifts).
    public func workout(frame: WarmUp.Frame) -> Workout {
        let short = frame == .short
        var blocks: [WorkoutBlock] = [
            .step(WorkoutStep(.warmup, .time(short ? WarmUp.shortFirstJog : WarmUp.easyJog), target: .effort(1...2), name: "Warm-up",
                              note: "easy jog or brisk walk; never lift or stretch cold (M4)")),
        ]
        for exercise in exercises {
            let rest = exercise.isOlympicLift ? (short ? Self.shortOlympicRest : Self.olympicRest) : (short ? Self.shortSetRest : Self.setRest)
            let set = WorkoutStep(.active, .reps(exercise.reps), name: exercise.name + (exercise.eachSide ? " (each side)" : ""),
                                  note: exercise.isOlympicLift ? "learn the lift with a dowel or PVC pipe first (M31)" : nil)
            let pause = WorkoutStep(.rest, .time(rest), name: "Rest",
                                    note: exercise.isOlympicLift ? "2–3 min after Olympic lifts" : "1–2 min between sets")
            blocks.append(.repeats(count: exercise.sets, steps: [set, pause]))
        }
        blocks += Stretch.steps(.cooldown)
        return Workout(rule: "M32", kind: .strength, title: "Strength (\(level.rawValue))",
                       blocks: blocks, notes: [exercises.map(\.prescription).joined(separator: "; "), Self.loadCue, Self.formCue,
                                               "At least twice a week, never on consecutive days and never right before a key speed session (M34)."])
    }
}
