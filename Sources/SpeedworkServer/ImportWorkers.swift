import Foundation
import Logging
import ServiceLifecycle
import SpeedworkStore

/// The server's import workers (issue 12; docs/server.md, "Import jobs"): each claims a queued
/// upload's job from the database, runs the ``ActivityImporter`` on its files in the data folder,
/// renews its lease and writes its progress every second, and finishes the job with the tally. A
/// job whose worker died (its lease expired) is claimed again and imported from the start; the
/// import is idempotent (content hash), so the second run adds exactly what the first did not.
struct ImportWorkers: Service {
    /// How often an idle worker looks for jobs queued by other processes, in seconds.
    static let pollInterval: TimeInterval = 1
    /// How often a running import renews its lease and writes its progress, in seconds.
    static let renewInterval: TimeInterval = 1
    /// Claims a job may have: a job whose import stopped its process this often is failed rather
    /// than claimed again, so one hostile upload cannot take every restart down.
    static let attemptsAllowed = 3

    let store: any ServerStore
    let importer: (any ActivityImporter)?
    let count: Int
    let lease: TimeInterval
    let dataFolder: String
    let bell: JobBell
    let logger: Logger
    /// This process's part of each worker's name: host, process id and a random tag, so workers of
    /// different processes (and of a restarted one) never share a name.
    let process: String

    init(configuration: ServerConfiguration, store: any ServerStore, bell: JobBell) {
        self.store = store
        importer = configuration.importer
        count = configuration.importWorkers
        lease = configuration.importLease
        dataFolder = configuration.dataFolder
        self.bell = bell
        var logger = Logger(label: "speedwork.import")
        logger.logLevel = .notice
        self.logger = logger
        process = "\(Self.hostName())/\(getpid())/\(UUID().uuidString.prefix(8).lowercased())"
    }

    func run() async throws {
        guard importer != nil else {
            try? await gracefulShutdown()
            return
        }
        let bell = bell
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for index in 0..<count {
                    group.addTask { await work(as: "\(process)/\(index + 1)") }
                }
            }
        } onGracefulShutdown: {
            bell.stop()
        }
    }

    /// One worker: claims and runs jobs until the process stops.
    private func work(as worker: String) async {
        while !bell.isStopped, !Task.isCancelled {
            let seen = bell.count
            let job: ImportJob?
            do {
                let now = Date()
                job = try await store.claimImportJob(worker: worker, at: now, leaseExpiredBefore: now.addingTimeInterval(-lease))
            } catch {
                logger.error("cannot claim an import job: \(String(describing: error))")
                await bell.wait(upTo: Self.pollInterval, since: seen)
                continue
            }
            guard let job else {
                await bell.wait(upTo: Self.pollInterval, since: seen)
                continue
            }
            await run(job, as: worker)
        }
    }

    /// Imports one claimed job's files and finishes it; its folder goes once the job is finished.
    private func run(_ job: ImportJob, as worker: String) async {
        guard let importer else { return }
        let folder = Self.folder(of: job, in: dataFolder)
        if job.attempts > Self.attemptsAllowed {
            await finish(job, as: worker, .failed("the import stopped \(job.attempts - 1) times before it finished: upload the files again, fewer at a time"), folder: folder)
            return
        }
        guard FileManager.default.fileExists(atPath: folder) else {
            await finish(job, as: worker, .failed("the uploaded files are no longer on the server: upload them again"), folder: nil)
            return
        }
        let counts = FileCounts(total: job.files.count)
        let (store, renewal) = (store, Self.renewInterval)
        let renewing = Task {
            var published = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(renewal * 1000)))
                guard !Task.isCancelled else { return }
                let (done, total) = counts.value
                _ = try? await store.recordImportProgress(job.id, worker: worker, filesDone: done, filesTotal: total, at: Date())
                // A long import shows in the cached reads as it goes, once a renewal.
                if done > published, (try? await LogReadCache.publish(athlete: job.athlete, store: store)) != nil { published = done }
            }
        }
        let paths = job.files.map { (folder as NSString).appendingPathComponent($0) }
        var outcome: ImportJobOutcome
        do {
            // Saved with the revision's raise held back, published below once the reads are ready.
            let tally = UploadPages.named(try await ImportBatch.$holdsBackRevision.withValue(true) {
                try await withTaskExecutorPreference(PriorityExecutor.imports) {
                    try await importer.importFiles(paths, into: store, for: job.athlete) { done, total in counts.set(done: done, total: total) }
                }
            }, folder: folder)
            outcome = .done(ImportJob.Result(files: tally.files, added: tally.added, alreadyThere: tally.alreadyThere,
                                             skipped: tally.skipped.map { ImportJob.Skipped(file: $0.file, reason: $0.reason) },
                                             activities: tally.activities))
        } catch {
            outcome = .failed(ErrorBoundary.refusal(for: error, logger: logger).message)
        }
        renewing.cancel()
        // Whatever was saved, even by an import that failed half-way, is published before the job
        // is finished, so a runner told "done" reads it.
        do {
            try await LogReadCache.publish(athlete: job.athlete, store: store)
        } catch {
            outcome = .failed(ErrorBoundary.refusal(for: error, logger: logger).message)
        }
        if case .failed = outcome, bell.isStopped {
            // Stopped with the process (its database closing): another worker takes it up again.
            _ = try? await store.releaseImportJob(job.id, worker: worker)
            return
        }
        await finish(job, as: worker, outcome, folder: folder)
    }

    private func finish(_ job: ImportJob, as worker: String, _ outcome: ImportJobOutcome, folder: String?) async {
        do {
            guard try await store.finishImportJob(job.id, worker: worker, outcome: outcome, at: Date()) else {
                logger.notice("import job \(job.id.uuidString.lowercased()) was taken over by another worker")
                return
            }
            if let folder { try? FileManager.default.removeItem(atPath: folder) }
        } catch {
            logger.error("cannot finish import job \(job.id.uuidString.lowercased()): \(String(describing: error))")
        }
    }

    /// The job's folder on this machine: a relative folder is in the data folder.
    static func folder(of job: ImportJob, in dataFolder: String) -> String {
        job.folder.hasPrefix("/") ? job.folder : (dataFolder as NSString).appendingPathComponent(job.folder)
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "host" }
        return String(cString: buffer)
    }
}

/// How far a running import got, as its importer last said: written by the import, read by the
/// lease renewal.
final class FileCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total: Int

    init(total: Int) {
        self.total = total
    }

    func set(done: Int, total: Int) {
        lock.lock()
        self.done = done
        self.total = max(total, done)
        lock.unlock()
    }

    var value: (done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (done, total)
    }
}
