/// A break in training the runner declares (`speedwork plan pause`: illness, injury, travel): the
/// plan has no sessions from ``from`` to ``to``, both included, and resumes with a re-entry
/// (``ReturnAfterBreak``).
public struct PlanPause: Sendable, Hashable, Codable, Comparable {
    public let from: Day
    public let to: Day

    /// A pause from `from` to `to`, both included.
    /// - Throws: ``InputError`` when `to` is before `from`.
    public init(from: Day, to: Day) throws {
        guard from <= to else {
            throw InputError("pause from \(from) to \(to) ends before it starts: --to is on or after --from")
        }
        self.from = from
        self.to = to
    }

    /// Days the pause lasts, both ends included.
    public var days: Int { from.days(until: to) + 1 }

    /// Whether `day` falls in the pause.
    public func contains(_ day: Day) -> Bool { day >= from && day <= to }

    /// Whether the two pauses share a day.
    public func overlaps(_ other: PlanPause) -> Bool { from <= other.to && other.from <= to }

    /// Every day of the pause.
    public var allDays: [Day] { (0..<days).map { from.adding(days: $0) } }

    public static func < (lhs: PlanPause, rhs: PlanPause) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
}
