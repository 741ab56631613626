import Foundation
import Hummingbird
import SpeedworkStore

/// Reads the session cookie of a page request and, when it names a live session, puts the session
/// and its account into the context. A missing, malformed, unknown or expired cookie leaves the
/// visitor signed out; nothing about it is echoed back.
struct SessionReader: RouterMiddleware {
    typealias Context = ServerContext
    let store: any ServerStore

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.cookies[SessionCookie.sessionName]?.value, Secret.isWellFormed(value),
           let session = try await store.session(tokenHash: Secret.hash(value), at: Date()),
           let account = try await store.account(id: session.account) {
            context.session = session
            context.account = account
        }
        return try await next(request, context)
    }
}

/// Sends a visitor who is not signed in to the log-in page (or, on a server with no account yet,
/// to registration) with 303 See Other.
struct SignInRequired: RouterMiddleware {
    typealias Context = ServerContext
    let store: any ServerStore
    /// Refuses a signed-out request with 403 instead of sending it to sign in: for a form whose
    /// body is read as it streams (an upload), which FormGuard's CSRF check cannot stand before.
    var refusesSignedOut = false

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard context.account != nil else {
            if refusesSignedOut {
                throw ServerError(.forbidden, "you are signed out: sign in, then send the form again")
            }
            let target = try await store.accountCount() == 0 ? "/register" : "/login"
            return Response(status: .seeOther, headers: [.location: target])
        }
        return try await next(request, context)
    }
}

/// Accepts an API request only with `Authorization: Bearer TOKEN` naming an active token (RFC
/// 6750); otherwise 401 with `WWW-Authenticate: Bearer`.
struct BearerTokenRequired: RouterMiddleware {
    typealias Context = ServerContext
    let store: any ServerStore
    /// The app's token cache.
    let tokens: TokenCache

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw ServerError.needsToken() }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ServerError.needsToken("the Authorization header must be 'Bearer TOKEN'")
        }
        var token = String(parts[1])
        if !Secret.isWellFormed(token) { token = token.trimmingCharacters(in: .whitespaces) }
        let hash = Secret.isWellFormed(token) ? Secret.hash(token) : ""
        guard !hash.isEmpty, let found = try await tokens.activeToken(hash: hash, read: { try await store.activeToken(hash: hash) }) else {
            throw ServerError.needsToken("the API token is unknown or revoked: make a new one with POST /api/v1/tokens")
        }
        var context = context
        context.account = found.account
        return try await next(request, context)
    }
}
