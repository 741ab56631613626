import NIOCore
import NIOPosix

/// Runs the server's Swift tasks on its network threads (issue 12, load; docs/server.md, "Under
/// load"). Hummingbird reads and writes each connection on an event loop while its handlers run as
/// Swift tasks, so by default every request crosses from an event loop to Swift's global pool and
/// back, and a two-core machine runs four busy threads that the kernel's time slices interleave.
/// With SwiftNIO's event loops installed as the global executor, a request's handler runs on the
/// threads that do its I/O: measured on the load benchmark, p99 of the JSON reads fell from 15–19 ms
/// to 8–9 ms. Work with an executor preference (``PriorityExecutor``) still runs on its own threads.
public enum EventLoopExecutor {
    private static let installed = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

    /// Installs the event loops as the global executor (once per process; later calls do nothing)
    /// and says whether they now are. Call it before the server starts, as the `speedwork` executable does for `serve`.
    @discardableResult
    public static func install() -> Bool { installed }
}
