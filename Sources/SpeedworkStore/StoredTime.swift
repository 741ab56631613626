import Foundation

/// Moments are stored as whole milliseconds since 1970 (a BIGINT on both engines), so a moment
/// reads back exactly as it was written whatever the engine.
enum StoredTime {
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The moment, rounded to the millisecond it will read back as.
    static func rounded(_ date: Date) -> Date { Self.date(milliseconds(date)) }
}
