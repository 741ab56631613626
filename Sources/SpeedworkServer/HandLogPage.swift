import Foundation
import Hummingbird
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// The hand-log form (issue 11, M50): a session run without a watch (the method's session, rep
/// times, rep distance, RPE, strength sets, notes) or a race or time trial, checked exactly as
/// `speedwork log add` checks it (``HandLog``), stored, and its reps graded against their targets
/// (HandGrading, M51) on the today page it leads to; and `POST /api/v1/log` for the same in JSON.
struct HandLogPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer

    /// `POST /api/v1/log`'s body: the form's fields, `sets` and `from` as lists.
    struct Body: Decodable {
        var date: String?
        var session: String?
        var reps: String?
        var repDistance: String?
        var rpe: Int?
        var notes: String?
        var sets: [String]?
        var result: String?
        var kind: String?
        /// Results (DISTANCE=TIME) to grade the reps against instead of the log's fitness (`--from`).
        var from: [String]?
    }

    func addRoutes(pages site: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        site.get("/log/add") { request, context in try await showForm(request, context) }
        site.post("/log/add") { request, context in try await submitForm(request, context) }
        api.post("/log") { request, context in try await submitAPI(request, context) }
    }

    // MARK: - The form

    private func showForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        var fields: [String: String] = [:]
        let day: Day
        if let text = request.uri.queryParameters.get("date"), let given = try? Day(parsing: text) {
            day = given
        } else {
            day = Day(Date())
        }
        fields["date"] = day.description
        return try await form(context, account: account, fields: fields, error: nil, status: .ok)
    }

    private func submitForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let fields = context.form
        let handLog: HandLog
        let entry: HandLog.Entry
        do {
            handLog = try Self.handLog(fields)
            entry = try handLog.entry()
        } catch let error as InputError {
            return try await form(context, account: account, fields: fields, error: error.description, status: .unprocessableContent)
        }
        _ = try await keep(entry, handLog: handLog, athlete: account.athlete)
        switch entry {
        case .result:
            return Response(status: .seeOther, headers: [.location: "/"])
        case .session(let session):
            return Response(status: .seeOther,
                            headers: [.location: "/today?date=\(session.day)#hand-\(session.id.uuidString.lowercased())"])
        }
    }

    /// The form with `fields` kept, the planned sessions of its day offered, and `error` above it.
    private func form(_ context: ServerContext, account: Account, fields: [String: String], error: String?,
                      status: HTTPResponse.Status) async throws -> Response {
        var values: [String: Any] = [:]
        for name in ["date", "session", "reps", "repDistance", "rpe", "notes", "sets", "result"] {
            values[name] = fields[name] ?? ""
        }
        if let error { values["error"] = error }
        let kind = fields["kind"] ?? LoggedResult.Kind.race.rawValue
        values["kinds"] = LoggedResult.Kind.allCases.map { option -> [String: Any] in ["value": option.rawValue, "selected": option.rawValue == kind] }
        if let day = try? Day(parsing: fields["date"] ?? "") {
            let report = try await PlanDayReport.make(log: store, athlete: account.athlete, date: day, wholeWeek: false)
            let planned = (report.days.first?.planned ?? []).filter { $0.status != "rest" }.map { planned -> [String: Any] in
                ["rule": planned.session.session.rule, "title": planned.session.session.title]
            }
            values["planned"] = planned
            values["hasPlanned"] = !planned.isEmpty
        }
        return pages.page("log-add", title: "Log by hand", values: values, context: context, status: status,
                          csrf: context.session?.csrfToken ?? "")
    }

    /// The form's fields as ``HandLog``: `sets` one per line, an empty field not given.
    static func handLog(_ fields: [String: String]) throws -> HandLog {
        let dateText = (fields["date"] ?? "").trimmingCharacters(in: .whitespaces)
        let day = dateText.isEmpty ? Day(Date()) : try Day(parsing: dateText)
        let kindText = (fields["kind"] ?? "").trimmingCharacters(in: .whitespaces)
        let kind = kindText.isEmpty ? LoggedResult.Kind.race : try HandLog.kind(parsing: kindText)
        let sets = (fields["sets"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return HandLog(result: fields["result"], kind: kind, session: fields["session"], reps: fields["reps"],
                       repDistance: fields["repDistance"], sets: sets, rpe: try HandLog.rpe(parsing: fields["rpe"] ?? ""), day: day,
                       notes: fields["notes"])
    }

    // MARK: - The API

    private func submitAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let body = try await JSONBody.decode(Body.self, from: request)
        let handLog: HandLog
        let entry: HandLog.Entry
        do {
            let dateText = (body.date ?? "").trimmingCharacters(in: .whitespaces)
            let day = dateText.isEmpty ? Day(Date()) : try Day(parsing: dateText)
            let kindText = (body.kind ?? "").trimmingCharacters(in: .whitespaces)
            let kind = kindText.isEmpty ? LoggedResult.Kind.race : try HandLog.kind(parsing: kindText)
            handLog = HandLog(result: body.result, kind: kind, session: body.session, reps: body.reps, repDistance: body.repDistance,
                              sets: body.sets ?? [], rpe: body.rpe, day: day, notes: body.notes,
                              fitnessResults: try (body.from ?? []).map { try Performance(parsing: $0) })
            entry = try handLog.entry()
        } catch let error as InputError {
            throw ServerError(.unprocessableContent, error.description)
        }
        let fitness = try await keep(entry, handLog: handLog, athlete: account.athlete)
        // JSONOutput writes a non-finite number (a grade's percentage off a target of zero) as null.
        return Response(status: .created, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: try JSONOutput.render(HandLogReport(entry, fitness: fitness), pretty: false))))
    }

    // MARK: - Storing

    /// Stores the entry and returns the fitness its reps are graded against (M51), read before the
    /// entry is written as `log add` does.
    private func keep(_ entry: HandLog.Entry, handLog: HandLog, athlete: AthleteID) async throws -> HandGrading.Fitness? {
        switch entry {
        case .result(let result):
            _ = try await store.add([result], for: athlete)
            return nil
        case .session(let session):
            let fitness = try await handLog.fitnessForGrades(session, log: store, athlete: athlete)
            _ = try await store.add([session], for: athlete)
            return fitness
        }
    }
}
