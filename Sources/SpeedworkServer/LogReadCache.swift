import Foundation
import NIOCore
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
///
/// An upload does not make the reads wait: the server's import saves with the revision's raise held
/// back (``SpeedworkStore/ImportBatch/holdsBackRevision``), then ``publish(athlete:store:)``
/// computes afresh the answers kept for the runner, raises the revision and keeps the new answers
/// under it, all before the upload is reported done; meanwhile reads are answered from the log as
/// it was.
///
/// An answer is kept as the bytes a response sends (a `ByteBuffer`), so every request for it shares
/// one copy: a response's body is the kept buffer itself, not text copied out per request (the
/// activity list of a long log is a few hundred kilobytes).
final class LogReadCache: @unchecked Sendable {
    /// The default bound on the answers kept, in bytes of JSON.
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

    /// How an answer is computed again, and for which store (a process may serve several).
    struct Recipe: Sendable {
        let store: ObjectIdentifier
        let compute: @Sendable () async throws -> String
    }

    private enum Entry {
        /// `read`: whether a request read it since it was kept; only those are computed again for
        /// a publication, so answers nobody reads any more are not carried from import to import.
        case ready(bytes: ByteBuffer, used: UInt64, recipe: Recipe, read: Bool)
        case computing(Task<ByteBuffer, any Error>, recipe: Recipe)
    }

    /// Every cache of the process, held weakly, so an import can make their answers ready.
    private static let everyCache = CacheList()

    /// The bound, in bytes of kept answers.
    let capacityBytes: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// The newest revision seen per runner: answers of older revisions are dropped on sight.
    private var newest: [AthleteID: Int64] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    init(capacityBytes: Int = LogReadCache.defaultCapacityBytes) {
        self.capacityBytes = capacityBytes
        Self.everyCache.add(self)
    }

    /// The answer of `read` for the runner's log as it now stands, as the JSON bytes to send: kept
    /// when the log's revision and the day are unchanged, else computed by `compute` (once for every
    /// request waiting on it).
    func answer(_ read: String, athlete: AthleteID, store: any TrainingStore, today: Day = Day(Date()),
                compute: @escaping @Sendable () async throws -> String) async throws -> ByteBuffer {
        // Read first: whatever `compute` reads afterwards is at least this new.
        let revision = try await store.logRevision(for: athlete)
        let key = Key(athlete: athlete, revision: revision, today: today, read: read)
        let task: Task<ByteBuffer, any Error>
        switch lookUp(key, recipe: Recipe(store: ObjectIdentifier(store as AnyObject), compute: compute)) {
        case .ready(let answer, _, _, _):
            return answer
        case .computing(let running, _):
            task = running
        }
        do {
            let answer = try await task.value
            keep(answer, for: key, from: task)
            return answer
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
    private func lookUp(_ key: Key, recipe: Recipe) -> Entry {
        lock.withLock {
            clock += 1
            if let entry = entries[key] {
                if case .ready(let answer, _, let kept, _) = entry { entries[key] = .ready(bytes: answer, used: clock, recipe: kept, read: true) }
                return entry
            }
            let compute = recipe.compute
            if let seen = newest[key.athlete], seen > key.revision {
                // Another request already saw a newer log: compute for this one, keep nothing.
                return .computing(Task(executorPreference: PriorityExecutor.reads) { ByteBuffer(string: try await compute()) }, recipe: recipe)
            }
            if newest[key.athlete] != key.revision { dropAnswers(of: key.athlete) }
            newest[key.athlete] = key.revision
            let task = Task(executorPreference: PriorityExecutor.reads) { ByteBuffer(string: try await compute()) }
            entries[key] = .computing(task, recipe: recipe)
            return .computing(task, recipe: recipe)
        }
    }

    /// Keeps the finished answer of `task` (unless its key was dropped meanwhile), then trims the
    /// least recently used answers while over capacity.
    private func keep(_ answer: ByteBuffer, for key: Key, from task: Task<ByteBuffer, any Error>) {
        lock.withLock {
            guard case .computing(let running, let recipe)? = entries[key], running == task else { return }
            clock += 1
            entries[key] = .ready(bytes: answer, used: clock, recipe: recipe, read: true)
            bytes += answer.readableBytes
            trimToCapacity()
        }
    }

    /// Drops the least recently used answers while over capacity (under the lock).
    private func trimToCapacity() {
        guard bytes > capacityBytes else { return }
        let oldest = entries.compactMap { key, entry -> (Key, UInt64, Int)? in
            if case .ready(let answer, let used, _, _) = entry { (key, used, answer.readableBytes) } else { nil }
        }.sorted { $0.1 < $1.1 }
        // Down to three quarters, so a full cache does not sort on every answer.
        for (key, _, size) in oldest where bytes > capacityBytes * 3 / 4 {
            entries[key] = nil
            bytes -= size
        }
    }

    /// Forgets a failed computation, so the next request tries again.
    private func forget(_ key: Key, from task: Task<ByteBuffer, any Error>) {
        lock.withLock {
            if case .computing(let running, _)? = entries[key], running == task { entries[key] = nil }
        }
    }

    /// Drops every answer of an older revision of the runner's log (under the lock).
    private func dropAnswers(of athlete: AthleteID) {
        for (key, entry) in entries where key.athlete == athlete {
            if case .ready(let answer, _, _, _) = entry { bytes -= answer.readableBytes }
            entries[key] = nil
        }
    }

    // MARK: - Publishing an import

    /// An answer computed for the revision about to be published.
    struct Fresh: Sendable {
        let key: Key
        let answer: ByteBuffer
        let recipe: Recipe
    }

    /// Makes what an import saved with the raise held back known (issue 12, load): every cache of
    /// the process computes afresh the answers it keeps for the runner's current revision on this
    /// store (those a request read since they were kept), then the revision is raised and, when no
    /// other write raised it meanwhile, the new answers are kept under the new revision, so the reads
    /// after the import find them ready. No request waits for these computations (reads are
    /// answered from the log as it was until the raise), so they run on the import's threads
    /// (``PriorityExecutor/imports``), behind the requests; one that fails is left to the next read.
    /// Returns the new revision.
    @discardableResult
    static func publish(athlete: AthleteID, store: any TrainingStore, today: Day = Day(Date())) async throws -> Int64 {
        let before = try await store.logRevision(for: athlete)
        let storeID = ObjectIdentifier(store as AnyObject)
        let caches = everyCache.live
        let fresh = await withTaskExecutorPreference(PriorityExecutor.imports) {
            var fresh: [[Fresh]] = []
            for cache in caches { fresh.append(await cache.computeAfresh(athlete: athlete, store: storeID, revision: before, today: today)) }
            return fresh
        }
        let after = try await store.publishRevision(for: athlete)
        if after == before + 1 {
            for (cache, answers) in zip(caches, fresh) { cache.keep(answers, athlete: athlete, revision: after) }
        }
        return after
    }

    /// The answers kept for the runner at `revision` on `store` for `today`, computed again.
    private func computeAfresh(athlete: AthleteID, store: ObjectIdentifier, revision: Int64, today: Day) async -> [Fresh] {
        let kept = lock.withLock {
            entries.compactMap { key, entry -> (Key, Recipe)? in
                guard key.athlete == athlete, key.revision == revision, key.today == today,
                      case .ready(_, _, let recipe, true) = entry, recipe.store == store else { return nil }
                return (key, recipe)
            }
        }
        var fresh: [Fresh] = []
        for (key, recipe) in kept {
            guard let text = try? await recipe.compute() else { continue }
            fresh.append(Fresh(key: key, answer: ByteBuffer(string: text), recipe: recipe))
        }
        return fresh
    }

    /// Keeps `answers` under `revision` unless the cache already saw a newer one, leaving any answer
    /// a read already computed or is computing for it.
    private func keep(_ answers: [Fresh], athlete: AthleteID, revision: Int64) {
        guard !answers.isEmpty else { return }
        lock.withLock {
            if let seen = newest[athlete], seen > revision { return }
            if newest[athlete] != revision { dropAnswers(of: athlete) }
            newest[athlete] = revision
            for answer in answers {
                let key = Key(athlete: athlete, revision: revision, today: answer.key.today, read: answer.key.read)
                guard entries[key] == nil else { continue }
                clock += 1
                entries[key] = .ready(bytes: answer.answer, used: clock, recipe: answer.recipe, read: false)
                bytes += answer.answer.readableBytes
            }
            trimToCapacity()
        }
    }

    /// The caches of the process, held weakly.
    private final class CacheList: @unchecked Sendable {
        private struct Weak { weak var cache: LogReadCache? }
        private let lock = NSLock()
        private var caches: [Weak] = []

        func add(_ cache: LogReadCache) {
            lock.withLock {
                caches.removeAll { $0.cache == nil }
                caches.append(Weak(cache: cache))
            }
        }

        var live: [LogReadCache] {
            lock.withLock { caches.compactMap(\.cache) }
        }
    }
}
