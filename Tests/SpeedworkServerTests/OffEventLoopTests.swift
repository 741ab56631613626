import Foundation
import Hummingbird
import HummingbirdTesting
@testable import SpeedworkServer
import Testing

/// Handlers off the event loops (issue 12, load): every handler but the cached JSON reads runs on
/// the server's own threads, so a long one cannot hold up a connection's event loop.
struct OffEventLoopTests {
    @Test(arguments: [("/api/v1/today", true), ("/api/v1/week", true), ("/api/v1/plan", true), ("/api/v1/activities", true),
                      ("/api/v1/activities/3f9a", true), ("/api/v1/activities/", false), ("/api/v1/activities/3f9a/workout.fit", false),
                      ("/api/v1/progress", false), ("/api/v1/uploads/7", false), ("/api/v1/athletes/ana/today", false),
                      ("/api/v1/todays", false), ("/today", false), ("/", false), ("/api/v1", false)])
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

/// The system's name of the thread running the handler.
private func threadName() -> String {
    PriorityExecutor.currentThreadName()
}
