/// One session as progress reads it back from the log (M52): a recorded activity's stored
/// analysis (reps with cadence and step length, recoveries, best efforts, the easy-run check) or a
/// session logged by hand (M50: rep times and distances). Plain values, so the views are pure
/// functions over them.
public struct ProgressRun: Sendable, Hashable {
    /// Where the session came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A watch file in the log.
        case recorded
        /// Typed in by hand (M50).
        case handLogged = "hand-logged"
    }

    /// One rep: its distance and time, and from a watch its cadence and step length (M6).
    public struct Rep: Sendable, Hashable {
        /// Distance in metres (snapped to the track when run on one, M7); nil when not known.
        public var meters: Double?
        /// Time in seconds.
        public var seconds: Double
        /// Steps per minute, when recorded.
        public var cadence: Double?
        /// Metres per step, when recorded.
        public var stepLength: Double?

        /// A rep.
        public init(meters: Double?, seconds: Double, cadence: Double? = nil, stepLength: Double? = nil) {
            self.meters = meters
            self.seconds = seconds
            self.cadence = cadence
            self.stepLength = stepLength
        }

        /// Seconds per kilometre, when the distance is known.
        public var secondsPerKm: Double? {
            guard let meters, meters > 0, seconds > 0 else { return nil }
            return seconds * 1000 / meters
        }
    }

    /// The fastest stretch of a standard distance inside the session.
    public struct Effort: Sendable, Hashable {
        /// The distance.
        public var distance: Distance
        /// Its time in seconds.
        public var seconds: Double

        /// An effort.
        public init(distance: Distance, seconds: Double) {
            self.distance = distance
            self.seconds = seconds
        }
    }

    /// The day it was run.
    public var day: Day
    /// The activity's content hash or the hand-logged session's id, so a view can link to it.
    public var reference: String
    /// Recorded or hand-logged.
    public var source: Source
    /// Whether it was a run (other sports count for nothing here).
    public var isRun: Bool
    /// The reps in the order they were run; empty for a steady run.
    public var reps: [Rep]
    /// The recoveries between reps, seconds.
    public var recoverySeconds: [Double]
    /// Best efforts at standard distances.
    public var bestEfforts: [Effort]
    /// Average pace while moving, when a distance and a moving time are known.
    public var movingPace: Pace?
    /// The easy-run check stored with the analysis (M2): whether it was run too hard, when the
    /// activity was checked against an easy pace on import.
    public var storedTooHard: Bool?
    /// Whether it was a hard effort by another account: a logged race or time trial was measured
    /// in it, or its best effort became fitness evidence (it matched the runner's recent best).
    public var isHardEffort: Bool

    /// A session as progress reads it.
    public init(day: Day, reference: String, source: Source = .recorded, isRun: Bool = true, reps: [Rep] = [],
                recoverySeconds: [Double] = [], bestEfforts: [Effort] = [], movingPace: Pace? = nil,
                storedTooHard: Bool? = nil, isHardEffort: Bool = false) {
        self.day = day
        self.reference = reference
        self.source = source
        self.isRun = isRun
        self.reps = reps
        self.recoverySeconds = recoverySeconds
        self.bestEfforts = bestEfforts
        self.movingPace = movingPace
        self.storedTooHard = storedTooHard
        self.isHardEffort = isHardEffort
    }

    /// A session with at least this many reps is a hard session (M2, M3); fewer found reps in a
    /// steady run are surges or hills, not a session.
    public static let hardSessionReps = 2

    /// Whether it counts as a hard session in the easy/hard balance (M2).
    public var isHard: Bool { reps.count >= Self.hardSessionReps || isHardEffort }
}
