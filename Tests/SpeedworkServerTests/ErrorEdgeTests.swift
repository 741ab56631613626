import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The edge where failures become HTTP (issue 11; ARCHITECTURE.md item 6): statuses, the JSON
/// error body, no internals, the body limit, and the headers every response carries.
@Suite(.serialized)
struct ErrorEdgeTests {
    static let logger = Logger(label: "test")

    @Test func domainAndStoreErrorsMapToStatusesWithoutInternals() {
        let input = ErrorBoundary.refusal(for: InputError("port 70000 is not allowed: use 1 to 65535"), logger: Self.logger)
        #expect(input.status == .unprocessableContent)
        #expect(input.message == "port 70000 is not allowed: use 1 to 65535")

        let secret = "SELECT password_hash FROM accounts WHERE login = 'x' at /var/lib/speedwork/log.sqlite"
        let engine = ErrorBoundary.refusal(for: StoreError.engine(location: "/var/lib/speedwork/log.sqlite", reason: secret),
                                           logger: Self.logger)
        #expect(engine.status == .internalServerError)
        #expect(!engine.message.contains("SELECT"))
        #expect(!engine.message.contains("/var/lib"))

        let down = ErrorBoundary.refusal(for: StoreError.unreachable(location: "postgres://u@db:5432/log", reason: "connection refused"),
                                         logger: Self.logger)
        #expect(down.status == .serviceUnavailable)
        #expect(!down.message.contains("db:5432"))

        let conflict = ErrorBoundary.refusal(for: AccountConflict.loginTaken("ana"), logger: Self.logger)
        #expect(conflict.status == .conflict)

        struct Surprise: Error { let detail = "stack frame 0x1234 in /home/build/Sources/x.swift" }
        let unknown = ErrorBoundary.refusal(for: Surprise(), logger: Self.logger)
        #expect(unknown.status == .internalServerError)
        #expect(!unknown.message.contains("0x1234"))
        #expect(!unknown.message.contains("Surprise"))
    }

    @Test func anUnknownAddressIs404WithAJSONBody() async throws {
        try await withApp(.sqlite) { client, _ async throws in
            for path in ["/nowhere", "/api/v1/nothing", "/api/v2/activities"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.errorMessage?.hasPrefix("not found") == true, "\(path): \(response.text)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await withApp(.sqlite, configure: { $0.uploadLimitBytes = 2048 }) { client, _ async throws in
            let big = ByteBuffer(string: String(repeating: "x", count: 4096))
            let response = try await client.execute(uri: "/api/v1/tokens", method: .post,
                                                    headers: [.contentType: "application/json", .contentLength: "4096"], body: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage?.contains("limit is 2048") == true)
            // A form larger than forms may be is refused too, without a declared length.
            let browser = Browser(client)
            try await browser.get("/register")
            let form = try await browser.post("/register", [("login", String(repeating: "a", count: 70_000))])
            #expect(form.status == .contentTooLarge)
        }
    }

    @Test func healthAnswersAndEveryResponseCarriesTheSecurityHeaders() async throws {
        try await withApp(.sqlite) { client, _ async throws in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(health.json?["status"] as? String == "ok")
            for path in ["/health", "/login", "/nowhere", "/speedwork.css"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(response.headers[SecurityHeaders.referrerPolicy] == "same-origin", "\(path)")
                #expect(response.headers[SecurityHeaders.frameOptions] == "DENY", "\(path)")
                for name in [SecurityHeaders.referrerPolicy, .xContentTypeOptions, .contentSecurityPolicy, SecurityHeaders.frameOptions] {
                    #expect(response.headers[values: name].count == 1, "\(path): \(name) sent \(response.headers[values: name].count) times")
                }
            }
            let css = try await client.execute(uri: "/speedwork.css", method: .get)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test func healthIs503WhenTheDatabaseIsGone() async throws {
        let database = try await TestDatabase.make(.sqlite)
        defer { Task { await database.drop() } }
        let store = try await database.location.openServerStore()
        let app = try buildApplication(database.configuration(), store: store)
        await store.close()
        try await app.test(.router) { client async throws in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status.code >= 500)
            #expect(response.errorMessage != nil)
            #expect(!response.text.contains(database.folder.path))
        }
    }

    @Test func theConfigurationRefusesValuesThatCannotWork() throws {
        let base = ServerConfiguration(database: .sqlite(path: "/tmp/x.sqlite"), dataFolder: "/tmp")
        try base.validate()
        var port = base
        port.port = 70000
        #expect(throws: InputError.self) { try port.validate() }
        var host = base
        for bad in ["", "bad host", "-x.example", "a..b", "exa_mple.org"] {
            host.host = bad
            #expect(throws: InputError.self, "\(bad)") { try host.validate() }
        }
        for good in ["127.0.0.1", "0.0.0.0", "::1", "localhost", "speedwork.example.org"] {
            host.host = good
            #expect(throws: Never.self, "\(good)") { try host.validate() }
        }
        var cost = base
        cost.bcryptCost = 3
        #expect(throws: InputError.self) { try cost.validate() }
        var folder = base
        folder.dataFolder = "relative"
        #expect(throws: InputError.self) { try folder.validate() }
    }

    @Test func theAddressIsWrittenAsABrowserOpensIt() {
        #expect(ServerAddress.url(host: "127.0.0.1", port: 8080) == "http://127.0.0.1:8080")
        #expect(ServerAddress.url(host: "::1", port: 80) == "http://[::1]:80")
    }
}
