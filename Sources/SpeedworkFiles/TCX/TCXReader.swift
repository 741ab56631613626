import Foundation
import Speedwork

/// Reads Garmin Training Center XML (TCX v2) activities as ``Activity`` values (M50), streaming
/// through the XML.
///
/// Follows TrainingCenterDatabasev2.xsd and ActivityExtensionv2.xsd: each `Activity` (with its
/// `Sport` attribute mapped onto FIT names) gives one activity; each `Lap` a lap (`StartTime`,
/// `TotalTimeSeconds`, `DistanceMeters`, `TriggerMethod`); each `Trackpoint` a sample (`Time`,
/// `Position`, `AltitudeMeters`, `DistanceMeters`, `HeartRateBpm/Value`, `Cadence`, and the
/// extension's `Speed` and `RunCadence`).
///
/// - `RunCadence` is per leg (strides per minute), so it is doubled to steps per minute. The
///   plain `Cadence` element is the bike's crank rate in the schema; a few writers put a run's
///   per-leg cadence there, so it is doubled when the sport is running and kept otherwise.
/// - `TotalTimeSeconds` is the lap's timer time (pauses excluded); the elapsed time is taken from
///   the next lap's start (or the lap's last sample).
/// - Without any `DistanceMeters` on the trackpoints, distance is summed along the positions by
///   the haversine formula; speed is the extension's `Speed`, else derived.
/// - The device totals are the sums of the laps' `DistanceMeters` and `TotalTimeSeconds`.
public struct TCXReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the activities in TCX `data`. Throws ``ActivityFileError`` with the line and column
    /// of malformed XML or of a value the schema does not allow, or `noSamples` when no
    /// activity has a trackpoint.
    public func read(_ data: Data) throws(ActivityFileError) -> [Activity] {
        var handler = TCXHandler()
        try XMLScanner.scan(data, root: "TrainingCenterDatabase", names: TCXHandler.names, handler: &handler)
        let found = handler.activities.count
        var read: [TCXActivity] = []
        swap(&read, &handler.activities)
        var activities: [Activity] = []
        for index in read.indices {
            if let activity = read[index].takeActivity() { activities.append(activity) }
        }
        guard !activities.isEmpty else {
            let reason = found == 0 ? "no <Activity> element" : "no <Trackpoint> in any <Activity>"
            throw ActivityFileError(.noSamples(format: "TCX", reason: reason))
        }
        return activities
    }
}

/// One TCX `Activity` as read so far: its samples are built while the trackpoints stream by,
/// with no copy of the points in between.
struct TCXActivity {
    struct Lap {
        var start: Double?
        var timer: Double?
        var meters: Double?
        var trigger: ActivityLap.Trigger = .other
        /// Index of the lap's first trackpoint in ``TCXActivity/samples``.
        var firstPoint: Int
    }

    struct Point {
        var time: Double?
        var latitude: Double?
        var longitude: Double?
        var altitude: Double?
        var meters: Double?
        var heartRate: Double?
        var cadence: Double?
        var runCadence: Double?
        var speed: Double?
    }

    var sport: String?
    var id: Double?
    var device: String?
    var laps: [Lap] = []
    /// One sample per trackpoint; until ``takeActivity()`` its `seconds` is the point's time
    /// since 1970 (that of the point before when it has none; NaN before any).
    private(set) var samples: [ActivitySample] = []
    private var firstTime: Double?
    private var lastTime: Double?
    private var anyMeters = false
    /// Whether the `Sport` attribute says running (a plain `Cadence` is then per leg).
    private let running: Bool

    init(sport: String?) {
        self.sport = sport
        running = ActivitySport.name(fromText: sport).hasPrefix("running")
    }

    /// Adds a trackpoint as a sample. A trackpoint with neither a time nor a value (`<Trackpoint/>`)
    /// says nothing and adds none: 13 bytes of a file must not cost a 64-byte sample.
    mutating func add(_ point: Point) {
        guard point.time != nil || point.latitude != nil || point.longitude != nil || point.altitude != nil
            || point.meters != nil || point.heartRate != nil || point.cadence != nil || point.runCadence != nil
            || point.speed != nil
        else { return }
        if let time = point.time {
            lastTime = time
            if firstTime == nil { firstTime = time }
        }
        if point.meters != nil { anyMeters = true }
        let steps = point.runCadence.map { $0 * 2 } ?? point.cadence.map { running ? $0 * 2 : $0 }
        samples.append(
            ActivitySample(
                seconds: lastTime ?? .nan, meters: point.meters, metersPerSecond: point.speed, latitude: point.latitude,
                longitude: point.longitude, altitude: point.altitude, heartRate: point.heartRate, stepsPerMinute: steps))
    }

    /// TCX `TriggerMethod_t`: Manual, Distance, Location, Time, HeartRate.
    static func trigger(_ text: String) -> ActivityLap.Trigger? {
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "Manual": .manual
        case "Distance": .distance
        case "Location": .position
        case "Time": .time
        case "HeartRate": .other
        default: nil
        }
    }

    /// The activity, or nil without trackpoints; the activity read gives its samples up to it.
    mutating func takeActivity() -> Activity? {
        guard !samples.isEmpty else { return nil }
        var samples: [ActivitySample] = []
        swap(&samples, &self.samples)
        let sport = ActivitySport.name(fromText: sport)
        let origin = firstTime ?? laps.first?.start ?? id
        for i in samples.indices {
            let time = samples[i].seconds
            samples[i].seconds = time.isNaN ? 0 : origin.map { time - $0 } ?? 0
        }
        let seconds = samples[samples.count - 1].seconds
        if !anyMeters { TrackDistance.fillDistance(&samples) }
        TrackDistance.fillSpeed(&samples)
        var activityLaps: [ActivityLap] = []
        for (k, lap) in laps.enumerated() {
            let start = lap.start.flatMap { s in origin.map { s - $0 } }
                ?? (lap.firstPoint < samples.count ? samples[lap.firstPoint].seconds : seconds)
            let end: Double
            if k + 1 < laps.count, let next = laps[k + 1].start, let origin {
                end = next - origin
            } else {
                let lastPoint = (k + 1 < laps.count ? laps[k + 1].firstPoint : samples.count) - 1
                end = lastPoint >= 0 && lastPoint < samples.count ? samples[lastPoint].seconds : start + (lap.timer ?? 0)
            }
            activityLaps.append(
                ActivityLap(
                    startSeconds: start, elapsedSeconds: max(end - start, lap.timer ?? 0), timerSeconds: lap.timer,
                    meters: lap.meters, trigger: lap.trigger))
        }
        let meters = laps.compactMap(\.meters)
        let timers = laps.compactMap(\.timer)
        return Activity(
            sport: sport, start: origin.map { Date(timeIntervalSince1970: $0) }, samples: samples, laps: activityLaps,
            device: device, deviceDistanceMeters: meters.isEmpty ? nil : meters.reduce(0, +),
            deviceTimerSeconds: timers.isEmpty ? nil : timers.reduce(0, +))
    }
}

/// The XML event handler behind ``TCXReader``.
struct TCXHandler: XMLContentHandler {
    var activities: [TCXActivity] = []
    private var point: TCXActivity.Point?
    /// How many `Activity` elements are open (a `Creator/Name` counts only inside one).
    private var activityDepth = 0

    /// The elements the reader acts on.
    enum Name: Int {
        case activity, lap, trackpoint, id, creator, name, totalTimeSeconds, distanceMeters, triggerMethod, time
        case altitudeMeters, cadence, position, latitudeDegrees, longitudeDegrees, heartRateBpm, value, tpx, speed
        case runCadence
    }

    static let names = XMLNames([
        "Activity", "Lap", "Trackpoint", "Id", "Creator", "Name", "TotalTimeSeconds", "DistanceMeters", "TriggerMethod",
        "Time", "AltitudeMeters", "Cadence", "Position", "LatitudeDegrees", "LongitudeDegrees", "HeartRateBpm", "Value",
        "TPX", "Speed", "RunCadence",
    ])

    /// Whether `name` inside `parent` is a leaf whose text is read.
    private static func isLeaf(_ name: Name, in parent: Name) -> Bool {
        switch (parent, name) {
        case (.activity, .id), (.creator, .name), (.lap, .totalTimeSeconds), (.lap, .distanceMeters),
            (.lap, .triggerMethod), (.trackpoint, .time), (.trackpoint, .altitudeMeters),
            (.trackpoint, .distanceMeters), (.trackpoint, .cadence), (.position, .latitudeDegrees),
            (.position, .longitudeDegrees), (.heartRateBpm, .value), (.tpx, .speed), (.tpx, .runCadence):
            true
        default:
            false
        }
    }

    mutating func open(_ element: Int, parent: Int, attributes: XMLAttributes) throws(XMLValueError) -> Bool {
        guard let name = Name(rawValue: element) else { return false }
        switch name {
        case .activity:
            activities.append(TCXActivity(sport: attributes.value("Sport")?.string))
            activityDepth += 1
        case .lap where !activities.isEmpty:
            var lap = TCXActivity.Lap(firstPoint: activities[activities.count - 1].samples.count)
            if let start = attributes.value("StartTime") { lap.start = try GPXHandler.time(start, in: "Lap StartTime") }
            activities[activities.count - 1].laps.append(lap)
        case .trackpoint where !activities.isEmpty:
            point = TCXActivity.Point()
        default:
            if let parent = Name(rawValue: parent), Self.isLeaf(name, in: parent), !activities.isEmpty {
                // Creator/Name only for the activity's device, not an Author's.
                return name != .name || activityDepth > 0
            }
        }
        return false
    }

    mutating func close(_ element: Int, parent: Int, text: XMLText) throws(XMLValueError) {
        guard let name = Name(rawValue: element) else { return }
        if name == .activity { activityDepth -= 1 }
        if name == .trackpoint, let done = point {
            point = nil
            activities[activities.count - 1].add(done)
            return
        }
        guard let parent = Name(rawValue: parent), Self.isLeaf(name, in: parent), !activities.isEmpty, !text.isBlank
        else { return }
        let a = activities.count - 1
        switch (parent, name) {
        case (.activity, .id):
            activities[a].id = ISO8601Time.seconds(text.bytes)
        case (.creator, .name):
            if activityDepth > 0 { activities[a].device = text.trimmedString }
        case (.lap, .totalTimeSeconds):
            let timer = try GPXHandler.number(text, in: "TotalTimeSeconds", expected: "seconds")
            updateLap { $0.timer = timer }
        case (.lap, .distanceMeters):
            let meters = try GPXHandler.number(text, in: "DistanceMeters", expected: "metres")
            updateLap { $0.meters = meters }
        case (.lap, .triggerMethod):
            guard let trigger = TCXActivity.trigger(text.string) else {
                throw XMLValueError(
                    element: "TriggerMethod", expected: "Manual, Distance, Location, Time or HeartRate",
                    found: text.string)
            }
            updateLap { $0.trigger = trigger }
        case (.trackpoint, .time):
            if point != nil { point?.time = try GPXHandler.time(text, in: "Time") }
        case (.trackpoint, .altitudeMeters):
            if point != nil { point?.altitude = try GPXHandler.number(text, in: "AltitudeMeters", expected: "metres") }
        case (.trackpoint, .distanceMeters):
            if point != nil { point?.meters = try GPXHandler.number(text, in: "DistanceMeters", expected: "metres") }
        case (.trackpoint, .cadence):
            if point != nil {
                point?.cadence = try GPXHandler.number(text, in: "Cadence", expected: "a cadence per minute")
            }
        case (.position, .latitudeDegrees):
            if point != nil { point?.latitude = try Self.degrees(text, in: "LatitudeDegrees", limit: 90) }
        case (.position, .longitudeDegrees):
            if point != nil { point?.longitude = try Self.degrees(text, in: "LongitudeDegrees", limit: 180) }
        case (.heartRateBpm, .value):
            if point != nil {
                point?.heartRate = try GPXHandler.number(text, in: "Value", expected: "a heart rate in beats per minute")
            }
        case (.tpx, .speed):
            if point != nil {
                point?.speed = try GPXHandler.number(text, in: "Speed", expected: "a speed in metres per second")
            }
        case (.tpx, .runCadence):
            if point != nil {
                point?.runCadence = try GPXHandler.number(text, in: "RunCadence", expected: "a cadence per minute")
            }
        default:
            break
        }
    }

    private mutating func updateLap(_ change: (inout TCXActivity.Lap) -> Void) {
        let a = activities.count - 1
        guard !activities[a].laps.isEmpty else { return }
        change(&activities[a].laps[activities[a].laps.count - 1])
    }

    private static func degrees(_ text: XMLText, in element: String, limit: Double) throws(XMLValueError) -> Double {
        let expected = limit == 90 ? "degrees between -90 and 90" : "degrees between -180 and 180"
        let value = try GPXHandler.number(text, in: element, expected: expected)
        guard abs(value) <= limit else { throw XMLValueError(element: element, expected: expected, found: text.trimmedString) }
        return value
    }
}
