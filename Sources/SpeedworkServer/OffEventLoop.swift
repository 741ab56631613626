import Hummingbird

/// Runs a request's handler on ``PriorityExecutor/reads`` instead of the event loop that reads and
/// writes its connection (issue 12, load; docs/server.md, "Under load"). With the event loops as
/// Swift's global executor (``EventLoopExecutor``), a handler that computes for long (a page
/// rendered from the whole log, progress over ten years, a plan built) would hold up every other
/// connection of its event loop; on threads of its own it only shares the processor. The JSON reads
/// answered from the read cache stay on the event loop: a kept answer costs microseconds, and their
/// computations already run on ``PriorityExecutor/reads``.
struct OffEventLoop: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        if request.method == .get, Self.isCachedRead(request.uri.path) { return try await next(request, context) }
        return try await withTaskExecutorPreference(PriorityExecutor.reads) { try await next(request, context) }
    }

    /// Whether `path` is one of the runner's own JSON reads kept by ``LogReadCache``, as
    /// ``CachedRead`` lists them: `/api/v1/today`, `/week`, `/plan`, `/activities` and
    /// `/activities/{id}`. Allocation-free: it runs for every request.
    static func isCachedRead(_ path: String) -> Bool {
        CachedRead.matching(path) != nil
    }
}
