import Foundation
import SpeedworkStore

/// The uploads this server knows, by id, in memory: a restart forgets them (the activities they
/// added stay in the log). At most ``remembered`` are kept; past that the oldest finished ones go.
final class UploadBoard: @unchecked Sendable {
    /// How many uploads are remembered.
    static let remembered = 1_000

    private let lock = NSLock()
    private var uploads: [UUID: Upload] = [:]

    /// Adds a new upload.
    func add(_ upload: Upload) {
        lock.lock()
        defer { lock.unlock() }
        uploads[upload.id] = upload
        if uploads.count > Self.remembered {
            let oldest = uploads.values.filter(\.finished).sorted { $0.createdAt < $1.createdAt }
            for upload in oldest.prefix(uploads.count - Self.remembered) { uploads[upload.id] = nil }
        }
    }

    /// The upload `id` when it belongs to `account`; nil for another account's, as for none.
    func upload(_ id: UUID, of account: AccountID) -> Upload? {
        lock.lock()
        defer { lock.unlock() }
        guard let upload = uploads[id], upload.account == account else { return nil }
        return upload
    }

    /// Changes the upload `id`, if it is known.
    func update(_ id: UUID, _ change: (inout Upload) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard var upload = uploads[id] else { return }
        change(&upload)
        uploads[id] = upload
    }

    /// Forgets the upload `id` (its files never arrived whole).
    func remove(_ id: UUID) {
        lock.lock()
        defer { lock.unlock() }
        uploads[id] = nil
    }
}

/// A bound on imports running at once: each upload's import waits for a slot, so a burst of
/// uploads queues instead of loading every core and database connection at once.
actor ImportSlots {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives the slot back, to the longest-waiting import if any.
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
