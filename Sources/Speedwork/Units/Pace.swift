/// How long a runner takes per unit of distance, stored in seconds per kilometre.
///
/// A smaller pace is faster. Pace reads as runners say it: `4:00/km`, `6:26/mi`, `96/400`.
public struct Pace: Sendable, Hashable, Comparable, Codable {
    /// Seconds per kilometre.
    public let secondsPerKilometer: Double

    /// Creates a pace of the given seconds per kilometre.
    public init(secondsPerKilometer: Double) {
        self.secondsPerKilometer = secondsPerKilometer
    }

    /// The average pace of covering `distance` in `time`.
    public init(distance: Distance, time: Duration) {
        self.init(secondsPerKilometer: time.seconds / distance.kilometers)
    }

    /// The pace that holds the given speed.
    public init(speed: Speed) {
        self.init(secondsPerKilometer: 1000 / speed.metersPerSecond)
    }

    /// Seconds per mile.
    public var secondsPerMile: Double { secondsPerKilometer * Distance.mile.kilometers }

    /// Seconds per metre.
    public var secondsPerMeter: Double { secondsPerKilometer / 1000 }

    /// The time this pace takes over `distance`.
    public func time(for distance: Distance) -> Duration {
        Duration(seconds: secondsPerKilometer * distance.kilometers)
    }

    /// The speed this pace holds.
    public var speed: Speed { Speed(metersPerSecond: 1000 / secondsPerKilometer) }

    /// This pace made slower by `seconds` per mile (negative: faster), as the method states its
    /// offsets (M17, M18).
    public func slower(bySecondsPerMile seconds: Double) -> Pace {
        Pace(secondsPerKilometer: (secondsPerMile + seconds) / Distance.mile.kilometers)
    }

    /// This pace scaled so that the same distance takes `factor` times as long.
    public func scaled(by factor: Double) -> Pace {
        Pace(secondsPerKilometer: secondsPerKilometer * factor)
    }

    public static func < (lhs: Pace, rhs: Pace) -> Bool { lhs.secondsPerKilometer < rhs.secondsPerKilometer }

    /// `4:00/km`.
    public var perKilometerText: String { Duration(seconds: secondsPerKilometer).formatted() + "/km" }
    /// `6:26/mi`.
    public var perMileText: String { Duration(seconds: secondsPerMile).formatted() + "/mi" }
}

extension Pace: CustomStringConvertible {
    public var description: String { perKilometerText }
}
