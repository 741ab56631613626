import Foundation

/// A race or time-trial result: a distance run in a time, optionally on a date.
///
/// Results are the only input to the fitness models. A ``Performance`` made through
/// ``init(distance:time:date:)`` is checked against the world record for its distance and
/// against a brisk walk, so an implausible result never reaches a model silently.
public struct Performance: Sendable, Hashable {
    /// How far the runner ran.
    public let distance: Distance
    /// How long it took.
    public let time: Duration
    /// The day it was run, when known; undated results count as run on the day of the estimate.
    public let date: Day?

    /// The shortest and longest results the fitness models accept.
    public static let acceptedDistances = Distance.meters(200)...Distance.marathon

    /// The slowest plausible result pace: a brisk walk of 6 km/h (10:00 per km).
    public static let briskWalk = Pace(secondsPerKilometer: 600)

    /// Creates a result after checking that it is physically plausible.
    ///
    /// - Throws: ``InputError`` when the distance is outside 200 m to the marathon, the time is
    ///   not positive, the result beats the world record for its distance, or it is slower than
    ///   a brisk walk.
    public init(distance: Distance, time: Duration, date: Day? = nil) throws {
        // Written out only for a refusal: results are made by the thousand when a log is read.
        var written: String { Performance.written(distance, time) }
        guard Performance.acceptedDistances.contains(distance) else {
            throw InputError("\(written): results from 200m to the marathon are accepted")
        }
        guard time.seconds > 0, time.seconds.isFinite else {
            throw InputError("\(written): the time must be positive")
        }
        if let record = WorldRecords.limit(for: distance), time < record.time {
            throw InputError("\(written) is faster than the world record (\(record.explanation))")
        }
        let pace = Pace(distance: distance, time: time)
        if pace > Performance.briskWalk {
            throw InputError(
                "\(written) is slower than a brisk walk (\(pace.perKilometerText), slower than 10:00/km): not a plausible result")
        }
        self.distance = distance
        self.time = time
        self.date = date
    }

    /// The average pace of the result.
    public var pace: Pace { Pace(distance: distance, time: time) }

    /// The average speed of the result.
    public var speed: Speed { Speed(distance: distance, time: time) }

    /// The result written back the way a runner types it: `5k=20:00@2026-10-04`.
    public var written: String {
        Performance.written(distance, time) + (date.map { "@\($0)" } ?? "")
    }

    static func written(_ distance: Distance, _ time: Duration) -> String {
        "\(distance.label)=\(time.formatted(.rep))"
    }
}

extension Performance: CustomStringConvertible {
    public var description: String { written }
}
