import Foundation
import Hummingbird
import HummingbirdTesting
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The OpenAPI document's error answers (issue 12): each is written once under
/// `components/responses` and referred to from every operation that can give it, every `$ref`
/// resolves, and the shared 401 is what the server answers on every route behind the token.
struct OpenAPIErrorResponsesTests {
    /// The JSON error answers by the one status each stands for (RFC 9110 section 15, RFC 6585).
    static let errorResponses: [String: String] = [
        "BadRequest": "400", "NeedsToken": "401", "WrongLogin": "401", "Forbidden": "403", "NotFound": "404",
        "Conflict": "409", "ContentTooLarge": "413", "UnsupportedMediaType": "415", "UnprocessableContent": "422",
        "TooManyRequests": "429", "ServiceUnavailable": "503",
    ]

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The served document, parsed.
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    /// Every operation: `METHOD /path`, the operation object.
    static func operations(_ document: [String: Any]) throws -> [(name: String, path: String, method: String, operation: [String: Any])] {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var found: [(String, String, String, [String: Any])] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in item.sorted(by: { $0.key < $1.key }) where methods.contains(method) {
                found.append(("\(method.uppercased()) \(path)", path, method, try #require(operation as? [String: Any])))
            }
        }
        return found
    }

    /// Every `$ref` in `value`, with the keys leading to it.
    static func references(in value: Any, at location: [String] = []) -> [(reference: String, location: [String])] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, member -> [(reference: String, location: [String])] in
                if key == "$ref", let reference = member as? String { return [(reference, location)] }
                return references(in: member, at: location + [key])
            }
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { index, member in references(in: member, at: location + [String(index)]) }
        }
        return []
    }

    /// What the local JSON pointer `reference` (RFC 6901, after `#`) names in `document`, if anything.
    static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: Any = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = value as? [String: Any], let member = object[key] {
                value = member
            } else if let array = value as? [Any], let index = Int(key), array.indices.contains(index) {
                value = array[index]
            } else {
                return nil
            }
        }
        return value
    }

    /// The references in `document` that name nothing, or a schema where a response belongs (or
    /// the reverse).
    static func brokenReferences(in document: [String: Any]) -> [String] {
        references(in: document).compactMap { reference, location in
            let isResponse = location.count >= 2 && location[location.count - 2] == "responses"
            let kind = isResponse ? "#/components/responses/" : "#/components/schemas/"
            guard reference.hasPrefix(kind), resolve(reference, in: document) is [String: Any] else {
                return "\(location.joined(separator: "/")): \(reference)"
            }
            return nil
        }
    }

    @Test func everyReferenceResolvesToADefinedComponent() throws {
        let document = try Self.document()
        let references = Self.references(in: document)
        #expect(references.count > 300)
        #expect(Self.brokenReferences(in: document) == [])
    }

    @Test func theReferenceCheckFindsWhatIsBroken() throws {
        let document: [String: Any] = [
            "components": ["schemas": ["Error": ["type": "object"]], "responses": ["NotFound": ["description": "gone"]]],
            "paths": ["/a": ["get": ["responses": [
                "404": ["$ref": "#/components/responses/NotFound"],
                "400": ["$ref": "#/components/responses/BadRequest"],
                "409": ["$ref": "#/components/schemas/Error"],
                "200": ["content": ["application/json": ["schema": ["$ref": "#/components/schemas/Eror"]]]],
            ]]]],
        ]
        #expect(Set(Self.brokenReferences(in: document)) == [
            "paths//a/get/responses/400: #/components/responses/BadRequest",
            "paths//a/get/responses/409: #/components/schemas/Error",
            "paths//a/get/responses/200/content/application/json/schema: #/components/schemas/Eror",
        ])
        #expect(Self.resolve("#/paths/~1a/get", in: document) != nil)
    }

    @Test func everySharedResponseIsUsed() throws {
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: Any])
        let defined = Set(try #require(components["responses"] as? [String: Any]).keys)
        let used = Set(Self.references(in: document).map(\.reference)
            .filter { $0.hasPrefix("#/components/responses/") }.map { String($0.dropFirst("#/components/responses/".count)) })
        #expect(defined == used, "defined only: \(defined.subtracting(used)); used only: \(used.subtracting(defined))")
        #expect(defined.isSuperset(of: Self.errorResponses.keys))
    }

    /// An error answer is never written out at an operation, and each JSON error answer stands for
    /// one status only, the one its name says.
    @Test func everyErrorAnswerIsASharedResponseOfItsStatus() throws {
        let document = try Self.document()
        var statuses: [String: Set<String>] = [:]
        for (name, _, _, operation) in try Self.operations(document) {
            let responses = try #require(operation["responses"] as? [String: Any], "\(name)")
            for (status, response) in responses where (Int(status) ?? 0) >= 400 {
                let object = try #require(response as? [String: Any])
                let reference = object["$ref"] as? String ?? ""
                #expect(object.count == 1 && reference.hasPrefix("#/components/responses/"),
                        "\(name) writes its \(status) out instead of referring to components/responses")
                statuses[String(reference.dropFirst("#/components/responses/".count)), default: []].insert(status)
            }
        }
        for (component, status) in Self.errorResponses {
            #expect(statuses[component] == [status], "\(component) is used for \(statuses[component] ?? [])")
        }
        #expect(Set(statuses.keys) == Set(Self.errorResponses.keys).union(["PageRefused"]))

        let responses = try #require((document["components"] as? [String: Any])?["responses"] as? [String: [String: Any]])
        for component in Self.errorResponses.keys {
            let content = try #require(responses[component]?["content"] as? [String: Any], "\(component)")
            #expect(Self.resolve("#/components/responses/\(component)/content/application~1json/schema/$ref", in: document) as? String
                == "#/components/schemas/Error", "\(component)")
            #expect(content.count == 1)
        }
    }

    @Test func everyOperationBehindTheTokenRefersToTheShared401() throws {
        let document = try Self.document()
        var behindToken = 0
        for (name, _, _, operation) in try Self.operations(document) {
            let security = operation["security"] as? [[String: Any]] ?? []
            let needsToken = security.contains { $0["bearer"] != nil }
            let unauthorized = (operation["responses"] as? [String: Any])?["401"] as? [String: Any]
            if needsToken {
                behindToken += 1
                #expect(unauthorized?["$ref"] as? String == "#/components/responses/NeedsToken", "\(name)")
            } else {
                #expect(unauthorized?["$ref"] as? String != "#/components/responses/NeedsToken", "\(name) needs no token")
            }
        }
        #expect(behindToken >= 30)
        let header = Self.resolve("#/components/responses/NeedsToken/headers/WWW-Authenticate", in: document) as? [String: Any]
        #expect(header?["required"] as? Bool == true)
        let retryAfter = Self.resolve("#/components/responses/TooManyRequests/headers/Retry-After", in: document) as? [String: Any]
        #expect(retryAfter?["required"] as? Bool == true)
    }

    /// The shared 401 is what the server answers: each operation the document puts behind the
    /// token, asked without one, is refused with 401, `WWW-Authenticate: Bearer` and the error body.
    @Test func theServerAnswersTheShared401WhereTheDocumentSays() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-openapi-401-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path),
                                                dataFolder: folder.path)
        configuration.bcryptCost = 4
        let store = try await configuration.database.openServerStore()
        let operations = try Self.operations(try Self.document()).filter { _, _, _, operation in
            (operation["responses"] as? [String: Any])?["401"] as? [String: String] == ["$ref": "#/components/responses/NeedsToken"]
        }.map { (name: $0.name, path: $0.path, method: $0.method) }
        #expect(operations.count >= 30)
        let app = try buildApplication(configuration, store: store)
        try await app.test(.router) { client in
            for (name, path, method) in operations {
                let uri = path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "3f9a", options: .regularExpression)
                let response = try await client.execute(uri: uri, method: HTTPRequest.Method(rawValue: method.uppercased())!)
                #expect(response.status == .unauthorized, "\(name)")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(name)")
                let body = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect(body?["error"] is String, "\(name)")
            }
        }
        await store.close()
    }
}
