import Foundation

/// A calendar day, as runners date results and sessions: `2026-10-04`.
///
/// Days carry no time zone: a result run on the 4th is dated the 4th wherever it is read.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day after checking that it exists in the Gregorian calendar.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...Day.length(ofMonth: month, year: year)).contains(day)
        else {
            throw InputError("\(Day.text(year, month, day)) is not a calendar date")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(parsing text: String) throws {
        if let (year, month, day) = Day.plainDigits(text) {
            try self.init(year: year, month: month, day: day)
            return
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            throw InputError("\(InputError.quoted(text)) is not a date: use YYYY-MM-DD, e.g. 2026-10-04")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of a text that is exactly `YYYY-MM-DD` in ASCII digits (the form every
    /// date query and stored date takes), read from its bytes; nil for anything else.
    private static func plainDigits(_ text: String) -> (Int, Int, Int)? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        } ?? nil
    }

    /// The day a moment falls on in UTC; moments before year 1 or after year 9999 (a damaged
    /// timestamp) give the first or last day of that range rather than a trap.
    public init(_ date: Date) {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        guard days.isFinite else {
            self = Day(daysSinceEpoch: days > 0 ? Day.lastRepresentableDay : Day.firstRepresentableDay)
            return
        }
        let clamped = min(max(days, Double(Day.firstRepresentableDay)), Double(Day.lastRepresentableDay))
        self = Day(daysSinceEpoch: Int(clamped))
    }

    /// 0001-01-01 and 9999-12-31 as days since 1970-01-01: the range ``init(_:)`` clamps to.
    static let firstRepresentableDay = -719_162
    static let lastRepresentableDay = 2_932_896

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm of
    /// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday.
        let weekday = (daysSinceEpoch % 7 + 7 + 3) % 7
        return weekday + 1
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public var description: String { Day.text(year, month, day) }

    private static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(parsing: try container.decode(String.self))
    }
}
