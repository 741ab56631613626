import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to the bytes of a zip archive without loading it: a file read with `pread` at
/// the offsets the central directory gives, a window of it (a stored zip inside the zip), or bytes
/// already in memory (a compressed zip inside the zip, inflated within ``ArchiveLimits``).
struct ZipBytes: Sendable {
    /// An open file descriptor, closed when the last reader lets go of it.
    final class OpenFile: Sendable {
        let descriptor: Int32

        init(descriptor: Int32) { self.descriptor = descriptor }

        deinit { close(descriptor) }
    }

    private enum Storage: Sendable {
        case file(OpenFile)
        case memory(Data)
    }

    private let storage: Storage
    private let base: Int64
    /// How many bytes the archive has.
    let count: Int64

    /// Opens the file at `url` for reading.
    init(contentsOf url: URL) throws(ArchiveError.Problem) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        let file = OpenFile(descriptor: descriptor)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(reason: "not a regular file")
        }
        storage = .file(file)
        base = 0
        count = Int64(status.st_size)
    }

    /// The archive held in `data`.
    init(_ data: Data) {
        storage = .memory(data)
        base = 0
        count = Int64(data.count)
    }

    private init(storage: Storage, base: Int64, count: Int64) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    /// The `length` bytes at `offset` as an archive of their own; nil when they are not all there.
    func window(at offset: Int64, length: Int64) -> ZipBytes? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return ZipBytes(storage: storage, base: base + offset, count: length)
    }

    /// The `length` bytes at `offset`; throws when they run past the end.
    func read(at offset: Int64, length: Int) throws(ArchiveError.Problem) -> Data {
        guard offset >= 0, length >= 0, offset <= count, Int64(length) <= count - offset else {
            throw .corruptDirectory(reason: "a record at byte \(offset) runs past the end of the archive (\(count) bytes)")
        }
        if length == 0 { return Data() }
        switch storage {
        case .memory(let data):
            let start = data.startIndex + Int(base + offset)
            return data.subdata(in: start..<(start + length))
        case .file(let file):
            var result = Data(count: length)
            var done = 0
            let failure: Int32? = result.withUnsafeMutableBytes { buffer -> Int32? in
                while done < length {
                    let got = pread(file.descriptor, buffer.baseAddress! + done, length - done, off_t(base + offset) + off_t(done))
                    if got < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    if got == 0 { return 0 }
                    done += got
                }
                return nil
            }
            if let failure {
                let reason = failure == 0 ? "the file ends at byte \(base + offset + Int64(done)), shorter than it was" : String(cString: strerror(failure))
                throw .unreadable(reason: reason)
            }
            return result
        }
    }
}
