import Foundation
import Hummingbird
import Speedwork
import SpeedworkStore

/// Coaches and their athletes (issue 12, roles; docs/server.md, "Coaches"): an account turns
/// coaching on, makes invites (a link `/join/{code}` and the same code to type, shown once, kept
/// hashed, open for ``InviteCode/lifetime`` to the whole group unless revoked), sees one row per
/// athlete on its dashboard and lets an athlete go; an athlete joins with the link or the code,
/// lists their coaches and leaves. Pages and the API speak the same.
struct CoachPages: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    /// Whether the app is served over HTTPS: the scheme of the invite link.
    let secure: Bool
    /// The app's token cache: an account that starts or stops coaching is read again at its next request.
    let tokens: TokenCache

    /// Registers the signed-in pages on `pages`, `/join/{code}` on `site` (a signed-out visitor is sent
    /// to sign in and brought back) and the API on `api`.
    func addRoutes(site: RouterGroup<ServerContext>, pages group: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        group.get("/coach") { request, context in try await dashboard(request, context) }
        group.post("/coach") { _, context in try await startCoaching(context) }
        group.post("/coach/stop") { _, context in try await stopFromPage(context) }
        group.post("/coach/invites") { request, context in try await makeInviteFromPage(request, context) }
        group.post("/coach/invites/{id}/revoke") { _, context in try await revokeFromPage(context) }
        group.post("/coach/athletes/{handle}/release") { _, context in try await releaseFromPage(context) }
        group.get("/join") { _, context in joinForm(context, code: "", error: nil) }
        group.post("/join") { _, context in try await joinFromPage(context, typed: context.form["code"] ?? "") }
        site.get("/join/{code}") { _, context in try await confirmPage(context) }
        group.post("/join/{code}") { _, context in try await joinFromPage(context, typed: context.parameters.get("code") ?? "") }
        group.get("/coaches") { _, context in try await coachesPage(context) }
        group.post("/coaches/{id}/leave") { _, context in try await leaveFromPage(context) }

        api.post("/coach") { _, context in try await startCoachingAPI(context) }
        api.delete("/coach") { _, context in try await stopAPI(context) }
        api.get("/coach/athletes") { _, context in try await athletesAPI(context) }
        api.delete("/coach/athletes/{handle}") { _, context in try await releaseAPI(context) }
        api.get("/coach/invites") { _, context in try await invitesAPI(context) }
        api.post("/coach/invites") { request, context in try await makeInviteAPI(request, context) }
        api.delete("/coach/invites/{id}") { _, context in try await revokeAPI(context) }
        api.post("/join") { request, context in try await joinAPI(request, context) }
        api.get("/coaches") { _, context in try await coachesAPI(context) }
        api.delete("/coaches/{id}") { _, context in try await leaveAPI(context) }
    }

    // MARK: - JSON

    /// `POST /api/v1/coach`'s answer.
    struct CoachingJSON: Encodable { var isCoach: Bool }

    /// `DELETE /api/v1/coach`'s answer: what stopping coaching undid.
    struct StoppedJSON: Encodable {
        var isCoach: Bool
        var athletesReleased: Int
        var invitesRevoked: Int
        var groupSessionsDeleted: Int
    }

    /// An open invite; `code` and `url` only in the answer that made it (the server keeps a hash).
    struct InviteJSON: Encodable {
        var id: String
        var createdAt: Date
        var expiresAt: Date
        var code: String?
        var url: String?
    }

    /// `GET /api/v1/coach/invites`'s answer.
    struct InviteList: Encodable { var invites: [InviteJSON] }

    /// `GET /api/v1/coach/athletes`'s answer: one dashboard row per athlete.
    struct AthleteList: Encodable { var athletes: [CoachDashboardRow] }

    /// A coach as the athlete sees them.
    struct CoachJSON: Encodable {
        var id: String
        var login: String
        var name: String
        var since: Date
    }

    /// `GET /api/v1/coaches`'s answer.
    struct CoachList: Encodable { var coaches: [CoachJSON] }

    /// `POST /api/v1/join`'s body.
    struct JoinRequest: Decodable { var code: String }

    /// `POST /api/v1/join`'s answer: `joined`, or `already` when the athlete was already this coach's.
    struct JoinJSON: Encodable {
        var status: String
        var coach: CoachJSON
    }

    static func json(_ coach: Coach) -> CoachJSON {
        CoachJSON(id: coach.account.rawValue, login: coach.login, name: coach.name, since: coach.since)
    }

    // MARK: - Acting

    /// The signed-in account as a coach, or 403 until it has turned coaching on.
    private func coach(_ context: ServerContext) throws -> Account {
        let account = try context.requireAccount()
        guard account.isCoach else {
            throw ServerError(.forbidden, "turn coaching on first: the /coach page or POST /api/v1/coach")
        }
        return account
    }

    /// Stops the signed-in account's coaching (``SpeedworkStore/CoachingStore/stopCoaching(_:at:)``);
    /// 404 when it is not a coach, as the other routes that act on what a coach has.
    private func stop(_ context: ServerContext) async throws -> CoachingStop {
        let account = try context.requireAccount()
        guard let stopped = try await store.stopCoaching(account.id, at: Date()) else {
            throw ServerError(.notFound, "you are not coaching, so there is no coaching to stop")
        }
        tokens.forget(account: account.id)
        return stopped
    }

    /// Makes and stores a new invite; the code is in the answer only.
    private func makeInvite(for coach: Account, now: Date = Date()) async throws -> (CoachInvite, InviteCode) {
        let code = InviteCode.make()
        let invite = CoachInvite(id: UUID(), coach: coach.id, codeHash: code.hash, createdAt: now,
                                 expiresAt: now.addingTimeInterval(InviteCode.lifetime), revokedAt: nil)
        try await store.addInvite(invite)
        return (invite, code)
    }

    /// The invite's link, with the request's host (as the calendar feed's address).
    private func link(_ code: InviteCode, _ request: Request) -> String {
        let host = request.head.authority.flatMap { CalendarFeedRoutes.isAuthority($0) ? $0 : nil } ?? "localhost"
        return "\(secure ? "https" : "http")://\(host)/join/\(code)"
    }

    /// The athlete named by the route's `handle` when the signed-in coach coaches them; 404 otherwise
    /// (the same answer as for a handle that does not exist).
    private func coachedAthlete(_ context: ServerContext) async throws -> (Account, Athlete) {
        let account = try context.requireAccount()
        let handle = context.parameters.get("handle") ?? ""
        guard ViewedAthlete.isHandle(handle), let athlete = try await store.athlete(handle: handle, visibleTo: account),
              athlete.id != account.athlete else {
            throw ViewedAthlete.notFound
        }
        return (account, athlete)
    }

    /// Joins the coach whose open invite has the typed code.
    private func join(_ typed: String, account: Account) async throws -> (status: String, coach: Coach) {
        let code = try InviteCode(parsing: typed)
        switch try await store.join(codeHash: code.hash, athlete: account, at: Date()) {
        case .joined(let coach): return ("joined", coach)
        case .alreadyCoached(let coach): return ("already", coach)
        case .ownInvite: throw InputError("that is your own invite: send it to your athletes")
        case .unknownOrExpired:
            throw ServerError(.notFound, "no open invite has the code \(code): it may have expired or been revoked; ask your coach for a new one")
        }
    }

    /// The coach id of the route's `id`, for leaving.
    private func leave(_ context: ServerContext) async throws {
        let account = try context.requireAccount()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text),
              try await store.endCoaching(coach: AccountID(rawValue: id.uuidString.lowercased()), athlete: account.athlete) else {
            throw ServerError(.notFound, "you have no coach with the id \(InputError.quoted(String(text.prefix(64))))")
        }
    }

    // MARK: - Pages

    private func dashboard(_ request: Request, _ context: ServerContext, invite: (CoachInvite, String, InviteCode)? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.requireAccount()
        guard account.isCoach else {
            return pages.page("coach-start", title: "Coaching", values: [:], context: context, csrf: context.session?.csrfToken ?? "")
        }
        let today = Day(Date())
        var rows: [[String: Any]] = []
        for athlete in try await store.athletes(coachedBy: account.id) {
            rows.append(try await CoachDashboardRow.load(athlete, log: store, today: today).values)
        }
        let invites = try await store.openInvites(from: account.id, at: Date()).map { invite -> [String: Any] in
            ["id": invite.id.uuidString.lowercased(), "created": ActivityPage.moment(invite.createdAt),
             "expires": ActivityPage.moment(invite.expiresAt)]
        }
        var values: [String: Any] = ["athletes": rows, "hasAthletes": !rows.isEmpty, "invites": invites, "hasInvites": !invites.isEmpty,
                                     "lifetimeDays": Int(InviteCode.lifetime / 86_400)]
        if case let (invite, url, code)? = invite {
            values["newCode"] = code.description
            values["newLink"] = url
            values["newExpires"] = ActivityPage.moment(invite.expiresAt)
        }
        return pages.page("coach", title: "Your athletes", values: values, context: context, status: status,
                          csrf: context.session?.csrfToken ?? "")
    }

    private func startCoaching(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        try await store.setCoaching(true, for: account.id)
        tokens.forget(account: account.id)
        return Response(status: .seeOther, headers: [.location: "/coach"])
    }

    private func stopFromPage(_ context: ServerContext) async throws -> Response {
        _ = try await stop(context)
        return Response(status: .seeOther, headers: [.location: "/coach"])
    }

    private func makeInviteFromPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let coach = try coach(context)
        let (invite, code) = try await makeInvite(for: coach)
        return try await dashboard(request, context, invite: (invite, link(code, request), code))
    }

    private func revokeFromPage(_ context: ServerContext) async throws -> Response {
        try await revoke(context)
        return Response(status: .seeOther, headers: [.location: "/coach"])
    }

    private func revoke(_ context: ServerContext) async throws {
        let account = try context.requireAccount()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text), try await store.revokeInvite(id, from: account.id, at: Date()) else {
            throw ServerError(.notFound, "you have no open invite with the id \(InputError.quoted(String(text.prefix(64))))")
        }
    }

    private func releaseFromPage(_ context: ServerContext) async throws -> Response {
        let (account, athlete) = try await coachedAthlete(context)
        guard try await store.endCoaching(coach: account.id, athlete: athlete.id) else { throw ViewedAthlete.notFound }
        return Response(status: .seeOther, headers: [.location: "/coach"])
    }

    private func joinForm(_ context: ServerContext, code: String, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        var values: [String: Any] = ["code": code]
        if let error { values["error"] = error }
        return pages.page("join", title: "Join a coach", values: values, context: context, status: status,
                          csrf: context.session?.csrfToken ?? "")
    }

    /// `GET /join/{code}`: the confirmation, or, signed out, sign in (or register) and come back here.
    private func confirmPage(_ context: ServerContext) async throws -> Response {
        let text = context.parameters.get("code") ?? ""
        guard context.account != nil else {
            let target = try await store.accountCount() == 0 ? "/register" : "/login"
            let back = (try? InviteCode(parsing: text)).map { "?next=/join/\($0)" } ?? ""
            return Response(status: .seeOther, headers: [.location: target + back])
        }
        do {
            let code = try InviteCode(parsing: text)
            return pages.page("join-confirm", title: "Join a coach", values: ["code": code.description], context: context,
                              csrf: context.session?.csrfToken ?? "")
        } catch let error as InputError {
            return joinForm(context, code: "", error: error.description, status: .notFound)
        }
    }

    private func joinFromPage(_ context: ServerContext, typed: String) async throws -> Response {
        let account = try context.requireAccount()
        do {
            _ = try await join(typed, account: account)
        } catch let error as InputError {
            return joinForm(context, code: String(typed.prefix(40)), error: error.description, status: .unprocessableContent)
        } catch let error as ServerError where error.status == .notFound {
            return joinForm(context, code: String(typed.prefix(40)), error: error.message, status: .notFound)
        }
        return Response(status: .seeOther, headers: [.location: "/coaches"])
    }

    private func coachesPage(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let coaches = try await store.coaches(of: account.athlete).map { coach -> [String: Any] in
            ["id": coach.account.rawValue, "name": coach.name, "login": coach.login, "since": ActivityPage.moment(coach.since)]
        }
        return pages.page("coaches", title: "Your coaches", values: ["coaches": coaches, "hasCoaches": !coaches.isEmpty],
                          context: context, csrf: context.session?.csrfToken ?? "")
    }

    private func leaveFromPage(_ context: ServerContext) async throws -> Response {
        try await leave(context)
        return Response(status: .seeOther, headers: [.location: "/coaches"])
    }

    // MARK: - API

    private func startCoachingAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        try await store.setCoaching(true, for: account.id)
        tokens.forget(account: account.id)
        return try JSONBody.response(CoachingJSON(isCoach: true))
    }

    private func stopAPI(_ context: ServerContext) async throws -> Response {
        let stopped = try await stop(context)
        return try JSONBody.response(StoppedJSON(isCoach: false, athletesReleased: stopped.athletesReleased,
                                                 invitesRevoked: stopped.invitesRevoked, groupSessionsDeleted: stopped.groupSessionsDeleted))
    }

    private func athletesAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let today = Day(Date())
        var rows: [CoachDashboardRow] = []
        for athlete in try await store.athletes(coachedBy: account.id) {
            rows.append(try await CoachDashboardRow.load(athlete, log: store, today: today))
        }
        return try JSONBody.response(AthleteList(athletes: rows))
    }

    private func releaseAPI(_ context: ServerContext) async throws -> Response {
        let (account, athlete) = try await coachedAthlete(context)
        guard try await store.endCoaching(coach: account.id, athlete: athlete.id) else { throw ViewedAthlete.notFound }
        return Response(status: .noContent)
    }

    private func invitesAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let invites = try await store.openInvites(from: account.id, at: Date()).map { invite in
            InviteJSON(id: invite.id.uuidString.lowercased(), createdAt: invite.createdAt, expiresAt: invite.expiresAt)
        }
        return try JSONBody.response(InviteList(invites: invites))
    }

    private func makeInviteAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let coach = try coach(context)
        let (invite, code) = try await makeInvite(for: coach)
        return try JSONBody.response(InviteJSON(id: invite.id.uuidString.lowercased(), createdAt: invite.createdAt, expiresAt: invite.expiresAt,
                                                code: code.description, url: link(code, request)), status: .created)
    }

    private func revokeAPI(_ context: ServerContext) async throws -> Response {
        try await revoke(context)
        return Response(status: .noContent)
    }

    private func joinAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let body = try await JSONBody.decode(JoinRequest.self, from: request)
        let (status, coach) = try await join(body.code, account: account)
        return try JSONBody.response(JoinJSON(status: status, coach: Self.json(coach)))
    }

    private func coachesAPI(_ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        return try JSONBody.response(CoachList(coaches: try await store.coaches(of: account.athlete).map(Self.json)))
    }

    private func leaveAPI(_ context: ServerContext) async throws -> Response {
        try await leave(context)
        return Response(status: .noContent)
    }
}
