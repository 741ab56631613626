import Foundation
import Speedwork
import SpeedworkReports

extension PlanCommand {
    /// `--save`: stores the plan with every option it was built from and makes it the active plan;
    /// says so on standard error so that standard output stays the plan.
    func saveAsActive(_ plan: Plan, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        let log = try await store.open(environment: environment)
        do {
            let runner = try await log.defaultAthlete()
            let request = SavedPlanRequest(self, fitness: plan.request.fitness, start: plan.request.start)
            let saved = try await ActivePlan.save(plan, request: request, to: log, for: runner.id)
            await log.close()
            try? StandardOutput.write(Array("Saved '\(saved.name)' in \(log.location) as your active plan: speedwork today shows its day\n".utf8), to: 2)
        } catch {
            await log.close()
            throw error
        }
    }
}
