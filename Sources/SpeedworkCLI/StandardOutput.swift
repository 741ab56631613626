import SpeedworkFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output written with its errors checked: a report that cannot be written (a full disk
/// behind `> plan.txt`, `> /dev/full`) ends the command with ``ExitStatus/cannotWrite`` instead of
/// being lost silently.
enum StandardOutput {
    /// Writes `text` and a newline, all of it, or throws naming the system's reason.
    static func write(line text: String) throws(CommandFailure) {
        try write(Array((text + "\n").utf8), to: 1)
    }

    /// Writes `bytes` to the file descriptor, retrying short writes and interruptions.
    static func write(_ bytes: [UInt8], to descriptor: Int32) throws(CommandFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(.cannotWrite, "cannot write to standard output: \(FileWriteError.text(errno))")
            }
            offset += written
        }
    }
}
