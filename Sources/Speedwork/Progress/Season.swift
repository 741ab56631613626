/// A stretch of the calendar that progress compares against the ones before it (M52): best
/// efforts, stride and cadence are shown per season. A runner thinks of a training year as a
/// season (the 2025 season); a runner with an indoor winter and an outdoor summer may prefer
/// half-years. docs/progress.md says why the calendar year is the default.
public struct Season: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How long a season is: a setting of `progress` (`--season`).
    public enum Length: String, Sendable, Hashable, CaseIterable, Codable {
        /// The calendar year, January to December.
        case year
        /// Half-years: January–June (H1) and July–December (H2).
        case half

        /// The season length progress uses unless told otherwise.
        public static let standard = Length.year

        /// The season `day` falls in.
        public func season(of day: Day) -> Season {
            switch self {
            case .year: Season(first: (try? Day(year: day.year, month: 1, day: 1)) ?? day, label: "\(day.year)")
            case .half:
                day.month <= 6
                    ? Season(first: (try? Day(year: day.year, month: 1, day: 1)) ?? day, label: "\(day.year) H1")
                    : Season(first: (try? Day(year: day.year, month: 7, day: 1)) ?? day, label: "\(day.year) H2")
            }
        }
    }

    /// The season's first day.
    public let first: Day
    /// How it is written: `2025`, or `2025 H2` for a half-year.
    public let label: String

    public var description: String { label }

    public static func < (lhs: Season, rhs: Season) -> Bool { lhs.first < rhs.first }
}
