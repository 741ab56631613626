import Foundation
import Hummingbird

/// Reads every POSTed page form and refuses it with 403 unless its `csrf` field matches this
/// browser's token: the signed-in session's, or the visitor cookie's on the sign-in forms (OWASP
/// CSRF Prevention Cheat Sheet: synchronizer token, and double-submit cookie for the log-in forms).
/// The checked fields go into the context.
struct FormGuard: RouterMiddleware {
    typealias Context = ServerContext
    /// The name of the hidden field that carries the token.
    static let fieldName = "csrf"
    /// The largest form accepted, in bytes; page forms are a few fields.
    static let largestForm = 64 * 1024
    /// The forms that sign in and so replace any session: their visitor token counts even while
    /// a session cookie is present.
    static let signInForms: Set<String> = ["/login", "/register"]

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.largestForm)
        } catch {
            throw ServerError(.contentTooLarge, "the form is larger than \(Self.largestForm / 1024) KiB")
        }
        let fields = Self.fields(String(buffer: body))
        guard let sent = fields[Self.fieldName], !sent.isEmpty else {
            throw ServerError(.forbidden, "the form has no CSRF token: reload the page and send it again")
        }
        // Signed in, only the session's own token opens a form that acts for the account: a visitor
        // cookie planted by someone who can set cookies for the site (a sibling subdomain) must
        // not. The sign-in forms take the visitor's token either way, since they replace the session.
        let visitor = request.cookies[SessionCookie.visitorName]?.value
        let expected: [String]
        if let session = context.session {
            expected = [session.csrfToken] + (Self.signInForms.contains(request.uri.path) ? [visitor].compactMap { $0 } : [])
        } else {
            expected = [visitor].compactMap { $0 }
        }
        guard expected.contains(where: { Secret.matches($0, sent) }) else {
            throw ServerError(.forbidden, "the form's CSRF token does not match: reload the page and send it again")
        }
        var context = context
        context.form = fields
        return try await next(request, context)
    }

    /// The fields of an `application/x-www-form-urlencoded` body (WHATWG URL standard): `+` is a
    /// space, `%XX` a byte; when a name repeats, the last value counts.
    static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
