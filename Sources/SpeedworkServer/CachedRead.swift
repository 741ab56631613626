import Hummingbird

/// The runner's own JSON reads answered from ``LogReadCache`` (issue 12, load; docs/server.md,
/// "Under load"): the one list the router registers them from and ``OffEventLoop`` keeps on the
/// event loop, so a cached read added or moved cannot drift from what stays there.
enum CachedRead: Int, CaseIterable, Sendable {
    /// `GET /api/v1/today`.
    case today
    /// `GET /api/v1/week`.
    case week
    /// `GET /api/v1/plan`.
    case plan
    /// `GET /api/v1/activities`.
    case activities
    /// `GET /api/v1/activities/{id}`.
    case activity

    /// The group every cached read is registered on: the runner's own API, behind the token.
    static let group = "/api/v1"

    /// The route under ``group``, as the router takes it (`{name}` is a path parameter).
    var route: String {
        switch self {
        case .today: "/today"
        case .week: "/week"
        case .plan: "/plan"
        case .activities: "/activities"
        case .activity: "/activities/{id}"
        }
    }

    /// The read `path` asks for, if any: `path` is ``group`` followed by one of the routes, a
    /// parameter standing for one non-empty segment. Compares bytes in place, allocating nothing,
    /// as it runs on the event loop for every request.
    static func matching(_ path: String) -> CachedRead? {
        let bytes = path.utf8
        guard let rest = Self.skipping(group.utf8, in: bytes, from: bytes.startIndex) else { return nil }
        // The cases by raw value rather than through an array: a generic collection's iteration
        // allocates where it is not specialised (debug builds).
        var raw = 0
        while let read = CachedRead(rawValue: raw) {
            if Self.matches(read: read.route.utf8, bytes, from: rest) { return read }
            raw += 1
        }
        return nil
    }

    /// Registers every cached read as a GET route on `api` (the `/api/v1` group behind the token),
    /// each answered by `answer`.
    static func register(on api: RouterGroup<ServerContext>,
                         _ answer: @escaping @Sendable (CachedRead, Request, ServerContext) async throws -> Response) {
        for read in allCases {
            api.get(RouterPath(read.route)) { request, context in try await answer(read, request, context) }
        }
    }

    /// The index in `bytes` after `prefix` when `bytes` starts with it at `start`.
    private static func skipping(_ prefix: String.UTF8View, in bytes: String.UTF8View,
                                 from start: String.UTF8View.Index) -> String.UTF8View.Index? {
        var at = start
        for byte in prefix {
            guard at != bytes.endIndex, bytes[at] == byte else { return nil }
            at = bytes.index(after: at)
        }
        return at
    }

    /// Whether `bytes` from `start` to its end is the route `pattern`, each `{name}` in it standing
    /// for one non-empty segment.
    private static func matches(read pattern: String.UTF8View, _ bytes: String.UTF8View,
                                from start: String.UTF8View.Index) -> Bool {
        let slash = UInt8(ascii: "/"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var at = start
        var inParameter = false
        for byte in pattern {
            if inParameter {
                if byte == close { inParameter = false }
                continue
            }
            if byte == open {
                inParameter = true
                let segmentStart = at
                while at != bytes.endIndex, bytes[at] != slash { at = bytes.index(after: at) }
                if at == segmentStart { return false }
                continue
            }
            guard at != bytes.endIndex, bytes[at] == byte else { return false }
            at = bytes.index(after: at)
        }
        return at == bytes.endIndex
    }
}
