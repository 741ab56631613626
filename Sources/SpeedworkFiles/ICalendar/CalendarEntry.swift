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

    public init(day: Day, workout: Workout, minutes: Int) {
        self.day = day
        self.workout = workout
        self.minutes = minutes
    }
}
