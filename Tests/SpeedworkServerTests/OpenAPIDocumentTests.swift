import Foundation
@testable import SpeedworkReports
import Hummingbird
import HummingbirdTesting
import SpeedworkServer
import SpeedworkStore
import Testing

/// The served OpenAPI document (issue 11) parses, and describes exactly the routes the router has.
struct OpenAPIDocumentTests {
    @Test func theDocumentListsEveryRouteAndNoOther() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-openapi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder.appendingPathComponent("log.sqlite").path),
                                                dataFolder: folder.path)
        configuration.bcryptCost = 4
        let store = try await configuration.database.openServerStore()
        let router = try buildRouter(configuration, store: store)
        let routes = Set(router.routes.map { route in
            let path = "/" + route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue.uppercased()) \(path)"
        })

        let app = try buildApplication(configuration, store: store)
        let served = try await app.test(.router) { client async throws in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get)
        }
        await store.close()
        #expect(served.status == .ok)
        // .ci/run validates the document as served with openapi-spec-validator.
        if let path = ProcessInfo.processInfo.environment["SPEEDWORK_OPENAPI_OUT"] {
            try Data(served.body.readableBytesView).write(to: URL(fileURLWithPath: path))
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(served.body.readableBytesView)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var described = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch", "head"].contains(method) {
                described.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(routes.count >= 12)
        #expect(described == routes, "only described: \(described.subtracting(routes)); only routed: \(routes.subtracting(described))")

        // Every $ref points at something the document defines.
        let text = String(buffer: served.body)
        let components = try #require(document["components"] as? [String: [String: Any]])
        var position = text.startIndex
        while let found = text.range(of: ##""$ref": "#/components/"##, range: position..<text.endIndex) {
            let rest = text[found.upperBound...]
            let target = rest.prefix { $0 != "\"" }.split(separator: "/")
            #expect(target.count == 2 && components[String(target[0])]?[String(target[1])] != nil, "\(target)")
            position = found.upperBound
        }
    }
}
