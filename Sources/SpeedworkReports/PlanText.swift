import Foundation
import Speedwork

/// A plan as a runner reads it: week by week, one line a session.
public enum PlanText {
    /// The plan's summary as label and value pairs.
    public static func header(_ plan: Plan) -> [(label: String, value: String)] {
        let request = plan.request
        var lines: [(String, String)] = [
            ("Goal", "\(request.goal.written) on \(request.raceDay) (\(Weekday(request.raceDay).shortName))"),
            ("Feasible?", "\(plan.feasibility.verdict.rawValue): \(plan.feasibility.message)"),
            ("Targets", "\(plan.targetGoal.written): \(plan.targetGoalReason)"),
            ("Fitness", "VDOT \(request.fitness.vdot.text(decimals: 1)) from \(request.fitness.results.map(\.performance.written).joined(separator: ", "))"
                + "; confidence \(request.fitness.confidence.rawValue)"
                + (request.fitness.confidenceReasons.isEmpty ? "" : " (\(request.fitness.confidenceReasons.joined(separator: "; ")))")),
            ("Volume", "starts from \(WeeklyVolume.hours(request.volume.startMinutes)) a week (\(request.volume.note)); at most +10 % a week, a cutback week every \(WeeklyVolume.cutbackEvery)th"),
            ("Phases", Plan.Phase.allCases.compactMap { phase in
                let count = plan.weeks.filter { $0.phase == phase }.count
                return count == 0 ? nil : "\(phase.rawValue) \(count) wk"
            }.joined(separator: ", ")),
        ]
        // The same rule relaxed for the same reason in several weeks reads as one line.
        var groups: [(rule: String, why: String, weeks: [Int?])] = []
        for relaxation in plan.relaxed {
            if let index = groups.firstIndex(where: { $0.rule == relaxation.rule && $0.why == relaxation.why }) {
                groups[index].weeks.append(relaxation.week)
            } else {
                groups.append((relaxation.rule, relaxation.why, [relaxation.week]))
            }
        }
        for group in groups {
            let weeks = group.weeks.compactMap { $0 }
            let label = group.weeks.contains(nil) || weeks.isEmpty ? "" : " (week\(weeks.count == 1 ? "" : "s") \(weeks.map(String.init).joined(separator: ", ")))"
            lines.append(("Relaxed", "\(group.rule)\(label): \(group.why)"))
        }
        return lines
    }

    public static func text(_ plan: Plan) -> String {
        var lines = header(plan).map { $0.label.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.value }
        for week in plan.weeks {
            lines.append("")
            lines.append("Week \(week.index) · \(week.start) · \(week.phase.rawValue) · \(weekTotal(week))")
            var table = TextTable("Day", "Session", "Min", "Target")
            for session in week.sessions {
                table.add("\(Weekday(session.day).shortName) \(session.day.description.suffix(5))",
                          (session.workout.isHard ? "● " : "  ") + session.workout.title, "\(session.minutes)", mainTarget(session.workout))
            }
            lines.append(table.render(indent: "  "))
        }
        lines.append("")
        lines.append("● hard day. Rest on the days not listed. Warm up before and cool down after every session (M4).")
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ plan: Plan) -> String {
        var lines = ["# Plan: \(plan.request.goal.written) on \(plan.request.raceDay)", ""]
        lines += header(plan).map { "- **\($0.label)** \($0.value)" }
        for week in plan.weeks {
            lines += ["", "## Week \(week.index) — \(week.start), \(week.phase.rawValue), \(weekTotal(week))", "", "| Day | Session | Min | Target |", "|---|---|---|---|"]
            for session in week.sessions {
                let title = session.workout.isHard ? "**\(session.workout.title)**" : session.workout.title
                lines.append("| \(Weekday(session.day).shortName) \(session.day) | \(title) | \(session.minutes) | \(mainTarget(session.workout)) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `running 3h40 (long run 60 min), cutback`.
    public static func weekTotal(_ week: Plan.Week) -> String {
        "running \(WeeklyVolume.hours(week.runningMinutes))"
            + (week.longRunMinutes > 0 ? " (long run \(week.longRunMinutes) min)" : "")
            + (week.cutback ? ", cutback week" : "")
    }

    /// The target of the main set in a few words with its recovery: `200m in 37.6–38.4, 2:00 jog`,
    /// `4:45–5:20/km`, `RPE 4–5`; a rep run in parts (M12) shows each part:
    /// `200m in 48.2–49.6 then 200m in 43.2–44.6, 2:00 jog`.
    public static func mainTarget(_ workout: Workout) -> String {
        let target = mainRepTarget(workout)
        guard workout.kind.isRun else { return target }
        guard let recovery = mainRecovery(workout) else { return target }
        return target.isEmpty ? recovery : "\(target), \(recovery)"
    }

    /// `2:00 jog`, `walk back`: the recovery of the main repeat block.
    private static func mainRecovery(_ workout: Workout) -> String? {
        for block in workout.blocks {
            guard case .repeats(_, let steps) = block, steps.contains(where: { $0.intensity == .active }),
                  let recovery = steps.last(where: { $0.intensity == .recovery || $0.intensity == .rest }) else { continue }
            let name = recovery.name.lowercased()
            switch recovery.length {
            case .time(let time): return "\(time.seconds < 60 ? "\(time.formatted()) s" : time.formatted()) \(name)"
            default: return name
            }
        }
        return nil
    }

    private static func mainRepTarget(_ workout: Workout) -> String {
        guard workout.kind != .strength else { return "3 sets each, form first (M33)" }
        let mainBlock = workout.blocks.first { block in
            if case .repeats = block { return block.expanded.contains { $0.intensity == .active } }
            if case .step(let step) = block { return step.intensity == .active }
            return false
        }
        let steps: [WorkoutStep]
        switch mainBlock {
        case .repeats(_, let inner): steps = inner.filter { $0.intensity == .active }
        case .step(let step): steps = [step]
        case nil: return ""
        }
        return steps.map(target).filter { !$0.isEmpty }.joined(separator: " then ")
    }

    private static func target(_ step: WorkoutStep) -> String {
        switch (step.length, step.target) {
        case (.distance(let distance), .pace(let band)):
            let fast = band.fast.time(for: distance), slow = band.slow.time(for: distance)
            return "\(distance.label) in \(fast.formatted(.rep))–\(slow.formatted(.rep))"
        case (_, .pace(let band)):
            return band.perKilometerText
        case (_, .effort(let rpe)):
            return rpe.lowerBound == rpe.upperBound ? "RPE \(rpe.lowerBound)" : "RPE \(rpe.lowerBound)–\(rpe.upperBound)"
        case (.reps(let count), _):
            return "\(count) reps"
        default:
            return ""
        }
    }
}
