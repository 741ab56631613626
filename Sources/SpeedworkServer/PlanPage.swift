import Foundation
import Hummingbird
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// The plan page and the plan API (issue 11; docs/server.md): the active plan as it now stands
/// (PlanAsItStands, M43) as a calendar of planned against done with the race-date verdict (M44), and
/// a form with `speedwork plan`'s options, checked by the same ``PlanOptions``, that saves a new
/// active plan (the one before stays as history, ActivePlan). The API speaks the same: `GET` and
/// `POST /api/v1/plan`.
struct PlanPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    /// The JSON answers computed, kept until the runner's log changes.
    var reads = LogReadCache()

    /// How many of the log's newest results prefill the form's results field.
    static let resultsPrefilled = 3

    /// Registers the page and the form on `pages` (signed in, CSRF-checked) and the API's POST on
    /// `api`; its GET is ``CachedRead/plan``.
    func addRoutes(pages group: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        group.get("/plan") { request, context in try await show(request, context) }
        group.get("/plan/new") { request, context in try await showForm(request, context) }
        group.post("/plan") { request, context in try await saveFromForm(request, context) }
        api.post("/plan") { request, context in try await saveFromAPI(request, context) }
    }

    /// The same for a runner seen by handle: a coach reads and builds their athlete's plan with the
    /// same form and checks, saved to the athlete's log.
    func addAthleteRoutes(coached: RouterGroup<ServerContext>, athletes: RouterGroup<ServerContext>) {
        addRoutes(pages: coached, api: athletes)
        athletes.get("/plan") { request, context in try await showAPI(request, context) }
    }

    // MARK: - The plan's options as typed

    /// The plan options as typed in the form or sent to the API, before they are checked; names as
    /// in ``SavedPlanRequest``.
    struct Given: Decodable, Sendable {
        var results: [String]?
        var speedReserve: Double?
        var asOf: String?
        var goal: String?
        var raceDate: String?
        var start: String?
        var days: [String]?
        var maxSession: Int?
        var weekly: String?
        var strength: String?
        var baseWeeks: Int?
    }

    /// The form's fields: the texts as typed, kept to show the form again.
    struct FormFields: Sendable {
        var from = ""
        var goal = ""
        var raceDate = ""
        var start = ""
        var days: [String] = []
        var maxSession = ""
        var weekly = ""
        var strength = StrengthRoutine.Level.beginner.rawValue
        var baseWeeks = "0"

        /// The fields of a posted form; `days` is the checkbox repeated once per day ticked.
        init(form: [String: String], days: [String]) {
            from = form["from"] ?? ""
            goal = form["goal"] ?? ""
            raceDate = form["race-date"] ?? ""
            start = form["start"] ?? ""
            self.days = days
            maxSession = form["max-session"] ?? ""
            weekly = form["weekly"] ?? ""
            strength = form["strength"] ?? strength
            baseWeeks = form["base-weeks"] ?? ""
        }

        init() {}

        /// The options as the API would take them: blank fields are left out.
        var given: Given {
            func text(_ value: String) -> String? {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
            return Given(results: nil, goal: text(goal), raceDate: text(raceDate), start: text(start), days: days,
                         weekly: text(weekly), strength: text(strength))
        }
    }

    /// The checked options, the results they name and the fitness to build from.
    struct Checked {
        var options: PlanOptions
        var results: [Performance]
        var speedReserve: Double
        var fitness: FitnessEstimate
        var today: Day
    }

    /// Checks `given` as `speedwork plan` checks its options, in the same order and with the same
    /// lines (PlanOptions); `results`, `maxSession` and `baseWeeks` come as text from the form.
    /// Without results the fitness is the log's (LogFitness), as `plan` without `--from`.
    func check(_ given: Given, resultsText: String?, maxSessionText: String?, baseWeeksText: String?,
               athlete: AthleteID, today: Day) async throws -> Checked {
        let results = try resultsText.map(PlanOptions.results) ?? (given.results ?? []).map { try Performance(parsing: $0) }
        let speedReserve = given.speedReserve ?? SpeedReserveModel.defaultRatio
        guard SpeedReserveModel.plausibleRatios.contains(speedReserve) else {
            let range = SpeedReserveModel.plausibleRatios
            throw InputError("speed reserve ratio \(speedReserve.trimmedText()) is outside \(range.lowerBound.trimmedText())–\(range.upperBound.trimmedText())")
        }
        let asOf = try given.asOf.map(PlanOptions.day) ?? today
        guard let goalText = given.goal else { throw InputError("give the goal race, DISTANCE=TIME: 5k=20:00, say") }
        let goal = try PlanOptions.goal(goalText)
        guard let raceText = given.raceDate else { throw InputError("give the race date, YYYY-MM-DD") }
        let raceDate = try PlanOptions.day(raceText)
        let start = try given.start.map(PlanOptions.day)
        let days = try PlanOptions.days((given.days ?? []).joined(separator: ","))
        let maxSession: Int?
        if let maxSessionText {
            maxSession = try PlanOptions.maxSession(maxSessionText)
        } else if let minutes = given.maxSession {
            maxSession = try PlanOptions.maxSession(String(minutes))
        } else {
            maxSession = nil
        }
        let strength = try given.strength.map(PlanOptions.strength) ?? .beginner
        let baseWeeks = try (baseWeeksText ?? given.baseWeeks.map(String.init)).map(PlanOptions.baseWeeks) ?? 0
        let options = PlanOptions(goal: goal, raceDate: raceDate, start: start, days: days, maxSession: maxSession,
                                  weekly: given.weekly, strength: strength, baseWeeks: baseWeeks)

        let fitness: FitnessEstimate
        if !results.isEmpty {
            fitness = try FitnessEstimator(defaultSpeedReserveRatio: speedReserve).estimate(from: results, model: .auto, asOf: asOf)
        } else {
            let log = try await LogFitness.load(from: store, for: athlete)
            guard let estimate = try log.estimate(asOf: asOf, estimator: FitnessEstimator(defaultSpeedReserveRatio: speedReserve)) else {
                throw InputError(Self.noResult)
            }
            fitness = estimate
        }
        return Checked(options: options, results: results, speedReserve: speedReserve, fitness: fitness, today: asOf)
    }

    /// The line for a plan asked for with no result given and none in the log.
    static let noResult = "no result given and none in your log: give a recent result, DISTANCE=TIME (5k=22:30, say)"

    /// Builds the plan and saves it as the athlete's active plan; the one before stays as history.
    func save(_ checked: Checked, for athlete: AthleteID) async throws -> SavedPlan {
        let plan = try checked.options.plan(fitness: checked.fitness, defaultStart: checked.today)
        let request = checked.options.saved(results: checked.results, speedReserve: checked.speedReserve,
                                            fitness: plan.request.fitness, start: plan.request.start)
        return try await ActivePlan.save(plan, request: request, to: store, for: athlete)
    }

    // MARK: - The page

    private func show(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let today = Day(Date())
        guard let standing = try await PlanAsItStands.load(from: today, log: store, for: viewed.id) else {
            return try await form(context, fields: nil, error: nil, replacing: nil)
        }
        var values = PlanCalendar(standing).values
        values["groupSessions"] = try await GroupSessionOverlay.planValues(store: store, athlete: viewed.id, today: today)
        return pages.page("plan", title: "\(viewed.possessive) plan", values: values, context: context,
                          csrf: context.session?.csrfToken ?? "")
    }

    private func showForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let active = try await store.activePlan(for: viewed.id)
        return try await form(context, fields: nil, error: nil, replacing: active?.name)
    }

    private func saveFromForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let fields = FormFields(form: context.form, days: try await Self.repeated("days", in: request))
        do {
            let checked = try await check(fields.given, resultsText: fields.from,
                                          maxSessionText: Self.blankless(fields.maxSession),
                                          baseWeeksText: Self.blankless(fields.baseWeeks),
                                          athlete: viewed.id, today: Day(Date()))
            _ = try await save(checked, for: viewed.id)
        } catch let error as InputError {
            let active = try await store.activePlan(for: viewed.id)
            return try await form(context, fields: fields, error: error.description, replacing: active?.name)
        }
        return Response(status: .seeOther, headers: [.location: viewed.pagePrefix + "/plan"])
    }

    /// The form: `fields` as typed with `error` (422), or blank with the log's newest results.
    private func form(_ context: ServerContext, fields: FormFields?, error: String?, replacing: String?) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        var shown = fields ?? FormFields()
        let today = Day(Date())
        if fields == nil {
            let log = try await LogFitness.load(from: store, for: viewed.id)
            shown.from = log.evidence(asOf: today).suffix(Self.resultsPrefilled).reversed().map(\.performance.written).joined(separator: ", ")
            shown.start = today.description
        }
        var values: [String: Any] = [
            "csrf": context.session?.csrfToken ?? "",
            "from": shown.from, "goal": shown.goal, "raceDate": shown.raceDate, "start": shown.start,
            "maxSession": shown.maxSession, "weekly": shown.weekly, "baseWeeks": shown.baseWeeks,
            "days": Weekday.allCases.map { day -> [String: Any] in
                ["value": day.shortName, "label": day.shortName.capitalized, "checked": shown.days.contains(day.shortName)]
            },
            "strengths": StrengthRoutine.Level.allCases.map { level -> [String: Any] in
                ["value": level.rawValue, "selected": level.rawValue == shown.strength]
            },
        ]
        if let error { values["error"] = error }
        if let replacing { values["replacing"] = replacing }
        return pages.page("plan-form", title: "Build a plan", values: values, context: context,
                          status: error == nil ? .ok : .unprocessableContent, csrf: context.session?.csrfToken ?? "")
    }

    // MARK: - The API

    /// `GET /api/v1/plan` and `POST /api/v1/plan`'s answer: the active plan and how it stands.
    struct ActivePlanJSON: Encodable {
        var id: String
        var name: String
        var savedAt: Date
        /// The options it was built from, as `POST /api/v1/plan` takes them.
        var request: SavedPlanRequest
        /// `plan --json`'s shape for the plan as it now stands: sessions on their current days,
        /// targets at the fitness of their day (PlanAsItStands).
        var plan: PlanReport
        var status: PlanStatusJSON
    }

    /// `GET /api/v1/plan`: the active plan as it now stands, from the read cache.
    func showAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let (store, athlete, today) = (store, viewed.id, Day(Date()))
        let missing = viewed.byHandle == nil ? "you have no active plan: POST /api/v1/plan or the /plan page makes one"
                                             : "this runner has no active plan: POST a plan to make one"
        return try JSONBody.response(bytes: try await reads.answer("plan", athlete: athlete, store: store, today: today) {
            guard let standing = try await PlanAsItStands.load(from: today, log: store, for: athlete) else {
                throw ServerError(.notFound, missing)
            }
            return try JSONBody.text(Self.json(standing))
        })
    }

    private func saveFromAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let given = try await JSONBody.decode(Given.self, from: request)
        let today = Day(Date())
        let checked = try await check(given, resultsText: nil, maxSessionText: nil, baseWeeksText: nil, athlete: viewed.id, today: today)
        _ = try await save(checked, for: viewed.id)
        guard let standing = try await PlanAsItStands.load(from: today, log: store, for: viewed.id) else {
            throw ServerError(.internalServerError, "the plan was saved but cannot be read back; the server's log has the details")
        }
        return try JSONBody.response(Self.json(standing), status: .created)
    }

    static func json(_ standing: PlanAsItStands) -> ActivePlanJSON {
        ActivePlanJSON(id: standing.active.saved.id.uuidString.lowercased(), name: standing.active.saved.name,
                       savedAt: standing.active.saved.createdAt, request: standing.active.request,
                       plan: PlanReport(standing.plan), status: PlanStatusJSON(standing))
    }

    // MARK: - Pieces

    /// Every value of the form field `name` in the posted body (a checkbox ticked several times);
    /// the form guard has read the body already and left it in the request.
    static func repeated(_ name: String, in request: Request) async throws -> [String] {
        var request = request
        let body = try await request.collectBody(upTo: FormGuard.largestForm)
        return String(buffer: body).split(separator: "&").compactMap { pair in
            let single = FormGuard.fields(String(pair))
            return single.count == 1 ? single[name] : nil
        }
    }

    static func blankless(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
