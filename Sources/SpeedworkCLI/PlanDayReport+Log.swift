import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

extension PlanDayReport {
    /// Opens the log, builds the report for the default runner and renders it as text or JSON.
    static func render(store: DatabaseOptions, environment: [String: String], date: Day, wholeWeek: Bool, json: Bool) async throws -> String {
        let log = try await store.open(environment: environment)
        do {
            let runner = try await log.defaultAthlete()
            let report = try await make(log: log, athlete: runner.id, date: date, wholeWeek: wholeWeek)
            await log.close()
            return json ? try JSONOutput.render(report) : report.text
        } catch {
            await log.close()
            throw error
        }
    }
}
