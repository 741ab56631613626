import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The authorization matrix (issue 12, acceptance): every route the router has — API and pages,
/// GET and POST/DELETE — in one table with what each principal gets: anonymous, athlete A, athlete
/// B, A's coach, and another coach who has an athlete of their own. Own data is 2xx, another
/// runner's data 404 (never 403), anonymous 401 on the API and a redirect to sign in on pages. The
/// table is complete by construction: a route the router serves or the OpenAPI document lists
/// without a row fails the test. Runs on SQLite, and on PostgreSQL when it is available.
@Suite(.serialized)
struct AuthorizationMatrixTests {
    /// Who sends a request.
    enum Principal: String, CaseIterable, CustomStringConvertible {
        case anonymous, athleteA, athleteB, coachOfA, otherCoach

        var description: String { rawValue }

        /// The order a row's requests are sent in: the owner of what a row may change (A, or A's
        /// coach) last, so its change cannot decide another principal's answer.
        static let sendingOrder: [Principal] = [.anonymous, .athleteB, .otherCoach, .coachOfA, .athleteA]

        var login: String? {
            switch self {
            case .anonymous: nil
            case .athleteA: "ana"
            case .athleteB: "ben"
            case .coachOfA: "cora"
            case .otherCoach: "olga"
            }
        }
    }

    /// What a principal gets: a status, or (pages, signed out) 303 to the sign-in page.
    enum Outcome: Equatable, ExpressibleByIntegerLiteral, CustomStringConvertible {
        case status(Int)
        /// 303 with `Location` on `/login` (or `/register`).
        case signIn

        init(integerLiteral value: Int) { self = .status(value) }

        var description: String {
            switch self {
            case .status(let code): "\(code)"
            case .signIn: "303 → sign in"
            }
        }
    }

    /// What a row sends besides its method and path.
    enum Body: @unchecked Sendable {
        case none
        case json([String: Any])
        case form([(String, String)])
        /// The upload form (multipart) or the API's raw upload: a generated FIT file.
        case upload
        /// A JSON or form body that depends on who sends it (their own login, say).
        case perPrincipal((Principal, World) -> Body)
    }

    /// One route: its method and path as the router has it, the body, and the outcome for each
    /// principal in the columns' order (anonymous, A, B, A's coach, another coach). A `fresh` row
    /// changes what other rows read (signing out, leaving a coach), so it runs on a world of its own.
    struct Row: @unchecked Sendable {
        var method: HTTPRequest.Method
        var path: String
        var body: Body = .none
        var fresh = false
        var outcomes: [Principal: Outcome]

        init(_ method: HTTPRequest.Method, _ path: String, _ anonymous: Outcome, _ a: Outcome, _ b: Outcome, _ coach: Outcome,
             _ otherCoach: Outcome, body: Body = .none, fresh: Bool = false) {
            self.method = method
            self.path = path
            self.body = body
            self.fresh = fresh
            outcomes = [.anonymous: anonymous, .athleteA: a, .athleteB: b, .coachOfA: coach, .otherCoach: otherCoach]
        }

        var route: String { "\(method.rawValue.uppercased()) \(path)" }
    }

    /// Valid plan options: each principal builds their own plan from a result of their own.
    nonisolated(unsafe) static let planJSON: [String: Any] = [
        "results": ["5k=22:30@\(Day(Date()).adding(days: -3))"], "goal": "5k=21:30",
        "raceDate": "\(Day(Date()).adding(days: 84))", "days": ["tue", "thu", "sat", "sun"],
    ]
    static let planForm: [(String, String)] = [
        ("from", "5k=22:30@\(Day(Date()).adding(days: -3))"), ("goal", "5k=21:30"), ("race-date", "\(Day(Date()).adding(days: 84))"),
        ("start", "\(Day(Date()))"), ("days", "tue"), ("days", "thu"), ("days", "sat"), ("days", "sun"),
    ]
    static let ownCredentials = Body.perPrincipal { principal, _ in
        .json(["login": principal.login ?? "nobody", "password": goodPassword])
    }

    // swiftlint:disable line_length
    /// The matrix. Placeholders: `{handle}` is A's handle, `{code}` A's coach's open invite, `{file}`
    /// A's calendar feed; `{id}` is A's token, activity or upload, A's coach's invite (under
    /// `/coach/invites`) or A's coach's account (under `/coaches`).
    static let rows: [Row] = [
        // Open to everyone.
        Row(.get, "/health", 200, 200, 200, 200, 200),
        Row(.get, "/speedwork.css", 200, 200, 200, 200, 200),
        Row(.get, "/api/v1/openapi.json", 200, 200, 200, 200, 200),
        Row(.get, "/upload.js", 200, 200, 200, 200, 200),
        Row(.get, "/calendar/{file}", 200, 200, 200, 200, 200),
        // Accounts.
        Row(.get, "/register", 200, 303, 303, 303, 303),
        Row(.post, "/register", 303, 303, 303, 303, 303, body: .perPrincipal { principal, _ in
            .form([("login", "new-\(principal.rawValue.lowercased())"), ("password", goodPassword)]) }, fresh: true),
        Row(.get, "/login", 200, 303, 303, 303, 303),
        Row(.post, "/login", 401, 303, 303, 303, 303, body: .perPrincipal { principal, _ in
            .form([("login", principal.login ?? "nobody"), ("password", goodPassword)]) }, fresh: true),
        Row(.post, "/logout", 303, 303, 303, 303, 303, fresh: true),
        Row(.post, "/api/v1/tokens", 401, 201, 201, 201, 201, body: ownCredentials),
        Row(.delete, "/api/v1/tokens/{id}", 401, 204, 404, 404, 404),
        // The runner's own log: pages.
        Row(.get, "/", .signIn, 200, 200, 200, 200),
        Row(.get, "/calendar", .signIn, 200, 200, 200, 200),
        Row(.post, "/calendar/revoke", .signIn, 200, 200, 200, 200, fresh: true),
        Row(.get, "/plan", .signIn, 200, 200, 200, 200),
        Row(.get, "/plan/new", .signIn, 200, 200, 200, 200),
        Row(.post, "/plan", .signIn, 303, 303, 303, 303, body: .form(planForm)),
        Row(.get, "/progress", .signIn, 200, 200, 200, 200),
        Row(.get, "/today", .signIn, 200, 200, 200, 200),
        Row(.get, "/week", .signIn, 200, 200, 200, 200),
        Row(.get, "/log/add", .signIn, 200, 200, 200, 200),
        Row(.post, "/log/add", .signIn, 303, 303, 303, 303, body: .form([("result", "5k=21:00"), ("kind", "race")])),
        Row(.get, "/upload", .signIn, 200, 200, 200, 200),
        // The upload form streams its body, so a signed-out one is refused rather than sent to sign in.
        Row(.post, "/upload", 403, 303, 303, 303, 303, body: .upload),
        Row(.get, "/uploads/{id}", .signIn, 200, 404, 404, 404),
        Row(.get, "/activities/{id}", .signIn, 200, 404, 404, 404),
        // The runner's own log: API.
        Row(.get, "/api/v1/activities", 401, 200, 200, 200, 200),
        Row(.get, "/api/v1/activities/{id}", 401, 200, 404, 404, 404),
        Row(.get, "/api/v1/calendar", 401, 200, 200, 200, 200),
        Row(.post, "/api/v1/calendar", 401, 201, 201, 201, 201, fresh: true),
        Row(.delete, "/api/v1/calendar", 401, 204, 204, 204, 204, fresh: true),
        Row(.get, "/api/v1/plan", 401, 200, 200, 200, 200),
        Row(.post, "/api/v1/plan", 401, 201, 201, 201, 201, body: .json(planJSON)),
        Row(.get, "/api/v1/progress", 401, 200, 200, 200, 200),
        Row(.get, "/api/v1/today", 401, 200, 200, 200, 200),
        Row(.get, "/api/v1/week", 401, 200, 200, 200, 200),
        Row(.post, "/api/v1/log", 401, 201, 201, 201, 201, body: .json(["result": "5k=21:00", "kind": "race"])),
        Row(.post, "/api/v1/uploads?name=run.fit", 401, 202, 202, 202, 202, body: .upload),
        Row(.get, "/api/v1/uploads/{id}", 401, 200, 404, 404, 404),
        // Coaching: pages.
        Row(.get, "/coach", .signIn, 200, 200, 200, 200),
        Row(.post, "/coach", .signIn, 303, 303, 303, 303, fresh: true),
        Row(.post, "/coach/invites", .signIn, 403, 403, 200, 200),
        Row(.post, "/coach/stop", .signIn, 404, 404, 303, 303, fresh: true),
        Row(.post, "/coach/invites/{id}/revoke", .signIn, 404, 404, 303, 404, fresh: true),
        Row(.post, "/coach/athletes/{handle}/release", .signIn, 404, 404, 303, 404, fresh: true),
        Row(.get, "/join", .signIn, 200, 200, 200, 200),
        Row(.post, "/join", .signIn, 303, 303, 422, 303, body: .perPrincipal { _, world in .form([("code", world.inviteCode)]) }, fresh: true),
        Row(.get, "/join/{code}", .signIn, 200, 200, 200, 200),
        Row(.post, "/join/{code}", .signIn, 303, 303, 422, 303, fresh: true),
        Row(.get, "/coaches", .signIn, 200, 200, 200, 200),
        Row(.post, "/coaches/{id}/leave", .signIn, 303, 404, 404, 404, fresh: true),
        // Coaching: API.
        Row(.post, "/api/v1/coach", 401, 200, 200, 200, 200, fresh: true),
        Row(.delete, "/api/v1/coach", 401, 404, 404, 200, 200, fresh: true),
        Row(.get, "/api/v1/coach/athletes", 401, 200, 200, 200, 200),
        Row(.delete, "/api/v1/coach/athletes/{handle}", 401, 404, 404, 204, 404, fresh: true),
        Row(.get, "/api/v1/coach/invites", 401, 200, 200, 200, 200),
        Row(.post, "/api/v1/coach/invites", 401, 403, 403, 201, 201),
        Row(.delete, "/api/v1/coach/invites/{id}", 401, 404, 404, 204, 404, fresh: true),
        Row(.post, "/api/v1/join", 401, 200, 200, 422, 200, body: .perPrincipal { _, world in .json(["code": world.inviteCode]) }, fresh: true),
        Row(.get, "/api/v1/coaches", 401, 200, 200, 200, 200),
        Row(.delete, "/api/v1/coaches/{id}", 401, 204, 404, 404, 404, fresh: true),
        // A's data by handle: A and A's coach see it; for anyone else it does not exist.
        Row(.get, "/coach/athletes/{handle}", .signIn, 200, 404, 200, 404),
        Row(.get, "/coach/athletes/{handle}/today", .signIn, 200, 404, 200, 404),
        Row(.get, "/coach/athletes/{handle}/week", .signIn, 200, 404, 200, 404),
        Row(.get, "/coach/athletes/{handle}/plan", .signIn, 200, 404, 200, 404),
        Row(.get, "/coach/athletes/{handle}/plan/new", .signIn, 200, 404, 200, 404),
        Row(.post, "/coach/athletes/{handle}/plan", .signIn, 303, 404, 303, 404, body: .form(planForm)),
        Row(.get, "/coach/athletes/{handle}/progress", .signIn, 200, 404, 200, 404),
        Row(.get, "/coach/athletes/{handle}/activities/{id}", .signIn, 200, 404, 200, 404),
        Row(.get, "/api/v1/athletes/{handle}/today", 401, 200, 404, 200, 404),
        Row(.get, "/api/v1/athletes/{handle}/week", 401, 200, 404, 200, 404),
        Row(.get, "/api/v1/athletes/{handle}/progress", 401, 200, 404, 200, 404),
        Row(.get, "/api/v1/athletes/{handle}/plan", 401, 200, 404, 200, 404),
        Row(.post, "/api/v1/athletes/{handle}/plan", 401, 201, 404, 201, 404, body: .json(planJSON)),
        Row(.get, "/api/v1/athletes/{handle}/activities", 401, 200, 404, 200, 404),
        Row(.get, "/api/v1/athletes/{handle}/activities/{id}", 401, 200, 404, 200, 404),
        // Group track sessions: `{id}` is A's coach's session for A. Its coach reads and changes it,
        // A (a member) reads their own part; for anyone else it does not exist. Anyone may list the
        // sessions they coach or are in; making one for athletes one does not coach is refused.
        Row(.get, "/coach/sessions", .signIn, 200, 200, 200, 200),
        Row(.post, "/coach/sessions", .signIn, 422, 422, 303, 422, body: .perPrincipal { _, world in
            .form([("name", "Tuesday track"), ("date", world.groupDay), ("session", "M17"), ("athlete.\(world.handleA)", "on")]) }),
        Row(.get, "/coach/sessions/{id}", .signIn, 404, 404, 200, 404),
        Row(.get, "/coach/sessions/{id}/splits.csv", .signIn, 404, 404, 200, 404),
        Row(.post, "/coach/sessions/{id}/reps", .signIn, 404, 404, 303, 404, body: .perPrincipal { _, world in
            .form([("athlete", world.handleA), ("reps", "6:40, 6:42, 6:45")]) }, fresh: true),
        Row(.post, "/coach/sessions/{id}/delete", .signIn, 404, 404, 303, 404, fresh: true),
        // The coach's upload form for a member's file streams its body, as the upload form does.
        Row(.post, "/coach/sessions/{id}/athletes/{handle}/activity", 403, 404, 404, 303, 404, body: .upload, fresh: true),
        Row(.get, "/group-sessions/{id}", .signIn, 200, 404, 200, 404),
        Row(.get, "/group-sessions/{id}/workout.fit", .signIn, 200, 404, 404, 404),
        Row(.get, "/api/v1/group-sessions", 401, 200, 200, 200, 200),
        Row(.post, "/api/v1/group-sessions", 401, 422, 422, 201, 422, body: .perPrincipal { _, world in
            .json(["name": "Tuesday track", "date": world.groupDay, "session": "M17", "athletes": [world.handleA]]) }),
        Row(.get, "/api/v1/group-sessions/{id}", 401, 200, 404, 200, 404),
        Row(.delete, "/api/v1/group-sessions/{id}", 401, 404, 404, 204, 404, fresh: true),
        Row(.post, "/api/v1/group-sessions/{id}/reps", 401, 404, 404, 201, 404, body: .perPrincipal { _, world in
            .json(["athlete": world.handleA, "reps": "6:40, 6:42, 6:45"]) }, fresh: true),
        Row(.post, "/api/v1/group-sessions/{id}/athletes/{handle}/activity?name=run.fit", 401, 404, 404, 201, 404, body: .upload, fresh: true),
        Row(.get, "/api/v1/group-sessions/{id}/splits.csv", 401, 404, 404, 200, 404),
        Row(.get, "/api/v1/group-sessions/{id}/workout.fit", 401, 200, 404, 404, 404),
    ]
    // swiftlint:enable line_length

    // MARK: - The world the rows run in

    /// Five principals and the data the rows name: A's activity, upload, spare token and feed; A's
    /// coach's invite; every signed-in principal with an active plan and a calendar feed, so their
    /// own data is there to be answered 2xx.
    final class World: @unchecked Sendable {
        let client: any TestClientProtocol
        var browsers: [Principal: Browser] = [:]
        var tokens: [Principal: String] = [:]
        var handleA = ""
        var activityA = ""
        var uploadA = ""
        var spareTokenA = ""
        var feedA = ""
        var inviteID = ""
        var inviteCode = ""
        var coachAccount = ""
        var groupID = ""
        /// The group session's day: tomorrow, so A's result logged today is fitness before it.
        let groupDay = "\(Day(Date()).adding(days: 1))"

        init(client: any TestClientProtocol) { self.client = client }

        static func api(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?,
                        json: [String: Any]? = nil) async throws -> TestResponse {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let token { headers[.authorization] = "Bearer \(token)" }
            return try await client.execute(uri: path, method: method, headers: headers,
                                            body: json.map { ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: $0)) })
        }

        /// Registers `ana` and `cora`; cora turns coaching on and invites, ana joins. The two API tokens.
        static func coachedPair(_ client: any TestClientProtocol) async throws -> (athlete: String, coach: String) {
            for login in ["ana", "cora"] { try await Browser(client).register(login, goodPassword) }
            let ana = try await token(client, "ana")
            let cora = try await token(client, "cora")
            _ = try await api(client, .post, "/api/v1/coach", token: cora)
            let code = try #require(try await api(client, .post, "/api/v1/coach/invites", token: cora).json?["code"] as? String)
            #expect(try await api(client, .post, "/api/v1/join", token: ana, json: ["code": code]).json?["status"] as? String == "joined")
            return (ana, cora)
        }

        static func token(_ client: any TestClientProtocol, _ login: String) async throws -> String {
            let made = try await api(client, .post, "/api/v1/tokens", token: nil, json: ["login": login, "password": goodPassword])
            return try #require(made.json?["token"] as? String)
        }

        static func make(_ client: any TestClientProtocol, _ store: any ServerStore) async throws -> World {
            let world = World(client: client)
            let anonymous = Browser(client)
            try await anonymous.get("/login")
            world.browsers[.anonymous] = anonymous
            // A registers first and takes over the command line's runner; Dan is the other coach's athlete.
            for principal in Principal.allCases.dropFirst() {
                let browser = Browser(client)
                try await browser.register(principal.login!, goodPassword)
                try await browser.get("/")
                world.browsers[principal] = browser
                world.tokens[principal] = try await token(client, principal.login!)
                #expect(try await api(client, .post, "/api/v1/plan", token: world.tokens[principal], json: planJSON).status == .created)
                #expect(try await api(client, .get, "/api/v1/calendar", token: world.tokens[principal]).status == .ok)
            }
            try await Browser(client).register("dan", goodPassword)
            let dan = try await token(client, "dan")

            let ana = try #require(try await store.account(login: "ana"))
            // The first account takes over the command line's runner.
            #expect(try await store.athlete(handle: Athlete.defaultHandle)?.id == ana.athlete)
            world.handleA = Athlete.defaultHandle
            world.spareTokenA = try #require(try await api(client, .post, "/api/v1/tokens", token: nil,
                                                           json: ["login": "ana", "password": goodPassword, "name": "spare"]).json?["id"] as? String)
            let feed = try await api(client, .post, "/api/v1/calendar", token: world.tokens[.athleteA])
            let feedURL = try #require(feed.json?["url"] as? String)
            world.feedA = String(try #require(feedURL.split(separator: "/").last))

            let run = try PackedActivity(UploadFixtures.trackSession(), name: "Track", source: "track.fit", analysisJSON: #"{"sport":"running"}"#)
            _ = try await store.save(ImportBatch(activities: [run]), for: ana.athlete)
            world.activityA = run.summary.contentHash
            let upload = try await client.execute(uri: "/api/v1/uploads?name=run.fit", method: .post,
                                                  headers: [.authorization: "Bearer \(world.tokens[.athleteA]!)"],
                                                  body: ByteBuffer(bytes: try UploadFixtures.trackFIT()))
            world.uploadA = try #require(upload.json?["id"] as? String)

            // The coaches turn coaching on and invite; A joins Cora, Dan joins Olga.
            for (coach, athlete) in [(Principal.coachOfA, world.tokens[.athleteA]!), (.otherCoach, dan)] {
                #expect(try await api(client, .post, "/api/v1/coach", token: world.tokens[coach]).status == .ok)
                let invite = try await api(client, .post, "/api/v1/coach/invites", token: world.tokens[coach])
                let code = try #require(invite.json?["code"] as? String)
                #expect(try await api(client, .post, "/api/v1/join", token: athlete, json: ["code": code]).json?["status"] as? String == "joined")
                if coach == .coachOfA {
                    world.inviteCode = code
                    world.inviteID = try #require(invite.json?["id"] as? String)
                }
            }
            world.coachAccount = try #require(try await store.account(login: "cora")).id.rawValue
            // A's coach makes a group session for A, who has a result to set its targets from.
            #expect(try await api(client, .post, "/api/v1/log", token: world.tokens[.athleteA],
                                  json: ["result": "5k=22:30", "kind": "race"]).status == .created)
            let group = try await api(client, .post, "/api/v1/group-sessions", token: world.tokens[.coachOfA],
                                      json: ["name": "Tuesday track", "date": world.groupDay, "session": "M17", "athletes": [world.handleA]])
            world.groupID = try #require(group.json?["id"] as? String, "the group session was not made: \(group.status)")
            // Every page's form token, now that the sessions are in.
            for principal in Principal.allCases.dropFirst() { try await world.browsers[principal]!.get("/") }
            return world
        }

        /// The row's path with its placeholders filled.
        func path(_ row: Row) -> String {
            var path = row.path
            let id: String
            if path.hasPrefix("/api/v1/tokens/") { id = spareTokenA }
            else if path.contains("/uploads/") { id = uploadA }
            else if path.contains("/coach/invites/") { id = inviteID }
            else if path.contains("/coaches/") { id = coachAccount }
            else if path.contains("group-sessions/") || path.contains("/coach/sessions/") { id = groupID }
            else { id = activityA }
            path = path.replacingOccurrences(of: "{id}", with: id)
            path = path.replacingOccurrences(of: "{handle}", with: handleA)
            path = path.replacingOccurrences(of: "{code}", with: inviteCode)
            path = path.replacingOccurrences(of: "{file}", with: feedA)
            return path
        }

        /// Sends the row's request as `principal`: pages with the principal's cookies and form
        /// token, the API with the principal's bearer token.
        func send(_ row: Row, as principal: Principal) async throws -> TestResponse {
            let browser = browsers[principal]!
            let path = path(row)
            var body = row.body
            if case .perPrincipal(let make) = body { body = make(principal, self) }
            let isAPI = path.hasPrefix("/api/")
            if isAPI {
                var headers: HTTPFields = [:]
                if let token = tokens[principal] { headers[.authorization] = "Bearer \(token)" }
                switch body {
                case .json(let object):
                    headers[.contentType] = "application/json"
                    return try await client.execute(uri: path, method: row.method, headers: headers,
                                                    body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object)))
                case .upload:
                    return try await client.execute(uri: path, method: row.method, headers: headers, body: ByteBuffer(bytes: try UploadFixtures.trackFIT()))
                default:
                    return try await client.execute(uri: path, method: row.method, headers: headers, body: nil)
                }
            }
            switch (row.method, body) {
            case (.get, _):
                return try await browser.get(path)
            case (_, .upload):
                return try await browser.upload([(name: "run.fit", bytes: try UploadFixtures.trackFIT())], path: path)
            case (_, .form(let fields)):
                return try await browser.post(path, fields)
            default:
                return try await browser.post(path, [])
            }
        }
    }

    // MARK: - The tests

    /// The routes as the router has them, `METHOD /path/{parameter}`.
    static func routerRoutes() async throws -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-matrix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path), dataFolder: folder.path)
        let store = try await configuration.database.openServerStore()
        defer { Task { await store.close() } }
        let router = try buildRouter(configuration, store: store)
        return Set(router.routes.map { route in
            let path = "/" + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue.uppercased()) \(path)"
        })
    }

    /// The routes the OpenAPI document lists, `METHOD /path/{parameter}`.
    static func documentedRoutes() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var routes = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch", "head"].contains(method) {
                routes.insert("\(method.uppercased()) \(path)")
            }
        }
        return routes
    }

    /// The rows' routes, without a query.
    static var tableRoutes: [String] {
        rows.map { row in "\(row.method.rawValue.uppercased()) \(row.path.split(separator: "?").first.map(String.init) ?? row.path)" }
    }

    @Test func everyRouteHasExactlyOneRowAndEveryRowARoute() async throws {
        let table = Self.tableRoutes
        #expect(Set(table).count == table.count, "a route has two rows: \(Dictionary(grouping: table) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        let routed = try await Self.routerRoutes()
        let documented = try Self.documentedRoutes()
        #expect(routed.count > 60)
        #expect(routed.subtracting(table).isEmpty, "routes without a row: \(routed.subtracting(table).sorted())")
        #expect(documented.subtracting(table).isEmpty, "documented routes without a row: \(documented.subtracting(table).sorted())")
        #expect(Set(table).subtracting(routed).isEmpty, "rows for no route: \(Set(table).subtracting(routed).sorted())")
    }

    /// Sends the row as every principal; a line for each cell that differs from the table.
    static func check(_ row: Row, in world: World) async throws -> [String] {
        var failures: [String] = []
        for principal in Principal.sendingOrder {
                let response = try await world.send(row, as: principal)
                let expected = row.outcomes[principal]!
                let location = response.headers[.location] ?? ""
                let got: Outcome = response.status == .seeOther && (location.hasPrefix("/login") || location.hasPrefix("/register"))
                    && row.path != "/logout" ? .signIn : .status(response.status.code)
                if got != expected {
                    failures.append("\(row.route) as \(principal): \(got) (\(response.errorMessage ?? location)), expected \(expected)")
                }
        }
        return failures
    }

    /// Collects lines from concurrent closures.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ more: [String]) { lock.withLock { lines += more } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test(arguments: Engine.available)
    func eachPrincipalGetsExactlyWhatItMay(engine: Engine) async throws {
        let failures = Lines()
        try await withApp(engine, configure: { $0.importer = LogFileImporter() }) { client, store in
            let world = try await World.make(client, store)
            for row in Self.rows where !row.fresh { failures.add(try await Self.check(row, in: world)) }
        }
        for row in Self.rows where row.fresh {
            try await withApp(engine, configure: { $0.importer = LogFileImporter() }) { client, store in
                failures.add(try await Self.check(row, in: try await World.make(client, store)))
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) cells differ:\n\(failures.all.joined(separator: "\n"))")
    }

    /// Another runner's data answers exactly as a handle or id that does not exist, so a 404 tells
    /// nothing about whether it is there.
    @Test(arguments: Engine.available)
    func anotherRunnersDataIsTheSame404AsNothing(engine: Engine) async throws {
        try await withApp(engine, configure: { $0.importer = LogFileImporter() }) { client, store in
            let world = try await World.make(client, store)
            // Dan, the other coach's athlete, exists: his coach sees him by handle.
            let olgas = try await World.api(client, .get, "/api/v1/coach/athletes", token: world.tokens[.otherCoach])
            let athletes = try #require(olgas.json?["athletes"] as? [[String: Any]])
            let danHandle = try #require(athletes.first?["handle"] as? String)
            #expect(athletes.count == 1 && athletes.first?["login"] as? String == "dan")
            #expect(try await World.api(client, .get, "/api/v1/athletes/\(danHandle)/today", token: world.tokens[.otherCoach]).status == .ok)
            for suffix in ["today", "plan", "activities"] {
                let hidden = try await World.api(client, .get, "/api/v1/athletes/\(danHandle)/\(suffix)", token: world.tokens[.coachOfA])
                let missing = try await World.api(client, .get, "/api/v1/athletes/runner-00000000/\(suffix)", token: world.tokens[.coachOfA])
                #expect(hidden.status == .notFound && missing.status == .notFound)
                #expect(hidden.text == missing.text, "\(hidden.text) against \(missing.text)")
            }
            let hiddenPage = try await world.browsers[.coachOfA]!.get("/coach/athletes/\(danHandle)/plan")
            let missingPage = try await world.browsers[.coachOfA]!.get("/coach/athletes/nobody-here/plan")
            #expect(hiddenPage.status == .notFound && hiddenPage.text == missingPage.text)
        }
    }
}
