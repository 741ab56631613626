import Foundation

/// Tells this process's import workers that a job was just queued, so they claim it at once
/// instead of at their next look at the database, and that the process is stopping. Jobs queued by
/// another process are found by that look (``ImportWorkers/pollInterval``).
final class JobBell: @unchecked Sendable {
    /// How often a waiting worker checks for a ring, in milliseconds.
    static let checkMilliseconds = 50

    private let lock = NSLock()
    private var rings = 0
    private var stopped = false

    /// Says a job was queued.
    func ring() {
        lock.lock()
        rings += 1
        lock.unlock()
    }

    /// Says the process is stopping: workers take no new job.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// Whether ``stop()`` was called.
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// How many times it has rung so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return rings
    }

    /// Waits up to `seconds`, returning early when it rings after `seen` rings or stops.
    func wait(upTo seconds: TimeInterval, since seen: Int) async {
        let checks = max(1, Int(seconds * 1000) / Self.checkMilliseconds)
        for _ in 0..<checks {
            if count != seen || isStopped || Task.isCancelled { return }
            try? await Task.sleep(for: .milliseconds(Self.checkMilliseconds))
        }
    }
}
