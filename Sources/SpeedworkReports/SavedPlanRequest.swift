import Foundation
import Speedwork

/// Every option a plan was built from, as kept in the log beside the plan (issue 10), so the active
/// plan can be rebuilt exactly and its targets moved to newer fitness (M43). Written as JSON; later
/// versions add keys, never remove or rename them.
public struct SavedPlanRequest: Codable, Sendable, Hashable {
    /// Makes the value from its parts.
    public init(results: [String], speedReserve: Double, asOf: String, goal: String, raceDate: String, start: String, days: [String], maxSession: Int? = nil, weekly: String? = nil, strength: String, baseWeeks: Int) {
        self.results = results
        self.speedReserve = speedReserve
        self.asOf = asOf
        self.goal = goal
        self.raceDate = raceDate
        self.start = start
        self.days = days
        self.maxSession = maxSession
        self.weekly = weekly
        self.strength = strength
        self.baseWeeks = baseWeeks
    }

    /// The results the plan's fitness came from, written as `--from` takes them.
    public var results: [String]
    /// The speed reserve ratio assumed for short results.
    public var speedReserve: Double
    /// The day the fitness was estimated for, YYYY-MM-DD.
    public var asOf: String
    /// The goal race, DISTANCE=TIME.
    public var goal: String
    /// The race day, YYYY-MM-DD.
    public var raceDate: String
    /// The plan's first day, YYYY-MM-DD.
    public var start: String
    /// The training days: `mon`, `tue` …, Monday first.
    public var days: [String]
    /// The longest session in minutes, when limited.
    public var maxSession: Int?
    /// The weekly running as the runner wrote it, when given.
    public var weekly: String?
    /// The strength level (M32).
    public var strength: String
    /// Weeks of base already run (M8).
    public var baseWeeks: Int

    /// Reads a stored request; a damaged one is a one-line error.
    public init(json: String) throws {
        do {
            self = try JSONDecoder().decode(SavedPlanRequest.self, from: Data(json.utf8))
        } catch {
            throw InputError("the active plan's stored request is damaged: save the plan again with speedwork plan … --save")
        }
    }

    /// The request as stored.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The fitness the plan was built from.
    public func fitness() throws -> FitnessEstimate {
        let estimator = FitnessEstimator(defaultSpeedReserveRatio: speedReserve)
        return try estimator.estimate(from: try results.map { try Performance(parsing: $0) }, asOf: try Day(parsing: asOf))
    }

    /// The plan as `speedwork plan` built it: the same request gives the same plan (PlanBuilder).
    public func plan() throws -> Plan {
        let estimate = try fitness()
        let goal = try Performance(parsing: goal)
        let raceDay = try Day(parsing: raceDate)
        let start = try Day(parsing: start)
        let days = try Weekday.parseList(days.joined(separator: ","))
        guard let strength = StrengthRoutine.Level(rawValue: strength) else {
            throw InputError("the active plan's stored strength level '\(strength)' is not one of beginner, intermediate, advanced")
        }
        let volume = try weekly.map { try WeeklyVolume(parsing: $0, fitness: estimate) }
        let request = try PlanRequest(fitness: estimate, goal: goal, raceDay: raceDay, start: start, days: days,
                                      maxSessionMinutes: maxSession, strength: strength, baseWeeks: baseWeeks, weekly: volume)
        return try PlanBuilder(sessions: library(fitness: estimate, request: request)).build(request)
    }

    /// The session library a plan for `request` uses with targets from `fitness`: goal-pace targets
    /// at the best goal reachable from the plan's own fitness (M44), as `speedwork plan` sets them.
    public func library(fitness: FitnessEstimate, request: PlanRequest) -> SessionLibrary {
        let reachable = GoalFeasibility(fitness: request.fitness, goal: request.goal, days: request.start.days(until: request.raceDay),
                                        baseWeeks: request.baseWeeks).reachableGoal
        return SessionLibrary(targets: SessionTargets(fitness: fitness, goal: reachable), strengthLevel: request.strength)
    }
}
