import Foundation
import Speedwork

/// A plan turned into device files: one FIT workout per run for the watch, one iCalendar file
/// with every session for the calendar. ``fitWorkouts()`` and ``calendar()`` return bytes;
/// ``writeCalendar(to:)`` and ``writeFITWorkouts(into:)`` write them through ``ExportFiles``, so a
/// failed write leaves the previous files as they were.
public struct PlanExport: Sendable {
    public let plan: Plan
    /// The moment the files are made (FIT `time_created`, iCalendar `DTSTAMP`).
    public let created: Date

    public init(plan: Plan, created: Date) {
        self.plan = plan
        self.created = created
    }

    /// One FIT workout file per running session (race included), named `DATE-RULE.fit`
    /// (`-2`, `-3` … when one day has the same rule twice), in date order.
    public func fitWorkouts() throws -> [(name: String, bytes: [UInt8])] {
        let encoder = FITWorkoutEncoder(timeCreated: created)
        var seen: [String: Int] = [:]
        return try plan.sessions.filter { $0.workout.kind.isRun }.map { session in
            let key = "\(session.day)-\(session.workout.rule)"
            seen[key, default: 0] += 1
            let name = key + (seen[key]! > 1 ? "-\(seen[key]!)" : "") + ".fit"
            return (name, try encoder.encode(session.workout))
        }
    }

    /// Every session as an all-day event with its steps and targets (RFC 5545).
    public func calendar() -> Data {
        ICalendarWriter(timestamp: created).data(plan.sessions.map { CalendarEntry(day: $0.day, workout: $0.workout, minutes: $0.minutes) })
    }

    /// Writes the calendar to `path`, replacing the file there only once the new one is complete.
    /// The folder must exist.
    public func writeCalendar(to path: String) throws(FileWriteError) {
        try ExportFiles.replace(path, with: Array(calendar()))
    }

    /// Writes one FIT workout per run into the folder `path` (its last level created when
    /// missing) and removes the workouts an earlier export wrote there.
    ///
    /// - Returns: how many workouts were written and how many of an earlier export removed.
    public func writeFITWorkouts(into path: String) throws -> (written: Int, removed: Int) {
        let files = try fitWorkouts()
        let removed = try ExportFiles.replaceWorkouts(in: path, with: files)
        return (files.count, removed)
    }
}
