/// A training week as ISO 8601 numbers it: Monday to Sunday, belonging to the year of its
/// Thursday, so 2026-12-31 to 2027-01-03 are week 53 of 2026 (M50: the log is read by weeks).
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ISO week-numbering year (the year of the week's Thursday).
    public let year: Int
    /// The week's number in that year, 1 to 52 or 53.
    public let week: Int
    /// The week's first day.
    public let monday: Day

    /// The week `day` falls in.
    public init(containing day: Day) {
        monday = day.adding(days: 1 - day.isoWeekday)
        let thursday = monday.adding(days: 3)
        year = thursday.year
        week = (ISOWeek.dayOfYear(thursday) - 1) / 7 + 1
    }

    /// The week's last day.
    public var sunday: Day { monday.adding(days: 6) }

    /// The following week.
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    /// Whether `day` falls in this week.
    public func contains(_ day: Day) -> Bool { day >= monday && day <= sunday }

    /// `2026-W53`, as ISO 8601 writes a week.
    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.monday < rhs.monday }

    /// 1 for 1 January.
    private static func dayOfYear(_ day: Day) -> Int {
        let first = (try? Day(year: day.year, month: 1, day: 1)) ?? day
        return first.days(until: day) + 1
    }
}
