import Foundation
import SpeedworkStore

/// Where the calendar feed gets a runner's plan as iCalendar text (issue 11). The server does not
/// build plans itself: `speedwork serve` gives it the command line's reading of the active plan
/// (the same one `speedwork plan export --ics` writes), through ``ServerConfiguration/planCalendar``.
public protocol PlanCalendarSource: Sendable {
    /// The athlete's active plan as it now stands, from the day of `moment` on, as iCalendar text
    /// (RFC 5545) whose events keep their `UID`s across regenerations; nil when no plan is active.
    func calendar(for athlete: AthleteID, in log: any TrainingStore, at moment: Date) async throws -> String?
}
