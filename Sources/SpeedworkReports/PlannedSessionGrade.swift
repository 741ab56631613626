import Foundation
import Speedwork
import SpeedworkStore

/// An activity graded against the planned session it fulfils (M51, M43): the session of the
/// runner's active plan that ``PlanMatching`` matched the activity to, with its targets at the
/// fitness of its day as the plan now stands (``PlanAsItStands``: a day already run keeps the
/// targets it was graded against), and the activity analysed against that session's workout, so
/// each rep is on target, fast or slow against the planned target. Graded when read, so a newer
/// result, a link or a new plan is reflected the next time the activity is shown.
public struct PlannedSessionGrade: Sendable {
    /// The session's place in the plan as built (`plan link` names it so).
    public let ref: PlanMatching.SessionRef
    /// The saved plan's name.
    public let planName: String
    /// The session on the day it now falls on, its targets at ``fitness``.
    public let session: Plan.Session
    /// The day the plan as built had it on, when it moved (M43).
    public let movedFrom: Day?
    /// The fitness the targets come from.
    public let fitness: ActivePlan.CurrentFitness
    /// The activity analysed against the session's workout (M51); nil when the session has no
    /// reps to grade (an easy or long run, a time trial, a race, strength).
    public let analysis: ActivityAnalysis?

    /// The planned session as a runner names it: `6 × 800m intervals, Tue 24 Nov`.
    public var title: String {
        "\(session.workout.title), \(Self.shortDay(session.day))"
    }

    /// The session `activity` fulfils in `standing`, graded; nil when it fulfils none.
    public init?(_ activity: StoredActivity, in standing: PlanAsItStands) {
        let hash = activity.summary.contentHash
        guard let ref = standing.outcome.matched.filter({ $0.value.id == hash }).map(\.key).min(),
              let placed = standing.sessions.first(where: { $0.ref == ref }) else { return nil }
        self.ref = ref
        planName = standing.active.saved.name
        session = placed.session
        movedFrom = placed.movedFrom
        fitness = placed.fitness
        analysis = Self.isGraded(placed.session.workout) ? ActivityAnalysis(activity: activity.activity, workout: placed.session.workout) : nil
    }

    /// The session `activity` fulfils in the runner's active plan read on `today`, graded; nil when
    /// no plan is active or the activity fulfils none of its sessions.
    public static func load(for activity: StoredActivity, log: any TrainingStore, athlete: AthleteID,
                            today: Day) async throws -> PlannedSessionGrade? {
        guard let start = activity.summary.start,
              let standing = try await PlanAsItStands.load(from: max(today, Day(start)), log: log, for: athlete) else { return nil }
        return PlannedSessionGrade(activity, in: standing)
    }

    /// Whether a session's reps are graded against targets: a hard session of reps (speed, hills),
    /// not a time trial or race, which are run flat out (M21), as ``PlanProgress`` grades them.
    public static func isGraded(_ workout: Workout) -> Bool {
        workout.isHard && workout.kind != .timeTrial && workout.kind != .race
    }

    /// The analysis against the plan as the `analyze --json` contract, named by `file`; nil when not graded.
    public func report(file: String) -> AnalyzeReport? {
        analysis.map { AnalyzeReport($0, file: file) }
    }

    /// The `plannedSession` key of `GET /api/v1/activities/{id}` (docs/server.md).
    public func json(file: String) -> JSON {
        let report = report(file: file)
        return JSON(ref: ref.description, date: session.day.description, movedFrom: movedFrom?.description, title: title,
                    workout: session.workout.title, rule: session.workout.rule, kind: session.workout.kind.rawValue, plan: planName,
                    vdot: rounded(fitness.estimate.vdot, 1), fitnessSource: fitness.source.rawValue,
                    reps: report?.reps, compliance: report?.compliance)
    }

    /// `GET /api/v1/activities/{id}`'s `plannedSession`: the session, where its targets come from,
    /// and the reps graded against it (the `analyze --json` shapes of `reps` and `compliance`).
    public struct JSON: Encodable {
        public let ref: String
        public let date: String
        public let movedFrom: String?
        public let title: String
        public let workout: String
        public let rule: String
        public let kind: String
        public let plan: String
        public let vdot: Double
        public let fitnessSource: String
        public let reps: [AnalyzeReport.Rep]?
        public let compliance: AnalyzeReport.ComplianceJSON?
    }

    /// `Tue 24 Nov`.
    public static func shortDay(_ day: Day) -> String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[(day.isoWeekday - 1) % 7]) \(day.day) \(months[(day.month - 1) % 12])"
    }
}
