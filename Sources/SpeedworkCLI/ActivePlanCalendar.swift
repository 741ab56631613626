import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkServer
import SpeedworkStore

/// The web app's calendar feed reads the active plan as `speedwork plan export --ics` writes it
/// (issue 10, 11): from the day of the request on, targets at current fitness, stable event ids.
struct ActivePlanCalendar: PlanCalendarSource {
    func calendar(for athlete: AthleteID, in log: any TrainingStore, at moment: Date) async throws -> String? {
        try await ActivePlanExport.load(from: log, for: athlete, from: Day(moment))?.calendar(created: moment)
    }
}
