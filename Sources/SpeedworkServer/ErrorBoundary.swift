import Foundation
import Hummingbird
import Logging
import Speedwork
import SpeedworkStore

/// The edge where every failure becomes an HTTP status and `{"error": "one line"}` (issue 11;
/// ARCHITECTURE.md item 6): a runner's mistake is 4xx with what to change, the database being
/// down is 503, anything else 500 with the details in the server's log only.
struct ErrorBoundary: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let refusal = ErrorBoundary.refusal(for: error, logger: context.logger)
            return try refusal.response(from: request, context: context)
        }
    }

    /// The status and line for `error`; unexpected errors are logged here and described vaguely.
    static func refusal(for error: any Error, logger: Logger) -> ServerError {
        switch error {
        case let refusal as ServerError:
            return refusal
        case let input as InputError:
            return ServerError(.unprocessableContent, input.description)
        case let conflict as AccountConflict:
            return ServerError(.conflict, conflict.description)
        case let store as StoreError:
            logger.error("training log failed: \(store.description)")
            if case .unreachable = store {
                return ServerError(.serviceUnavailable, "the training log's database cannot be reached; try again shortly")
            }
            return ServerError(.internalServerError, "the training log failed; the server's log has the details")
        case is DecodingError:
            return ServerError(.badRequest, "the request body is not the JSON this endpoint expects (see /api/v1/openapi.json)")
        case let http as HTTPResponseError:
            return ServerError(http.status, standardMessage(http.status))
        default:
            logger.error("unexpected failure: \(String(reflecting: type(of: error)))")
            return ServerError(.internalServerError, "the server failed unexpectedly; the server's log has the details")
        }
    }

    /// A one-line message for a status Hummingbird itself raises (no route, body too large…).
    static func standardMessage(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "not found: no page or endpoint has this address"
        case 405: "this address does not take that method"
        case 413: "the request body is too large"
        case 400: "the request is malformed"
        default: status.reasonPhrase.isEmpty ? "HTTP \(status.code)" : status.reasonPhrase.lowercased()
        }
    }
}
