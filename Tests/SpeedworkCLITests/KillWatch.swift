import Foundation
@testable import SpeedworkReports
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kills a running `speedwork import` with SIGKILL once its log records a number of files.
///
/// The watch runs on a thread of its own with a plain SQLite reader, not on Swift's cooperative
/// pool: when the whole suite runs, every pool thread can be busy with other tests for longer than
/// the child import takes, and a watcher scheduled there would see the child finish before it
/// looked.
enum KillWatch {
    /// How a watched run ended.
    enum Outcome: Sendable, Equatable {
        /// Killed while running.
        case killed
        /// It finished (or failed) before the moment came.
        case ended
    }

    /// How often the reader looks at the log.
    static let pollMicroseconds: useconds_t = 5_000

    /// Waits on a new thread until `process` has exited or the SQLite log at `path` records
    /// `target` imported files; then waits `milliseconds` more and kills it if still running.
    static func run(_ process: Process, whenRecorded target: Int, in path: String,
                    thenWaitMilliseconds milliseconds: Int) async throws -> Outcome {
        let box = ProcessBox(process: process)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try watch(box.process, target, path, milliseconds))
                } catch {
                    kill(box.process.processIdentifier, SIGKILL)
                    box.process.waitUntilExit()
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    private static func watch(_ process: Process, _ target: Int, _ path: String, _ milliseconds: Int) throws -> Outcome {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let log = try DatabaseQueue(path: path, configuration: configuration)
        while process.isRunning {
            let recorded = try log.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM imported_files") } ?? 0
            if recorded >= target { break }
            usleep(pollMicroseconds)
        }
        try log.close()
        usleep(useconds_t(milliseconds) * 1000)
        guard process.isRunning else {
            process.waitUntilExit()
            return .ended
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return .killed
    }

    /// Hands the child process to the watching thread.
    private struct ProcessBox: @unchecked Sendable {
        let process: Process
    }
}
