import Foundation
import Hummingbird
import Speedwork
import SpeedworkFiles
import SpeedworkStore

/// The calendar feed (issue 11; docs/server.md): a secret address per runner, `/calendar/SECRET.ics`,
/// serving the active plan as iCalendar with stable event ids so a subscribed calendar follows the
/// plan. The secret is 256 random bits kept only as its SHA-256, like an API token, so its address
/// is shown once, when it is made. Made and revoked from the signed-in page `/calendar` and from the
/// API (`/api/v1/calendar`); a revoked or unknown secret answers 404 like any unknown address.
struct CalendarFeedRoutes: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    let source: (any PlanCalendarSource)?
    /// Whether the app is served over HTTPS (``ServerConfiguration/secureCookies``): the scheme of the address.
    let secure: Bool

    /// `GET /api/v1/calendar`, `POST /api/v1/calendar`: the feed; `url` only in the answer that made it.
    struct FeedInfo: Encodable {
        var id: String
        var createdAt: Date
        var url: String?
    }

    /// Registers the feed itself on `feed` (no session), the page on `signedIn` and the API on `api`.
    func addRoutes(feed: RouterGroup<ServerContext>, signedIn: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        feed.get("/calendar/{file}") { request, context in try await serve(request, context) }
        signedIn.get("/calendar") { request, context in try await showPage(request, context) }
        signedIn.post("/calendar/revoke") { request, context in try await renewFromPage(request, context) }
        api.get("/calendar") { request, context in try await showAPI(request, context) }
        api.post("/calendar") { request, context in try await renewFromAPI(request, context) }
        api.delete("/calendar") { request, context in try await revokeFromAPI(request, context) }
    }

    // MARK: - The feed

    private func serve(_ request: Request, _ context: ServerContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let notFound = ServerError(.notFound, ErrorBoundary.standardMessage(.notFound))
        guard file.hasSuffix(".ics") else { throw notFound }
        let secret = String(file.dropLast(4))
        guard Secret.isWellFormed(secret), let found = try await store.activeCalendarFeed(hash: Secret.hash(secret)) else {
            throw notFound
        }
        let now = Date()
        let text = try await source?.calendar(for: found.account.athlete, in: store, at: now)
            ?? ICalendarWriter(timestamp: now).write([])
        return Response(status: .ok,
                        headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store",
                                  .contentDisposition: #"inline; filename="speedwork.ics""#],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - The page

    private func showPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        if let feed = try await store.activeCalendarFeed(for: account.id) {
            return page(context, feed: feed, secret: nil, request: request)
        }
        let (feed, secret) = try await makeFeed(for: account)
        return page(context, feed: feed, secret: secret, request: request)
    }

    private func renewFromPage(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let (feed, secret) = try await makeFeed(for: account)
        return page(context, feed: feed, secret: secret, request: request)
    }

    private func page(_ context: ServerContext, feed: CalendarFeed, secret: String?, request: Request) -> Response {
        var values: [String: Any] = ["created": UTCTimestamp.text(feed.createdAt), "csrf": context.session?.csrfToken ?? ""]
        if let secret {
            values["hasURL"] = true
            values["url"] = address(secret, request: request)
        }
        return pages.page("calendar", title: "Your plan in your calendar", values: values, context: context,
                          csrf: context.session?.csrfToken ?? "")
    }

    // MARK: - The API

    private func showAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        if let feed = try await store.activeCalendarFeed(for: account.id) {
            return try JSONBody.response(FeedInfo(id: feed.id.uuidString.lowercased(), createdAt: feed.createdAt, url: nil))
        }
        let (feed, secret) = try await makeFeed(for: account)
        return try JSONBody.response(FeedInfo(id: feed.id.uuidString.lowercased(), createdAt: feed.createdAt,
                                              url: address(secret, request: request)))
    }

    private func renewFromAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        let (feed, secret) = try await makeFeed(for: account)
        return try JSONBody.response(FeedInfo(id: feed.id.uuidString.lowercased(), createdAt: feed.createdAt,
                                              url: address(secret, request: request)), status: .created)
    }

    private func revokeFromAPI(_ request: Request, _ context: ServerContext) async throws -> Response {
        let account = try context.requireAccount()
        guard try await store.revokeCalendarFeed(for: account.id, at: Date()) else {
            throw ServerError(.notFound, "you have no calendar feed to revoke: GET or POST /api/v1/calendar makes one")
        }
        return Response(status: .noContent)
    }

    // MARK: - Pieces

    /// A new secret and its feed, which replaces the account's active one (whose address stops working).
    private func makeFeed(for account: Account) async throws -> (CalendarFeed, String) {
        let secret = Secret.make()
        let feed = CalendarFeed(id: UUID(), account: account.id, secretHash: Secret.hash(secret), createdAt: Date())
        try await store.startCalendarFeed(feed)
        return (feed, secret)
    }

    /// The feed's address as a calendar app fetches it, on the host the request came to.
    private func address(_ secret: String, request: Request) -> String {
        let host = request.head.authority.flatMap { Self.isAuthority($0) ? $0 : nil } ?? "localhost"
        return "\(secure ? "https" : "http")://\(host)/calendar/\(secret).ics"
    }

    /// Whether a `Host` header is a host name or IP literal with an optional port (RFC 9110 §7.2),
    /// so nothing else is written into the address.
    static func isAuthority(_ text: String) -> Bool {
        var host = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && Self.isPort(rest.dropFirst())) else { return false }
        } else if let colon = text.lastIndex(of: ":") {
            guard Self.isPort(text[text.index(after: colon)...]) else { return false }
            host = text[..<colon]
        }
        return ServerConfiguration.isHostName(String(host))
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }
}
