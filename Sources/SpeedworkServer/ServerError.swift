import Foundation
import Hummingbird

/// A refusal the web app answers with: an HTTP status and one line, sent as `{"error": "…"}`
/// (issue 11; ARCHITECTURE.md item 6). The line names the value and what is allowed, and never
/// carries a stack, SQL or a path on the server.
public struct ServerError: HTTPResponseError, Equatable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The one line for the client.
    public var message: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// A refusal with `status` and `message`.
    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The one line.
    public var description: String { message }

    /// The JSON body every error has.
    struct Body: Codable, Equatable {
        /// The one line.
        var error: String
    }

    /// `{"error": "…"}` with the status and headers.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(Body(error: message))) ?? Data(#"{"error":"error"}"#.utf8)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 401 for the API, asking for a bearer token (RFC 6750 section 3).
    static func needsToken(_ message: String = "this endpoint needs an API token: send Authorization: Bearer TOKEN (POST /api/v1/tokens makes one)") -> ServerError {
        ServerError(.unauthorized, message, headers: [.wwwAuthenticate: #"Bearer realm="speedwork""#])
    }
}
