import Foundation
import Hummingbird
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// Today and this week (issue 11, "Today / this week"): the active plan's session of the day with
/// every step's target at current fitness (M43), what was done (activities and sessions logged by
/// hand, each rep graded, M50, M51), the coach's notes (M2, M9, M21, M43, M44) and the plan's week,
/// all read from ``PlanDayReport``; and the same report as JSON, the `today --json` and
/// `week --json` contracts, for the API.
struct TodayPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    /// The JSON answers computed, kept until the runner's log changes.
    var reads = LogReadCache()

    /// Registers the pages on `pages`; the JSON reads are ``CachedRead/today`` and ``CachedRead/week``.
    func addRoutes(pages site: RouterGroup<ServerContext>) {
        site.get("/today") { request, context in try await show(request, context) }
        site.get("/week") { request, context in try await show(request, context) }
    }

    /// The same for a runner seen by handle (a coach's athlete): `coached` is `/coach/athletes/{handle}`,
    /// `athletes` is `/api/v1/athletes/{handle}`.
    func addAthleteRoutes(coached: RouterGroup<ServerContext>, athletes: RouterGroup<ServerContext>) {
        coached.get("/today") { request, context in try await show(request, context) }
        coached.get("/week") { request, context in try await show(request, context) }
        athletes.get("/today") { request, context in try await json(request, context, wholeWeek: false) }
        athletes.get("/week") { request, context in try await json(request, context, wholeWeek: true) }
    }

    /// The `date` query parameter (default: today, UTC; an empty one too when `emptyIsToday`, as
    /// the page's date field sends it), or a 400 naming the value and the form allowed.
    static func day(_ request: Request, emptyIsToday: Bool = true) throws -> Day {
        guard let text = request.uri.queryParameters.get("date") else { return Day(Date()) }
        if text.isEmpty, emptyIsToday { return Day(Date()) }
        do {
            return try Day(parsing: text)
        } catch let error as InputError {
            throw ServerError(.badRequest, error.description)
        }
    }

    /// `GET /api/v1/today`, `GET /api/v1/week`: the command line's `--json` for the same log and date.
    func json(_ request: Request, _ context: ServerContext, wholeWeek: Bool) async throws -> Response {
        let athlete = try await context.viewedAthlete(store).id
        let day = try Self.day(request, emptyIsToday: false)
        let store = store
        let answer = try await reads.answer("\(wholeWeek ? "week" : "today")/\(day)", athlete: athlete, store: store) {
            try JSONOutput.render(try await PlanDayReport.make(log: store, athlete: athlete, date: day, wholeWeek: wholeWeek))
        }
        return JSONBody.response(bytes: answer)
    }

    private func show(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let csrf = context.session?.csrfToken ?? ""
        let day: Day
        do {
            day = try Self.day(request)
        } catch let error as ServerError {
            let today = Day(Date())
            let values: [String: Any] = ["error": error.message, "date": today.description, "previous": today.adding(days: -1).description,
                                         "next": today.adding(days: 1).description]
            return pages.page("today", title: "Today", values: values, context: context, status: .badRequest, csrf: csrf)
        }
        let today = try await PlanDayReport.make(log: store, athlete: viewed.id, date: day, wholeWeek: false)
        let week = try await PlanDayReport.make(log: store, athlete: viewed.id, date: day, wholeWeek: true)
        let handLogged = try await store.sessions(for: viewed.id, since: day).filter { $0.day == day }
        var fitness: FitnessEstimate?
        if handLogged.contains(where: { $0.session != nil && !$0.reps.isEmpty }) {
            fitness = try await LogFitness.load(from: store, for: viewed.id).estimate(asOf: day)
        }
        var values = Self.values(today: today, week: week, handLogged: handLogged, fitness: fitness)
        values["date"] = day.description
        values["previous"] = day.adding(days: -1).description
        values["next"] = day.adding(days: 1).description
        values["groupSessions"] = try await GroupSessionOverlay.todayValues(store: store, athlete: viewed.id, day: day)
        return pages.page("today", title: "Today", values: values, context: context, csrf: csrf)
    }

    /// The template's values: the day's sessions with their steps, what was done, the notes and the week.
    static func values(today: PlanDayReport, week: PlanDayReport, handLogged: [LoggedSession], fitness: FitnessEstimate?) -> [String: Any] {
        var values: [String: Any] = ["hasPlan": today.plan != nil]
        if let plan = today.plan {
            values["planName"] = plan.name
            values["goal"] = plan.goal
            values["raceDate"] = plan.raceDate
        }
        if let info = today.week {
            values["weekLine"] = "Week \(info.index) of \(info.of) · \(info.phase)\(info.cutback ? " (cutback)" : "")"
        }
        if let fitness = today.fitness {
            values["fitnessLine"] = "Targets from \(fitness.source == "log" ? "your log" : "the plan's fitness"): VDOT \(fitness.vdot.text(decimals: 1)) as of \(fitness.asOf)"
                + (fitness.newer.isEmpty ? "" : " (newer: \(fitness.newer.joined(separator: ", ")))")
                + (fitness.lowered.map { "; eased \($0.percent.text(decimals: 1)) %: \($0.reason)" } ?? "")
        }
        let day = today.days.first
        values["sessions"] = (day?.planned ?? []).map(sessionValues)
        values["activities"] = (day?.activities ?? []).map { activity -> [String: Any] in
            var row: [String: Any] = ["id": activity.id, "title": activity.name ?? activity.sport.capitalized,
                                      "extra": activity.extra, "tooHard": activity.easyRunTooHard == true]
            row["distance"] = activity.meters.map { "\(($0 / 1000).text(decimals: 2)) km" } ?? ""
            row["time"] = activity.seconds.map { Speedwork.Duration.seconds($0).formatted(.rep) } ?? ""
            if let fulfils = activity.fulfils { row["fulfils"] = fulfils }
            return row
        }
        values["hasActivities"] = !(day?.activities ?? []).isEmpty
        values["handLogged"] = handLogged.map { handValues($0, fitness: fitness) }
        values["nothingDone"] = (day?.activities ?? []).isEmpty && handLogged.isEmpty
        values["notes"] = today.notes
        values["pauses"] = today.pauses.map { "Paused \($0.from) to \($0.to) (\($0.days) days), re-entry: \($0.reEntry)\($0.reEntryUntil.map { " until \($0)" } ?? "")" }
        if let verdict = today.verdict { values["verdict"] = "Race-date check (M44): \(verdict.verdict): \(verdict.message)" }
        values["week"] = week.days.map { entry -> [String: Any] in
            let done = entry.activities.map { activity -> [String: Any] in
                ["id": activity.id, "title": activity.name ?? activity.sport.capitalized]
            }
            let logged = entry.sessions.map { "\($0.session ?? "session") by hand" }
            return ["date": entry.date, "isToday": entry.date == today.date, "planned": entry.plannedLines,
                    "done": done, "logged": logged]
        }
        values["hasWeek"] = !week.days.isEmpty
        return values
    }

    /// A planned session: title, status, grade and each step with its target (WorkoutText).
    static func sessionValues(_ planned: PlanDayReport.Planned) -> [String: Any] {
        let session = planned.session.session
        var values: [String: Any] = [
            "title": session.title, "rule": session.rule, "minutes": session.minutes, "status": planned.status,
            "rest": planned.status == "rest", "steps": session.steps.map(stepLine), "sessionNotes": session.notes,
        ]
        if let movedFrom = planned.movedFrom { values["movedFrom"] = movedFrom }
        if let doneBy = planned.doneBy { values["doneBy"] = doneBy }
        if let doneBy = planned.doneBy, ActivityPage.isContentHash(doneBy) { values["doneByActivity"] = true }
        if let grade = planned.grade {
            var parts: [String] = []
            if let summary = grade.summary { parts.append(summary) }
            if let reps = grade.reps, let plannedReps = grade.plannedReps { parts.append("\(reps) of \(plannedReps) reps") }
            if let minutes = grade.minutes, let plannedMinutes = grade.plannedMinutes {
                parts.append("\(minutes.text(decimals: 0)) of \(plannedMinutes) min")
            }
            if !parts.isEmpty { values["grade"] = parts.joined(separator: "; ") }
        }
        return values
    }

    /// One step or repeat block as a line with its pace range or rep time (`4 × (400m in 1:32–1:35, 2:00 jog)`).
    static func stepLine(_ step: StepJSON) -> String {
        if let count = step.count, let steps = step.steps {
            return "\(count) × (" + steps.compactMap(workoutStep).map(WorkoutText.text).joined(separator: ", ") + ")"
        }
        return workoutStep(step).map(WorkoutText.text) ?? step.name
    }

    private static func workoutStep(_ step: StepJSON) -> WorkoutStep? {
        guard let intensity = Intensity(rawValue: step.intensity), let length = step.length else { return nil }
        return WorkoutStep(intensity, length, target: step.target, name: step.name, note: step.note)
    }

    /// A session logged by hand with each rep graded against its target (HandGrading, M50, M51).
    static func handValues(_ session: LoggedSession, fitness: FitnessEstimate?) -> [String: Any] {
        var values: [String: Any] = [
            "id": session.id.uuidString.lowercased(), "session": session.session ?? "Session",
            "rpe": session.rpe.map { "· RPE \($0)" } ?? "",
            "sets": session.strengthSets.map { strength in
                "\(strength.exercise): \(strength.reps) reps\(strength.loadKilograms.map { " at \($0.text(decimals: 1)) kg" } ?? ""), form \(strength.formWasGood ? "good" : "poor")"
            },
        ]
        if let notes = session.notes, !notes.isEmpty { values["handNotes"] = notes }
        if !session.reps.isEmpty { values["reps"] = session.reps.map { $0.time.formatted(.rep) }.joined(separator: ", ") }
        guard session.session != nil, !session.reps.isEmpty else { return values }
        guard let fitness else {
            values["ungraded"] = "Not graded: the log has no result from the year before \(session.day); log a result first."
            return values
        }
        guard let compliance = HandGrading.grade(session, fitness: fitness) else { return values }
        values["summary"] = "Targets from your log's fitness (VDOT \(fitness.vdot.text(decimals: 1))): \(compliance.summary)"
        values["hasGrades"] = !compliance.reps.isEmpty
        values["grades"] = compliance.reps.map { grade -> [String: Any] in
            ["index": grade.index, "actual": grade.actual, "verdict": grade.verdict.rawValue, "target": grade.target]
        }
        return values
    }
}
