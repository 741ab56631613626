import Foundation

/// The method's session library (M5, M10–M21, M32) instantiated for one runner: every session as a
/// structured ``Workout`` with warm-up and cool-down (M4), stretches (M5), the runner's own targets
/// on every rep (M42) and the week's step of the block progression.
public struct SessionLibrary: Sendable {
    /// A session of the library, as listed to a runner.
    public struct Entry: Sendable, Hashable {
        /// The method's rule id: `M11`.
        public let rule: String
        /// The session's name: `200m repeats`.
        public let title: String
        /// What kind of day it is.
        public let kind: SessionKind
        /// One line on what the session is.
        public let summary: String
    }

    /// The distance of an M21 time trial.
    public enum TimeTrialDistance: String, Sendable, Hashable, CaseIterable {
        case fourHundred = "400m"
        case mile

        /// The distance itself.
        public var distance: Distance {
            switch self {
            case .fourHundred: .meters(400)
            case .mile: .mile
            }
        }

        /// Parses `400m` or `mile`.
        public init(parsing text: String) throws {
            guard let value = Self(rawValue: text.lowercased()) else {
                throw InputError("time-trial distance '\(text)' is not one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = value
        }
    }

    /// Every session of the library, in rule order.
    public static let entries: [Entry] = [
        Entry(rule: "M5", title: "Mobility", kind: .mobility,
              summary: "Stretch hamstrings, glutes, calves, groin, hips and quads, 30 s each, after an easy warm-up; yoga or pilates count."),
        Entry(rule: "M10", title: "Leg speed (one-hour)", kind: .speed,
              summary: "6–10 × 20–30 s sprints at about 400m race pace, full recovery; smooth technique, fits in an hour."),
        Entry(rule: "M11", title: "200m repeats", kind: .speed,
              summary: "6–10 × 200m about 5 % faster than 400m pace, 2:00 → 0:30 jog."),
        Entry(rule: "M12", title: "400m repeats, negative split", kind: .speed,
              summary: "6 × 400m, second 200m faster than goal mile pace and the first 5 s slower, 2:00 → 1:00 jog."),
        Entry(rule: "M13", title: "400m repeats at goal pace", kind: .speed,
              summary: "8 × 400m at exactly goal mile pace per lap, 2:00 → 0:30 jog."),
        Entry(rule: "M14", title: "Hill repeats", kind: .hills,
              summary: "After 30 min of jogging, 6–10 × ~100m up a steep hill at race-pace effort, jog back down."),
        Entry(rule: "M15", title: "Downhill strides", kind: .hills,
              summary: "6–10 × ~100m fast and controlled down a gentle slope, walk or jog back up."),
        Entry(rule: "M16", title: "Fartlek", kind: .speed,
              summary: "Repeats of 3 min at normal pace and a 30 → 60 s near sprint within a longer run."),
        Entry(rule: "M17", title: "VO2max repeats", kind: .speed,
              summary: "3–6 × 1 mile at 5K pace (mile pace + 30–40 s/mile), 4:00 → 0:45 jog."),
        Entry(rule: "M18", title: "Lactate threshold", kind: .speed,
              summary: "3–4 × 10 min at mile pace + 40–50 s/mile, 2 min jog."),
        Entry(rule: "M19", title: "Speed run", kind: .speed,
              summary: "One run at near-maximal sustainable effort for as long as it can be held."),
        Entry(rule: "M20", title: "Easy run", kind: .easy,
              summary: "Conversational running at easy pace (RPE 1–2), 30 → 45 min."),
        Entry(rule: "M21", title: "Time trial", kind: .timeTrial,
              summary: "400m or mile all-out on a track, every 4–6 weeks, to re-estimate fitness."),
        Entry(rule: "M32", title: "Strength routine", kind: .strength,
              summary: "Three exercises, 3 sets each, at the beginner, intermediate or advanced level of the M32 table."),
    ]

    /// The rule ids of the library, in order.
    public static var rules: [String] { entries.map(\.rule) }

    /// The runner's targets.
    public let targets: SessionTargets
    /// How sessions grow over the block.
    public let progression: BlockProgression
    /// The routine that M32 gives (M33: start at beginner when in doubt).
    public let strengthLevel: StrengthRoutine.Level
    /// The distance M21 tests.
    public let timeTrial: TimeTrialDistance

    public init(targets: SessionTargets, progression: BlockProgression = .standard,
                strengthLevel: StrengthRoutine.Level = .beginner, timeTrial: TimeTrialDistance = .mile) {
        self.targets = targets
        self.progression = progression
        self.strengthLevel = strengthLevel
        self.timeTrial = timeTrial
    }

    /// The library's entries.
    public var entries: [Entry] { Self.entries }

    /// The rule id as the library writes it (`m11` → `M11`), or an error listing the valid ones.
    public static func rule(parsing text: String) throws -> String {
        let rule = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard rules.contains(rule) else {
            throw InputError("unknown session '\(text)': use one of \(rules.joined(separator: ", "))")
        }
        return rule
    }

    /// The session of `rule` for week `week` of the block (weeks past the block keep its final
    /// values). Throws for an unknown rule or a week below 1.
    public func workout(rule: String, week: Int) throws -> Workout {
        try workout(rule: rule, week: week, size: .full)
    }

    /// The session of `rule` for week `week`, with the frame and at most the reps `size` gives.
    public func workout(rule: String, week: Int, size: SessionSize) throws -> Workout {
        let rule = try Self.rule(parsing: rule)
        try BlockProgression.validate(week: week)
        switch rule {
        case "M5": return Self.mobility(easy: easy)
        case "M10": return try legSpeed(week: week, size: size)
        case "M11": return try twoHundreds(week: week, size: size)
        case "M12": return try negativeSplits(week: week, size: size)
        case "M13": return try goalPace(week: week, size: size)
        case "M14": return try hills(week: week, size: size)
        case "M15": return try downhillStrides(week: week, size: size)
        case "M16": return try fartlek(week: week, size: size)
        case "M17": return try vo2max(week: week, size: size)
        case "M18": return try threshold(week: week, size: size)
        case "M19": return speedRun(size: size)
        case "M20": return try easyRun(week: week, size: size)
        case "M21": return timeTrialSession(size: size)
        default: return StrengthRoutine(level: strengthLevel).workout
        }
    }

    /// The fewest reps a session shortened for a time budget keeps before it gives way
    /// (product settings: below these the session loses its purpose; docs/plans.md).
    public static let fewestReps: [String: Int] = [
        "M10": 2, "M11": 4, "M12": 3, "M13": 4, "M14": 4, "M15": 4, "M16": 3, "M17": 2, "M18": 2, GoalPaceSession.rule: 2,
    ]

    /// The largest version of `make` that fits `budget` minutes (M41): the full frame with the
    /// progression's reps, then fewer reps down to the session's week-1 count, then the short
    /// frame (M4 shortened) with reps down to ``fewestReps``; `nil` when even that does not fit.
    public func fitted(rule: String, budget: Int?, _ make: (SessionSize) throws -> Workout) throws -> Workout? {
        let full = try make(.full)
        guard let budget else { return full }
        let planned = full.mainRepCount ?? 0
        let methodLowest = min(planned, (try? workout(rule: rule, week: 1).mainRepCount) ?? planned)
        let fewest = min(planned, Self.fewestReps[rule] ?? planned)
        let passes: [(WarmUp.Frame, Int)] = [(.full, methodLowest), (.short, methodLowest), (.short, fewest)]
        for (frame, lowest) in passes {
            for reps in stride(from: planned, through: max(lowest, 0), by: -1) {
                let workout = try make(SessionSize(frame: frame, maxReps: planned > 0 ? reps : nil))
                if workout.minutes(openPace: openPace) <= budget { return workout }
                if planned == 0 { break }
            }
        }
        return nil
    }

    /// The runner's easy pace as a target (M20), for warm-ups, cool-downs and recovery jogs.
    var easy: StepTarget { .pace(targets.easyRun.pace) }

    /// The pace at which steps without a pace are timed: the middle of the E band.
    public var openPace: Pace { targets.easyRun.pace.middle }

    /// The mobility session (M5): easy warm-up, the six stretches, yoga or pilates as an option.
    public static func mobility(easy: StepTarget = .effort(1...2)) -> Workout {
        let blocks: [WorkoutBlock] = [
            .step(WorkoutStep(.warmup, .time(WarmUp.easyJog), target: easy, name: "Warm-up",
                              note: "easy jog or brisk walk: never stretch cold muscles (M4)")),
        ] + Stretch.steps(.active)
        return Workout(rule: "M5", kind: .mobility, title: "Mobility: six stretches", blocks: blocks,
                       notes: [Stretch.cue, "Yoga or pilates count as flexibility work (M5)."])
    }
}
