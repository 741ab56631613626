import Foundation
import Hummingbird
import Speedwork
import SpeedworkFiles
import SpeedworkReports
import SpeedworkStore

/// Group track sessions (issue 12; docs/server.md): a coach makes one library session (M10–M21) on
/// a day for athletes they coach, each of whom gets it at their own targets (M42) on
/// `/group-sessions/{id}` and as a FIT workout; afterwards the coach's page shows everyone's reps
/// side by side, graded against each athlete's own targets (M51), with a chart, a CSV and a form to
/// enter the reps of an athlete who ran without a watch (M50). The API gives the same table.
/// A session is read through ``GroupSessionStore/groupSession(_:visibleTo:)``: anyone but its
/// coach and its members gets 404, and a member sees only their own row.
struct GroupSessionRoutes: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    let configuration: ServerConfiguration

    /// The refusals of the coach's upload form shown on the session page rather than as an error body.
    static let shownOnThePage: [HTTPResponse.Status] = [.unprocessableContent, .unsupportedMediaType, .contentTooLarge]

    /// The route of the coach's upload form for one member's watch file.
    static let uploadFormRoute = "/coach/sessions/{id}/athletes/{handle}/activity"
    /// The coach's upload form's file: one activity file, not an archive.
    static let formFile = StreamedUploadForm.Files(
        checkedName: { try checkedActivityName($0) }, secondFile: "send one file for one athlete", noun: "file",
        noneChosen: "choose the athlete's watch file to upload")

    /// `streamed` reads the session but not the body: the coach's upload form checks its own CSRF
    /// field as the file streams in, as the upload page's does.
    func addRoutes(pages site: RouterGroup<ServerContext>, streamed: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        site.get("/coach/sessions") { _, context in try await list(context) }
        site.post("/coach/sessions") { _, context in try await create(context) }
        site.get("/coach/sessions/{id}") { _, context in try await show(context) }
        site.get("/coach/sessions/{id}/splits.csv") { _, context in try await csv(context) }
        site.post("/coach/sessions/{id}/reps") { _, context in try await enterReps(context) }
        site.post("/coach/sessions/{id}/delete") { _, context in try await delete(context) }
        streamed.post(RouterPath(Self.uploadFormRoute)) { request, context in try await uploadForm(request, context) }
        site.get("/group-sessions/{id}") { _, context in try await showMember(context) }
        site.get("/group-sessions/{id}/workout.fit") { _, context in try await workoutFile(context) }
        api.get("/group-sessions") { request, context in try await listAPI(request, context) }
        api.post("/group-sessions") { request, context in try await createAPI(request, context) }
        api.get("/group-sessions/{id}") { _, context in try await showAPI(context) }
        api.delete("/group-sessions/{id}") { _, context in try await deleteAPI(context) }
        api.post("/group-sessions/{id}/reps") { request, context in try await enterRepsAPI(request, context) }
        api.post("/group-sessions/{id}/athletes/{handle}/activity") { request, context in try await uploadForAthlete(request, context) }
        api.get("/group-sessions/{id}/splits.csv") { _, context in try await csv(context) }
        api.get("/group-sessions/{id}/workout.fit") { _, context in try await workoutFile(context) }
    }

    // MARK: - Reading a session

    /// The session named by the route's `id` when `account` may see it; `coachOnly` also refuses a
    /// member. 404 otherwise, the same answer as for no session at all.
    private func session(_ context: ServerContext, account: Account, coachOnly: Bool) async throws -> GroupSession {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text), let session = try await store.groupSession(id, visibleTo: account),
              !coachOnly || session.coach == account.id else {
            throw ServerError(.notFound, "no group session of yours has the id \(InputError.quoted(text))")
        }
        return session
    }

    /// The splits `account` may read: every row for the coach, the member's own row for a member.
    private func splits(_ session: GroupSession, for account: Account) async throws -> GroupSplits {
        if session.coach == account.id { return try await GroupSplits.load(session, log: store) }
        var own = session
        own.members = session.members.filter { $0.id == account.athlete }
        return try await GroupSplits.load(own, log: store)
    }

    /// The athletes `coach` coaches, by handle.
    private func coached(by coach: AccountID) async throws -> [String: Athlete] {
        Dictionary(try await store.athletes(coachedBy: coach).map { ($0.athlete.handle, $0.athlete) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Making one

    /// What a new session is made from, as the form and the API give it.
    struct NewSession: Decodable {
        var name: String?
        var date: String?
        var session: String?
        var week: Int?
        var athletes: [String]?
        /// A free-form set (``RepSet``) instead of `session` and `week`.
        var set: String?
    }

    /// Checks `new` against the coach's athletes and makes the session (not yet stored); an
    /// InputError names the first value refused.
    private func make(_ new: NewSession, coach: Account) async throws -> GroupSession {
        let dateText = (new.date ?? "").trimmingCharacters(in: .whitespaces)
        guard !dateText.isEmpty else { throw InputError("give the session's date, e.g. 2026-12-01") }
        let day = try Day(parsing: dateText)
        let coached = try await coached(by: coach.id)
        let handles = (new.athletes ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let members = try handles.map { handle -> Athlete in
            guard let athlete = coached[handle] else {
                throw InputError("athlete '\(handle)' is not one you coach: choose from \(coached.keys.sorted().joined(separator: ", "))")
            }
            return athlete
        }
        let setText = new.set?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let rule = new.session?.trimmingCharacters(in: .whitespaces) ?? ""
        if !setText.isEmpty {
            guard rule.isEmpty, new.week == nil else {
                throw InputError("give a library session (session, week) or a set of your own (set), not both")
            }
            return try GroupSession(coach: coach.id, day: day, name: new.name ?? "", set: try RepSet(parsing: setText),
                                    members: members, createdAt: Date())
        }
        guard !rule.isEmpty else {
            throw InputError("give a library session (\(Self.groupRules.map(\.rule).joined(separator: ", "))) or a set of your own, e.g. 8 × 400 m, 90 s jog")
        }
        return try GroupSession(coach: coach.id, day: day, name: new.name ?? "", rule: rule, week: new.week ?? 1,
                                members: members, createdAt: Date())
    }

    /// The athletes ticked on the form, in the order the form lists them (the coach's athletes),
    /// then any other handle sent, by name.
    private func formAthletes(_ fields: [String: String], coach: AccountID) async throws -> [String] {
        let ticked = Set(fields.keys.filter { $0.hasPrefix(Self.athleteField) }.map { String($0.dropFirst(Self.athleteField.count)) })
        let listed = try await store.athletes(coachedBy: coach).map(\.athlete.handle)
        return listed.filter(ticked.contains) + ticked.subtracting(listed).sorted()
    }

    private func create(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let fields = context.form
        let typedSet = (fields["set"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // A set typed in the form is run instead of the library session the select still names.
        var new = NewSession(name: fields["name"], date: fields["date"], session: typedSet.isEmpty ? fields["session"] : nil, week: nil,
                             athletes: try await formAthletes(fields, coach: account.id), set: typedSet)
        do {
            let weekText = (fields["week"] ?? "").trimmingCharacters(in: .whitespaces)
            if !weekText.isEmpty, typedSet.isEmpty {
                guard let week = Int(weekText) else { throw InputError("week '\(weekText)' is not a whole number: use 1 to \(BlockProgression.defaultBlockWeeks)") }
                new.week = week
            }
            let session = try await make(new, coach: account)
            try await Self.store(session, in: store)
            return Response(status: .seeOther, headers: [.location: "/coach/sessions/\(Self.key(session.id))"])
        } catch let error as InputError {
            return try await list(context, fields: fields, error: error.description)
        }
    }

    private func createAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let new = try await JSONBody.decode(NewSession.self, from: request)
        let session: GroupSession
        do {
            session = try await make(new, coach: account)
        } catch let error as InputError {
            throw ServerError(.unprocessableContent, error.description)
        }
        do {
            try await Self.store(session, in: store)
        } catch let error as InputError {
            throw ServerError(.unprocessableContent, error.description)
        }
        return try Self.jsonResponse(try await GroupSplits.load(session, log: store).json, status: .created,
                                     location: "/api/v1/group-sessions/\(Self.key(session.id))")
    }

    /// Stores a new session; an InputError names the members the store says the coach does not
    /// coach (a link ended between the form and the write).
    static func store(_ session: GroupSession, in store: any ServerStore) async throws {
        switch try await store.addGroupSession(session) {
        case .stored: return
        case .notYours: throw InputError("the session is not yours to change")
        case .notCoached(let strangers):
            throw InputError("\(strangers.map { "'\($0.handle)'" }.joined(separator: ", ")) \(strangers.count == 1 ? "is not an athlete" : "are not athletes") you coach")
        }
    }

    // MARK: - Pages

    /// The form field of each athlete's checkbox: `athlete.HANDLE`.
    static let athleteField = "athlete."

    /// `GET /coach/sessions`: the coach's sessions and the form to make one.
    private func list(_ context: ServerContext, fields: [String: String] = [:], error: String? = nil) async throws -> Response {
        let account = try context.requireAccount()
        let coached = try await store.athletes(coachedBy: account.id)
        let sessions = try await store.groupSessions(coachedBy: account.id)
        let rule = (fields["session"] ?? "M13").uppercased()
        var values: [String: Any] = [
            "sessions": sessions.map { session -> [String: Any] in
                ["id": Self.key(session.id), "name": session.name, "date": session.day.description,
                 "rule": session.set?.text ?? session.rule, "week": session.set == nil ? String(session.week) : "", "members": session.members.count]
            },
            "hasSessions": !sessions.isEmpty,
            "athletes": coached.map { athlete -> [String: Any] in
                ["handle": athlete.athlete.handle, "name": athlete.athlete.name,
                 "checked": fields["\(Self.athleteField)\(athlete.athlete.handle)"] != nil]
            },
            "hasAthletes": !coached.isEmpty,
            "rules": Self.groupRules.map { entry -> [String: Any] in
                ["rule": entry.rule, "title": entry.title, "selected": entry.rule == rule]
            },
            "name": fields["name"] ?? "", "date": fields["date"] ?? Day(Date()).description, "week": fields["week"] ?? "1",
            "set": fields["set"] ?? "",
            "blockWeeks": BlockProgression.defaultBlockWeeks,
        ]
        if let error { values["error"] = error }
        return pages.page("group-sessions", title: "Group sessions", values: values, context: context,
                          status: error == nil ? .ok : .unprocessableContent, csrf: context.session?.csrfToken ?? "")
    }

    /// The library's sessions a group can run: the running sessions, without the goal-pace one
    /// (each runner's goal differs).
    static var groupRules: [SessionLibrary.Entry] {
        SessionLibrary.entries.filter { $0.kind.isRun && $0.rule != GoalPaceSession.rule }
    }

    /// `GET /coach/sessions/{id}`: the split table, the chart, and the hand-entry form.
    private func show(_ context: ServerContext, fields: [String: String] = [:], error: String? = nil,
                      status: HTTPResponse.Status = .unprocessableContent) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let splits = try await GroupSplits.load(session, log: store)
        var values = Self.tableValues(splits, uploads: configuration.importer != nil)
        values["chart"] = GroupSplitsChart(splits).svg
        if configuration.importer != nil { values["uploadLimit"] = UploadPages.megabytes(configuration.uploadLimitBytes) }
        values["members"] = session.members.map { member -> [String: Any] in
            ["handle": member.handle, "name": member.name, "selected": fields["athlete"] == member.handle]
        }
        values["reps"] = fields["reps"] ?? ""
        values["repDistance"] = fields["repDistance"] ?? ""
        if let error { values["error"] = error }
        return pages.page("group-session", title: session.name, values: values, context: context,
                          status: error == nil ? .ok : status, csrf: context.session?.csrfToken ?? "")
    }

    /// The table's values: a header of rep numbers, a row per athlete with a cell per rep.
    /// `uploads` adds the coach's upload form to each row without a file.
    static func tableValues(_ splits: GroupSplits, uploads: Bool = false) -> [String: Any] {
        let session = splits.session
        let columns = splits.repColumns
        return [
            "id": key(session.id), "name": session.name, "date": session.day.description, "rule": session.rule, "week": session.week,
            "title": session.sessionTitle, "isSet": session.set != nil, "library": session.set == nil,
            "repHeaders": (0..<columns).map { $0 + 1 },
            "rows": splits.rows.map { row -> [String: Any] in
                var cells: [[String: Any]] = row.cells.map { cell in
                    let verdict = cell.verdict?.rawValue ?? "none"
                    return ["time": cell.seconds.map { Self.time($0, perKilometer: cell.perKilometer) } ?? "—",
                            "verdict": verdict, "verdictText": cell.verdict.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "",
                            "target": cell.target]
                }
                cells += Array(repeating: ["time": "", "verdict": "none", "verdictText": "", "target": ""], count: max(0, columns - cells.count))
                var values: [String: Any] = [
                    "handle": row.athlete.handle, "name": row.athlete.name, "cells": cells,
                    "vdot": row.targets.fitness.map { "VDOT \($0.vdot.text(decimals: 1))" } ?? "no fitness in the log",
                    "source": Self.sourceText(row.source), "summary": row.summary ?? "",
                ]
                if case .file(let hash, _) = row.source {
                    values["activity"] = hash
                } else if uploads {
                    values["uploadable"] = true
                }
                return values
            },
        ]
    }

    /// `1:29.8`, or `4:05/km` for a timed rep.
    static func time(_ seconds: Double, perKilometer: Bool) -> String {
        Speedwork.Duration.seconds(seconds).formatted(.rep) + (perKilometer ? "/km" : "")
    }

    static func sourceText(_ source: GroupSplits.Source) -> String {
        switch source {
        case .file(_, let name): "from \(name ?? "a watch file")"
        case .hand: "timed by hand"
        case .none: "nothing logged yet"
        }
    }

    /// `GET /group-sessions/{id}`: a member's own session, targets and reps.
    private func showMember(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: false)
        let splits = try await splits(session, for: account)
        var values = Self.tableValues(splits)
        values["isCoach"] = session.coach == account.id
        if let own = splits.rows.first(where: { $0.athlete.id == account.athlete }) {
            values["isMember"] = true
            if let workout = own.targets.workout {
                values["workoutTitle"] = workout.title
                values["steps"] = WorkoutText.lines(workout)
            } else {
                values["noFitness"] = true
            }
        }
        return pages.page("group-session-member", title: session.name, values: values, context: context,
                          csrf: context.session?.csrfToken ?? "")
    }

    /// `…/workout.fit`: the member's session at their own targets as a FIT workout for the watch.
    private func workoutFile(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: false)
        guard let member = session.members.first(where: { $0.id == account.athlete }) else {
            throw ServerError(.notFound, "you are not in the group session \(InputError.quoted(session.name)), so it has no workout for you")
        }
        let targets = try await GroupSessionTargets.load(session, athlete: member, log: store)
        guard let workout = targets.workout else {
            throw ServerError(.conflict, "your log has no result from the year before \(session.day), so the session has no targets for you: log a result first")
        }
        let bytes: [UInt8]
        do {
            bytes = try FITWorkoutEncoder(timeCreated: Date()).encode(workout, name: session.name)
        } catch {
            throw ServerError(.unprocessableContent, "the session cannot be written as a FIT workout: \(error)")
        }
        let file = "\(session.day)-\(session.set == nil ? session.rule.lowercased() : "set").fit"
        return Response(status: .ok, headers: [.contentType: "application/vnd.ant.fit", .contentDisposition: "attachment; filename=\"\(file)\"",
                                               .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `…/splits.csv`: one line per athlete and rep, for the coach only.
    private func csv(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let splits = try await GroupSplits.load(session, log: store)
        let file = "\(session.day)-group-splits.csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(file)\"",
                                               .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: splits.csv)))
    }

    private func delete(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        guard try await store.deleteGroupSession(session.id, by: account.id) else {
            throw ServerError(.notFound, "no group session of yours has the id \(InputError.quoted(Self.key(session.id)))")
        }
        return Response(status: .seeOther, headers: [.location: "/coach/sessions"])
    }

    // MARK: - Reps timed by hand

    /// The coach's entry of one athlete's reps timed by hand.
    struct HandReps: Decodable {
        var athlete: String?
        var reps: String?
        var repDistance: String?
    }

    /// Stores `entry` as the athlete's session logged by hand (M50) on the session's day, checked as
    /// `log add --reps` checks reps and against the group's own session (no more reps than it
    /// plans); refused when the athlete already has the session logged by hand.
    private func keep(_ entry: HandReps, session: GroupSession) async throws -> Athlete {
        let handle = (entry.athlete ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let member = session.members.first(where: { $0.handle == handle }) else {
            throw InputError("athlete '\(handle)' is not in this session: choose from \(session.members.map(\.handle).joined(separator: ", "))")
        }
        guard (entry.reps ?? "").contains(where: { !$0.isWhitespace }) else {
            throw InputError("give the rep times, comma-separated, e.g. 1:31.2, 1:30.8")
        }
        // A set is no library session, so its reps are read as a session of none and filed under its rule (M42).
        let log = HandLog(session: session.set == nil ? session.rule : nil, reps: entry.reps, repDistance: entry.repDistance, day: session.day,
                          notes: "\(session.name) (group session\(session.set.map { ": \($0.text)" } ?? ""))")
        guard case .session(var logged) = try log.entry() else { throw InputError("give the rep times, comma-separated") }
        logged.session = session.rule
        let shape = try GroupSessionTargets.workout(session, fitness: try HandGrading.referenceFitness(session.day))
        let planned = GroupSessionTargets.plannedReps(shape)
        guard logged.reps.count <= planned.count else {
            throw InputError("\(logged.reps.count) reps do not fit this session: it has \(planned.count) reps")
        }
        for (index, rep) in logged.reps.enumerated() {
            guard let given = rep.distance else { continue }
            if case .distance(let distance) = planned[index].length, abs(given.meters - distance.meters) > HandGrading.distanceTolerance.meters {
                throw InputError("rep distance \(given.label) does not fit this session: its reps are \(distance.label)")
            }
        }
        _ = try GroupSplits.handIntervals(logged.reps, planned: planned)
        if try await GroupSplits.handSession(session, athlete: member.id, log: store) != nil {
            throw InputError("\(member.name)'s reps for this session are already logged by hand")
        }
        _ = try await store.add([logged], for: member.id)
        return member
    }

    private func enterReps(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let fields = context.form
        do {
            let member = try await keep(HandReps(athlete: fields["athlete"], reps: fields["reps"], repDistance: fields["repDistance"]),
                                        session: session)
            return Response(status: .seeOther, headers: [.location: "/coach/sessions/\(Self.key(session.id))#athlete-\(member.handle)"])
        } catch let error as InputError {
            return try await show(context, fields: fields, error: error.description)
        }
    }

    private func enterRepsAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let entry = try await JSONBody.decode(HandReps.self, from: request)
        do {
            _ = try await keep(entry, session: session)
        } catch let error as InputError {
            throw ServerError(.unprocessableContent, error.description)
        }
        return try Self.jsonResponse(try await GroupSplits.load(session, log: store).json, status: .created)
    }

    // MARK: - A file uploaded by the coach

    /// The file types a coach uploads for one athlete's session: one activity, not an archive.
    static let singleActivityTypes = [".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz"]

    /// `POST …/athletes/{handle}/activity?name=track.fit`: the coach uploads a member's watch file
    /// (the raw bytes as the body), imported into the member's log at once, as their own upload
    /// would be; the answer is the table with the member's reps from it (201), or 422 with the
    /// reason the file gave no activity.
    private func uploadForAthlete(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let handle = (context.parameters.get("handle") ?? "").lowercased()
        guard let member = session.members.first(where: { $0.handle == handle }) else {
            throw ServerError(.notFound, "no athlete \(InputError.quoted(handle)) is in this session")
        }
        guard let importer = configuration.importer else {
            throw ServerError(.serviceUnavailable, "this server was started without an importer: uploads are not available")
        }
        guard let sent = request.uri.queryParameters.get("name") else {
            throw ServerError(.unprocessableContent, "give the file's name as ?name=, e.g. ?name=track.fit")
        }
        let name = try Self.checkedActivityName(sent)
        let body = try await request.body.collect(upTo: configuration.uploadLimitBytes)
        guard body.readableBytes > 0 else { throw ServerError(.unprocessableContent, "the upload is empty: send the file's bytes as the body") }
        let folder = newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let file = try UploadFile(name: name, in: folder)
            defer { file.close() }
            try file.write(body.readableBytesView)
        }
        try await importFile(name, in: folder, for: member, importer: importer)
        return try Self.jsonResponse(try await GroupSplits.load(session, log: store).json, status: .created)
    }

    /// `POST /coach/sessions/{id}/athletes/{handle}/activity`: the coach's page form for one
    /// member's watch file (``StreamedUploadForm``, the `csrf` field before the file, as the upload
    /// form), with the API route's checks and size limit; back to the page at the member's row,
    /// now graded, or the page again with the one-line reason.
    private func uploadForm(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        let handle = (context.parameters.get("handle") ?? "").lowercased()
        guard let member = session.members.first(where: { $0.handle == handle }) else {
            throw ServerError(.notFound, "no athlete \(InputError.quoted(handle)) is in this session")
        }
        do {
            guard let importer = configuration.importer else {
                throw ServerError(.serviceUnavailable, "this server was started without an importer: uploads are not available")
            }
            let form = try StreamedUploadForm(request, context: context, limit: configuration.uploadLimitBytes, files: Self.formFile)
            let folder = newFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let files = try await form.receive(request.body, into: folder)
            if let empty = files.first(where: { $0.bytes == 0 }) {
                throw ServerError(.unprocessableContent, "\(InputError.quoted(empty.name)) is empty: choose the athlete's watch file")
            }
            guard let file = files.first else { throw ServerError(.unprocessableContent, Self.formFile.noneChosen) }
            try await importFile(file.name, in: folder, for: member, importer: importer)
            return Response(status: .seeOther, headers: [.location: "/coach/sessions/\(Self.key(session.id))#athlete-\(member.handle)"])
        } catch let refusal as ServerError where Self.shownOnThePage.contains(refusal.status) {
            return try await show(context, error: refusal.message, status: refusal.status)
        }
    }

    /// A folder of its own for one file the coach sends, in the data folder's `uploads/`.
    private func newFolder() -> String {
        ((configuration.dataFolder as NSString).appendingPathComponent("uploads") as NSString).appendingPathComponent(UUID().uuidString.lowercased())
    }

    /// `name` as a file the coach may send for one athlete: one activity file, not an archive.
    static func checkedActivityName(_ sent: String) throws -> String {
        let name = try UploadFile.checkedName(sent)
        guard singleActivityTypes.contains(where: { name.lowercased().hasSuffix($0) }) else {
            throw ServerError(.unprocessableContent, "\(InputError.quoted(name)) is not one activity file: send a \(singleActivityTypes.joined(separator: ", ")) file")
        }
        return name
    }

    /// Imports the file `name` in `folder` into `member`'s log at once; 422 with the reason when
    /// it gives no activity.
    private func importFile(_ name: String, in folder: String, for member: Athlete, importer: any ActivityImporter) async throws {
        let tally = try await importer.importFiles([(folder as NSString).appendingPathComponent(name)], into: store, for: member.id,
                                               progress: { _, _ in })
        if tally.activities.isEmpty {
            let reason = UploadPages.named(tally, folder: folder).skipped.first?.reason ?? "it holds no activity"
            throw ServerError(.unprocessableContent, "\(InputError.quoted(name)) gave no activity: \(reason)")
        }
    }

    // MARK: - The API

    /// One session as `GET /api/v1/group-sessions` lists it.
    struct Item: Encodable {
        var id: String
        var name: String
        var date: String
        var rule: String
        /// Left out for a free-form set.
        var week: Int?
        /// `coach` for the sessions the account made, `member` for those it is in.
        var role: String
        var athletes: Int
        /// `library` or `set`.
        var kind: String
        /// The free-form set's canonical text; left out for a library session.
        var set: String?
    }

    /// The days a member's list covers around today when no `from`/`to` is given.
    static let memberListDays = 366

    private func listAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let today = Day(Date())
        let from = try Self.queryDay(request, "from") ?? today.adding(days: -Self.memberListDays)
        let to = try Self.queryDay(request, "to") ?? today.adding(days: Self.memberListDays)
        guard from <= to else { throw ServerError(.badRequest, "from \(from) is after to \(to): give from on or before to") }
        func item(_ session: GroupSession, _ role: String) -> Item {
            Item(id: Self.key(session.id), name: session.name, date: session.day.description, rule: session.rule,
                 week: session.set == nil ? session.week : nil, role: role, athletes: role == "coach" ? session.members.count : 1,
                 kind: session.set == nil ? "library" : "set", set: session.set?.text)
        }
        let own = try await store.groupSessions(coachedBy: account.id).filter { $0.day >= from && $0.day <= to }.map { item($0, "coach") }
        let member = try await store.groupSessions(for: account.athlete, from: from, through: to)
            .filter { $0.coach != account.id }.map { item($0, "member") }
        return try JSONBody.response(["sessions": (own + member).sorted { ($0.date, $0.id) < ($1.date, $1.id) }])
    }

    static func queryDay(_ request: Request, _ name: String) throws -> Day? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        do {
            return try Day(parsing: text)
        } catch let error as InputError {
            throw ServerError(.badRequest, "\(name): \(error.description)")
        }
    }

    private func showAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: false)
        return try Self.jsonResponse(try await splits(session, for: account).json)
    }

    private func deleteAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let session = try await session(context, account: account, coachOnly: true)
        guard try await store.deleteGroupSession(session.id, by: account.id) else {
            throw ServerError(.notFound, "no group session of yours has the id \(InputError.quoted(Self.key(session.id)))")
        }
        return Response(status: .noContent)
    }

    static func jsonResponse(_ json: GroupSplits.JSON, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try JSONOutput.render(json))))
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}
