/// A stretch of an activity: a rep or the recovery after it (M51).
public struct Interval: Sendable, Hashable {
    /// Seconds since the start of the activity.
    public var startSeconds: Double
    public var seconds: Double
    /// The distance as measured (GPS or footpod).
    public var measuredMeters: Double
    /// The distance used for pace: the nominal track distance when snapped (M7), else measured.
    public var meters: Double
    /// Whether `meters` was snapped to a nominal track distance.
    public var snapped: Bool
    /// Average cadence, steps per minute, when recorded.
    public var stepsPerMinute: Double?

    public init(startSeconds: Double, seconds: Double, meters: Double, stepsPerMinute: Double? = nil) {
        self.startSeconds = startSeconds
        self.seconds = seconds
        self.measuredMeters = meters
        self.meters = meters
        self.snapped = false
        self.stepsPerMinute = stepsPerMinute
    }

    /// Average pace over `meters`.
    public var pace: Pace { Pace(distance: .meters(meters), time: .seconds(seconds)) }

    /// Average step length (M6): speed divided by cadence.
    public var stepLength: Distance? {
        guard let cadence = stepsPerMinute, cadence > 0, seconds > 0 else { return nil }
        return .meters(meters / seconds * 60 / cadence)
    }

    /// Seconds since the start of the activity when it ended.
    public var endSeconds: Double { startSeconds + seconds }
}
