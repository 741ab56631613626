import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own, at a chosen scheduling priority, that run the server's background work
/// through `withTaskExecutorPreference` (issue 12, load; docs/server.md, "Import jobs" and "Read
/// cache"). Two sets:
/// - ``imports``: an import's decoding and analysis, at a raised nice value, so on a busy machine the
///   threads answering requests get the processor first and a stream of uploads does not slow reads;
/// - ``reads``: the computation of a cached read after the log changed, at the normal priority, so
///   its steps (each store read resumes on these threads) do not queue behind every request waiting
///   in Swift's global pool while the requests for that read wait on it; and every handler that is
///   not a cached read (``OffEventLoop``), so none holds up an event loop;
/// - ``passwords``: bcrypt, a quarter of a second of processor per log-in at the default cost, kept
///   apart so a burst of log-ins delays neither reads nor pages.
/// On Linux each thread raises its own nice value (`setpriority(PRIO_PROCESS, 0, …)` applies to the
/// calling thread there); elsewhere the threads run at the normal priority.
final class PriorityExecutor: TaskExecutor, @unchecked Sendable {
    /// How much the import threads raise their nice value over the process's (up to 19): 10 gives a thread about a tenth of the processor
    /// share of a thread at 0 when both want it (Linux's CFS weights 110 and 1024).
    static let importNiceness: Int32 = 10

    /// The process's import threads, one per processor, started on first use.
    static let imports = PriorityExecutor(threads: max(1, ProcessInfo.processInfo.activeProcessorCount), niceness: importNiceness,
                                          name: "sw import")

    /// The process's threads for cached reads' computations and for handlers off the event loops, one
    /// per processor, started on first use.
    static let reads = PriorityExecutor(threads: max(1, ProcessInfo.processInfo.activeProcessorCount), niceness: 0,
                                        name: "sw read")

    /// The process's threads for password hashing, one per processor, started on first use.
    static let passwords = PriorityExecutor(threads: max(1, ProcessInfo.processInfo.activeProcessorCount), niceness: 0,
                                            name: "sw password")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    /// `count` threads named `name 1`, `name 2`, … at `niceness` above the process's.
    init(threads count: Int, niceness: Int32, name: String) {
        for index in 0..<count {
            let label = "\(name) \(index + 1)"
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.nameKey] = label
                run(niceness: niceness)
            }
            thread.name = label
            thread.start()
        }
    }

    /// The name of the calling thread if it is one of these (`sw read 1`), else empty; for tests.
    static func currentThreadName() -> String {
        Thread.current.threadDictionary[nameKey] as? String ?? ""
    }

    private static let nameKey = "speedwork.executor.thread"

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// The nice value of the calling thread (Linux), for tests.
    static func currentNiceness() -> Int32 {
        #if os(Linux)
        return Int32(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
        #else
        return 0
        #endif
    }

    private func run(niceness: Int32) {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(which, 0, min(19, getpriority(which, 0) + niceness))
        #endif
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
