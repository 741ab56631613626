/// What a runner asks a plan for: where they are, where they want to be, and when they can train.
public struct PlanRequest: Sendable {
    public let fitness: FitnessEstimate
    public let goal: Performance
    public let raceDay: Day
    public let start: Day
    public let days: Set<Weekday>
    /// The longest a session may take, warm-up and cool-down included (M41), if limited.
    public let maxSessionMinutes: Int?
    public let strength: StrengthRoutine.Level
    /// Weeks of easy to moderate running the runner already has (M8).
    public let baseWeeks: Int
    /// The weekly running the plan builds from: the runner's own or the stated default.
    public let volume: WeeklyVolume

    /// The shortest plan accepted, in days (one week, so the taper fits).
    public static let minimumDays = 7
    /// The longest plan accepted, in days (two years).
    public static let maximumDays = 730
    /// The shortest session budget accepted: a shortened warm-up, a few reps and a cool-down fit
    /// in half an hour (M4 shortened, docs/plans.md).
    public static let minimumSessionMinutes = 30
    /// The goal distances plans cover: 800 m to 10K (longer races need a long run and
    /// marathon-pace work this planner does not build).
    public static let goalDistances = Distance.meters(800)...Distance.meters(10_000)

    /// - Throws: ``InputError`` when the race is not after the start, the plan is shorter than a
    ///   week or longer than two years, fewer than 3 days are available, the budget is under 30
    ///   minutes, the base is negative, or the goal is not 800 m to 10K.
    ///   `weekly` is the runner's current weekly running; `nil` takes the stated default.
    public init(fitness: FitnessEstimate, goal: Performance, raceDay: Day, start: Day, days: Set<Weekday>,
                maxSessionMinutes: Int? = nil, strength: StrengthRoutine.Level = .beginner, baseWeeks: Int = 0,
                weekly: WeeklyVolume? = nil) throws {
        guard Self.goalDistances.contains(Distance.meters(goal.distance.meters.rounded())) else {
            throw InputError("plans cover goals from 800m to 10k; \(goal.written) is a goal this tool does not plan yet")
        }
        let span = start.days(until: raceDay)
        guard span >= Self.minimumDays else {
            throw InputError("race date \(raceDay) is \(span) days after the start \(start): a plan needs at least \(Self.minimumDays) days")
        }
        guard span <= Self.maximumDays else {
            throw InputError("race date \(raceDay) is \(span) days after the start \(start): plans run up to two years")
        }
        guard days.count >= 3 else {
            throw InputError("\(days.count) training day\(days.count == 1 ? "" : "s") given: the method needs at least 3 (one speed session, two strength sessions, M3 and M34)")
        }
        if let minutes = maxSessionMinutes, minutes < Self.minimumSessionMinutes {
            throw InputError("a session budget of \(minutes) min is under \(Self.minimumSessionMinutes) min: the shortest session with its warm-up and cool-down takes half an hour (M4)")
        }
        guard (0...520).contains(baseWeeks) else {
            throw InputError("base weeks \(baseWeeks) is outside 0–520")
        }
        self.fitness = fitness
        self.goal = goal
        self.raceDay = raceDay
        self.start = start
        self.days = days
        self.maxSessionMinutes = maxSessionMinutes
        self.strength = strength
        self.baseWeeks = baseWeeks
        volume = weekly ?? WeeklyVolume(defaultFor: days.count, vdot: fitness.vdot, budget: maxSessionMinutes)
    }
}
