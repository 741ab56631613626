import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Threads at a lower scheduling priority that run the server's imports (issue 12, load; docs/server.md,
/// "Import jobs"): an import's decoding and analysis run here, through
/// `withTaskExecutorPreference`, so on a busy machine the threads answering requests get the
/// processor first and a stream of uploads does not slow reads. On Linux each thread raises its
/// own nice value (`setpriority(PRIO_PROCESS, 0, …)` applies to the calling thread there);
/// elsewhere the threads run at the normal priority.
final class ImportExecutor: TaskExecutor, @unchecked Sendable {
    /// How much the import threads raise their nice value over the process's (up to 19): 10 gives a thread about a tenth of the processor
    /// share of a thread at 0 when both want it (Linux's CFS weights 110 and 1024).
    static let niceness: Int32 = 10

    /// The process's import threads, one per processor, started on first use.
    static let shared = ImportExecutor(threads: max(1, ProcessInfo.processInfo.activeProcessorCount), niceness: niceness)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    init(threads count: Int, niceness: Int32) {
        for index in 0..<count {
            let thread = Thread { [self] in run(niceness: niceness) }
            thread.name = "speedwork import \(index + 1)"
            thread.start()
        }
    }

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
