import Foundation

/// A free-form set a coach types for a group (issue 12: "Tuesday track: 8 × 400 m, 90 s jog"):
/// a count of reps of one distance or time, an optional pace, and the recovery after each rep.
/// Each runner runs it at their own targets (M42); without a pace the method's pace for that rep
/// length is used (``RepSet/defaultPace``). Parsing lives in `RepSet+Parsing.swift`.
public struct RepSet: Sendable, Hashable {
    /// How many reps.
    public let count: Int
    /// Each rep's length: a distance or a time.
    public let rep: StepLength
    /// The pace named for the reps; nil for the method's pace for their length.
    public let pace: RepPace?
    /// The recovery after each rep; nil only for a single rep.
    public let recovery: SetRecovery?

    /// The rule a set's workout and its hand-logged reps are filed under: M42, every rep at the
    /// runner's own target, for a set that is not one of the library's sessions.
    public static let rule = "M42"
    /// The counts a set may have (product setting).
    public static let counts = 1...50
    /// The rep distances a set may have (product setting: a stride to a long tempo rep).
    public static let repDistances = Distance.meters(50)...Distance.meters(10_000)
    /// The rep times a set may have (product setting).
    public static let repTimes = Duration.seconds(10)...Duration.minutes(60)
    /// The most running a set's reps may add up to (product setting: about a half marathon of reps).
    public static let longestWorkDistance = Distance.meters(20_000)
    /// The most time a set's reps may add up to (product setting).
    public static let longestWorkTime = Duration.minutes(120)

    /// A set, refused (one line naming the value and what is allowed) with a count outside
    /// ``counts``, a rep outside ``repDistances`` or ``repTimes``, reps that add up past
    /// ``longestWorkDistance`` or ``longestWorkTime``, or several reps without a recovery.
    public init(count: Int, rep: StepLength, pace: RepPace? = nil, recovery: SetRecovery?) throws {
        guard Self.counts.contains(count) else {
            throw InputError("count \(count) is not allowed: a set has \(Self.counts.lowerBound) to \(Self.counts.upperBound) reps")
        }
        let rep = Self.normalized(rep)
        switch rep {
        case .distance(let distance):
            guard Self.repDistances.contains(distance) else {
                throw InputError("rep \(Self.text(distance)) is not allowed: give \(Self.text(Self.repDistances.lowerBound)) to \(Self.text(Self.repDistances.upperBound))")
            }
            guard distance.meters * Double(count) <= Self.longestWorkDistance.meters + 0.001 else {
                throw InputError("\(count) × \(Self.text(distance)) is \(Distance.meters(distance.meters * Double(count)).label) of reps: a set may add up to \(Self.longestWorkDistance.label)")
            }
        case .time(let time):
            guard Self.repTimes.contains(time) else {
                throw InputError("rep \(Self.text(time)) is not allowed: give \(Self.text(Self.repTimes.lowerBound)) to \(Self.text(Self.repTimes.upperBound))")
            }
            guard time.seconds * Double(count) <= Self.longestWorkTime.seconds + 0.001 else {
                throw InputError("\(count) × \(Self.text(time)) is \(Self.text(Duration.seconds(time.seconds * Double(count)))) of reps: a set may add up to \(Self.text(Self.longestWorkTime))")
            }
        default:
            throw InputError("a rep is a distance or a time, e.g. 400 m or 3 min")
        }
        guard recovery != nil || count == 1 else {
            throw InputError("\(count) reps need a recovery after each: add it after a comma, e.g. \(count) × \(Self.text(rep)), 90 s jog")
        }
        self.count = count
        self.rep = rep
        self.pace = pace
        self.recovery = recovery
    }

    /// The canonical form, which ``init(parsing:)`` reads back as the same set:
    /// `8 × 400 m @ R, 90 s jog`.
    public var text: String {
        "\(count) × \(Self.text(rep))" + (pace.map { " @ \($0.text)" } ?? "") + (recovery.map { ", \($0.text)" } ?? "")
    }

    /// The rep as a step name: `400 m rep`; `Rep` for a timed rep, whose time the step shows.
    public var repName: String {
        if case .distance(let distance) = rep { return "\(Self.text(distance)) rep" }
        return "Rep"
    }

    // MARK: - Lengths as a set writes them

    /// A length rounded as a set keeps it: distances to the millimetre, times to the tenth of a
    /// second, so that the canonical text reads back as the same value.
    static func normalized(_ length: StepLength) -> StepLength {
        switch length {
        case .distance(let distance): .distance(.meters((distance.meters * 1000).rounded() / 1000))
        case .time(let time): .time(.seconds((time.seconds * 10).rounded() / 10))
        default: length
        }
    }

    /// `400 m`, `3 min`, or the length's own form for the others.
    static func text(_ length: StepLength) -> String {
        switch length {
        case .distance(let distance): text(distance)
        case .time(let time): text(time)
        case .open: "open"
        case .reps(let count): "\(count) reps"
        }
    }

    /// `400 m`, `1000 m`, `1 mi`, `2 mi`: whole miles in miles, everything else in metres.
    public static func text(_ distance: Distance) -> String {
        let miles = distance.meters / Distance.mile.meters
        if miles >= 1, abs(miles - miles.rounded()) < 1e-9 { return "\(Int(miles.rounded())) mi" }
        return "\(distance.meters.trimmedText(maxDecimals: 3)) m"
    }

    /// `90 s` under two minutes, `3 min` for whole minutes, `2:30` otherwise.
    public static func text(_ time: Duration) -> String {
        let seconds = (time.seconds * 10).rounded() / 10
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        if seconds < 120 { return "\(seconds.trimmedText(maxDecimals: 1)) s" }
        let minutes = Int(seconds / 60)
        let rest = seconds - Double(minutes) * 60
        let whole = Int(rest)
        let tenth = Int(((rest - Double(whole)) * 10).rounded())
        return "\(minutes):\(whole < 10 ? "0" : "")\(whole)" + (tenth > 0 ? ".\(tenth)" : "")
    }
}
