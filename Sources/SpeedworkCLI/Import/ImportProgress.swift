import Foundation
import Speedwork
import SpeedworkReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The import's progress bar: one line on standard error, redrawn at most every
/// ``redrawInterval``, with files done of those found, megabytes, megabytes a second and the time
/// left; nothing when standard error is not a terminal (a pipe, a log file, the tests)
/// (ARCHITECTURE.md item 12).
struct ImportProgress {
    /// The shortest time between two redraws.
    static let redrawInterval = Swift.Duration.milliseconds(100)
    /// The bar's width in characters.
    static let barWidth = 24

    /// Whether the line is drawn.
    let terminal: Bool
    /// Files found so far.
    var totalFiles: Int
    /// Bytes of every input.
    var totalBytes: Int64
    private(set) var doneFiles = 0
    private(set) var doneBytes: Int64 = 0
    /// Told the count of files done after each one, drawn or not.
    var onFileDone: (@Sendable (Int) -> Void)?
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?

    /// Progress over `totalFiles` files of `totalBytes`, drawn when `terminal`.
    init(totalFiles: Int, totalBytes: Int64, terminal: Bool) {
        self.terminal = terminal
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        started = clock.now
    }

    /// Whether standard error is a terminal.
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Counts a file done and redraws when the last draw is old enough.
    mutating func advance(bytes: Int64) {
        doneFiles += 1
        doneBytes += bytes
        totalFiles = max(totalFiles, doneFiles)
        onFileDone?(doneFiles)
        guard terminal else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < Self.redrawInterval { return }
        lastDraw = now
        draw("\r\u{1B}[K" + line(elapsedSeconds: seconds(now - started)))
    }

    /// Clears the line, so the summary starts on a clean one.
    mutating func finish() {
        guard terminal, lastDraw != nil else { return }
        draw("\r\u{1B}[K")
    }

    /// The line for `elapsedSeconds` into the import, e.g.
    /// `[######------]  120/500 files  12.0/50.0 MB  8.1 MB/s  ETA 0:05`.
    func line(elapsedSeconds: Double) -> String {
        let fraction = totalBytes > 0 ? min(1, Double(doneBytes) / Double(totalBytes))
            : (totalFiles > 0 ? Double(doneFiles) / Double(totalFiles) : 0)
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled) + "]"
        let megabytes = Double(doneBytes) / 1_000_000
        var text = "\(bar)  \(doneFiles)/\(totalFiles) files  \(megabytes.text(decimals: 1))/\((Double(totalBytes) / 1_000_000).text(decimals: 1)) MB"
        if elapsedSeconds > 0 {
            text += "  \((megabytes / elapsedSeconds).text(decimals: 1)) MB/s"
        }
        if fraction > 0, elapsedSeconds > 0 {
            let left = elapsedSeconds * (1 - fraction) / fraction
            text += "  ETA " + Self.written(left)
        }
        return text
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func written(_ seconds: Double) -> String {
        let whole = Int(min(max(seconds, 0), 359_999).rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let ss = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours > 0 { return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(ss)" }
        return "\(minutes):\(ss)"
    }

    private func seconds(_ duration: Swift.Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func draw(_ text: String) {
        try? StandardOutput.write(Array(text.utf8), to: 2)
    }
}
