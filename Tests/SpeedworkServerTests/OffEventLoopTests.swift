import Foundation
import Hummingbird
import HummingbirdTesting
import SpeedworkStore
@testable import SpeedworkServer
import Testing

/// Handlers off the event loops (issue 12, load): every handler but the cached JSON reads runs on
/// the server's own threads, so a long one cannot hold up a connection's event loop.
struct OffEventLoopTests {
    @Test(arguments: [("/api/v1/today", true), ("/api/v1/week", true), ("/api/v1/plan", true), ("/api/v1/activities", true),
                      ("/api/v1/activities/3f9a", true), ("/api/v1/activities/", false), ("/api/v1/activities/3f9a/workout.fit", false),
                      ("/api/v1/progress", false), ("/api/v1/uploads/7", false), ("/api/v1/athletes/ana/today", false),
                      ("/api/v1/todays", false), ("/today", false), ("/", false), ("/api/v1", false),
                      ("/api/v1/today/", false), ("/api/v1//today", false), ("/api/v1/activities//", false),
                      ("/api/v1/plans", false), ("/api/v1/pla", false), ("/api/v2/today", false), ("", false)])
    func onlyTheCachedReadsStayOnTheEventLoop(path: String, cached: Bool) {
        #expect(OffEventLoop.isCachedRead(path) == cached)
    }

    @Test func aPageRunsOnTheServersThreadsAndACachedReadDoesNot() async throws {
        let router = Router(context: ServerContext.self)
        router.add(middleware: OffEventLoop())
        router.get("/progress") { _, _ in threadName() }
        router.get("/api/v1/today") { _, _ in threadName() }
        router.post("/api/v1/today") { _, _ in threadName() }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/progress", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("sw read "))
            }
            try await client.execute(uri: "/api/v1/today", method: .get) { response in
                #expect(!String(buffer: response.body).hasPrefix("sw read "))
            }
            try await client.execute(uri: "/api/v1/today", method: .post) { response in
                #expect(String(buffer: response.body).hasPrefix("sw read "))
            }
        }
    }
}

/// The cached reads named once (``CachedRead``): the router registers them from the list
/// ``OffEventLoop`` reads, so neither can drift from the other.
struct CachedReadRoutesTests {
    /// The real router's routes, `(METHOD, /path/{parameter})`.
    static func routerRoutes() async throws -> [(method: String, pattern: String)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-cached-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path),
                                                dataFolder: folder.path)
        let store = try await configuration.database.openServerStore()
        let router = try buildRouter(configuration, store: store)
        await store.close()
        return router.routes.map { route in
            let pattern = "/" + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return (route.method.rawValue.uppercased(), pattern)
        }
    }

    /// A request path for `pattern`: each parameter a made-up value.
    static func sample(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: #"\{[^}]+\}"#, with: "3f9a", options: .regularExpression)
    }

    /// Each cached read is a GET route of the real router where the list says, and a GET route the
    /// router has is recognised by OffEventLoop exactly when it is one of the list's.
    @Test func theRouterAndOffEventLoopAgreeOnTheCachedReads() async throws {
        let routes = try await Self.routerRoutes()
        let gets = Set(routes.filter { $0.method == "GET" }.map(\.pattern))
        let listed = Set(CachedRead.allCases.map { CachedRead.group + $0.route })
        #expect(listed.count == CachedRead.allCases.count)
        #expect(listed.isSubset(of: gets), "listed but not routed: \(listed.subtracting(gets))")
        #expect(gets.count > 20)
        for pattern in gets {
            #expect(OffEventLoop.isCachedRead(Self.sample(pattern)) == listed.contains(pattern), "GET \(pattern)")
        }
        for read in CachedRead.allCases {
            #expect(CachedRead.matching(Self.sample(CachedRead.group + read.route)) == read)
        }
    }

    /// A read registered through the list runs on the event loop behind OffEventLoop; the same
    /// handler at a path outside it (a coach's view of an athlete) runs on the server's threads.
    @Test func aReadRegisteredFromTheListStaysOnTheEventLoop() async throws {
        let router = Router(context: ServerContext.self)
        let api = router.group(RouterPath(CachedRead.group)).add(middleware: OffEventLoop())
        CachedRead.register(on: api) { _, _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: threadName())))
        }
        api.get("/athletes/{handle}/today") { _, _ in threadName() }
        try await Application(router: router).test(.router) { client in
            for read in CachedRead.allCases {
                try await client.execute(uri: Self.sample(CachedRead.group + read.route), method: .get) { response in
                    #expect(response.status == .ok, "\(read)")
                    #expect(!String(buffer: response.body).hasPrefix("sw read "), "\(read)")
                }
            }
            try await client.execute(uri: "/api/v1/athletes/ana/today", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("sw read "))
            }
        }
    }
}

/// The system's name of the thread running the handler.
private func threadName() -> String {
    PriorityExecutor.currentThreadName()
}
