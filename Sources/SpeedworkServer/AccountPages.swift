import Foundation
import Hummingbird
import Speedwork
import SpeedworkStore

/// Registering, signing in and signing out (issue 11; docs/server.md). Forms reach these handlers
/// only through ``FormGuard``; a browser (asking for HTML) gets the form back with the reason, any
/// other client `{"error": "…"}`.
struct AccountPages: Sendable {
    let store: any ServerStore
    let configuration: ServerConfiguration
    let hasher: PasswordHasher
    let throttle: LoginThrottle
    let pages: PageRenderer
    let cookies: SessionCookie
    /// The app's API tokens recently read (``TokenCache``), shared by the token check, revocation
    /// and the routes that change an account.
    let tokens: TokenCache

    /// The handle of the runner a new account gets when it is not the first: `runner-` and 8 hex digits.
    static func newHandle() -> String { "runner-" + UUID().uuidString.prefix(8).lowercased() }

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("/register") { request, context in try await showRegister(request, context, values: [:]) }
        group.post("/register") { request, context in try await register(request, context) }
        group.get("/login") { request, context in try await showLogin(request, context, values: [:]) }
        group.post("/login") { request, context in try await logIn(request, context) }
        group.post("/logout") { request, context in try await logOut(request, context) }
    }

    /// Where to go once signed in: `next` (from the query or the form) when it is a path on this
    /// site made of letters, digits and `/_.-` only (an invite link, say), else the log; anything
    /// else is ignored, so the parameter cannot send anyone to another site.
    static func destination(_ next: String?) -> String {
        guard let next, next.count <= 200, next.hasPrefix("/"), !next.hasPrefix("//"),
              next.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/_.-".unicodeScalars.contains($0)) })
        else { return "/" }
        return next
    }

    /// The `next` a sign-in form carries on: the destination when it is not the log.
    private static func next(_ request: Request, form: [String: String]) -> [String: Any] {
        let destination = Self.destination(form["next"] ?? request.uri.queryParameters.get("next"))
        return destination == "/" ? [:] : ["next": destination]
    }

    /// Whether the client reads HTML (a browser) rather than JSON.
    static func wantsHTML(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("text/html") == true
    }

    /// The visitor's CSRF secret: the one their cookie carries, or a new one.
    private func visitorToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let value = request.cookies[SessionCookie.visitorName]?.value, Secret.isWellFormed(value) { return (value, false) }
        return (Secret.make(), true)
    }

    private func form(_ template: String, title: String, _ request: Request, _ context: ServerContext,
                      values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let (token, isNew) = visitorToken(request)
        var response = pages.page(template, title: title, values: values.merging(["csrf": token]) { a, _ in a },
                                  context: context, status: status, csrf: token)
        if isNew { response.setCookie(cookies.make(SessionCookie.visitorName, token)) }
        return response
    }

    private func registrationOpen() async throws -> Bool {
        if configuration.openRegistration { return true }
        return try await store.accountCount() == 0
    }

    private func showRegister(_ request: Request, _ context: ServerContext, values: [String: Any],
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        if context.account != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
        let values = values.merging(Self.next(request, form: context.form)) { a, _ in a }
        let first = try await store.accountCount() == 0
        guard try await registrationOpen() else {
            throw ServerError(.forbidden, "registration is closed on this server: ask its owner for an account")
        }
        return form("register", title: "Create your account", request, context, values: values.merging(["first": first]) { a, _ in a },
                    status: status)
    }

    private func showLogin(_ request: Request, _ context: ServerContext, values: [String: Any],
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        if context.account != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
        let values = values.merging(Self.next(request, form: context.form)) { a, _ in a }
        let open = try await registrationOpen()
        return form("login", title: "Sign in", request, context, values: values.merging(["registrationOpen": open]) { a, _ in a },
                    status: status)
    }

    private func register(_ request: Request, _ context: ServerContext) async throws -> Response {
        let fields = context.form
        do {
            guard try await registrationOpen() else {
                throw ServerError(.forbidden, "registration is closed on this server: ask its owner for an account")
            }
            let login = try Credentials.login(fields["login"] ?? "")
            let password = fields["password"] ?? ""
            try Credentials.checkNewPassword(password, login: login)
            let name = try Credentials.name(fields["name"] ?? "", fallback: login.split(separator: "@").first.map(String.init) ?? login)
            if try await store.account(login: login) != nil { throw AccountConflict.loginTaken(login) }
            let hash = await hasher.hash(Credentials.normalized(password))
            let first = try await store.accountCount() == 0
            let account = try await store.createAccount(login: login, passwordHash: hash,
                                                        athleteHandle: first ? Athlete.defaultHandle : Self.newHandle(),
                                                        athleteName: name)
            context.logger.info("account registered", metadata: ["account": "\(account.id)"])
            return try await signIn(account, replacing: context.session, status: .seeOther, to: Self.destination(fields["next"]))
        } catch where Self.wantsHTML(request) {
            let refusal = ErrorBoundary.refusal(for: error, logger: context.logger)
            guard refusal.status.code < 500 else { throw error }
            return try await showRegister(request, context, values: ["error": refusal.message, "login": fields["login"] ?? "",
                                                                     "name": fields["name"] ?? ""], status: refusal.status)
        }
    }

    private func logIn(_ request: Request, _ context: ServerContext) async throws -> Response {
        let fields = context.form
        do {
            let login = (fields["login"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let password = fields["password"] ?? ""
            guard !login.isEmpty, !password.isEmpty else {
                throw ServerError(.unprocessableContent, "give your login and your password")
            }
            let account = try await authenticate(login: login, password: password, address: context.remoteAddress)
            return try await signIn(account, replacing: context.session, status: .seeOther, to: Self.destination(fields["next"]))
        } catch where Self.wantsHTML(request) {
            let refusal = ErrorBoundary.refusal(for: error, logger: context.logger)
            guard refusal.status.code < 500 else { throw error }
            var response = try await showLogin(request, context, values: ["error": refusal.message, "login": fields["login"] ?? ""],
                                               status: refusal.status)
            response.headers.append(contentsOf: refusal.headers)
            return response
        }
    }

    /// The account whose password this is, within the log-in limits: 429 with `Retry-After` past
    /// them, 401 for a wrong login or password (the same answer for both).
    func authenticate(login: String, password: String, address: String?) async throws -> Account {
        let now = configuration.clock()
        // The attempt is counted before the password is checked, so attempts sent at once cannot
        // all pass the limit; a right password takes it back.
        let ticket: LoginThrottle.Ticket
        switch try await throttle.admit(login: login, address: address, at: now) {
        case .success(let admitted): ticket = admitted
        case .failure(let refusal):
            throw ServerError(.tooManyRequests, "too many failed log-ins: wait \(refusal.retryAfter) s and try again",
                              headers: [.retryAfter: String(refusal.retryAfter)])
        }
        // A login no account can have (a control character, say, which PostgreSQL's text also
        // refuses) is not looked up, nor is a password no account can have (past bcrypt's 72
        // bytes, or with a NUL): either costs the decoy hash and is a failure like any other.
        let account = (try? Credentials.login(login)) == login ? try await store.account(login: login) : nil
        guard let comparable = Credentials.comparable(password) else {
            _ = await hasher.verify("", against: nil)
            throw ServerError(.unauthorized, "wrong login or password")
        }
        var matches = await hasher.verify(comparable, against: account?.passwordHash)
        if !matches, Array(comparable.utf8) != Array(password.utf8),
           password.utf8.count <= Credentials.longestPasswordBytes, !password.utf8.contains(0) {
            // Accounts made before passwords were normalized hold the hash of the password as typed.
            // Checked (against the decoy when there is no account) whether or not the login exists,
            // so the second hash tells nothing about which logins do.
            matches = await hasher.verify(password, against: account?.passwordHash)
        }
        guard matches, let account else { throw ServerError(.unauthorized, "wrong login or password") }
        try await throttle.succeeded(ticket)
        return account
    }

    /// Starts a new session for `account` with a new secret and CSRF token, ending the one the
    /// browser had, so a session id planted before signing in is worthless after (no fixation).
    private func signIn(_ account: Account, replacing old: WebSession?, status: HTTPResponse.Status,
                        to destination: String = "/") async throws -> Response {
        if let old { try await store.endSession(tokenHash: old.tokenHash) }
        let now = Date()
        _ = try? await store.endSessions(expiredBefore: now)
        let secret = Secret.make()
        try await store.startSession(WebSession(tokenHash: Secret.hash(secret), account: account.id, csrfToken: Secret.make(),
                                                createdAt: now, expiresAt: now.addingTimeInterval(configuration.sessionLifetime)))
        var response = Response(status: status, headers: [.location: destination])
        response.setCookie(cookies.make(SessionCookie.sessionName, secret))
        response.setCookie(cookies.cleared(SessionCookie.visitorName))
        return response
    }

    private func logOut(_ request: Request, _ context: ServerContext) async throws -> Response {
        if let session = context.session { try await store.endSession(tokenHash: session.tokenHash) }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(cookies.cleared(SessionCookie.sessionName))
        return response
    }
}
