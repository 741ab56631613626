import Foundation
import Hummingbird
import Speedwork

/// JSON responses and request bodies for the API, encoded as the command line's `--json` is: keys
/// sorted, moments in ISO 8601, values not given left out (README, "JSON").
enum JSONBody {
    /// The largest JSON request body accepted by the API's small endpoints, in bytes.
    static let largestRequest = 64 * 1024

    /// `value` as a JSON response with `status`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(text: try text(value), status: status)
    }

    /// `value` encoded as ``response(_:status:)`` sends it.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // What `.iso8601` writes, without a new ISO8601DateFormatter per date.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTimestamp.text(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// JSON text already encoded, as a response with `status`.
    static func response(text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(bytes: ByteBuffer(string: text), status: status)
    }

    /// JSON already encoded to bytes (an answer of ``LogReadCache``), sent as they are.
    static func response(bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }

    /// The headers of every JSON response, made once.
    private static let headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]

    /// The request's JSON body decoded as `type`; a malformed body is a 400 naming what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: largestRequest)
        } catch {
            throw ServerError(.contentTooLarge, "the request body is larger than \(largestRequest / 1024) KiB")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch DecodingError.keyNotFound(let key, _) {
            throw ServerError(.badRequest, "the request body lacks the key '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerError(.badRequest, "the request body's '\(key)' has the wrong type")
        } catch {
            throw ServerError(.badRequest, "the request body is not JSON: send a JSON object (see /api/v1/openapi.json)")
        }
    }
}
