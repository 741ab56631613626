import Foundation
import Speedwork
import SpeedworkReports

/// How the active plan stands as of a day (PlanAsItStands; M43, M44), as `GET /api/v1/plan`
/// answers it beside the plan: the race-date verdict re-checked, each session planned, done or
/// missed, and what the plan changed in itself.
struct PlanStatusJSON: Encodable {
    /// The race-date verdict (GoalFeasibility, M44) as of ``date``.
    struct Verdict: Encodable {
        /// `realistic`, `ambitious` or `unrealistic`.
        var verdict: String
        var message: String
        /// Weeks left to train, pauses ahead not counted.
        var weeks: Double
    }

    /// A session where it now stands.
    struct Session: Encodable {
        /// Its place in the plan as built (`plan link` names it so).
        var ref: String
        /// The day it now falls on.
        var date: String
        var title: String
        var kind: String
        /// `planned`, `done` or `missed` (PlanMatching.Status).
        var status: String
        /// The activity (content hash) or hand-logged session (id) that fulfils it.
        var doneBy: String?
        /// The day the plan as built had it on, when it moved (M43).
        var movedFrom: String?
    }

    var date: String
    /// The fitness of the day the targets ahead come from: `plan` or `log`, and its VDOT.
    var fitnessSource: String
    var vdot: Double
    var verdict: Verdict
    var sessions: [Session]
    /// What moved, was dropped, gave way or was paused, as decided by ``date``.
    var adjustments: [PlanDayReport.Adjustment]

    init(_ standing: PlanAsItStands) {
        date = standing.today.description
        fitnessSource = standing.fitness.source.rawValue
        vdot = (standing.fitness.estimate.vdot * 10).rounded() / 10
        verdict = Verdict(verdict: standing.verdict.verdict.rawValue, message: standing.verdict.message,
                          weeks: (standing.verdict.weeks * 10).rounded() / 10)
        sessions = standing.sessions.map { session in
            let (status, work) = Self.status(of: session, in: standing)
            return Session(ref: session.ref.description, date: session.session.day.description, title: session.session.workout.title,
                           kind: session.session.workout.kind.rawValue, status: status.rawValue, doneBy: work?.id,
                           movedFrom: session.movedFrom?.description)
        }
        adjustments = Self.adjustments(in: standing).map(PlanDayReport.Adjustment.init)
    }

    /// Whether `session` was done (the log's work matched to it), missed (its days are over with
    /// nothing matched), or is still planned.
    static func status(of session: PlanAsItStands.Session, in standing: PlanAsItStands) -> (PlanMatching.Status, PlanMatching.Work?) {
        if let work = standing.outcome.matched[session.ref] { return (.done, work) }
        if standing.outcome.missed.contains(session.ref) { return (.missed, nil) }
        return (.planned, nil)
    }

    /// The plan's changes to itself known on its day: a pause or re-entry is known ahead, a miss from
    /// the day it is decided (as `week` shows them).
    static func adjustments(in standing: PlanAsItStands) -> [PlanAdjustment] {
        standing.adjustments.filter { $0.decidedOn <= standing.today || $0.change == .paused || $0.change == .reEntry }
    }
}
