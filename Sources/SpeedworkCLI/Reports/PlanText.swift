import Foundation
import Speedwork

/// A plan as a runner reads it: week by week, one line a session.
enum PlanText {
    static func header(_ plan: Plan) -> [String] {
        let request = plan.request
        var lines = [
            "Goal        \(request.goal.written) on \(request.raceDay) (\(Weekday(request.raceDay).shortName))",
            "Feasible?   \(plan.feasibility.verdict.rawValue): \(plan.feasibility.message)",
            "Fitness     VDOT \(request.fitness.vdot.text(decimals: 1)) from \(request.fitness.results.map(\.performance.written).joined(separator: ", "))",
            "Phases      " + Plan.Phase.allCases.compactMap { phase in
                let count = plan.weeks.filter { $0.phase == phase }.count
                return count == 0 ? nil : "\(phase.rawValue) \(count) wk"
            }.joined(separator: ", "),
        ]
        for relaxation in plan.relaxed {
            lines.append("Relaxed     \(relaxation.rule)\(relaxation.week.map { " (week \($0))" } ?? ""): \(relaxation.why)")
        }
        return lines
    }

    static func text(_ plan: Plan) -> String {
        var lines = header(plan)
        for week in plan.weeks {
            lines.append("")
            lines.append("Week \(week.index) · \(week.start) · \(week.phase.rawValue)")
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

    static func markdown(_ plan: Plan) -> String {
        var lines = ["# Plan: \(plan.request.goal.written) on \(plan.request.raceDay)", ""]
        lines += header(plan).map { "- " + $0.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces) }
        for week in plan.weeks {
            lines += ["", "## Week \(week.index) — \(week.start), \(week.phase.rawValue)", "", "| Day | Session | Min | Target |", "|---|---|---|---|"]
            for session in week.sessions {
                let title = session.workout.isHard ? "**\(session.workout.title)**" : session.workout.title
                lines.append("| \(Weekday(session.day).shortName) \(session.day) | \(title) | \(session.minutes) | \(mainTarget(session.workout)) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The target of the main set in a few words: `200m in 37.6–38.4`, `4:45–5:20/km`, `RPE 4–5`.
    static func mainTarget(_ workout: Workout) -> String {
        let main = workout.expandedSteps.first { $0.intensity == .active }
        guard let main, workout.kind != .strength else { return workout.kind == .strength ? "3 sets each, form first (M33)" : "" }
        switch (main.length, main.target) {
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

