import Hummingbird
import NIOCore
import SpeedworkStore

/// What the app knows about one request as it passes through (Hummingbird `RequestContext`): who
/// is signed in, the client's address for the log-in limits, and a form already read and checked
/// against its CSRF token.
public struct ServerContext: RequestContext {
    /// Hummingbird's own part of the context.
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, when the request came over a socket.
    public var remoteAddress: String?
    /// The largest body this request may have; set from ``ServerConfiguration/uploadLimitBytes``.
    public var maxUploadSize: Int
    /// The signed-in session, when the request carries a valid session cookie.
    var session: WebSession?
    /// The signed-in account (by session cookie on pages, by bearer token on the API).
    var account: Account?
    /// The fields of a POSTed form, once its CSRF token has been checked.
    var form: [String: String] = [:]

    /// A fresh context for a request from `source`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        maxUploadSize = ServerConfiguration.defaultUploadLimitBytes
    }

    /// The account, or a refusal: pages redirect to the log-in page, the API answers 401.
    func requireAccount() throws -> Account {
        guard let account else { throw ServerError.needsToken() }
        return account
    }
}
