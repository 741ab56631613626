import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Speedwork
@testable import SpeedworkReports
import SpeedworkServer
import SpeedworkStore
@_exported import SpeedworkStoreTestSupport

extension TestDatabase {
    /// A configuration for tests: bcrypt at its lowest cost, so hashing takes milliseconds.
    func configuration() -> ServerConfiguration {
        var configuration = ServerConfiguration(database: location, dataFolder: folder.path)
        configuration.bcryptCost = 4
        configuration.port = 0
        return configuration
    }
}

/// Runs `body` against the app in-process (Hummingbird's router test framework) on a fresh
/// database of `engine`, with the store open for seeding and checking.
func withApp(_ engine: Engine, configure: (inout ServerConfiguration) -> Void = { _ in },
             _ body: @escaping @Sendable (any TestClientProtocol, any ServerStore) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine, prefix: "speedwork_server")
    var configuration = database.configuration()
    configure(&configuration)
    do {
        let store = try await database.location.openServerStore()
        do {
            let app = try buildApplication(configuration, store: store)
            try await app.test(.router) { client in try await body(client, store) }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}

/// A browser's part in a test: keeps the cookies the app sets, sends them back, and reads the
/// CSRF token out of the last form page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    /// Cookie values by name, as the app last set them.
    private(set) var cookies: [String: String] = [:]
    /// The full `Set-Cookie` lines of the last response.
    private(set) var lastSetCookies: [String] = []
    /// The CSRF token of the last page with a form.
    private(set) var csrf: String?
    /// Whether requests ask for HTML (as a browser does) or not (JSON errors).
    var acceptsHTML: Bool

    init(_ client: any TestClientProtocol, acceptsHTML: Bool = false) {
        self.client = client
        self.acceptsHTML = acceptsHTML
    }

    private func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if acceptsHTML { fields[.accept] = "text/html,application/xhtml+xml" }
        return fields
    }

    private func keep(_ response: TestResponse) -> TestResponse {
        lastSetCookies = response.headers[values: .setCookie]
        for line in lastSetCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Browser.csrfToken(in: String(buffer: response.body)) { csrf = token }
        return response
    }

    /// The token in a page's `<input type="hidden" name="csrf" value="…">`.
    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([^"]*)""#, options: .regularExpression) else { return nil }
        let match = html[range]
        return match.split(separator: "\"").dropFirst(3).first.map(String.init)
    }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        keep(try await client.execute(uri: path, method: .get, headers: headers(), body: nil))
    }

    /// POSTs a form; the page's CSRF token is added unless `csrf` says otherwise (nil: none).
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String?? = .none) async throws -> TestResponse {
        var all = fields
        let token: String? = csrf ?? self.csrf
        if let token { all.append(("csrf", token)) }
        let body = FormBody.encode(all)
        return keep(try await client.execute(uri: path, method: .post,
                                             headers: headers([.contentType: "application/x-www-form-urlencoded"]),
                                             body: ByteBuffer(string: body)))
    }

    /// Sends any request with this browser's cookies, keeping the ones it sets.
    @discardableResult
    func send(_ path: String, method: HTTPRequest.Method, headers extra: HTTPFields = [:], body: ByteBuffer?) async throws -> TestResponse {
        keep(try await client.execute(uri: path, method: method, headers: headers(extra), body: body))
    }

    /// Forgets one cookie, as a new browser would not have it.
    func forget(_ name: String) { cookies[name] = nil }
    /// Sets a cookie by hand (an attacker's planted value, say).
    func plant(_ name: String, _ value: String) { cookies[name] = value }

    /// Opens the registration page and registers.
    @discardableResult
    func register(_ login: String, _ password: String, name: String = "") async throws -> TestResponse {
        try await get("/register")
        return try await post("/register", [("login", login), ("password", password), ("name", name)])
    }

    /// Opens the log-in page and signs in.
    @discardableResult
    func logIn(_ login: String, _ password: String) async throws -> TestResponse {
        try await get("/login")
        return try await post("/login", [("login", login), ("password", password)])
    }
}

/// `application/x-www-form-urlencoded`, as a browser writes it.
enum FormBody {
    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.map { name, value in
            let escape = { (text: String) in (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+") }
            return escape(name) + "=" + escape(value)
        }.joined(separator: "&")
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The `error` of a JSON error body, or nil when the body is not one.
    var errorMessage: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              object.count == 1 else { return nil }
        return object["error"] as? String
    }

    /// The JSON body as an object.
    var json: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
    }
}

/// A steady run for seeding: `seconds` one-second samples at `metersPerSecond`, starting at `start`.
func steadyRun(start: Date, seconds: Int, metersPerSecond: Double, name: String? = nil) throws -> PackedActivity {
    let samples = (0...seconds).map { ActivitySample(seconds: Double($0), meters: Double($0) * metersPerSecond, metersPerSecond: metersPerSecond) }
    let activity = Activity(sport: "running", start: start, samples: samples, laps: [],
                            deviceDistanceMeters: Double(seconds) * metersPerSecond, deviceTimerSeconds: Double(seconds))
    return try PackedActivity(activity, name: name, source: "test.fit")
}

/// A password that passes the rules.
let goodPassword = "track-night-42"
