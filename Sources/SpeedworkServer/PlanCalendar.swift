import Foundation
import Speedwork
import SpeedworkReports

/// The plan page's calendar (issue 11): the active plan as it now stands (PlanAsItStands, M43) in
/// Monday-to-Sunday rows from the plan's first week to race day, each row led by its phase, each day
/// with its sessions planned, done (with the activity that did it) or missed, what the plan changed
/// (moved, dropped, paused), and today marked; above it the verdict as `plan` prints it (M44).
struct PlanCalendar {
    let standing: PlanAsItStands

    init(_ standing: PlanAsItStands) {
        self.standing = standing
    }

    /// The template's values.
    var values: [String: Any] {
        let active = standing.active
        let built = active.plan
        var values: [String: Any] = [
            "name": active.saved.name,
            "goal": built.request.goal.written,
            "raceDate": built.request.raceDay.description,
            "start": built.request.start.description,
            "today": standing.today.description,
            "feasibility": "\(built.feasibility.verdict.rawValue): \(built.feasibility.message)",
            "verdictNow": "\(standing.verdict.verdict.rawValue): \(standing.verdict.message)",
            "weeks": rows,
        ]
        if built.targetGoal != built.request.goal {
            values["targetGoal"] = "\(built.targetGoal.written): \(built.targetGoalReason)"
        }
        if standing.fitness.source == .log {
            values["fitnessNote"] = "Targets ahead follow your newer results in the log: VDOT \((standing.fitness.estimate.vdot * 10).rounded() / 10) instead of the plan's \((built.request.fitness.vdot * 10).rounded() / 10) (M21, M43)."
        }
        if let lowering = standing.fitness.lowering {
            values["easedNote"] = "Targets eased: \(lowering.reason)."
        }
        return values
    }

    /// One row per Monday-to-Sunday week that holds a day of the plan.
    var rows: [[String: Any]] {
        let request = standing.active.plan.request
        let first = Self.monday(of: request.start)
        let hashes = Set(standing.activities.map(\.contentHash))
        let adjustments = PlanStatusJSON.adjustments(in: standing)
        var rows: [[String: Any]] = []
        var monday = first
        while monday <= request.raceDay {
            let days = (0..<7).map { monday.adding(days: $0) }
            let phases = days.compactMap { standing.active.week(holding: $0) }.map { week in
                week.phase.rawValue + (week.cutback ? " (cutback)" : "")
            }
            let cells = days.map { day -> [String: Any] in
                cell(day, request: request, hashes: hashes, adjustments: adjustments)
            }
            rows.append(["phase": Self.distinct(phases).joined(separator: " → "), "monday": monday.description, "days": cells])
            monday = monday.adding(days: 7)
        }
        return rows
    }

    private func cell(_ day: Day, request: PlanRequest, hashes: Set<String>, adjustments: [PlanAdjustment]) -> [String: Any] {
        let inPlan = day >= request.start && day <= request.raceDay
        var classes: [String] = []
        if !inPlan { classes.append("outside") }
        if day == standing.today { classes.append("today") }
        let sessions = standing.sessions.filter { $0.session.day == day }.map { session -> [String: Any] in
            let (status, work) = PlanStatusJSON.status(of: session, in: standing)
            let workout = session.session.workout
            var entry: [String: Any] = [
                "title": workout.title, "minutes": session.session.minutes, "status": status.rawValue,
                "hard": workout.isHard, "target": PlanText.mainTarget(workout),
            ]
            if let work, hashes.contains(work.id) { entry["activity"] = work.id }
            if let work, !hashes.contains(work.id) { entry["byHand"] = true }
            if let moved = session.movedFrom { entry["movedFrom"] = moved.description }
            return entry
        }
        let changes = adjustments.filter { $0.session.day == day }.map { adjustment -> [String: Any] in
            ["change": adjustment.change.rawValue, "note": PlanDayReport.note(adjustment)]
        }
        var cell: [String: Any] = [
            "date": day.description, "dayOfMonth": String(day.description.suffix(2)), "class": classes.joined(separator: " "),
            "sessions": sessions, "changes": changes, "isToday": day == standing.today,
        ]
        if inPlan, sessions.isEmpty, changes.isEmpty { cell["rest"] = true }
        if day == request.raceDay { cell["raceDay"] = true }
        return cell
    }

    /// The Monday on or before `day`.
    static func monday(of day: Day) -> Day {
        day.adding(days: 1 - day.isoWeekday)
    }

    /// `items` without repeats, in order.
    static func distinct(_ items: [String]) -> [String] {
        items.reduce(into: []) { kept, item in if kept.last != item { kept.append(item) } }
    }
}
