import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file named on the command line, read with plain one-line reasons when it cannot be: it
/// does not exist, it is a folder, permission is denied. No Foundation error text.
enum InputFile {
    /// The whole file at `path`, memory-mapped where the system allows.
    ///
    /// - Throws: ``CommandFailure`` with ``ExitStatus/noInput`` and the reason.
    static func read(_ path: String) throws(CommandFailure) -> Data {
        guard !path.isEmpty else { throw CommandFailure(.usage, "an empty file name was given") }
        let name = InputError.quoted(path)
        var info = stat()
        guard stat(path, &info) == 0 else { throw CommandFailure(.noInput, "\(name) \(reason(errno))") }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw CommandFailure(.noInput, "\(name) is a folder, not a file")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CommandFailure(.noInput, "\(name) \(reason(errno))") }
        defer { close(descriptor) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            // A pipe or device (`inspect <(gunzip -c run.fit.gz)`) cannot be mapped: read it.
            return Data(try readToEnd(descriptor, name: name))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw CommandFailure(.noInput, "\(name) cannot be read")
        }
    }

    /// Everything left in `descriptor`.
    static func readToEnd(_ descriptor: Int32, name: String) throws(CommandFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(.noInput, "cannot read \(name): \(FileWriteError.text(errno))")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Standard input, read to its end.
    static func readStandardInput() throws(CommandFailure) -> [UInt8] {
        try readToEnd(0, name: "standard input")
    }

    /// What a failed `stat` or `open` means for a runner.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "does not exist"
        case ENOTDIR: "does not exist (a part of the path is not a folder)"
        case EACCES, EPERM: "cannot be opened: permission denied"
        default: "cannot be read: \(FileWriteError.text(code))"
        }
    }

    /// Whether `path` is a folder (following a link).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
