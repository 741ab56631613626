import Foundation
import Speedwork

/// Every option a plan was built from, as kept in the log beside the plan (issue 10), so the active
/// plan can be rebuilt exactly and its targets moved to newer fitness (M43). Written as JSON; later
/// versions add keys, never remove or rename them.
struct SavedPlanRequest: Codable, Sendable, Hashable {
    /// The results the plan's fitness came from, written as `--from` takes them.
    var results: [String]
    /// The speed reserve ratio assumed for short results.
    var speedReserve: Double
    /// The day the fitness was estimated for, YYYY-MM-DD.
    var asOf: String
    /// The goal race, DISTANCE=TIME.
    var goal: String
    /// The race day, YYYY-MM-DD.
    var raceDate: String
    /// The plan's first day, YYYY-MM-DD.
    var start: String
    /// The training days: `mon`, `tue` …, Monday first.
    var days: [String]
    /// The longest session in minutes, when limited.
    var maxSession: Int?
    /// The weekly running as the runner wrote it, when given.
    var weekly: String?
    /// The strength level (M32).
    var strength: String
    /// Weeks of base already run (M8).
    var baseWeeks: Int

    /// The request of `command`, whose plan was built from `fitness` starting on `start`.
    init(_ command: PlanCommand, fitness: FitnessEstimate, start: Day) {
        let given = command.fitness.results
        results = (given.isEmpty ? fitness.results.map(\.performance) : given).map(\.written)
        speedReserve = command.fitness.speedReserve
        asOf = fitness.asOf.description
        goal = command.goal.written
        raceDate = command.raceDate.description
        self.start = start.description
        days = command.days.sorted().map(\.shortName)
        maxSession = command.maxSession
        weekly = command.weekly
        strength = command.strength.rawValue
        baseWeeks = command.baseWeeks
    }

    /// Reads a stored request; a damaged one is a one-line error.
    init(json: String) throws {
        do {
            self = try JSONDecoder().decode(SavedPlanRequest.self, from: Data(json.utf8))
        } catch {
            throw InputError("the active plan's stored request is damaged: save the plan again with speedwork plan … --save")
        }
    }

    /// The request as stored.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The fitness the plan was built from.
    func fitness() throws -> FitnessEstimate {
        let estimator = FitnessEstimator(defaultSpeedReserveRatio: speedReserve)
        return try estimator.estimate(from: try results.map { try Performance(parsing: $0) }, asOf: try Day(parsing: asOf))
    }

    /// The plan as `speedwork plan` built it: the same request gives the same plan (PlanBuilder).
    func plan() throws -> Plan {
        let estimate = try fitness()
        let goal = try Performance(parsing: goal)
        let raceDay = try Day(parsing: raceDate)
        let start = try Day(parsing: start)
        let days = try Weekday.parseList(days.joined(separator: ","))
        guard let strength = StrengthRoutine.Level(rawValue: strength) else {
            throw InputError("the active plan's stored strength level '\(strength)' is not one of beginner, intermediate, advanced")
        }
        let volume = try weekly.map { try PlanCommand.weeklyVolume(parsing: $0, fitness: estimate) }
        let request = try PlanRequest(fitness: estimate, goal: goal, raceDay: raceDay, start: start, days: days,
                                      maxSessionMinutes: maxSession, strength: strength, baseWeeks: baseWeeks, weekly: volume)
        return try PlanBuilder(sessions: library(fitness: estimate, request: request)).build(request)
    }

    /// The session library a plan for `request` uses with targets from `fitness`: goal-pace targets
    /// at the best goal reachable from the plan's own fitness (M44), as `speedwork plan` sets them.
    func library(fitness: FitnessEstimate, request: PlanRequest) -> SessionLibrary {
        let reachable = GoalFeasibility(fitness: request.fitness, goal: request.goal, days: request.start.days(until: request.raceDay),
                                        baseWeeks: request.baseWeeks).reachableGoal
        return SessionLibrary(targets: SessionTargets(fitness: fitness, goal: reachable), strengthLevel: request.strength)
    }
}
