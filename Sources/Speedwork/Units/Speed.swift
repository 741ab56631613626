/// How fast a runner moves, stored in metres per second.
public struct Speed: Sendable, Hashable, Comparable, Codable {
    /// Metres per second.
    public let metersPerSecond: Double

    /// Creates a speed of the given metres per second.
    public init(metersPerSecond: Double) {
        self.metersPerSecond = metersPerSecond
    }

    /// The average speed of covering `distance` in `time`.
    public init(distance: Distance, time: Duration) {
        self.init(metersPerSecond: distance.meters / time.seconds)
    }

    /// Metres per minute, the unit of the Daniels–Gilbert equations.
    public var metersPerMinute: Double { metersPerSecond * 60 }

    /// Kilometres per hour.
    public var kilometersPerHour: Double { metersPerSecond * 3.6 }

    public static func < (lhs: Speed, rhs: Speed) -> Bool { lhs.metersPerSecond < rhs.metersPerSecond }
}
