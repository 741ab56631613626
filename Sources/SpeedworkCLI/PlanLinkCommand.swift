import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// `speedwork plan link WORK SESSION`: says which planned session an activity or hand-logged session
/// fulfils, overriding matching (issue 10; M43, M51). Kept in the log.
struct PlanLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link an activity or a hand-logged session to the planned session it fulfils, overriding the automatic match.",
        discussion: """
            Example: speedwork plan link 3fa9c2e1 2026-12-08
            WORK is an activity's id or a hand-logged session's id (at least the first \(PlanLinkCommand.shortestPrefix) characters, as today and week show them); \
            SESSION is the planned session's day, or DAY/2 for the day's second session.
            """)

    /// The fewest characters of an id that name a piece of work.
    static let shortestPrefix = 6

    @Argument(help: ArgumentHelp("The activity or hand-logged session (its id or the start of it).", valueName: "work"))
    var work: String

    @Argument(help: ArgumentHelp("The planned session: YYYY-MM-DD, or YYYY-MM-DD/2 for the day's second.", valueName: "session"),
              transform: { try PlanMatching.SessionRef(parsing: $0) })
    var session: PlanMatching.SessionRef

    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        try StandardOutput.write(line: try await link(environment: ProcessInfo.processInfo.environment))
    }

    /// Stores the link; returns the line that says what was linked.
    func link(environment: [String: String]) async throws -> String {
        try await store.withLog(environment: environment) { log in try await link(in: log) }
    }

    private func link(in log: any TrainingStore) async throws -> String {
        let runner = try await log.defaultAthlete()
        guard let active = try await ActivePlan.load(from: log, for: runner.id) else {
            throw InputError("no plan saved: speedwork plan … --save makes one your active plan before work can be linked to it")
        }
        let matching = PlanMatching(sessions: active.plan.sessions)
        guard let planned = matching.sessions.first(where: { $0.ref == session }) else {
            let onDay = matching.sessions.filter { $0.ref.day == session.day }.count
            throw InputError(onDay == 0 ? "the active plan has no session on \(session.day)"
                             : "the active plan has \(onDay) session\(onDay == 1 ? "" : "s") on \(session.day), not \(session.position)")
        }
        let prefix = work.trimmingCharacters(in: .whitespaces).lowercased()
        guard prefix.count >= Self.shortestPrefix else {
            throw InputError("work id '\(work)' is too short: give at least \(Self.shortestPrefix) characters of the id today or week shows")
        }
        let activities = try await log.activities(for: runner.id, in: nil).map(\.contentHash)
        let sessions = try await log.sessions(for: runner.id, since: nil).map { $0.id.uuidString.lowercased() }
        let found = (activities + sessions).filter { $0.hasPrefix(prefix) }
        guard found.count == 1, let id = found.first else {
            throw InputError(found.isEmpty ? "no activity or logged session in the log has an id starting '\(work)'"
                             : "\(found.count) activities or sessions have an id starting '\(work)': give more characters")
        }
        try await log.link(work: id, to: session.description, plan: active.saved.id, for: runner.id, at: Date())
        return "Linked \(id.prefix(8)) to \(planned.session.workout.title) on \(session)."
    }
}
