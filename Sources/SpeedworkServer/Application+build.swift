import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SpeedworkStore

/// The web app's routes on `store` (issue 11): every response passes the security headers and the
/// error edge; pages read the session cookie and check every form's CSRF token; the API needs a
/// bearer token except to make one. Tests run it in-process; ``buildApplication(_:store:onRunning:)``
/// serves it.
public func buildRouter(_ configuration: ServerConfiguration, store: any ServerStore) throws -> Router<ServerContext> {
    try makeRouter(configuration, store: store, bell: JobBell())
}

/// The routes, with uploads ringing `bell` when they queue an import job.
func makeRouter(_ configuration: ServerConfiguration, store: any ServerStore, bell: JobBell) throws -> Router<ServerContext> {
    try configuration.validate()
    let pages = try PageRenderer()
    let accounts = AccountPages(
        store: store, configuration: configuration, hasher: PasswordHasher(cost: configuration.bcryptCost),
        throttle: LoginThrottle(store: store, perAccount: configuration.loginAttemptsPerAccount,
                                perAddress: configuration.loginAttemptsPerAddress, window: configuration.loginWindow),
        pages: pages, cookies: SessionCookie(secure: configuration.secureCookies, lifetime: Int(configuration.sessionLifetime)),
        tokens: TokenCache())

    let router = Router(context: ServerContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: ErrorBoundary())
    router.add(middleware: UploadLimit(bytes: configuration.uploadLimitBytes))

    router.get("/health") { _, _ in
        _ = try await store.accountCount()
        return try JSONBody.response(["status": "ok"])
    }
    router.get("/speedwork.css") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: PageTemplates.stylesheet + PageTemplates.activityStylesheet + PlanTemplates.stylesheet
                                                  + PageTemplates.progressStylesheet
                                                  + PageTemplates.todayStylesheet
                                                  + PageTemplates.groupSessionStylesheet
                                                  + PageTemplates.coachStylesheet)))
    }
    router.get("/api/v1/openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }

    let api = router.group("/api/v1")
    // Handlers run on threads of their own unless they are cached JSON reads (OffEventLoop).
    let securedAPI = api.group().add(middleware: BearerTokenRequired(store: store, tokens: accounts.tokens)).add(middleware: OffEventLoop())
    let apiRoutes = APIRoutes(store: store, accounts: accounts)
    apiRoutes.addRoutes(open: api, secured: securedAPI)

    let site = router.group().add(middleware: OffEventLoop()).add(middleware: SessionReader(store: store)).add(middleware: FormGuard())
    accounts.addRoutes(to: site)
    let signedIn = site.group().add(middleware: SignInRequired(store: store))
    LogPage(store: store, pages: pages).addRoutes(to: signedIn)

    // Uploads stream their body, so their form checks its own CSRF field instead of FormGuard.
    let streamed = router.group().add(middleware: OffEventLoop()).add(middleware: SessionReader(store: store))
        .add(middleware: SignInRequired(store: store, refusesSignedOut: true))
    let uploads = UploadPages(store: store, configuration: configuration, pages: pages, bell: bell)
    uploads.addRoutes(site: site, pages: signedIn, streamed: streamed, api: securedAPI)
    let activityPage = ActivityPage(store: store, pages: pages, uploadsFolder: uploads.uploadsFolder)
    activityPage.addRoutes(pages: signedIn)
    let planPage = PlanPage(store: store, pages: pages)
    planPage.addRoutes(pages: signedIn, api: securedAPI)
    ProgressPage(store: store, pages: pages).addRoutes(pages: signedIn, api: securedAPI)
    CalendarFeedRoutes(store: store, pages: pages, source: configuration.planCalendar, secure: configuration.secureCookies)
        .addRoutes(feed: router.group().add(middleware: OffEventLoop()), signedIn: signedIn,
                   api: securedAPI)
    let todayPage = TodayPage(store: store, pages: pages)
    todayPage.addRoutes(pages: signedIn)
    // The JSON reads LogReadCache answers, registered from the list OffEventLoop keeps on the event loop.
    CachedRead.register(on: securedAPI) { read, request, context in
        switch read {
        case .today: try await todayPage.json(request, context, wholeWeek: false)
        case .week: try await todayPage.json(request, context, wholeWeek: true)
        case .plan: try await planPage.showAPI(request, context)
        case .activities: try await apiRoutes.listActivities(context)
        case .activity: try await activityPage.analysis(context)
        }
    }
    HandLogPage(store: store, pages: pages).addRoutes(pages: signedIn, api: securedAPI)
    GroupSessionRoutes(store: store, pages: pages, configuration: configuration).addRoutes(pages: signedIn, streamed: streamed, api: securedAPI)
    CoachingRoutes(store: store, pages: pages, configuration: configuration, uploadsFolder: uploads.uploadsFolder, tokens: accounts.tokens)
        .addRoutes(site: site, signedIn: signedIn, api: securedAPI)
    return router
}

/// The web app on an opened `store`, listening where `configuration` says; `onRunning` is told the
/// address once the socket is bound (port 0 picks a free one). The caller closes the store.
public func buildApplication(_ configuration: ServerConfiguration, store: any ServerStore,
                             onRunning: @escaping @Sendable (String) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    try makeApplication(configuration, store: store, closesStore: false, onRunning: onRunning)
}

/// The app with its import workers (issue 12), and when `closesStore` the service that closes the
/// store, first in line so it is shut down last, after the workers.
func makeApplication(_ configuration: ServerConfiguration, store: any ServerStore, closesStore: Bool,
                     onRunning: @escaping @Sendable (String) async -> Void) throws -> Application<RouterResponder<ServerContext>> {
    let bell = JobBell()
    let router = try makeRouter(configuration, store: store, bell: bell)
    let workers = ImportWorkers(configuration: configuration, store: store, bell: bell)
    let services: [any Service] = closesStore ? [StoreCloser(store: store), workers] : [workers]
    var logger = Logger(label: "speedwork.server")
    logger.logLevel = .notice
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Speedwork"),
        services: services,
        onServerRunning: { channel in
            await onRunning(ServerAddress.url(host: configuration.host, port: channel.localAddress?.port ?? configuration.port))
        },
        logger: logger)
}

/// The web app as `configuration` describes it, opening (and on first use creating) its database;
/// the store is closed when the app shuts down.
public func buildApplication(_ configuration: ServerConfiguration,
                             onRunning: @escaping @Sendable (String) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    try configuration.validate()
    let store = try await configuration.database.openServerStore()
    do {
        return try makeApplication(configuration, store: store, closesStore: true, onRunning: onRunning)
    } catch {
        await store.close()
        throw error
    }
}

/// Closes the store when the app shuts down gracefully.
struct StoreCloser: Service {
    let store: any ServerStore

    func run() async throws {
        try? await gracefulShutdown()
        await store.close()
    }
}

/// The address a browser opens, for messages.
public enum ServerAddress {
    /// `http://host:port`, with an IPv6 literal in brackets (RFC 3986 section 3.2.2).
    public static func url(host: String, port: Int) -> String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// One line for a failure to listen: the address and the system's reason, without internals.
    public static func listenFailure(_ error: any Error, host: String, port: Int) -> String {
        let reason: String
        if let error = error as? IOError {
            reason = String(cString: strerror(error.errnoCode)).lowercased()
        } else if let error = error as? SocketAddressError {
            reason = "the host name does not resolve (\(String(describing: error).prefix(80)))"
        } else {
            reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown"
        }
        return "cannot listen on \(url(host: host, port: port)): \(reason)"
    }
}
