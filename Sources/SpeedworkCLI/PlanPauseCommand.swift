import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork plan pause --from DATE --to DATE`: a break in the active plan (illness, injury,
/// travel; issue 10, M43, M44): no sessions in it, a re-entry after it (``ReturnAfterBreak``), and
/// the race-date verdict checked again. Kept in the log.
struct PlanPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause your active plan for illness, injury or travel: no sessions in the pause, an easier return after it (M43, M44).",
        discussion: """
            Example: speedwork plan pause --from 2027-01-04 --to 2027-01-17
            Both days are included. A pause lies within the plan (from its first day to the day before the race) and shares \
            no day with another pause; past days of the plan may be paused too (illness noted afterwards).
            """)

    @Option(help: ArgumentHelp("The first day of the pause, YYYY-MM-DD.", valueName: "date"), transform: { try Day(parsing: $0) })
    var from: Day

    @Option(help: ArgumentHelp("The last day of the pause, YYYY-MM-DD (the same as --from for one day).", valueName: "date"),
            transform: { try Day(parsing: $0) })
    var to: Day

    @Option(help: ArgumentHelp("The day the pause is noted on, YYYY-MM-DD (default: today): the verdict is checked as of it.",
                               valueName: "date"), transform: { try Day(parsing: $0) })
    var date: Day?

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        guard from <= to else {
            throw ValidationError("--to \(to) is before --from \(from): a pause ends on or after its first day")
        }
    }

    func run() async throws {
        try StandardOutput.write(line: try await pause(environment: ProcessInfo.processInfo.environment))
    }

    /// Stores the pause; returns what changed and the verdict as of the day.
    func pause(environment: [String: String]) async throws -> String {
        let log = try await store.open(environment: environment)
        do {
            let line = try await pause(in: log)
            await log.close()
            return line
        } catch {
            await log.close()
            throw error
        }
    }

    private func pause(in log: any TrainingStore) async throws -> String {
        let runner = try await log.defaultAthlete()
        guard let active = try await ActivePlan.load(from: log, for: runner.id) else {
            throw InputError("no plan saved: speedwork plan … --save makes one your active plan before it can be paused")
        }
        let request = active.plan.request
        guard from >= request.start else {
            throw InputError("pause from \(from) starts before your plan, which starts on \(request.start)")
        }
        guard to < request.raceDay else {
            throw InputError("pause to \(to) reaches race day \(request.raceDay): a pause ends by \(request.raceDay.adding(days: -1)); move the race with a new plan")
        }
        let pause = try PlanPause(from: from, to: to)
        try await log.add(pause: pause, plan: active.saved.id, for: runner.id, at: Date())
        let today = date ?? Day(Date())
        let standing = try await PlanAsItStands(active, today: today, log: log, for: runner.id)
        let reEntry = ReturnAfterBreak(after: pause)
        let dropped = standing.adjustments.filter { $0.change == .paused && pause.contains($0.session.day) }.count
        let back = switch reEntry.kind {
        case .none: "the plan resumes as it was on \(to.adding(days: 1))"
        case .easierWeek: "\(reEntry.days.count) easier days follow from \(to.adding(days: 1)): hard sessions become easy runs"
        case .baseFirst: "\(reEntry.days.count) days of easy running follow from \(to.adding(days: 1)), base before speed (M8)"
        }
        return "Paused '\(active.saved.name)' from \(from) to \(to) (\(pause.days) day\(pause.days == 1 ? "" : "s"), \(dropped) session\(dropped == 1 ? "" : "s") left out); \(back). Race-date check (M44): \(standing.verdict.verdict.rawValue): \(standing.verdict.message)"
    }
}
