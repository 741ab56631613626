import Speedwork

/// One planned session on the calendar: the day, the structured workout and its time budget
/// (M41). The input of ``ICalendarWriter``.
public struct CalendarEntry: Sendable, Hashable {
    /// The day the session is planned for (an all-day event).
    public var day: Day
    /// The session.
    public var workout: Workout
    /// The time it takes, warm-up and cool-down included.
    public var minutes: Int
    /// The event's `UID` (RFC 5545 §3.8.4.7), kept across regenerations so calendar clients update
    /// the event rather than add a second one; nil derives one from the day and the rule.
    public var uid: String?
    /// The event's `SEQUENCE` (RFC 5545 §3.8.7.4), raised with each revision of a session that keeps
    /// its `uid`; nil writes none (the same as 0).
    public var sequence: Int?

    public init(day: Day, workout: Workout, minutes: Int, uid: String? = nil, sequence: Int? = nil) {
        self.day = day
        self.workout = workout
        self.minutes = minutes
        self.uid = uid
        self.sequence = sequence
    }
}
