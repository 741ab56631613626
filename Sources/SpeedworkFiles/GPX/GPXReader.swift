import Foundation
import Speedwork

/// Reads GPX 1.0 and 1.1 tracks as ``Activity`` values (M50), streaming through the XML.
///
/// Follows the GPX schemas (topografix.com/GPX/1/0 and /1/1): each `trk` with points gives one
/// activity; each `trkpt` gives a sample with `lat`, `lon`, `ele`, `time` and, in GPX 1.0,
/// `speed`. Heart rate and cadence come from Garmin's TrackPointExtension v1/v2 (`hr`, `cad`,
/// matched by local name whatever the prefix). The sport is `trk/type` mapped onto FIT names.
///
/// - Distance is summed along the positions by the haversine formula (``TrackDistance``),
///   restarting at each `trkseg` so a gap adds nothing; speed is the GPX 1.0 `speed` when present,
///   else derived from distance and time since the point before.
/// - Cadence: Garmin writes `cad` per leg for running (strides per minute, as in FIT), so it is
///   doubled when the track type says running. When the type is missing or unknown the value is
///   kept as written: GPX has no field saying whether `cad` counts one leg or both, and other
///   writers differ.
/// - A point without `time` takes the time of the point before (0 before any), so positions
///   still count; ``Activity/start`` is nil when no point has a time.
/// - With more than one segment, each non-empty segment is a lap (trigger `other`); GPX has no
///   laps of its own.
public struct GPXReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the tracks in GPX `data`. Throws ``ActivityFileError`` with the line and column of
    /// malformed XML or of a value that is not what the schema allows, or `noSamples` when no
    /// track has a point.
    public func read(_ data: Data) throws(ActivityFileError) -> [Activity] {
        let handler = GPXHandler()
        try handler.run(data)
        let activities = handler.tracks.compactMap { $0.activity() }
        guard !activities.isEmpty else {
            let reason = handler.tracks.isEmpty ? "no <trk> element" : "no <trkpt> in any <trk>"
            throw ActivityFileError(.noSamples(format: "GPX", reason: reason))
        }
        return activities
    }
}

/// One `trk` as read so far.
struct GPXTrack {
    struct Point {
        var latitude: Double
        var longitude: Double
        var elevation: Double?
        var time: Double?
        var speed: Double?
        var heartRate: Double?
        var cadence: Double?
    }

    var type: String?
    var segments: [[Point]] = []

    func activity() -> Activity? {
        let nonEmpty = segments.filter { !$0.isEmpty }
        guard !nonEmpty.isEmpty else { return nil }
        let sport = ActivitySport.name(fromText: type)
        let stepsFactor = sport.hasPrefix("running") ? 2.0 : 1.0
        let origin = nonEmpty.lazy.flatMap { $0 }.compactMap(\.time).first
        var samples: [ActivitySample] = []
        samples.reserveCapacity(nonEmpty.reduce(0) { $0 + $1.count })
        var segmentStarts: Set<Int> = []
        var seconds = 0.0
        for segment in nonEmpty {
            segmentStarts.insert(samples.count)
            for point in segment {
                if let time = point.time, let origin { seconds = time - origin }
                samples.append(
                    ActivitySample(
                        seconds: seconds, metersPerSecond: point.speed, latitude: point.latitude,
                        longitude: point.longitude, altitude: point.elevation, heartRate: point.heartRate,
                        stepsPerMinute: point.cadence.map { $0 * stepsFactor }))
            }
        }
        TrackDistance.fillDistance(&samples, segmentStarts: segmentStarts)
        TrackDistance.fillSpeed(&samples, segmentStarts: segmentStarts)
        var laps: [ActivityLap] = []
        if nonEmpty.count > 1 {
            let starts = segmentStarts.sorted()
            for (k, first) in starts.enumerated() {
                let last = (k + 1 < starts.count ? starts[k + 1] : samples.count) - 1
                let meters = samples[last].meters.map { $0 - (samples[first].meters ?? 0) }
                laps.append(
                    ActivityLap(
                        startSeconds: samples[first].seconds,
                        elapsedSeconds: samples[last].seconds - samples[first].seconds, meters: meters))
            }
        }
        return Activity(
            sport: sport, start: origin.map { Date(timeIntervalSince1970: $0) }, samples: samples, laps: laps)
    }
}

/// The XML event handler behind ``GPXReader``.
final class GPXHandler: ActivityXMLHandler {
    private(set) var tracks: [GPXTrack] = []
    private var point: GPXTrack.Point?

    /// Leaf elements of a `trkpt` whose text is read; `hr` and `cad` sit in its extensions.
    private static let pointLeaves: Set<String> = ["ele", "time", "speed", "hr", "cad"]

    init() { super.init(rootName: "gpx") }

    override func start(_ name: String, attributes: [String: String]) throws(ActivityFileError) {
        switch name {
        case "trk":
            tracks.append(GPXTrack())
        case "trkseg":
            if !tracks.isEmpty { tracks[tracks.count - 1].segments.append([]) }
        case "trkpt":
            guard path.contains("trk") else { return }
            let lat = try coordinate(attributes, "lat", range: -90...90)
            let lon = try coordinate(attributes, "lon", range: -180...180)
            point = GPXTrack.Point(latitude: lat, longitude: lon)
        case "type":
            capturing = parent == "trk"
        default:
            capturing = point != nil && GPXHandler.pointLeaves.contains(name)
        }
    }

    override func end(_ name: String, text: String) throws(ActivityFileError) {
        if name == "trkpt", let done = point {
            point = nil
            guard !tracks.isEmpty else { return }
            if tracks[tracks.count - 1].segments.isEmpty { tracks[tracks.count - 1].segments.append([]) }
            let last = tracks[tracks.count - 1].segments.count - 1
            tracks[tracks.count - 1].segments[last].append(done)
            return
        }
        guard capturing else { return }
        if name == "type" {
            if !tracks.isEmpty { tracks[tracks.count - 1].type = text }
            return
        }
        guard point != nil else { return }
        // An empty element says nothing; GPX writers leave some (e.g. <ele></ele>).
        guard !text.allSatisfy(\.isWhitespace) else { return }
        switch name {
        case "ele": point?.elevation = try number(text, in: name, expected: "an elevation in metres")
        case "time": point?.time = try time(text, in: name)
        case "speed": point?.speed = try number(text, in: name, expected: "a speed in metres per second")
        case "hr": point?.heartRate = try number(text, in: name, expected: "a heart rate in beats per minute")
        case "cad": point?.cadence = try number(text, in: name, expected: "a cadence per minute")
        default: break
        }
    }

    private func coordinate(_ attributes: [String: String], _ key: String, range: ClosedRange<Double>) throws(ActivityFileError)
        -> Double
    {
        let what = key == "lat" ? "a latitude in degrees (-90…90) in the lat attribute"
            : "a longitude in degrees (-180…180) in the lon attribute"
        guard let raw = attributes[key] else { throw invalid("trkpt", expected: what, found: "no \(key) attribute") }
        let value = try number(raw, in: "trkpt", expected: what)
        guard range.contains(value) else { throw invalid("trkpt", expected: what, found: raw) }
        return value
    }
}
