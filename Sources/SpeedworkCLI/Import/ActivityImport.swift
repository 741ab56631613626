import Foundation
import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore

/// `speedwork import`'s pipeline (issue 9; docs/import.md): one thread walks the inputs and hands
/// each file over through a bounded queue, recognising files an earlier import recorded (same
/// path, size and time) without reading them; workers on every core decode, analyse and pack the
/// others, at most ``inFlightPerWorker`` files each at a time; the results are put back in the
/// order the files were found and go to the one ``ImportWriter``. Memory is flat in the number of
/// files; a bad file is skipped with its reason and never stops the import.
struct ActivityImport {
    /// Files decoded at once per worker, and queued per worker ahead of them.
    static let inFlightPerWorker = 2

    let store: any TrainingStore
    let athlete: AthleteID
    /// How many files are decoded at once: the cores of the machine.
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Told the count of files done after each file (the web app's upload progress).
    var onFileDone: (@Sendable (Int) -> Void)?

    /// A file as the store recognises it: path, size, and time to the millisecond.
    struct FileKey: Hashable, Sendable {
        let path: String
        let sizeBytes: Int64
        let modifiedAt: Date

        init(_ record: ImportedFile) {
            path = record.path
            sizeBytes = record.sizeBytes
            modifiedAt = record.modifiedAt
        }

        init(_ candidate: ImportCandidate) {
            self.init(ImportedFile(path: candidate.path, sizeBytes: candidate.sizeBytes, modifiedAt: candidate.modifiedAt, outcome: .skipped))
        }
    }

    /// Imports `inputs`, drawing progress on standard error when `terminal`.
    func run(_ inputs: [ImportInput], terminal: Bool) async throws -> ImportSummary {
        let records = try await store.importedFiles(for: athlete)
        var recorded = Set<FileKey>(minimumCapacity: records.count)
        var known = Set<String>(minimumCapacity: records.count)
        for record in records {
            recorded.insert(FileKey(record))
            if let hash = record.contentHash { known.insert(hash) }
        }
        var totalFiles = 0
        var totalBytes: Int64 = 0
        for input in inputs {
            switch input {
            case .file(let candidate, _):
                totalFiles += 1
                totalBytes += candidate.sizeBytes
            case .archive(let candidate):
                totalBytes += candidate.sizeBytes
            }
        }
        let queue = ImportQueue(capacity: workers * Self.inFlightPerWorker)
        let walk = Thread { [recorded] in Self.walk(inputs, recorded: recorded, into: queue) }
        walk.name = "speedwork import walk"
        walk.start()
        let limit = workers * Self.inFlightPerWorker
        do {
            return try await withThrowingTaskGroup(of: (Int, DecodedFile).self) { group in
                var writer = ImportWriter(store: store, athlete: athlete, known: known)
                var progress = ImportProgress(totalFiles: totalFiles, totalBytes: totalBytes, terminal: terminal)
                progress.onFileDone = onFileDone
                var issued = 0
                var written = 0
                var ready: [Int: DecodedFile] = [:]
                func collectOne() async throws -> Bool {
                    guard let (index, file) = try await group.next() else { return false }
                    ready[index] = file
                    return true
                }
                while let work = await queue.next() {
                    switch work {
                    case .unchanged(let candidate):
                        writer.unchanged()
                        progress.advance(bytes: candidate.sizeBytes)
                    case .archiveFailed(let path, let reason):
                        writer.archiveFailed(path, reason: reason)
                    case .read(let candidate, let source, let name, let sport):
                        while issued - written >= limit, try await collectOne() {
                            while let file = ready.removeValue(forKey: written) {
                                try await writer.add(file)
                                progress.advance(bytes: file.bytes)
                                written += 1
                            }
                        }
                        let index = issued
                        issued += 1
                        group.addTask { (index, DecodedFile.decode(candidate, source, name: name, sport: sport)) }
                    }
                }
                while try await collectOne() {
                    while let file = ready.removeValue(forKey: written) {
                        try await writer.add(file)
                        progress.advance(bytes: file.bytes)
                        written += 1
                    }
                }
                try await writer.save()
                progress.finish()
                return writer.summary
            }
        } catch {
            queue.cancel()
            throw error
        }
    }

    /// The error's one line without the `place: ` it starts with, for a message that names the
    /// file by its whole path.
    static func reason(_ error: any Error, naming place: String) -> String {
        let text = "\(error)"
        return text.hasPrefix(place + ": ") ? String(text.dropFirst(place.count + 2)) : text
    }

    /// Hands every file of `inputs` to `queue` in order, as recorded or to read; archive members
    /// are read here, only when not recorded.
    private static func walk(_ inputs: [ImportInput], recorded: Set<FileKey>, into queue: ImportQueue) {
        defer { queue.finish() }
        struct Stopped: Error {}
        for input in inputs {
            switch input {
            case .file(let candidate, _):
                let work: ImportWork = recorded.contains(FileKey(candidate)) ? .unchanged(candidate) : .read(candidate, .disk, name: nil, sport: nil)
                guard queue.send(work) else { return }
            case .archive(let archive):
                let folder = URL(fileURLWithPath: archive.path).deletingLastPathComponent().path
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                do {
                    try ImportArchive.forEachMember(in: archive.path) { member, read in
                        let candidate = ImportCandidate(path: prefix + member.path, sizeBytes: member.sizeBytes,
                                                        modifiedAt: member.modifiedAt)
                        let work: ImportWork
                        if recorded.contains(FileKey(candidate)) {
                            work = .unchanged(candidate)
                        } else {
                            let source: ImportWork.Source
                            do {
                                source = .bytes(try read())
                            } catch {
                                source = .unreadable(Self.reason(error, naming: member.path))
                            }
                            work = .read(candidate, source, name: member.name, sport: member.sport)
                        }
                        guard queue.send(work) else { throw Stopped() }
                    }
                } catch is Stopped {
                    return
                } catch {
                    let name = URL(fileURLWithPath: archive.path).lastPathComponent
                    let reason = archive.path + ": " + Self.reason(error, naming: name)
                    guard queue.send(.archiveFailed(path: archive.path, reason: reason)) else { return }
                }
            }
        }
    }
}
