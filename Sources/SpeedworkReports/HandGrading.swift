import Foundation
import Speedwork
import SpeedworkStore

/// A session timed by hand graded like a watch file (M50, M51): each rep against the target the
/// method's session gives it from the runner's fitness, with the same ``Compliance`` grading
/// `analyze` uses. Grades are not stored: `log` recomputes them from the fitness the log gives
/// for the session's day, so they follow the method and any result logged later for that day.
public enum HandGrading {
    /// The session as planned for the first week of the block (M11: 6 × 200 m … week 8: 10 × 200 m)
    /// whose main set has at least as many reps as were logged; fewer reps than week 1's are
    /// graded as they are, without the rest reported as not run.
    public static let blockWeeks = BlockProgression.defaultBlockWeeks

    /// Checks that `reps` fit the session `rule` (it exists, it is a run when reps are given, no
    /// more reps than its longest main set, a rep distance that matches the planned one) and
    /// returns the workout to grade against, or nil when the session has no rep targets. The
    /// shape of a session (rep count and distances) does not depend on fitness, so `fitness` only
    /// sets the targets.
    public static func plan(rule text: String, reps: [LoggedRep], fitness: FitnessEstimate) throws -> Workout? {
        let rule = try SessionLibrary.rule(parsing: text)
        guard let entry = SessionLibrary.entries.first(where: { $0.rule == rule }) else { return nil }
        guard !reps.isEmpty else { return nil }
        guard entry.kind.isRun else {
            throw InputError("\(rule) (\(entry.title)) is not a run, so it has no rep times: log strength with --set, or give --rpe")
        }
        let library = SessionLibrary(targets: SessionTargets(fitness: fitness), progression: try BlockProgression(blockWeeks: blockWeeks))
        var chosen: Workout?
        var most = 0
        for week in 1...blockWeeks {
            let workout = try library.workout(rule: rule, week: week)
            let planned = plannedLengths(workout)
            most = max(most, planned.count)
            if planned.count >= reps.count {
                chosen = workout
                break
            }
        }
        guard var workout = chosen else {
            throw InputError("\(reps.count) reps do not fit \(rule) (\(entry.title)): it has at most \(most) reps")
        }
        // Fewer reps than even the first week's: a hand log grades what was run and timed, so a
        // single repeat block is cut to the reps logged rather than reporting the rest as not run.
        let repeatBlocks = workout.blocks.indices.filter { if case .repeats = workout.blocks[$0] { true } else { false } }
        if repeatBlocks.count == 1, case .repeats(let count, let steps) = workout.blocks[repeatBlocks[0]],
           steps.filter({ $0.intensity == .active }).count == 1, reps.count < count {
            workout.blocks[repeatBlocks[0]] = .repeats(count: reps.count, steps: steps)
        }
        let planned = plannedLengths(workout)
        guard !planned.isEmpty else { return nil }
        for (index, rep) in reps.enumerated() {
            guard let given = rep.distance, case .distance(let distance) = planned[index] else { continue }
            if abs(given.meters - distance.meters) > distanceTolerance.meters {
                throw InputError("rep distance \(given.label) does not fit \(rule) (\(entry.title)): its reps are \(distance.label)")
            }
        }
        return workout
    }

    /// A hand-given rep distance within this of the planned one is the planned one.
    public static let distanceTolerance = Distance.meters(0.5)

    /// The lengths of the main set's active steps, in running order (the repeat blocks when the
    /// session has any, as ``Compliance`` reads a plan).
    public static func plannedLengths(_ workout: Workout) -> [StepLength] {
        let hasRepeats = workout.blocks.contains { if case .repeats = $0 { true } else { false } }
        return workout.blocks.filter { block in
            if case .step = block { return !hasRepeats }
            return true
        }.flatMap(\.expanded).filter { $0.intensity == .active }.map(\.length)
    }

    /// The grades of a hand-logged session against `fitness`, or nil when it names no session,
    /// has no reps, the session has no rep targets, or a rep has neither a distance nor a planned one.
    public static func grade(_ session: LoggedSession, fitness: FitnessEstimate) -> Compliance? {
        guard let rule = session.session, !session.reps.isEmpty,
              let workout = try? plan(rule: rule, reps: session.reps, fitness: fitness) else { return nil }
        let planned = plannedLengths(workout)
        var start = 0.0
        var intervals: [Interval] = []
        for (index, rep) in session.reps.enumerated() {
            let meters: Double
            if let distance = rep.distance {
                meters = distance.meters
            } else if case .distance(let distance) = planned[index] {
                meters = distance.meters
            } else {
                return nil
            }
            intervals.append(Interval(startSeconds: start, seconds: rep.time.seconds, meters: meters))
            start += rep.time.seconds
        }
        return Compliance(workout: workout, reps: intervals, recoveries: [])
    }
}

extension HandGrading {
    /// The fitness grades are made from, and whether the log gave it.
    public struct Fitness: Sendable {
        /// Makes the value from its parts.
        public init(estimate: FitnessEstimate, fromLog: Bool) {
            self.estimate = estimate
            self.fromLog = fromLog
        }

        public let estimate: FitnessEstimate
        public let fromLog: Bool
    }

    /// A fitness used only to build a session's shape for checking reps before anything is
    /// written (rep count and distances do not depend on it): 5 km in 20:00.
    public static func referenceFitness(_ day: Day) throws -> FitnessEstimate {
        try FitnessEstimator().estimate(from: [Performance(distance: .meters(5000), time: .seconds(20 * 60), date: day)], asOf: day)
    }

    /// The lines `log add` prints under the confirmation: the summary and each rep's grade, or
    /// why there are none.
    public static func lines(_ session: LoggedSession, fitness: Fitness?) -> [String] {
        guard let rule = session.session, !session.reps.isEmpty else { return [] }
        guard let fitness else {
            return ["Not graded: the log has no result from the year before \(session.day); give --from (e.g. --from 400m=80) or log a result first."]
        }
        guard let compliance = grade(session, fitness: fitness.estimate),
              let workout = try? plan(rule: rule, reps: session.reps, fitness: fitness.estimate) else { return [] }
        let from = fitness.fromLog ? "your log's fitness" : "--from"
        let title = SessionLibrary.entries.first { $0.rule == rule }?.title ?? workout.title
        var lines = ["\(rule) \(title), targets from \(from) (VDOT \(fitness.estimate.vdot.text(decimals: 1))): \(compliance.summary)"]
        var table = TextTable("Rep", "Time", "Grade", "Target")
        for grade in compliance.reps {
            table.add("\(grade.index)", grade.actual, grade.verdict.rawValue, grade.target)
        }
        lines.append(table.render(indent: "  "))
        return lines
    }
}
