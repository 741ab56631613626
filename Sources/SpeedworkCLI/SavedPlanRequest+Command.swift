import Foundation
import Speedwork
import SpeedworkReports

extension SavedPlanRequest {
    /// The request of `command`, whose plan was built from `fitness` starting on `start`.
    init(_ command: PlanCommand, fitness: FitnessEstimate, start: Day) {
        self = command.options.saved(results: command.fitness.results, speedReserve: command.fitness.speedReserve,
                                     fitness: fitness, start: start)
    }
}
