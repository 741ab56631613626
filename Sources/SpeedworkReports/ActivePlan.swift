import Foundation
import Speedwork
import SpeedworkStore

/// The runner's active plan as the log keeps it (issue 10): the saved plan, the request it was built
/// from, and the plan rebuilt from that request, whose sessions `today` and `week` show with targets
/// from the runner's current fitness (M43).
public struct ActivePlan: Sendable {
    /// Where a day's fitness comes from.
    public enum FitnessSource: String, Sendable {
        /// The results the plan was built from: the log has nothing newer.
        case plan
        /// The log's estimate for the day (LogFitness): it holds evidence newer than the plan's.
        case log
    }

    /// The fitness a day's targets come from, and why.
    public struct CurrentFitness: Sendable {
        /// Makes the value from its parts.
        public init(estimate: FitnessEstimate, source: FitnessSource, newer: [FitnessEvidence], lowering: UnderTargetRule.Lowering? = nil) {
            self.estimate = estimate
            self.source = source
            self.newer = newer
            self.lowering = lowering
        }

        public let estimate: FitnessEstimate
        public let source: FitnessSource
        /// The log's evidence newer than the plan's fitness, oldest first (empty for `.plan`).
        public let newer: [FitnessEvidence]
        /// When a run of key sessions well below target lowered the estimate (UnderTargetRule), how and why.
        public var lowering: UnderTargetRule.Lowering?
    }

    public let saved: SavedPlan
    public let request: SavedPlanRequest
    public let plan: Plan

    /// Stores `plan` built from `request` for `athlete` and makes it the active plan; the plan active
    /// before stays in the log as history.
    @discardableResult
    public static func save(_ plan: Plan, request: SavedPlanRequest, to log: any TrainingStore, for athlete: AthleteID,
                     at moment: Date = Date()) async throws -> SavedPlan {
        let name = "\(plan.request.goal.written) on \(plan.request.raceDay)"
        let saved = try SavedPlan(name: name, createdAt: moment, json: try JSONOutput.render(PlanReport(plan)), request: try request.json())
        _ = try await log.save([saved], for: athlete)
        try await log.activate(plan: saved.id, for: athlete, since: moment)
        return saved
    }

    /// The runner's active plan rebuilt from its request, or nil when none is active.
    public static func load(from log: any TrainingStore, for athlete: AthleteID) async throws -> ActivePlan? {
        guard let saved = try await log.activePlan(for: athlete) else { return nil }
        guard let json = saved.request else {
            throw InputError("the active plan '\(saved.name)' was saved without its request: save it again with speedwork plan … --save")
        }
        let request = try SavedPlanRequest(json: json)
        return ActivePlan(saved: saved, request: request, plan: try request.plan())
    }

    /// The newest day of the plan's own fitness evidence (its results' dates, else the day it was estimated for).
    public var fitnessDay: Day {
        plan.request.fitness.results.compactMap(\.performance.date).max() ?? plan.request.fitness.asOf
    }

    /// The fitness `day`'s targets come from: the log's estimate for the day when the log holds
    /// evidence newer than the plan's (M21, M43: a new time trial or race moves every target),
    /// else the plan's own.
    public func fitness(on day: Day, log: LogFitness) throws -> CurrentFitness {
        let newer = log.evidence(asOf: day).filter { $0.day > fitnessDay }
        guard !newer.isEmpty, let estimate = try log.estimate(asOf: day) else {
            return CurrentFitness(estimate: plan.request.fitness, source: .plan, newer: [])
        }
        return CurrentFitness(estimate: estimate, source: .log, newer: newer)
    }

    /// The plan's sessions on `days` with their targets at `fitness`, in the plan's order.
    public func sessions(on days: [Day], fitness: CurrentFitness) -> [Plan.Session] {
        plan.sessions.filter { days.contains($0.day) }.map { retargeted($0, fitness: fitness) }
    }

    /// `session` with its targets at `fitness` (TargetUpdate: the shape kept, only the paces moved).
    public func retargeted(_ session: Plan.Session, fitness: CurrentFitness) -> Plan.Session {
        targetUpdate(to: fitness).map { $0.session(session) } ?? session
    }

    /// The update from the plan's targets to those at `fitness`, or nil when they are the plan's own.
    public func targetUpdate(to fitness: CurrentFitness) -> TargetUpdate? {
        guard fitness.source != .plan || fitness.lowering != nil else { return nil }
        return TargetUpdate(planned: request.library(fitness: plan.request.fitness, request: plan.request),
                            current: request.library(fitness: fitness.estimate, request: plan.request))
    }

    /// The plan's week holding `day`, or nil when the day is before the start or after race day.
    public func week(holding day: Day) -> Plan.Week? {
        guard day >= plan.request.start, day <= plan.request.raceDay else { return nil }
        return plan.weeks.last { $0.start <= day }
    }
}
