import Foundation
import Speedwork
import SpeedworkFiles
import SpeedworkReports
import SpeedworkStore

/// A member's group sessions where their own plan shows (issue 12): on the today/week page of the
/// session's day, listed on the plan page, and as events in their calendar feed, each at the
/// member's own targets (M42).
enum GroupSessionOverlay {
    /// The calendar feed covers group sessions from this many days before the day it is read.
    static let calendarDaysBack = 28
    /// … and this many days after.
    static let calendarDaysAhead = 366

    /// The today page's values for the member's group sessions on `day`: name, link, and each step
    /// at their targets.
    static func todayValues(store: any ServerStore, athlete: AthleteID, day: Day) async throws -> [[String: Any]] {
        var values: [[String: Any]] = []
        for session in try await store.groupSessions(for: athlete, from: day, through: day) {
            guard let member = session.members.first(where: { $0.id == athlete }) else { continue }
            let targets = try await GroupSessionTargets.load(session, athlete: member, log: store)
            var entry: [String: Any] = ["id": GroupSessionRoutes.key(session.id), "name": session.name, "rule": session.rule]
            if let workout = targets.workout {
                entry["title"] = workout.title
                entry["steps"] = WorkoutText.lines(workout)
            } else {
                entry["noFitness"] = true
            }
            values.append(entry)
        }
        return values
    }

    /// The plan page's list of the member's group sessions from `today` on (as far ahead as the
    /// calendar feed), each with its day, name, session and link.
    static func planValues(store: any ServerStore, athlete: AthleteID, today: Day) async throws -> [[String: Any]] {
        try await store.groupSessions(for: athlete, from: today, through: today.adding(days: calendarDaysAhead)).map { session in
            ["id": GroupSessionRoutes.key(session.id), "date": session.day.description, "name": session.name,
             "session": session.set.map(\.text) ?? "\(session.rule) \(session.sessionTitle)"]
        }
    }

    /// The member's group sessions around `moment` as calendar entries at their targets; a session
    /// without targets (no fitness in the log) is left out.
    static func calendarEntries(store: any ServerStore, athlete: AthleteID, at moment: Date) async throws -> [CalendarEntry] {
        let today = Day(moment)
        var entries: [CalendarEntry] = []
        for session in try await store.groupSessions(for: athlete, from: today.adding(days: -calendarDaysBack),
                                                      through: today.adding(days: calendarDaysAhead)) {
            guard let member = session.members.first(where: { $0.id == athlete }) else { continue }
            let targets = try await GroupSessionTargets.load(session, athlete: member, log: store)
            guard let workout = targets.workout, let fitness = targets.fitness else { continue }
            // Open steps are timed at the member's own easy pace, as the plan's sessions are.
            let minutes = workout.minutes(openPace: SessionLibrary(targets: SessionTargets(fitness: fitness)).openPace)
            entries.append(CalendarEntry(day: session.day, workout: workout, minutes: minutes,
                                         uid: "group-\(GroupSessionRoutes.key(session.id))@speedwork"))
        }
        return entries
    }

    /// `calendar` (the plan's iCalendar text, or nil without a plan) with the member's group
    /// sessions added as events before its end.
    static func calendar(_ calendar: String?, store: any ServerStore, athlete: AthleteID, at moment: Date) async throws -> String {
        let entries = try await calendarEntries(store: store, athlete: athlete, at: moment)
        let writer = ICalendarWriter(timestamp: moment)
        guard let calendar else { return writer.write(entries) }
        guard !entries.isEmpty, let end = calendar.range(of: "END:VCALENDAR", options: .backwards) else { return calendar }
        let own = writer.write(entries)
        guard let first = own.range(of: "BEGIN:VEVENT"), let last = own.range(of: "END:VCALENDAR", options: .backwards) else { return calendar }
        return String(calendar[..<end.lowerBound]) + String(own[first.lowerBound..<last.lowerBound]) + String(calendar[end.lowerBound...])
    }
}
