import Foundation
import Speedwork
import SpeedworkStore

/// How the active plan stands against the log (issue 10; M43, M51): each activity and hand-logged
/// session as work for ``PlanMatching``, and each matched pair graded — a hard session's reps against
/// their targets as `analyze` grades them (Compliance), an easy run by its length, a hand-logged
/// session by its reps.
public struct PlanProgress: Sendable {
    /// A session counts as done when at least this share of it was run: its planned reps, or for a
    /// continuous run its planned minutes (product setting: a session cut short by a quarter still
    /// did its work; shorter is partly done).
    public static let doneShare = 0.75

    /// A planned session's grade.
    public struct Grade: Encodable, Sendable, Hashable {
        /// Compliance's one line for a hard session graded from a watch file (M51).
        public var summary: String?
        public var onTarget: Int?
        public var fast: Int?
        public var slow: Int?
        public var missing: Int?
        /// Reps run (hand-logged or found in the file) against the planned count.
        public var reps: Int?
        public var plannedReps: Int?
        /// Minutes run against the planned minutes, for continuous runs.
        public var minutes: Double?
        public var plannedMinutes: Int?
    }

    /// The work an activity is, or nil when it is not a run (a ride fulfils no running plan).
    public static func work(_ summary: ActivitySummary) -> PlanMatching.Work? {
        guard let start = summary.start else { return nil }
        let digest = summary.digest
        guard digest?.analysedAsRun ?? (summary.sport == "running") else { return nil }
        let reps = digest?.reps.count ?? 0
        return PlanMatching.Work(id: summary.contentHash, day: Day(start), shape: reps >= 2 ? .reps : .steady)
    }

    /// The work a hand-logged session is: strength when it has sets or names M32 or M5, reps when it
    /// has two or more or names a hard session, else a continuous run.
    public static func work(_ session: LoggedSession) -> PlanMatching.Work {
        let rule = session.session.flatMap { try? SessionLibrary.rule(parsing: $0) }
        let hardRule = rule.flatMap { rule in SessionLibrary.entries.first { $0.rule == rule } }.map(\.kind.isHard) ?? false
        let shape: PlanMatching.Work.Shape
        if !session.strengthSets.isEmpty || rule == "M32" || rule == "M5" {
            shape = .strength
        } else if session.reps.count >= 2 || (hardRule && rule != "M21" && rule != "M19") {
            shape = .reps
        } else {
            shape = .steady
        }
        return PlanMatching.Work(id: session.id.uuidString.lowercased(), day: session.day, shape: shape, rule: rule)
    }

    /// The number of main-set reps a session plans: its active steps.
    public static func plannedReps(_ workout: Workout) -> Int {
        workout.expandedSteps.filter { $0.intensity == .active }.count
    }

    /// Grades `activity` against `planned` (M51) and says whether it was done or partly done.
    public static func grade(_ activity: StoredActivity, against planned: Plan.Session) -> (PlanMatching.Status, Grade) {
        if planned.workout.isHard, planned.workout.kind != .timeTrial, planned.workout.kind != .race {
            let analysis = ActivityAnalysis(activity: activity.activity, workout: planned.workout)
            guard let compliance = analysis.compliance else { return (.partlyDone, Grade()) }
            let count = { (verdict: Compliance.Verdict) in compliance.reps.filter { $0.verdict == verdict }.count }
            let wanted = compliance.reps.filter { $0.verdict != .extra }.count
            let run = wanted - count(.missing)
            let grade = Grade(summary: compliance.summary, onTarget: count(.onTarget), fast: count(.fast), slow: count(.slow),
                              missing: count(.missing), reps: analysis.reps.count, plannedReps: wanted)
            return (Double(run) >= doneShare * Double(max(wanted, 1)) ? .done : .partlyDone, grade)
        }
        let minutes = (activity.summary.durationSeconds ?? 0) / 60
        let grade = Grade(minutes: rounded(minutes, 1), plannedMinutes: planned.minutes)
        return (minutes >= doneShare * Double(planned.minutes) ? .done : .partlyDone, grade)
    }

    /// Grades a hand-logged session against `planned` by its reps (strength and named sessions
    /// without reps count as done: the runner said so).
    public static func grade(_ session: LoggedSession, against planned: Plan.Session) -> (PlanMatching.Status, Grade) {
        guard planned.workout.isHard, !session.reps.isEmpty else { return (.done, Grade()) }
        let wanted = plannedReps(planned.workout)
        let grade = Grade(reps: session.reps.count, plannedReps: wanted)
        return (Double(session.reps.count) >= doneShare * Double(max(wanted, 1)) ? .done : .partlyDone, grade)
    }
}
