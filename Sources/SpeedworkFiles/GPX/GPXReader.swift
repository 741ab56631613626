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
        var handler = GPXHandler()
        try XMLScanner.scan(data, root: "gpx", names: GPXHandler.names, handler: &handler)
        let trackCount = handler.tracks.count
        var tracks: [GPXTrack] = []
        swap(&tracks, &handler.tracks)
        var activities: [Activity] = []
        for index in tracks.indices {
            if let activity = tracks[index].takeActivity() { activities.append(activity) }
        }
        guard !activities.isEmpty else {
            let reason = trackCount == 0 ? "no <trk> element" : "no <trkpt> in any <trk>"
            throw ActivityFileError(.noSamples(format: "GPX", reason: reason))
        }
        return activities
    }
}

/// One `trk` as read so far: its samples are built while the points stream by, with no copy of
/// the points in between (memory is the samples, 64 bytes a point).
struct GPXTrack {
    /// The point being read.
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
    /// One sample per point; until ``takeActivity()`` its `seconds` is the point's time since
    /// 1970 (that of the point before when it has none; NaN before any) and its cadence as written.
    private(set) var samples: [ActivitySample] = []
    /// Index of the first sample of each non-empty `trkseg`, in order.
    private(set) var segmentStarts: [Int] = []
    private var segmentOpened = true
    private var lastTime: Double?
    private var origin: Double?

    /// A `trkseg` opens: the next point starts a segment.
    mutating func openSegment() { segmentOpened = true }

    /// Adds a point as a sample.
    mutating func add(_ point: Point) {
        if segmentOpened {
            segmentStarts.append(samples.count)
            segmentOpened = false
        }
        if let time = point.time {
            lastTime = time
            if origin == nil { origin = time }
        }
        samples.append(
            ActivitySample(
                seconds: lastTime ?? .nan, metersPerSecond: point.speed, latitude: point.latitude,
                longitude: point.longitude, altitude: point.elevation, heartRate: point.heartRate,
                stepsPerMinute: point.cadence))
    }

    /// The activity of the track, or nil without points; the track gives its samples up to it.
    mutating func takeActivity() -> Activity? {
        guard !samples.isEmpty else { return nil }
        var samples: [ActivitySample] = []
        swap(&samples, &self.samples)
        let sport = ActivitySport.name(fromText: type)
        let stepsFactor = sport.hasPrefix("running") ? 2.0 : 1.0
        for i in samples.indices {
            let time = samples[i].seconds
            samples[i].seconds = time.isNaN ? 0 : origin.map { time - $0 } ?? 0
            if stepsFactor != 1, let cadence = samples[i].stepsPerMinute { samples[i].stepsPerMinute = cadence * stepsFactor }
        }
        TrackDistance.fillDistance(&samples, segmentStarts: segmentStarts)
        TrackDistance.fillSpeed(&samples, segmentStarts: segmentStarts)
        var laps: [ActivityLap] = []
        if segmentStarts.count > 1 {
            for (k, first) in segmentStarts.enumerated() {
                let last = (k + 1 < segmentStarts.count ? segmentStarts[k + 1] : samples.count) - 1
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
struct GPXHandler: XMLContentHandler {
    var tracks: [GPXTrack] = []
    private var point: GPXTrack.Point?
    /// How many `trk` elements are open (a `trkpt` counts only inside one).
    private var trackDepth = 0

    /// The elements the reader acts on; `hr` and `cad` sit in a point's extensions.
    enum Name: Int {
        case trk, trkseg, trkpt, type, ele, time, speed, hr, cad
    }

    static let names = XMLNames(["trk", "trkseg", "trkpt", "type", "ele", "time", "speed", "hr", "cad"])

    mutating func open(_ element: Int, parent: Int, attributes: XMLAttributes) throws(XMLValueError) -> Bool {
        guard let name = Name(rawValue: element) else { return false }
        switch name {
        case .trk:
            tracks.append(GPXTrack())
            trackDepth += 1
        case .trkseg:
            if !tracks.isEmpty { tracks[tracks.count - 1].openSegment() }
        case .trkpt:
            guard trackDepth > 0 else { return false }
            let lat = try Self.coordinate(attributes, "lat", range: -90...90)
            let lon = try Self.coordinate(attributes, "lon", range: -180...180)
            point = GPXTrack.Point(latitude: lat, longitude: lon)
        case .type:
            return parent == Name.trk.rawValue
        case .ele, .time, .speed, .hr, .cad:
            return point != nil
        }
        return false
    }

    mutating func close(_ element: Int, parent: Int, text: XMLText) throws(XMLValueError) {
        guard let name = Name(rawValue: element) else { return }
        switch name {
        case .trk:
            trackDepth -= 1
        case .trkpt:
            guard let done = point else { return }
            point = nil
            guard !tracks.isEmpty else { return }
            tracks[tracks.count - 1].add(done)
        case .type:
            if parent == Name.trk.rawValue, !tracks.isEmpty { tracks[tracks.count - 1].type = text.string }
        case .ele, .time, .speed, .hr, .cad:
            // An empty element says nothing; GPX writers leave some (e.g. <ele></ele>).
            guard point != nil, !text.isBlank else { return }
            switch name {
            case .ele: point?.elevation = try Self.number(text, in: "ele", expected: "an elevation in metres")
            case .time: point?.time = try Self.time(text, in: "time")
            case .speed: point?.speed = try Self.number(text, in: "speed", expected: "a speed in metres per second")
            case .hr: point?.heartRate = try Self.number(text, in: "hr", expected: "a heart rate in beats per minute")
            default: point?.cadence = try Self.number(text, in: "cad", expected: "a cadence per minute")
            }
        case .trkseg:
            break
        }
    }

    /// `text` as a finite number, or an error naming the element and what it should hold.
    static func number(_ text: XMLText, in element: String, expected: String) throws(XMLValueError) -> Double {
        guard let value = text.number else {
            throw XMLValueError(element: element, expected: expected, found: text.trimmedString)
        }
        return value
    }

    /// `text` as seconds since 1970, or an error naming the element.
    static func time(_ text: XMLText, in element: String) throws(XMLValueError) -> Double {
        guard let seconds = ISO8601Time.seconds(text.bytes) else {
            throw XMLValueError(
                element: element, expected: "an ISO 8601 time like 2024-05-01T07:30:00Z", found: text.trimmedString)
        }
        return seconds
    }

    private static func coordinate(_ attributes: XMLAttributes, _ key: StaticString, range: ClosedRange<Double>)
        throws(XMLValueError) -> Double
    {
        let isLatitude = key.utf8CodeUnitCount == 3 && key.utf8Start[1] == 0x61
        let what = isLatitude ? "a latitude in degrees (-90…90) in the lat attribute"
            : "a longitude in degrees (-180…180) in the lon attribute"
        guard let raw = attributes.value(key) else {
            throw XMLValueError(element: "trkpt", expected: what, found: "no \(key) attribute")
        }
        let value = try number(raw, in: "trkpt", expected: what)
        guard range.contains(value) else { throw XMLValueError(element: "trkpt", expected: what, found: raw.trimmedString) }
        return value
    }
}
