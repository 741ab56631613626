import Foundation
import Hummingbird
import Mustache

/// Renders the pages with swift-mustache: a page's template, then the layout around it. Values are
/// HTML-escaped by `{{…}}`; only the already-rendered page goes in unescaped.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all { try library.register(text, named: name) }
        for (name, text) in PageTemplates.activityPages { try library.register(text, named: name) }
        for (name, text) in PlanTemplates.all { try library.register(text, named: name) }
        for (name, text) in PageTemplates.progressPages { try library.register(text, named: name) }
        for (name, text) in PageTemplates.todayPages { try library.register(text, named: name) }
        for (name, text) in PageTemplates.groupSessionPages { try library.register(text, named: name) }
        for (name, text) in PageTemplates.coachPages { try library.register(text, named: name) }
        self.library = library
    }

    /// The page `template` with `values`, inside the layout, as an HTML response.
    func page(_ template: String, title: String, values: [String: Any], context: ServerContext,
              status: HTTPResponse.Status = .ok, csrf: String, refreshSeconds: Int? = nil) -> Response {
        // Every form in the content carries the same token as the layout's.
        var values = values
        if values["csrf"] == nil { values["csrf"] = csrf }
        // A runner seen by handle (a coach's athlete): the page's links stay under that runner's address.
        let handle = context.parameters.get("handle")
        values["base"] = handle.map(ViewedAthlete.pagePrefix(handle:)) ?? ""
        values["apiBase"] = handle.map { "/api/v1/athletes" + ViewedAthlete.pagePrefix(handle: $0).dropFirst("/coach/athletes".count) } ?? "/api/v1"
        values["home"] = handle.map(ViewedAthlete.pagePrefix(handle:)) ?? "/"
        let content = library.render(values, withTemplate: template) ?? ""
        var frame: [String: Any] = ["title": title, "content": content, "csrf": csrf]
        if let handle { frame["viewing"] = values["viewing"] ?? handle }
        if let refreshSeconds { frame["refreshSeconds"] = refreshSeconds }
        if let account = context.account {
            frame["signedIn"] = true
            frame["login"] = account.login
        }
        let html = library.render(frame, withTemplate: "layout") ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
