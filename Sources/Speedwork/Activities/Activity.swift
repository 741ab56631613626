import Foundation

/// What a watch recorded, whatever the file it came in (FIT, GPX, TCX): the normalised input of
/// every analysis (M50–M52).
///
/// Samples and laps keep plain numbers with their unit in the name, because an activity holds
/// tens of thousands of samples and analysis runs over all of them.
public struct Activity: Sendable, Hashable {
    /// The sport the device recorded: `running`, `cycling`, … (FIT sport names; GPX/TCX map onto them).
    public var sport: String
    /// When the activity started, if the file says.
    public var start: Date?
    /// Samples in time order.
    public var samples: [ActivitySample]
    /// Laps as the device recorded them (button presses, auto-laps), in time order.
    public var laps: [ActivityLap]
    /// The device, as the file names it: `garmin fr45`.
    public var device: String?
    /// The device's own session totals, when the file has them.
    public var deviceDistanceMeters: Double?
    public var deviceTimerSeconds: Double?
    /// What reading the file found wrong but read past, in a runner's words ("the file is cut
    /// short at byte 81,920: read up to its last complete record"); the analysis repeats them.
    public var warnings: [String]

    public init(sport: String, start: Date?, samples: [ActivitySample], laps: [ActivityLap], device: String? = nil,
                deviceDistanceMeters: Double? = nil, deviceTimerSeconds: Double? = nil, warnings: [String] = []) {
        self.sport = sport
        self.start = start
        self.samples = samples
        self.laps = laps
        self.device = device
        self.deviceDistanceMeters = deviceDistanceMeters
        self.deviceTimerSeconds = deviceTimerSeconds
        self.warnings = warnings
    }

    /// Whether the device called it a run (running, trail, track, treadmill).
    public var isRun: Bool { sport.lowercased().hasPrefix("running") || sport.lowercased() == "run" }
}

/// One recorded moment. Every field but the time may be missing.
///
/// A sample takes 64 bytes: each missing value is stored as one NaN bit pattern of its own
/// (``absent``) rather than as an optional, which would take 16 bytes a field. An activity holds
/// up to millions of samples, and every copy of them counts.
public struct ActivitySample: Sendable, Hashable {
    /// Seconds since the start of the activity.
    public var seconds: Double
    private var storedMeters = ActivitySample.absent
    private var storedMetersPerSecond = ActivitySample.absent
    private var storedLatitude = ActivitySample.absent
    private var storedLongitude = ActivitySample.absent
    private var storedAltitude = ActivitySample.absent
    private var storedHeartRate = ActivitySample.absent
    private var storedStepsPerMinute = ActivitySample.absent

    /// The bit pattern of a missing value: a signalling NaN with a payload no arithmetic produces,
    /// so a value that is NaN stays a value.
    private static let absentBits: UInt64 = 0x7FF4_5350_4545_4400
    private static let absent = Double(bitPattern: absentBits)

    @inline(__always)
    private static func load(_ stored: Double) -> Double? {
        stored.bitPattern == absentBits ? nil : stored
    }

    /// Distance covered since the start, metres.
    public var meters: Double? {
        get { Self.load(storedMeters) }
        set { storedMeters = newValue ?? Self.absent }
    }
    /// Instantaneous speed, metres per second.
    public var metersPerSecond: Double? {
        get { Self.load(storedMetersPerSecond) }
        set { storedMetersPerSecond = newValue ?? Self.absent }
    }
    /// Position in degrees (WGS 84).
    public var latitude: Double? {
        get { Self.load(storedLatitude) }
        set { storedLatitude = newValue ?? Self.absent }
    }
    public var longitude: Double? {
        get { Self.load(storedLongitude) }
        set { storedLongitude = newValue ?? Self.absent }
    }
    /// Altitude, metres.
    public var altitude: Double? {
        get { Self.load(storedAltitude) }
        set { storedAltitude = newValue ?? Self.absent }
    }
    /// Heart rate, beats per minute.
    public var heartRate: Double? {
        get { Self.load(storedHeartRate) }
        set { storedHeartRate = newValue ?? Self.absent }
    }
    /// Cadence in steps per minute with both feet counted (FIT's per-leg running cadence is doubled
    /// on reading, M6).
    public var stepsPerMinute: Double? {
        get { Self.load(storedStepsPerMinute) }
        set { storedStepsPerMinute = newValue ?? Self.absent }
    }

    public init(seconds: Double, meters: Double? = nil, metersPerSecond: Double? = nil, latitude: Double? = nil,
                longitude: Double? = nil, altitude: Double? = nil, heartRate: Double? = nil, stepsPerMinute: Double? = nil) {
        self.seconds = seconds
        self.meters = meters
        self.metersPerSecond = metersPerSecond
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.heartRate = heartRate
        self.stepsPerMinute = stepsPerMinute
    }

    /// Equal when every field is, as optionals compare (a NaN value equals nothing).
    public static func == (a: ActivitySample, b: ActivitySample) -> Bool {
        a.seconds == b.seconds && a.meters == b.meters && a.metersPerSecond == b.metersPerSecond
            && a.latitude == b.latitude && a.longitude == b.longitude && a.altitude == b.altitude
            && a.heartRate == b.heartRate && a.stepsPerMinute == b.stepsPerMinute
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seconds)
        hasher.combine(meters)
        hasher.combine(metersPerSecond)
        hasher.combine(latitude)
        hasher.combine(longitude)
        hasher.combine(altitude)
        hasher.combine(heartRate)
        hasher.combine(stepsPerMinute)
    }
}

/// A lap as the device recorded it.
public struct ActivityLap: Sendable, Hashable {
    /// What closed the lap.
    public enum Trigger: String, Sendable, Hashable, Codable {
        /// The runner pressed the lap button: laps that mark reps (M51).
        case manual
        /// An automatic lap every so many metres (every km or mile).
        case distance
        /// An automatic lap every so many seconds.
        case time
        /// An automatic lap at a position.
        case position
        /// The end of the session, or a trigger the file does not give.
        case other
    }

    /// Seconds since the start of the activity when the lap began.
    public var startSeconds: Double
    /// Elapsed seconds in the lap (pauses included).
    public var elapsedSeconds: Double
    /// Timer seconds in the lap (pauses excluded), when the file gives them.
    public var timerSeconds: Double?
    /// Distance of the lap in metres, when the file gives it.
    public var meters: Double?
    public var trigger: Trigger

    public init(startSeconds: Double, elapsedSeconds: Double, timerSeconds: Double? = nil, meters: Double? = nil, trigger: Trigger = .other) {
        self.startSeconds = startSeconds
        self.elapsedSeconds = elapsedSeconds
        self.timerSeconds = timerSeconds
        self.meters = meters
        self.trigger = trigger
    }
}
