import Foundation
import Speedwork
import SpeedworkStore

/// The active plan as it now stands (issue 10; M43): the plan as built, with the log's work matched
/// to it, missed key sessions moved or dropped (``MissedSessionRule``), and every session's targets
/// at the fitness of its day — a day already run keeps the targets it was graded against (the log's
/// fitness as of that day), today and the days ahead take today's. `today`, `week` and the exports of
/// the active plan read it; ``PlanAsItStands/load(from:log:for:)`` is the one way to get it.
public struct PlanAsItStands: Sendable {
    /// A session where it now stands, with its current targets.
    public struct Session: Sendable {
        /// Its place in the plan as built (`plan link` names it so; stable while the plan is active).
        public let ref: PlanMatching.SessionRef
        /// The session on the day it now falls on, its targets at ``fitness``.
        public let session: Plan.Session
        /// The day the plan as built had it on, when it moved (M43).
        public let movedFrom: Day?
        /// The fitness its targets come from: that of its day, or today's for days ahead.
        public let fitness: ActivePlan.CurrentFitness
    }

    public let active: ActivePlan
    /// The day the plan is read on: what was logged up to it counts.
    public let today: Day
    /// Every session of the plan, in day order (see ``PlanAdaptation/placed``).
    public let sessions: [Session]
    /// What moved, was dropped, gave way or was paused, in the order it was decided.
    public let adjustments: [PlanAdjustment]
    /// The log's work matched to ``sessions``.
    public let outcome: PlanMatching.Outcome
    /// The fitness of `today`.
    public let fitness: ActivePlan.CurrentFitness
    /// The key sessions with pace targets run from watch files up to ``today``, graded against the
    /// targets of their day's results (what UnderTargetRule reads).
    public let graded: [UnderTargetRule.Graded]
    /// The plan's pauses, earliest first (`plan pause`).
    public let pauses: [PlanPause]
    /// The race-date verdict re-checked as of ``today`` (M44).
    public let verdict: GoalFeasibility
    /// What the log held when the plan was read: the runner's activities and hand-logged sessions.
    public let activities: [ActivitySummary]
    public let handSessions: [LoggedSession]

    /// The sessions from `day` on: what is still ahead (what exports write).
    public func sessions(from day: Day) -> [Session] {
        sessions.filter { $0.session.day >= day }
    }

    /// The plan as it now stands as a ``Plan``: the plan's weeks holding ``sessions`` on their
    /// current days, for `plan --json`'s shape, the plan checks and the exports.
    public var plan: Plan {
        let built = active.plan
        let weeks = built.weeks.map { week in
            var copy = week
            let days = Set(week.days(until: built.request.raceDay))
            copy.sessions = sessions.filter { days.contains($0.session.day) }.map(\.session)
            return copy
        }
        return Plan(request: built.request, feasibility: built.feasibility, weeks: weeks, relaxed: built.relaxed,
                    targetGoal: built.targetGoal, targetGoalReason: built.targetGoalReason)
    }

    /// The runner's active plan as it now stands from `day` on (the day it is read on), or nil when
    /// no plan is active. The one definition of "the plan as it now stands": `today`, `week` and the
    /// exports of the active plan all read it.
    public static func load(from day: Day, log: any TrainingStore, for athlete: AthleteID) async throws -> PlanAsItStands? {
        guard let active = try await ActivePlan.load(from: log, for: athlete) else { return nil }
        return try await PlanAsItStands(active, today: day, log: log, for: athlete)
    }

    /// `active` as it stands on `today`, read from `log`.
    public init(_ active: ActivePlan, today: Day, log: any TrainingStore, for athlete: AthleteID) async throws {
        // Digests only: matching reads each activity's shape and verdicts, not its analysis text.
        let activities = try await log.activityDigests(for: athlete, in: nil)
        let handSessions = try await log.sessions(for: athlete, since: nil)
        let logFitness = try await LogFitness.load(from: log, for: athlete)
        let request = active.plan.request
        let first = request.start.adding(days: -PlanMatching.neighbourDays), last = min(today, request.raceDay.adding(days: 1))
        let inWindow = { (day: Day) in day >= first && day <= last }
        let work = activities.filter { summary in summary.start.map { inWindow(Day($0)) } ?? false }.compactMap { PlanProgress.work($0) }
            + handSessions.filter { inWindow($0.day) }.map { PlanProgress.work($0) }
        var links: [PlanMatching.SessionRef: String] = [:]
        for (ref, id) in try await log.links(plan: active.saved.id, for: athlete) {
            if let ref = try? PlanMatching.SessionRef(parsing: ref) { links[ref] = id }
        }
        let pauses = try await log.pauses(plan: active.saved.id, for: athlete)
        let adaptation = PlanAdaptation(plan: active.plan, work: work, links: links, today: today, pauses: pauses)

        var updates: [Double: TargetUpdate?] = [:]
        func update(_ fitness: ActivePlan.CurrentFitness) -> TargetUpdate? {
            guard fitness.source != .plan || fitness.lowering != nil else { return nil }
            if let known = updates[fitness.estimate.vdot] { return known }
            let found = active.targetUpdate(to: fitness)
            updates[fitness.estimate.vdot] = found
            return found
        }
        // The fitness of a day from its results alone (the plan's, or the log's when it holds newer).
        var baseByDay: [Day: ActivePlan.CurrentFitness] = [:]
        func base(_ day: Day) throws -> ActivePlan.CurrentFitness {
            let key = min(day, today)
            if let known = baseByDay[key] { return known }
            let found = try active.fitness(on: key, log: logFitness)
            baseByDay[key] = found
            return found
        }
        // Key sessions run from watch files, graded against the targets of their day's results (not
        // against eased targets, so an easing never feeds on itself).
        let hashes = Set(activities.map(\.contentHash))
        var graded: [UnderTargetRule.Graded] = []
        for placed in adaptation.placed where MissedSessionRule.isKey(placed.session) && placed.session.workout.kind != .timeTrial
            && placed.session.day <= today {
            guard let work = adaptation.outcome.matched[placed.ref], hashes.contains(work.id),
                  let stored = try await log.activity(work.id, for: athlete) else { continue }
            let session = update(try base(placed.session.day)).map { $0.session(placed.session) } ?? placed.session
            // Sessions run by effort (hills, M14) have no pace to fall short of.
            let paced = session.workout.expandedSteps.contains { step in
                guard step.intensity == .active, case .pace = step.target else { return false }
                return true
            }
            guard paced, let compliance = ActivityAnalysis(activity: stored.activity, workout: session.workout).compliance else { continue }
            let counted: Set<Compliance.Verdict> = [.onTarget, .fast, .slow]
            let run = compliance.reps.filter { counted.contains($0.verdict) }
            guard !run.isEmpty else { continue }
            let percent = run.map { $0.verdict == .slow ? $0.offByPercent : $0.verdict == .fast ? -$0.offByPercent : 0 }.reduce(0, +)
                / Double(run.count)
            graded.append(UnderTargetRule.Graded(day: work.day, title: session.workout.title, slowerByPercent: percent))
        }
        // The fitness a day's targets come from: its results', eased when a run of key sessions well
        // below target says so (UnderTargetRule).
        var byDay: [Day: (fitness: ActivePlan.CurrentFitness, update: TargetUpdate?)] = [:]
        func fitness(_ day: Day) throws -> (fitness: ActivePlan.CurrentFitness, update: TargetUpdate?) {
            let key = min(day, today)
            if let known = byDay[key] { return known }
            var found = try base(key)
            let since = found.newer.map(\.day).max() ?? active.fitnessDay
            if let lowering = UnderTargetRule.lowering(graded, asOf: key, since: since) {
                let estimate = try UnderTargetRule.lowered(found.estimate, by: lowering, distance: request.goal.distance, asOf: key)
                found = ActivePlan.CurrentFitness(estimate: estimate, source: found.source, newer: found.newer, lowering: lowering)
            }
            let result = (found, update(found))
            byDay[key] = result
            return result
        }
        var sessions: [Session] = []
        for placed in adaptation.placed {
            let current = try fitness(placed.session.day)
            sessions.append(Session(ref: placed.ref, session: current.update.map { $0.session(placed.session) } ?? placed.session,
                                    movedFrom: placed.movedFrom, fitness: current.fitness))
        }
        self.active = active
        self.today = today
        self.sessions = sessions
        self.adjustments = adaptation.adjustments
        self.outcome = adaptation.outcome
        self.fitness = try fitness(today).fitness
        self.activities = activities
        self.handSessions = handSessions
        self.pauses = pauses
        self.graded = graded
        self.verdict = Self.verdict(active, fitness: self.fitness.estimate, today: today, pauses: pauses)
    }

    /// The race-date verdict as of `today` (M44): the goal against `fitness` and the days left to
    /// train, the days of pauses still ahead not counted.
    public static func verdict(_ active: ActivePlan, fitness: FitnessEstimate, today: Day, pauses: [PlanPause]) -> GoalFeasibility {
        let request = active.plan.request
        let first = max(today, request.start)
        let paused = pauses.flatMap(\.allDays).filter { $0 >= first && $0 < request.raceDay }.count
        let days = max(first.days(until: request.raceDay) - paused, 0)
        return GoalFeasibility(fitness: fitness, goal: request.goal, days: days, baseWeeks: request.baseWeeks)
    }
}
