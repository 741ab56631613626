import Foundation
import SpeedworkReports

/// One step of an import, handed from the thread that walks the inputs to the pipeline.
enum ImportWork: Sendable {
    /// Where a file's bytes are.
    enum Source: Sendable {
        /// On disk at the candidate's path, read by the worker that decodes it.
        case disk
        /// Already read (an archive member).
        case bytes(Data)
        /// Could not be read out of its archive, for this reason.
        case unreadable(String)
    }

    /// A file to read, decode, analyse and pack; `name` and `sport` come from an export's index.
    case read(ImportCandidate, Source, name: String?, sport: String?)
    /// A file an earlier import recorded with this path, size and time: not read again.
    case unchanged(ImportCandidate)
    /// An archive that could not be read (not recorded, so a later import tries it again).
    case archiveFailed(path: String, reason: String)
}

/// A bounded hand-over from one producing thread to the importing task: the producer blocks when
/// `capacity` steps wait, so memory stays flat however many files there are (issue 9).
final class ImportQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [ImportWork] = []
    private var waiting: CheckedContinuation<ImportWork?, Never>?
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands over `work`, waiting while the queue is full; false once the import has stopped.
    func send(_ work: ImportWork) -> Bool {
        condition.lock()
        while buffer.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else {
            condition.unlock()
            return false
        }
        if let waiting {
            self.waiting = nil
            condition.unlock()
            waiting.resume(returning: work)
            return true
        }
        buffer.append(work)
        condition.unlock()
        return true
    }

    /// Says that nothing more comes.
    func finish() {
        condition.lock()
        finished = true
        let waiting = self.waiting
        self.waiting = nil
        condition.unlock()
        waiting?.resume(returning: nil)
    }

    /// Stops the producer: its next ``send(_:)`` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next step, or nil when the producer has finished and everything was taken.
    func next() async -> ImportWork? {
        await withCheckedContinuation { continuation in
            condition.lock()
            if !buffer.isEmpty {
                let work = buffer.removeFirst()
                condition.signal()
                condition.unlock()
                continuation.resume(returning: work)
            } else if finished {
                condition.unlock()
                continuation.resume(returning: nil)
            } else {
                waiting = continuation
                condition.unlock()
            }
        }
    }
}
