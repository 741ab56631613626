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
        let handler = TCXHandler()
        try handler.run(data)
        let activities = handler.activities.compactMap { $0.activity() }
        guard !activities.isEmpty else {
            let reason = handler.activities.isEmpty ? "no <Activity> element" : "no <Trackpoint> in any <Activity>"
            throw ActivityFileError(.noSamples(format: "TCX", reason: reason))
        }
        return activities
    }
}

/// One TCX `Activity` as read so far.
struct TCXActivity {
    struct Lap {
        var start: Double?
        var timer: Double?
        var meters: Double?
        var trigger: ActivityLap.Trigger = .other
        /// Index of the lap's first trackpoint in ``TCXActivity/points``.
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
    var points: [Point] = []

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

    func activity() -> Activity? {
        guard !points.isEmpty else { return nil }
        let sport = ActivitySport.name(fromText: sport)
        let running = sport.hasPrefix("running")
        let origin = points.lazy.compactMap(\.time).first ?? laps.first?.start ?? id
        var seconds = 0.0
        var samples: [ActivitySample] = []
        samples.reserveCapacity(points.count)
        for point in points {
            if let time = point.time, let origin { seconds = time - origin }
            let steps = point.runCadence.map { $0 * 2 } ?? point.cadence.map { running ? $0 * 2 : $0 }
            samples.append(
                ActivitySample(
                    seconds: seconds, meters: point.meters, metersPerSecond: point.speed, latitude: point.latitude,
                    longitude: point.longitude, altitude: point.altitude, heartRate: point.heartRate,
                    stepsPerMinute: steps))
        }
        if !points.contains(where: { $0.meters != nil }) { TrackDistance.fillDistance(&samples) }
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
final class TCXHandler: ActivityXMLHandler {
    private(set) var activities: [TCXActivity] = []
    private var point: TCXActivity.Point?

    /// Leaf elements whose text is read, by the element that holds them.
    private static let leaves: [String: Set<String>] = [
        "Activity": ["Id"],
        "Creator": ["Name"],
        "Lap": ["TotalTimeSeconds", "DistanceMeters", "TriggerMethod"],
        "Trackpoint": ["Time", "AltitudeMeters", "DistanceMeters", "Cadence"],
        "Position": ["LatitudeDegrees", "LongitudeDegrees"],
        "HeartRateBpm": ["Value"],
        "TPX": ["Speed", "RunCadence"],
    ]

    init() { super.init(rootName: "TrainingCenterDatabase") }

    override func start(_ name: String, attributes: [String: String]) throws(ActivityFileError) {
        switch name {
        case "Activity":
            activities.append(TCXActivity(sport: attributes["Sport"]))
        case "Lap" where !activities.isEmpty:
            var lap = TCXActivity.Lap(firstPoint: activities[activities.count - 1].points.count)
            if let start = attributes["StartTime"] { lap.start = try time(start, in: "Lap StartTime") }
            activities[activities.count - 1].laps.append(lap)
        case "Trackpoint" where !activities.isEmpty:
            point = TCXActivity.Point()
        default:
            if let parent, let names = TCXHandler.leaves[parent], names.contains(name), !activities.isEmpty {
                // Creator/Name only for the activity's device, not an Author's.
                capturing = name != "Name" || path.contains("Activity")
            }
        }
    }

    override func end(_ name: String, text: String) throws(ActivityFileError) {
        if name == "Trackpoint", let done = point {
            point = nil
            activities[activities.count - 1].points.append(done)
            return
        }
        guard capturing, !activities.isEmpty, !text.allSatisfy(\.isWhitespace) else { return }
        let a = activities.count - 1
        switch (parent, name) {
        case ("Activity", "Id"):
            activities[a].id = ISO8601Time.seconds(text)
        case ("Creator", "Name"):
            activities[a].device = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case ("Lap", "TotalTimeSeconds"):
            try updateLap { lap throws(ActivityFileError) in lap.timer = try number(text, in: name, expected: "seconds") }
        case ("Lap", "DistanceMeters"):
            try updateLap { lap throws(ActivityFileError) in lap.meters = try number(text, in: name, expected: "metres") }
        case ("Lap", "TriggerMethod"):
            guard let trigger = TCXActivity.trigger(text) else {
                throw invalid(name, expected: "Manual, Distance, Location, Time or HeartRate", found: text)
            }
            try updateLap { lap throws(ActivityFileError) in lap.trigger = trigger }
        case ("Trackpoint", "Time"): point?.time = try time(text, in: name)
        case ("Trackpoint", "AltitudeMeters"): point?.altitude = try number(text, in: name, expected: "metres")
        case ("Trackpoint", "DistanceMeters"): point?.meters = try number(text, in: name, expected: "metres")
        case ("Trackpoint", "Cadence"): point?.cadence = try number(text, in: name, expected: "a cadence per minute")
        case ("Position", "LatitudeDegrees"):
            point?.latitude = try degrees(text, in: name, limit: 90)
        case ("Position", "LongitudeDegrees"):
            point?.longitude = try degrees(text, in: name, limit: 180)
        case ("HeartRateBpm", "Value"):
            if path.contains("Trackpoint") {
                point?.heartRate = try number(text, in: name, expected: "a heart rate in beats per minute")
            }
        case ("TPX", "Speed"): point?.speed = try number(text, in: name, expected: "a speed in metres per second")
        case ("TPX", "RunCadence"): point?.runCadence = try number(text, in: name, expected: "a cadence per minute")
        default: break
        }
    }

    private func updateLap(_ change: (inout TCXActivity.Lap) throws(ActivityFileError) -> Void) throws(ActivityFileError) {
        let a = activities.count - 1
        guard !activities[a].laps.isEmpty else { return }
        try change(&activities[a].laps[activities[a].laps.count - 1])
    }

    private func degrees(_ text: String, in element: String, limit: Double) throws(ActivityFileError) -> Double {
        let expected = "degrees between -\(Int(limit)) and \(Int(limit))"
        let value = try number(text, in: element, expected: expected)
        guard abs(value) <= limit else { throw invalid(element, expected: expected, found: text) }
        return value
    }
}
