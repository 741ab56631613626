import Foundation

/// A day of the week, as runners name their training days (`--days mon,tue,thu,sat,sun`).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `mon`.
    public var shortName: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }

    /// The weekday a calendar day falls on.
    public init(_ day: Day) {
        self = Weekday(rawValue: day.isoWeekday)!
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses `mon,tue,thu` (full names and any case accepted).
    ///
    /// - Throws: ``InputError`` naming the unknown day, or when the list is empty or repeats a day.
    public static func parseList(_ text: String) throws -> Set<Weekday> {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw InputError("no training days given: use e.g. mon,tue,thu,sat,sun") }
        var days = Set<Weekday>()
        for name in names {
            // `mon`, `tues`, `thurs`, `monday`: any prefix of the full name from three letters.
            guard name.count >= 3, let day = Weekday.allCases.first(where: { "\($0)".hasPrefix(name) }) else {
                throw InputError("'\(name)' is not a day: use mon, tue, wed, thu, fri, sat, sun")
            }
            guard days.insert(day).inserted else { throw InputError("'\(name)' is listed twice in the training days") }
        }
        return days
    }
}
