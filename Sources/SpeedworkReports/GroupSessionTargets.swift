import Foundation
import Speedwork
import SpeedworkStore

/// One member's version of a group session (issue 12, M42): the library session or the free-form
/// set (``RepSet``) at the targets of the member's own fitness, as the log gives it for the day before the session (so the session's
/// own run never moves the targets it is graded against), or nil targets when the log has no result
/// from the year before.
public struct GroupSessionTargets: Sendable {
    /// The member.
    public let athlete: Athlete
    /// The fitness the targets come from; nil when the log has none.
    public let fitness: FitnessEstimate?
    /// The session at the member's targets; nil without a fitness.
    public let workout: Workout?

    /// How many days before the session the member's fitness is read: the day before, so targets
    /// are set before the session is run (as a coach sets them) and stay fixed afterwards.
    public static let fitnessDaysBefore = 1

    /// The member's session from their log.
    public static func load(_ session: GroupSession, athlete: Athlete, log: any TrainingStore) async throws -> GroupSessionTargets {
        let fitness = try await LogFitness.load(from: log, for: athlete.id)
        return try GroupSessionTargets(session, athlete: athlete, fitness: fitness.estimate(asOf: session.day.adding(days: -fitnessDaysBefore)))
    }

    /// The member's session at `fitness`.
    public init(_ session: GroupSession, athlete: Athlete, fitness: FitnessEstimate?) throws {
        self.athlete = athlete
        self.fitness = fitness
        workout = try fitness.map { try Self.workout(session, fitness: $0) }
    }

    /// The library session of `session` for its week of the block at `fitness` (M10–M21, M42), or
    /// its free-form set framed as a speed session at `fitness` (``SessionLibrary/workout(set:)``).
    public static func workout(_ session: GroupSession, fitness: FitnessEstimate) throws -> Workout {
        let library = SessionLibrary(targets: SessionTargets(fitness: fitness))
        var workout = try session.set.map { library.workout(set: $0) } ?? library.workout(rule: session.rule, week: session.week)
        workout.title = "\(session.name): \(workout.title)"
        return workout
    }

    /// One rep of the main set as planned: its length and its pace band, when it has one.
    public struct PlannedRep: Sendable, Hashable {
        /// A distance, or a time for a timed rep (M18).
        public let length: StepLength
        /// The member's pace band for it; nil for a rep run by effort (M10, M14).
        public let band: PaceRange?
    }

    /// The main set's reps in running order, as ``Compliance`` grades them: the repeat blocks' active
    /// steps when the session has any, else every active step.
    public static func plannedReps(_ workout: Workout) -> [PlannedRep] {
        let hasRepeats = workout.blocks.contains { if case .repeats = $0 { true } else { false } }
        return workout.blocks.filter { block in
            if case .step = block { return !hasRepeats }
            return true
        }.flatMap(\.expanded).filter { $0.intensity == .active }.map { step in
            if case .pace(let band) = step.target { return PlannedRep(length: step.length, band: band) }
            return PlannedRep(length: step.length, band: nil)
        }
    }
}
