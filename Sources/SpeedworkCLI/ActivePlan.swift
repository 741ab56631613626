import Foundation
import Speedwork
import SpeedworkStore

/// The runner's active plan as the log keeps it (issue 10): the saved plan, the request it was built
/// from, and the plan rebuilt from that request, whose sessions `today` and `week` show with targets
/// from the runner's current fitness (M43).
struct ActivePlan: Sendable {
    /// Where a day's fitness comes from.
    enum FitnessSource: String, Sendable {
        /// The results the plan was built from: the log has nothing newer.
        case plan
        /// The log's estimate for the day (LogFitness): it holds evidence newer than the plan's.
        case log
    }

    /// The fitness a day's targets come from, and why.
    struct CurrentFitness: Sendable {
        let estimate: FitnessEstimate
        let source: FitnessSource
        /// The log's evidence newer than the plan's fitness, oldest first (empty for `.plan`).
        let newer: [FitnessEvidence]
        /// When a run of key sessions well below target lowered the estimate (UnderTargetRule), how and why.
        var lowering: UnderTargetRule.Lowering?
    }

    let saved: SavedPlan
    let request: SavedPlanRequest
    let plan: Plan

    /// Stores `plan` built from `request` for `athlete` and makes it the active plan; the plan active
    /// before stays in the log as history.
    @discardableResult
    static func save(_ plan: Plan, request: SavedPlanRequest, to log: any TrainingStore, for athlete: AthleteID,
                     at moment: Date = Date()) async throws -> SavedPlan {
        let name = "\(plan.request.goal.written) on \(plan.request.raceDay)"
        let saved = try SavedPlan(name: name, createdAt: moment, json: try JSONOutput.render(PlanReport(plan)), request: try request.json())
        _ = try await log.save([saved], for: athlete)
        try await log.activate(plan: saved.id, for: athlete, since: moment)
        return saved
    }

    /// The runner's active plan rebuilt from its request, or nil when none is active.
    static func load(from log: any TrainingStore, for athlete: AthleteID) async throws -> ActivePlan? {
        guard let saved = try await log.activePlan(for: athlete) else { return nil }
        guard let json = saved.request else {
            throw InputError("the active plan '\(saved.name)' was saved without its request: save it again with speedwork plan … --save")
        }
        let request = try SavedPlanRequest(json: json)
        return ActivePlan(saved: saved, request: request, plan: try request.plan())
    }

    /// The newest day of the plan's own fitness evidence (its results' dates, else the day it was estimated for).
    var fitnessDay: Day {
        plan.request.fitness.results.compactMap(\.performance.date).max() ?? plan.request.fitness.asOf
    }

    /// The fitness `day`'s targets come from: the log's estimate for the day when the log holds
    /// evidence newer than the plan's (M21, M43: a new time trial or race moves every target),
    /// else the plan's own.
    func fitness(on day: Day, log: LogFitness) throws -> CurrentFitness {
        let newer = log.evidence(asOf: day).filter { $0.day > fitnessDay }
        guard !newer.isEmpty, let estimate = try log.estimate(asOf: day) else {
            return CurrentFitness(estimate: plan.request.fitness, source: .plan, newer: [])
        }
        return CurrentFitness(estimate: estimate, source: .log, newer: newer)
    }

    /// The plan's sessions on `days` with their targets at `fitness`, in the plan's order.
    func sessions(on days: [Day], fitness: CurrentFitness) -> [Plan.Session] {
        plan.sessions.filter { days.contains($0.day) }.map { retargeted($0, fitness: fitness) }
    }

    /// `session` with its targets at `fitness` (TargetUpdate: the shape kept, only the paces moved).
    func retargeted(_ session: Plan.Session, fitness: CurrentFitness) -> Plan.Session {
        targetUpdate(to: fitness).map { $0.session(session) } ?? session
    }

    /// The update from the plan's targets to those at `fitness`, or nil when they are the plan's own.
    func targetUpdate(to fitness: CurrentFitness) -> TargetUpdate? {
        guard fitness.source != .plan || fitness.lowering != nil else { return nil }
        return TargetUpdate(planned: request.library(fitness: plan.request.fitness, request: plan.request),
                            current: request.library(fitness: fitness.estimate, request: plan.request))
    }

    /// The plan's week holding `day`, or nil when the day is before the start or after race day.
    func week(holding day: Day) -> Plan.Week? {
        guard day >= plan.request.start, day <= plan.request.raceDay else { return nil }
        return plan.weeks.last { $0.start <= day }
    }
}

extension PlanCommand {
    /// `--save`: stores the plan with every option it was built from and makes it the active plan;
    /// says so on standard error so that standard output stays the plan.
    func saveAsActive(_ plan: Plan, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        let log = try await store.open(environment: environment)
        do {
            let runner = try await log.defaultAthlete()
            let request = SavedPlanRequest(self, fitness: plan.request.fitness, start: plan.request.start)
            let saved = try await ActivePlan.save(plan, request: request, to: log, for: runner.id)
            await log.close()
            try? StandardOutput.write(Array("Saved '\(saved.name)' in \(log.location) as your active plan: speedwork today shows its day\n".utf8), to: 2)
        } catch {
            await log.close()
            throw error
        }
    }
}
