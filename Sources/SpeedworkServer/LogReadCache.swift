import Foundation
import Speedwork
import SpeedworkStore

/// What the JSON reads of a runner's log computed (today, week, the plan as it stands, an activity
/// graded against its planned session), kept until the log changes (issue 12, load; docs/server.md,
/// "Read cache"). An answer is keyed by the runner, the log's revision read before computing it
/// (``TrainingStore/logRevision(for:)``), the day it was computed on and the read's own name, so
/// any write of the runner's data, by this process or another on the same database, makes the next
/// read compute afresh; and a new day does too. Requests that miss together wait for one
/// computation, which runs on ``PriorityExecutor/reads`` so it does not queue behind the requests
/// waiting for it. Bounded: the least recently used answers go when the total passes the capacity.
final class LogReadCache: @unchecked Sendable {
    /// The default bound on the answers kept, in bytes of JSON text.
    static let defaultCapacityBytes = 32 * 1024 * 1024

    /// One answer's identity.
    struct Key: Hashable, Sendable {
        let athlete: AthleteID
        let revision: Int64
        /// The server's day (UTC) when computed: reads grade against "today".
        let today: Day
        /// The read and its arguments: `today/2026-11-30`, `activity/<hash>`.
        let read: String
    }

    private enum Entry {
        case ready(text: String, used: UInt64)
        case computing(Task<String, any Error>)
    }

    /// The bound, in bytes of kept text.
    let capacityBytes: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// The newest revision seen per runner: answers of older revisions are dropped on sight.
    private var newest: [AthleteID: Int64] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    init(capacityBytes: Int = LogReadCache.defaultCapacityBytes) {
        self.capacityBytes = capacityBytes
    }

    /// The answer of `read` for the runner's log as it now stands: kept when the log's revision and
    /// the day are unchanged, else computed by `compute` (once for every request waiting on it).
    func answer(_ read: String, athlete: AthleteID, store: any TrainingStore, today: Day = Day(Date()),
                compute: @escaping @Sendable () async throws -> String) async throws -> String {
        // Read first: whatever `compute` reads afterwards is at least this new.
        let revision = try await store.logRevision(for: athlete)
        let key = Key(athlete: athlete, revision: revision, today: today, read: read)
        let task: Task<String, any Error>
        switch lookUp(key, compute: compute) {
        case .ready(let text, _):
            return text
        case .computing(let running):
            task = running
        }
        do {
            let text = try await task.value
            keep(text, for: key, from: task)
            return text
        } catch {
            forget(key, from: task)
            throw error
        }
    }

    /// How many answers are kept and their total size in bytes.
    var size: (answers: Int, bytes: Int) {
        lock.withLock {
            (entries.values.reduce(0) { count, entry in if case .ready = entry { count + 1 } else { count } }, bytes)
        }
    }

    /// The kept answer, the computation under way, or a new computation, started under the lock so
    /// requests that miss together share it.
    private func lookUp(_ key: Key, compute: @escaping @Sendable () async throws -> String) -> Entry {
        lock.withLock {
            clock += 1
            if let entry = entries[key] {
                if case .ready(let text, _) = entry { entries[key] = .ready(text: text, used: clock) }
                return entry
            }
            if let seen = newest[key.athlete], seen > key.revision {
                // Another request already saw a newer log: compute for this one, keep nothing.
                return .computing(Task(executorPreference: PriorityExecutor.reads) { try await compute() })
            }
            if newest[key.athlete] != key.revision { dropAnswers(of: key.athlete) }
            newest[key.athlete] = key.revision
            let task = Task(executorPreference: PriorityExecutor.reads) { try await compute() }
            entries[key] = .computing(task)
            return .computing(task)
        }
    }

    /// Keeps the finished answer of `task` (unless its key was dropped meanwhile), then trims the
    /// least recently used answers while over capacity.
    private func keep(_ text: String, for key: Key, from task: Task<String, any Error>) {
        lock.withLock {
            guard case .computing(let running)? = entries[key], running == task else { return }
            clock += 1
            entries[key] = .ready(text: text, used: clock)
            bytes += text.utf8.count
            guard bytes > capacityBytes else { return }
            let oldest = entries.compactMap { key, entry -> (Key, UInt64, Int)? in
                if case .ready(let text, let used) = entry { (key, used, text.utf8.count) } else { nil }
            }.sorted { $0.1 < $1.1 }
            // Down to three quarters, so a full cache does not sort on every answer.
            for (key, _, size) in oldest where bytes > capacityBytes * 3 / 4 {
                entries[key] = nil
                bytes -= size
            }
        }
    }

    /// Forgets a failed computation, so the next request tries again.
    private func forget(_ key: Key, from task: Task<String, any Error>) {
        lock.withLock {
            if case .computing(let running)? = entries[key], running == task { entries[key] = nil }
        }
    }

    /// Drops every answer of an older revision of the runner's log (under the lock).
    private func dropAnswers(of athlete: AthleteID) {
        for (key, entry) in entries where key.athlete == athlete {
            if case .ready(let text, _) = entry { bytes -= text.utf8.count }
            entries[key] = nil
        }
    }
}
