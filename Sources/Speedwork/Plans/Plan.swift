/// A periodized training plan from a start day to the goal race (M40–M44).
public struct Plan: Sendable {
    /// The phases a plan runs through, in order (M40).
    public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
        case base
        case speed
        case raceSpecific = "race-specific"
        case taper
    }

    /// One session on one day.
    public struct Session: Sendable, Hashable {
        public let day: Day
        public let workout: Workout
        /// Minutes the session takes, warm-up and cool-down included.
        public let minutes: Int
        /// Whether its main reps are run at the target goal's race pace (M13, M40).
        public let goalPace: Bool

        /// A session on `day`; `goalPace` when its main reps are at the target goal's pace.
        public init(day: Day, workout: Workout, minutes: Int, goalPace: Bool = false) {
            self.day = day
            self.workout = workout
            self.minutes = minutes
            self.goalPace = goalPace
        }

        /// Whether it is running (strength and mobility are not).
        public var isRunning: Bool { workout.kind.isRun }
    }

    /// One week of the plan: seven days from `start` (the last week ends on race day).
    public struct Week: Sendable {
        public let index: Int
        public let start: Day
        public let phase: Phase
        /// The week's position within its phase, from 1: drives session progression.
        public let weekOfPhase: Int
        public var sessions: [Session]
        /// Whether it is a planned cutback (recovery) week (docs/volume-model.md).
        public var cutback: Bool = false

        /// Week `index` (from 1) starting on `start`.
        public init(index: Int, start: Day, phase: Phase, weekOfPhase: Int, sessions: [Session], cutback: Bool = false) {
            self.index = index
            self.start = start
            self.phase = phase
            self.weekOfPhase = weekOfPhase
            self.sessions = sessions
            self.cutback = cutback
        }

        /// Minutes of all running, warm-ups and cool-downs included (strength and mobility not).
        public var runningMinutes: Int { sessions.filter(\.isRunning).reduce(0) { $0 + $1.minutes } }

        /// Minutes of the week's long run, 0 without one.
        public var longRunMinutes: Int { sessions.filter { $0.workout.kind == .long }.reduce(0) { $0 + $1.minutes } }

        /// The days of this week that belong to the plan.
        public func days(until last: Day) -> [Day] {
            (0..<7).map { start.adding(days: $0) }.filter { $0 <= last }
        }
    }

    /// A rule the builder could not keep, and why (M41: "the plan says which rule it relaxed").
    public struct Relaxation: Sendable, Hashable {
        public let rule: String
        public let why: String
        /// The week it applies to, or `nil` for the whole plan.
        public let week: Int?
    }

    public let request: PlanRequest
    public let feasibility: GoalFeasibility
    public let weeks: [Week]
    public let relaxed: [Relaxation]
    /// The performance every goal-pace target is computed from: the goal when realistic, else the
    /// best reachable time (M44).
    public let targetGoal: Performance
    /// Why the targets use ``targetGoal``.
    public let targetGoalReason: String

    /// A plan; the target goal defaults to the feasibility's reachable goal, with its reason.
    public init(request: PlanRequest, feasibility: GoalFeasibility, weeks: [Week], relaxed: [Relaxation],
                targetGoal: Performance? = nil, targetGoalReason: String? = nil) {
        self.request = request
        self.feasibility = feasibility
        self.weeks = weeks
        self.relaxed = relaxed
        self.targetGoal = targetGoal ?? feasibility.reachableGoal
        self.targetGoalReason = targetGoalReason ?? PlanBuilder.targetGoalReason(feasibility, goal: request.goal)
    }

    /// Every session, in date order.
    public var sessions: [Session] { weeks.flatMap(\.sessions) }
}
