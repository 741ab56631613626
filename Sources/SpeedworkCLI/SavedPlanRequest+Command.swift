import Foundation
import Speedwork
import SpeedworkReports

extension SavedPlanRequest {
    /// The request of `command`, whose plan was built from `fitness` starting on `start`.
    init(_ command: PlanCommand, fitness: FitnessEstimate, start: Day) {
        let given = command.fitness.results
        self.init(results: (given.isEmpty ? fitness.results.map(\.performance) : given).map(\.written),
                  speedReserve: command.fitness.speedReserve, asOf: fitness.asOf.description, goal: command.goal.written,
                  raceDate: command.raceDate.description, start: start.description,
                  days: command.days.sorted().map(\.shortName), maxSession: command.maxSession, weekly: command.weekly,
                  strength: command.strength.rawValue, baseWeeks: command.baseWeeks)
    }
}
