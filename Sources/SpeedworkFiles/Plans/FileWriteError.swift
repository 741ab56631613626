import Speedwork
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an export (a calendar, a folder of FIT workouts) could not be written: the path and the
/// system's reason in one line, e.g. `cannot write 'plan.ics': No space left on device`.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder, as given.
    public let path: String
    /// What went wrong, in the C library's words or the project's.
    public let reason: String

    /// Creates an error for `path` with a one-line `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error for `path` from the `errno` value `code`.
    public init(path: String, code: Int32) {
        self.init(path: path, reason: Self.text(code))
    }

    /// `cannot write 'PATH': REASON`, the path shortened when long.
    public var description: String {
        "cannot write \(InputError.quoted(path)): \(reason)"
    }

    /// The C library's reason for an `errno` value, starting in lower case ("no space left on device").
    public static func text(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "system error \(code)" }
        let text = String(cString: message)
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
