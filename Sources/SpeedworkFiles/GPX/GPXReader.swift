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
struct GPXHandler: XMLContentHandler {
    private(set) var tracks: [GPXTrack] = []
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
            if !tracks.isEmpty { tracks[tracks.count - 1].segments.append([]) }
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
            if tracks[tracks.count - 1].segments.isEmpty { tracks[tracks.count - 1].segments.append([]) }
            let last = tracks[tracks.count - 1].segments.count - 1
            tracks[tracks.count - 1].segments[last].append(done)
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
