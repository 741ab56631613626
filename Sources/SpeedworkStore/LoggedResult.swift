import Foundation
import Speedwork

/// A result the fitness estimate is built from (M43, M52): a race, a time trial or a hard effort,
/// taken from an activity or typed in by hand.
public struct LoggedResult: Sendable, Hashable {
    /// What kind of effort it was; races and time trials count most for fitness (M43).
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case race
        case timeTrial = "time-trial"
        case effort
    }

    /// The record's key; inserting the same key twice keeps the first.
    public var id: UUID
    /// The day it was run.
    public var day: Day
    /// Race, time trial or effort.
    public var kind: Kind
    /// The distance covered.
    public var distance: Distance
    /// The time it took.
    public var time: Duration
    /// The activity it was measured in, or nil when typed in by hand.
    public var activityHash: String?
    /// The runner's notes (course, weather).
    public var notes: String?

    /// A result, refused unless distance and time are positive and finite.
    public init(id: UUID = UUID(), day: Day, kind: Kind, distance: Distance, time: Duration,
                activityHash: String? = nil, notes: String? = nil) throws {
        guard distance.meters.isFinite, distance.meters > 0 else {
            throw InputError("result distance \(distance.meters) m is not allowed: it must be more than 0 m")
        }
        guard time.seconds.isFinite, time.seconds > 0 else {
            throw InputError("result time \(time.seconds) s is not allowed: it must be more than 0 s")
        }
        self.id = id
        self.day = day
        self.kind = kind
        self.distance = distance
        self.time = time
        self.activityHash = activityHash
        self.notes = notes
    }
}
