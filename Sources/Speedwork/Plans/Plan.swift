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
    }

    /// One week of the plan: seven days from `start` (the last week ends on race day).
    public struct Week: Sendable {
        public let index: Int
        public let start: Day
        public let phase: Phase
        /// The week's position within its phase, from 1: drives session progression.
        public let weekOfPhase: Int
        public var sessions: [Session]

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

    /// Every session, in date order.
    public var sessions: [Session] { weeks.flatMap(\.sessions) }
}
