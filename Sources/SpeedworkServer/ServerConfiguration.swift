import Foundation
import Speedwork
import SpeedworkStore

/// How the web app runs (issue 11): where it listens, which log it serves, and its security
/// settings. A value, never a global (ARCHITECTURE.md item 5); ``validate()`` checks every field.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; loopback by default, so nothing is exposed until asked.
    public var host: String = ServerConfiguration.defaultHost
    /// The TCP port; 0 asks the system for any free port (the address is printed once bound).
    public var port: Int = ServerConfiguration.defaultPort
    /// The training log the app serves.
    public var database: DatabaseLocation
    /// Where the app keeps files (uploads, once they come), created on first use.
    public var dataFolder: String
    /// Marks cookies `Secure`, so browsers send them over HTTPS only: set it behind TLS.
    public var secureCookies: Bool = false
    /// The largest request body accepted, in bytes; a larger one is refused with 413.
    public var uploadLimitBytes: Int = ServerConfiguration.defaultUploadLimitBytes
    /// bcrypt's cost (log₂ of its rounds); 12 by default (OWASP Password Storage Cheat Sheet asks
    /// for at least 10), low in tests only.
    public var bcryptCost: Int = ServerConfiguration.defaultBcryptCost
    /// How long a signed-in session lasts.
    public var sessionLifetime: TimeInterval = ServerConfiguration.defaultSessionLifetime
    /// Failed log-ins allowed per account within ``loginWindow`` before 429.
    public var loginAttemptsPerAccount: Int = 5
    /// Failed log-ins allowed per client address within ``loginWindow`` before 429; higher than
    /// the per-account limit because a household or club may share one address.
    public var loginAttemptsPerAddress: Int = 20
    /// The sliding window the log-in limits count over, in seconds.
    public var loginWindow: TimeInterval = 60
    /// The time the log-in limits count by; the system clock, set by tests to move time on
    /// without waiting.
    public var clock: @Sendable () -> Date = { Date() }
    /// Whether anyone may register once the first account exists; when false, only the first
    /// visitor can (a one-runner server).
    public var openRegistration: Bool = true
    /// Reads a runner's active plan as iCalendar for the calendar feed; without one the feed serves
    /// an empty calendar. `speedwork serve` sets the command line's reading.
    public var planCalendar: (any PlanCalendarSource)?
    /// What imports uploaded files into the log (`speedwork serve` gives the command line's
    /// import pipeline); without one, uploads are answered 503.
    public var importer: (any ActivityImporter)?
    /// How many import workers this process runs (issue 12): each claims one queued upload's job at
    /// a time from the database, so several processes on one PostgreSQL log share the queue.
    public var importWorkers: Int = ServerConfiguration.defaultImportWorkers
    /// How long a worker's claim on a job holds without being renewed, in seconds; a job whose
    /// worker stopped renewing it (its process died) is claimed again once this has passed.
    public var importLease: TimeInterval = ServerConfiguration.defaultImportLease

    /// `127.0.0.1`: only this machine can connect.
    public static let defaultHost = "127.0.0.1"
    /// 8080, the usual unprivileged HTTP port.
    public static let defaultPort = 8080
    /// 64 MiB: a large FIT or GPX file and most single-activity uploads; whole exports come later.
    public static let defaultUploadLimitBytes = 64 << 20
    /// Half the machine's cores, at least one: an import decodes on every core, so a few at once
    /// already fill a server while leaving room for its pages.
    public static let defaultImportWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    /// 30 seconds: workers renew their lease every second, so this is many missed renewals, and a
    /// crashed process's imports resume within half a minute.
    public static let defaultImportLease: TimeInterval = 30
    /// The import workers a process may run.
    public static let importWorkerCounts = 1...64
    /// The leases allowed, in seconds: longer than a few renewals, shorter than an hour.
    public static let importLeases: ClosedRange<TimeInterval> = 3...3600
    /// bcrypt's default cost here.
    public static let defaultBcryptCost = 12
    /// bcrypt's allowed costs (the algorithm's own bounds).
    public static let bcryptCosts = 4...31
    /// Thirty days, so a runner on their own phone stays signed in.
    public static let defaultSessionLifetime: TimeInterval = 30 * 24 * 3600

    /// A configuration for the log at `database`, with files kept in `dataFolder`.
    public init(database: DatabaseLocation, dataFolder: String) {
        self.database = database
        self.dataFolder = dataFolder
    }

    /// Refuses values that cannot work, with one line naming the value and what is allowed.
    public func validate() throws {
        guard (0...65535).contains(port) else {
            throw InputError("port \(port) is not allowed: use 1 to 65535 (or 0 for any free port)")
        }
        guard ServerConfiguration.isHostName(host) else {
            throw InputError("host \(InputError.quoted(host)) is not an IP address or host name: use 127.0.0.1, 0.0.0.0, ::1 or a name such as localhost")
        }
        guard uploadLimitBytes >= 1024 else {
            throw InputError("upload limit \(uploadLimitBytes) bytes is too small: use at least 1024")
        }
        guard ServerConfiguration.bcryptCosts.contains(bcryptCost) else {
            throw InputError("bcrypt cost \(bcryptCost) is not allowed: use 4 to 31")
        }
        guard sessionLifetime >= 60 else { throw InputError("session lifetime must be at least 60 seconds") }
        guard loginAttemptsPerAccount >= 1, loginAttemptsPerAddress >= 1, loginWindow >= 1 else {
            throw InputError("log-in limits must allow at least one attempt in a window of at least one second")
        }
        guard ServerConfiguration.importWorkerCounts.contains(importWorkers) else {
            throw InputError("import workers \(importWorkers) is not allowed: use 1 to 64")
        }
        guard ServerConfiguration.importLeases.contains(importLease) else {
            throw InputError("import lease \(importLease) seconds is not allowed: use 3 to 3600")
        }
        guard dataFolder.hasPrefix("/") else {
            throw InputError("data folder \(InputError.quoted(dataFolder)) must be an absolute path")
        }
    }

    /// An IPv4 or IPv6 literal, or a host name of letters, digits, `-` and `.` (RFC 1123).
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 253 else { return false }
        if text.contains(":") {
            return text.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "0123456789abcdefABCDEF:.").contains($0) }
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy(allowed.contains)
        }
    }
}
