import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore

/// The active plan as it now stands from a day on, for devices (issue 10; M43): every session from
/// that day to race day with its targets at the runner's current fitness, as an iCalendar file whose
/// events keep their ids across regenerations and as FIT workouts for the watch (docs/active-plan.md).
struct ActivePlanExport: Sendable {
    /// One session as it now stands, with its place in the saved plan.
    struct Entry: Sendable {
        /// Where the session sits in the saved plan (its planned day and position that day): its
        /// identity, which a move or a new target does not change.
        let ref: PlanMatching.SessionRef
        /// The session with its current day and targets.
        let session: Plan.Session
        /// How many times the session has been revised since the plan was saved (each newer result
        /// that moved its targets): the event's `SEQUENCE` (RFC 5545 §3.8.7.4).
        let revision: Int
    }

    let active: ActivePlan
    /// The first day exported.
    let from: Day
    /// The fitness the targets come from.
    let fitness: ActivePlan.CurrentFitness
    /// The sessions from ``from`` on, in date order.
    let entries: [Entry]

    /// The runner's active plan as it now stands from `day` on, or nil when no plan is active: the
    /// sessions ``PlanAsItStands`` gives (missed ones moved or dropped, pauses kept free, targets at
    /// each day's fitness; M43, M44).
    static func load(from log: any TrainingStore, for athlete: AthleteID, from day: Day) async throws -> ActivePlanExport? {
        guard let stands = try await PlanAsItStands.load(from: day, log: log, for: athlete) else { return nil }
        return standing(stands, from: day)
    }

    /// The sessions of `stands` from `day` on, each revised once for every newer result that moved
    /// its targets, once when it moved day and once when a run of slow sessions eased its targets.
    static func standing(_ stands: PlanAsItStands, from day: Day) -> ActivePlanExport {
        let entries = stands.sessions(from: day).map { placed in
            Entry(ref: placed.ref, session: placed.session,
                  revision: placed.fitness.newer.count + (placed.movedFrom == nil ? 0 : 1) + (placed.fitness.lowering == nil ? 0 : 1))
        }
        return ActivePlanExport(active: stands.active, from: day, fitness: stands.fitness, entries: entries)
    }

    /// The event id of the session at `ref` in `saved`: the saved plan's id, the week, the day of
    /// the week (0 for the week's first day) and the position on that day, never its date or targets,
    /// so the event keeps its id when the session moves or is re-targeted.
    static func uid(of ref: PlanMatching.SessionRef, in plan: Plan, saved: SavedPlan) -> String {
        let week = plan.weeks.last { $0.start <= ref.day } ?? plan.weeks[0]
        let slot = week.start.days(until: ref.day)
        return "\(saved.id.uuidString.lowercased())-w\(week.index)-d\(slot)-s\(ref.position)@speedwork"
    }

    /// The calendar entries, with their stable ids and revisions.
    var calendarEntries: [CalendarEntry] {
        entries.map { entry in
            CalendarEntry(day: entry.session.day, workout: entry.session.workout, minutes: entry.session.minutes,
                          uid: Self.uid(of: entry.ref, in: active.plan, saved: active.saved), sequence: entry.revision)
        }
    }

    /// The iCalendar text (RFC 5545), `DTSTAMP` the moment it is made.
    func calendar(created: Date) -> String {
        ICalendarWriter(timestamp: created).write(calendarEntries)
    }

    /// The plan with only the sessions exported, in their weeks, for ``PlanExport``'s FIT workouts.
    var standingPlan: Plan {
        let plan = active.plan
        let weeks = plan.weeks.map { week -> Plan.Week in
            var copy = week
            let end = week.start.adding(days: 7)
            copy.sessions = entries.map(\.session).filter { $0.day >= week.start && $0.day < end }
            return copy
        }
        return Plan(request: plan.request, feasibility: plan.feasibility, weeks: weeks, relaxed: plan.relaxed,
                    targetGoal: plan.targetGoal, targetGoalReason: plan.targetGoalReason)
    }

    /// Writes the calendar to `path`, replacing the file there only once the new one is complete.
    func writeCalendar(to path: String, created: Date) throws(FileWriteError) {
        try ExportFiles.replace(path, with: Array(calendar(created: created).utf8))
    }

    /// Writes one FIT workout per run from ``from`` on into the folder `path`, removing the ones an
    /// earlier export wrote there (past and dropped sessions included).
    func writeFITWorkouts(into path: String, created: Date) throws -> (written: Int, removed: Int) {
        try PlanExport(plan: standingPlan, created: created).writeFITWorkouts(into: path)
    }
}
