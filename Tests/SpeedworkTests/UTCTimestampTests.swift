import Foundation
import Speedwork
import SpeedworkTestSupport
import Testing

/// ``UTCTimestamp`` against Foundation's `ISO8601DateFormatter`, an independent implementation
/// of the same format (RFC 3339 in UTC, whole seconds).
struct UTCTimestampTests {
    @Test func writesWhatFoundationsFormatterWritesOverTwoCenturies() {
        let formatter = ISO8601DateFormatter()
        var generator = SeededGenerator(state: 20_261_130)
        for _ in 0..<5_000 {
            // 1900-01-01 to 2100-01-01, with fractions of a second.
            let date = Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &generator))
            #expect(UTCTimestamp.text(date) == formatter.string(from: date), "at \(date.timeIntervalSince1970)")
        }
    }

    @Test func writesTheEdgesOfADayAndLeapDays() {
        let formatter = ISO8601DateFormatter()
        for seconds in [0.0, -0.5, -1, -0.0004, -0.0006, 86_399.999, 86_399.9996, 1_141_653_403.99949, 1_141_653_403.99951, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_399] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTimestamp.text(date) == formatter.string(from: date), "at \(seconds)")
        }
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test func aDamagedMomentIsClampedNotTrapped() {
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: .infinity)).hasPrefix("9999-12-31T"))
        #expect(UTCTimestamp.text(Date(timeIntervalSince1970: -1e15)).hasPrefix("0001-01-01T"))
    }
}
