import Foundation
import Hummingbird
import Speedwork
import SpeedworkStore

/// The JSON API under `/api/v1` (issue 11), described by ``OpenAPIDocument``: tokens, made with a
/// login and password and then sent as `Authorization: Bearer …`, and the runner's activities.
struct APIRoutes: Sendable {
    let store: any ServerStore
    let accounts: AccountPages
    /// The JSON answers computed, kept until the runner's log changes.
    var reads = LogReadCache()

    /// `POST /api/v1/tokens`'s body.
    struct TokenRequest: Decodable {
        var login: String
        var password: String
        var name: String?
    }

    /// A new token: the secret is in this answer only.
    struct NewToken: Encodable {
        var id: String
        var token: String
        var name: String
        var createdAt: Date
    }

    /// One activity as `GET /api/v1/activities` lists it.
    struct ActivityItem: Encodable {
        var id: String
        var start: Date?
        var sport: String
        var name: String?
        var device: String?
        var distanceMeters: Double?
        var durationSeconds: Double?
        var sampleCount: Int
        var source: String?
    }

    /// `GET /api/v1/activities`'s answer.
    struct ActivityList: Encodable {
        var activities: [ActivityItem]

        /// The answer's JSON text, the same bytes as ``JSONBody/text(_:)`` gives, written by hand:
        /// the list is recomputed after every upload and grows with the log.
        var json: String {
            var writer = JSONText(reservingCapacity: 64 + activities.count * 320)
            writer.openObject()
            writer.key("activities")
            writer.openArray()
            for item in activities {
                writer.element()
                writer.openObject()
                writer.member("device", item.device)
                writer.member("distanceMeters", item.distanceMeters)
                writer.member("durationSeconds", item.durationSeconds)
                writer.member("id", item.id)
                writer.member("name", item.name)
                writer.member("sampleCount", item.sampleCount)
                writer.member("source", item.source)
                writer.member("sport", item.sport)
                writer.member("start", item.start)
                writer.closeObject()
            }
            writer.closeArray()
            writer.closeObject()
            return writer.text
        }
    }

    /// The longest token name.
    static let longestTokenName = 80

    func addRoutes(open: RouterGroup<ServerContext>, secured: RouterGroup<ServerContext>) {
        open.post("/tokens") { request, context in try await makeToken(request, context) }
        secured.delete("/tokens/{id}") { request, context in try await revokeToken(request, context) }
    }

    /// A runner's activities by handle (`/api/v1/athletes/{handle}/activities`), for a coach.
    static func addAthleteRoutes(store: any ServerStore, athletes: RouterGroup<ServerContext>) {
        let reads = LogReadCache()
        athletes.get("/activities") { _, context in try await listActivities(store: store, reads: reads, context) }
    }

    private func makeToken(_ request: Request, _ context: ServerContext) async throws -> Response {
        let body = try await JSONBody.decode(TokenRequest.self, from: request)
        let login = body.login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !login.isEmpty, !body.password.isEmpty else {
            throw ServerError(.unprocessableContent, "give 'login' and 'password'")
        }
        let name = (body.name ?? "API token").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.longestTokenName).contains(name.count),
              !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw ServerError(.unprocessableContent, "'name' must be 1 to \(Self.longestTokenName) characters without control characters")
        }
        let account = try await accounts.authenticate(login: login, password: body.password, address: context.remoteAddress)
        let secret = Secret.make()
        let token = APIToken(id: UUID(), account: account.id, tokenHash: Secret.hash(secret), name: name, createdAt: Date())
        try await store.addToken(token)
        return try JSONBody.response(NewToken(id: token.id.uuidString.lowercased(), token: secret, name: name,
                                              createdAt: token.createdAt), status: .created)
    }

    private func revokeToken(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text), try await store.revokeToken(id, for: account.id, at: Date()) else {
            throw ServerError(.notFound, "no active token of yours has the id \(InputError.quoted(text))")
        }
        accounts.tokens.forget(token: id)
        return Response(status: .noContent)
    }

    /// `GET /api/v1/activities`: the runner's activities, from the read cache.
    func listActivities(_ context: ServerContext) async throws -> Response {
        try await Self.listActivities(store: store, reads: reads, context)
    }

    private static func listActivities(store: any ServerStore, reads: LogReadCache, _ context: ServerContext) async throws -> Response {
        let athlete = try await context.viewedAthlete(store).id
        return JSONBody.response(bytes: try await reads.answer("activities", athlete: athlete, store: store) {
            ActivityList(activities: try await store.activityDigests(for: athlete, in: nil).map { summary in
                ActivityItem(id: summary.contentHash, start: summary.start, sport: summary.sport, name: summary.name,
                             device: summary.device, distanceMeters: summary.distanceMeters, durationSeconds: summary.durationSeconds,
                             sampleCount: summary.sampleCount, source: summary.source)
            }).json
        })
    }
}
