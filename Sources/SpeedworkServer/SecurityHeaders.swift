import HTTPTypes
import Hummingbird

/// Headers every response carries (OWASP Secure Headers Project): no content sniffing, no framing,
/// no referrer to other sites, and a content security policy that allows this site's own
/// stylesheet and forms only.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServerContext

    /// The content security policy of every response.
    static let policy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if Self.fields.allSatisfy({ response.headers[$0.name] == nil }) {
            // Made once: appending checks no value again (every response passes here).
            response.headers.append(contentsOf: Self.fields)
        } else {
            for field in Self.fields { response.headers[field.name] = field.value }
        }
        return response
    }

    /// The four headers, each with its one value.
    static let fields = [HTTPField(name: .xContentTypeOptions, value: "nosniff"), HTTPField(name: .contentSecurityPolicy, value: policy),
                         HTTPField(name: referrerPolicy, value: "same-origin"), HTTPField(name: frameOptions, value: "DENY")]
}

/// Sets each request's body limit from the configuration (``ServerConfiguration/uploadLimitBytes``)
/// and refuses a declared `Content-Length` past it with 413 before any of the body is read. A
/// browser's post to a streamed upload form is left to the form (``StreamedUploadForm``), which
/// refuses it as early and answers with its page.
struct UploadLimit: RouterMiddleware {
    typealias Context = ServerContext
    /// The largest body, in bytes.
    let bytes: Int

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = bytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bytes, !Self.isUploadForm(request, context) {
            throw ServerError(.contentTooLarge, "the request body is \(length) bytes: the limit is \(bytes)")
        }
        return try await next(request, context)
    }

    /// Whether `request` is a browser's post to one of ``StreamedUploadForm/routes``.
    static func isUploadForm(_ request: Request, _ context: ServerContext) -> Bool {
        request.method == .post && AccountPages.wantsHTML(request)
            && context.endpointPath.map(StreamedUploadForm.routes.contains) == true
    }
}
