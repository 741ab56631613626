import Foundation
import Speedwork

/// The options a plan is built from besides the fitness (M40–M44), read and checked one way for
/// `speedwork plan` and the web app's plan form and API, so a bad value gets the same one line
/// wherever it was typed.
public struct PlanOptions: Sendable, Hashable {
    /// Makes the value from its parts.
    public init(goal: Performance, raceDate: Day, start: Day? = nil, days: Set<Weekday>, maxSession: Int? = nil, weekly: String? = nil,
                strength: StrengthRoutine.Level = .beginner, baseWeeks: Int = 0) {
        self.goal = goal
        self.raceDate = raceDate
        self.start = start
        self.days = days
        self.maxSession = maxSession
        self.weekly = weekly
        self.strength = strength
        self.baseWeeks = baseWeeks
    }

    /// The goal race.
    public var goal: Performance
    /// The race (or time trial) day.
    public var raceDate: Day
    /// The plan's first day; nil for the day the fitness is estimated for.
    public var start: Day?
    /// The training days (at least three, PlanRequest).
    public var days: Set<Weekday>
    /// The longest session in minutes, warm-up and cool-down included, when limited.
    public var maxSession: Int?
    /// The weekly running as the runner wrote it (WeeklyVolume), when given.
    public var weekly: String?
    /// The strength routine level (M32).
    public var strength: StrengthRoutine.Level
    /// Weeks of easy to moderate running already done (M8).
    public var baseWeeks: Int

    /// The longest session budget accepted, in minutes.
    public static let longestSessionMinutes = 600
    /// The most base weeks accepted (ten years).
    public static let mostBaseWeeks = 520

    /// A `DISTANCE=TIME` goal race.
    public static func goal(_ text: String) throws -> Performance {
        try Performance(parsing: text)
    }

    /// A `YYYY-MM-DD` day (race date or start).
    public static func day(_ text: String) throws -> Day {
        try Day(parsing: text)
    }

    /// Comma-separated training days: `mon,tue,thu,sat,sun`.
    public static func days(_ text: String) throws -> Set<Weekday> {
        try Weekday.parseList(text)
    }

    /// The session budget: `45m`, `1h`, `1:15` or bare minutes, whole minutes from
    /// ``PlanRequest/minimumSessionMinutes`` to ``longestSessionMinutes``.
    public static func maxSession(_ text: String) throws -> Int {
        let lowered = text.lowercased()
        let minutes = try Speedwork.Duration(parsing: lowered.hasSuffix("m") || lowered.hasSuffix("h") || text.contains(":") ? text : text + "m").minutes
        guard minutes == minutes.rounded(), (Double(PlanRequest.minimumSessionMinutes)...Double(longestSessionMinutes)).contains(minutes) else {
            throw InputError("session budget '\(text)' must be whole minutes from \(PlanRequest.minimumSessionMinutes) to \(longestSessionMinutes) (a shortened warm-up, a few reps and a cool-down take half an hour)")
        }
        return Int(minutes)
    }

    /// A strength level (M32): `beginner`, `intermediate` or `advanced`.
    public static func strength(_ text: String) throws -> StrengthRoutine.Level {
        guard let level = StrengthRoutine.Level(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw InputError("strength level '\(text)' must be one of beginner, intermediate, advanced")
        }
        return level
    }

    /// Weeks of base already run: a whole number from 0 to ``mostBaseWeeks``.
    public static func baseWeeks(_ text: String) throws -> Int {
        guard let weeks = Int(text), (0...mostBaseWeeks).contains(weeks) else {
            throw InputError("base weeks '\(text)' must be a whole number from 0 to \(mostBaseWeeks)")
        }
        return weeks
    }

    /// One or more results, `DISTANCE=TIME[@YYYY-MM-DD]`, separated by commas, spaces or lines.
    public static func results(_ text: String) throws -> [Performance] {
        try text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { try Performance(parsing: String($0)) }
    }

    /// The plan these options give from `fitness` (PlanBuilder), starting on ``start`` or else on
    /// `defaultStart`; goal-pace targets use the best goal reachable by race day (M44).
    public func plan(fitness: FitnessEstimate, defaultStart: Day) throws -> Plan {
        let volume = try weekly.map { try WeeklyVolume(parsing: $0, fitness: fitness) }
        let request = try PlanRequest(
            fitness: fitness, goal: goal, raceDay: raceDate, start: start ?? defaultStart, days: days,
            maxSessionMinutes: maxSession, strength: strength, baseWeeks: baseWeeks, weekly: volume)
        let reachable = GoalFeasibility(fitness: fitness, goal: goal, days: request.start.days(until: raceDate), baseWeeks: baseWeeks).reachableGoal
        let library = SessionLibrary(targets: SessionTargets(fitness: fitness, goal: reachable), strengthLevel: strength)
        return try PlanBuilder(sessions: library).build(request)
    }

    /// The request to keep beside a plan built from these options, from `fitness` starting on `start`:
    /// the results as given, or the fitness's own results when none were (it came from the log).
    public func saved(results given: [Performance], speedReserve: Double, fitness: FitnessEstimate, start: Day) -> SavedPlanRequest {
        SavedPlanRequest(results: (given.isEmpty ? fitness.results.map(\.performance) : given).map(\.written),
                         speedReserve: speedReserve, asOf: fitness.asOf.description, goal: goal.written,
                         raceDate: raceDate.description, start: start.description,
                         days: days.sorted().map(\.shortName), maxSession: maxSession, weekly: weekly,
                         strength: strength.rawValue, baseWeeks: baseWeeks)
    }
}
