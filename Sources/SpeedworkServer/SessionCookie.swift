import Foundation
import Hummingbird

/// The cookies the pages use (issue 11; OWASP Session Management Cheat Sheet): `HttpOnly` so
/// scripts cannot read them, `SameSite=Lax` so other sites' forms do not carry them, `Secure` when
/// the app runs behind TLS, and `Path=/`.
struct SessionCookie: Sendable {
    /// The signed-in session's secret.
    static let sessionName = "speedwork_session"
    /// The CSRF secret of a visitor not yet signed in (double-submit cookie, OWASP CSRF Prevention
    /// Cheat Sheet); a signed-in session has its own token in the store.
    static let visitorName = "speedwork_visitor"

    /// Whether to mark cookies `Secure`.
    let secure: Bool
    /// How long a session cookie lasts, in seconds.
    let lifetime: Int

    /// A cookie carrying `value`, lasting `maxAge` seconds (the session lifetime when nil).
    func make(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge ?? lifetime, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// A cookie that makes the browser forget `name`.
    func cleared(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
