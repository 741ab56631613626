import Foundation

/// A moment written as RFC 3339 / ISO 8601 in UTC to the whole second, `2026-11-30T08:25:33Z`:
/// what Foundation's `ISO8601DateFormatter` writes by default, without building a formatter (and
/// its ICU calendar) per call, which the import paid once per activity.
public enum UTCTimestamp {
    /// `date` as `YYYY-MM-DDThh:mm:ssZ`: rounded to the millisecond, then the fraction of the
    /// second dropped (as the formatter does); years outside 1…9999 are clamped as
    /// ``Day/init(_:)`` clamps them.
    public static func text(_ date: Date) -> String {
        let seconds = ((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down)
        let day = Day(Date(timeIntervalSince1970: seconds))
        let secondOfDay = seconds.isFinite ? Int(seconds - Double(day.daysSinceEpoch) * 86_400) : 0
        let clock = min(max(secondOfDay, 0), 86_399)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(day.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(day.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day.day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(clock / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(clock / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(clock % 60, 2)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
