import Foundation
@testable import SpeedworkReports
@testable import SpeedworkCLI
import SpeedworkFiles

/// Hand-made GPX activities for `analyze` tests: runs along a straight line north at speeds the
/// test chooses, one point a second, with the oddities real archives hold written in on purpose.
enum ActivityFixtures {
    /// Metres per degree of latitude on the haversine sphere (R = 6 371 008.8 m).
    static let metersPerDegree = 6_371_008.8 * Double.pi / 180

    /// One track point: seconds since the start (nil: no time) and position.
    struct Point {
        var seconds: Double?
        var latitude: Double
        var longitude: Double
    }

    /// Points one a second for each (seconds, speed) part, along a meridian from 51.5° N, 0.1° W.
    static func straight(_ parts: [(seconds: Int, speed: Double)]) -> [Point] {
        var points: [Point] = []
        var meters = 0.0
        var second = 0
        for part in parts {
            for _ in 0..<part.seconds {
                points.append(Point(seconds: Double(second), latitude: 51.5 + meters / metersPerDegree, longitude: -0.1))
                meters += part.speed
                second += 1
            }
        }
        points.append(Point(seconds: Double(second), latitude: 51.5 + meters / metersPerDegree, longitude: -0.1))
        return points
    }

    /// 5 × 400 m in 80 s with 90 s standing still between them, after a 10 min warm-up and
    /// before a 5 min cool-down at 3 m/s: the recoveries cover no distance at all.
    static func standingRecoveries() -> [Point] {
        var parts: [(seconds: Int, speed: Double)] = [(600, 3)]
        for index in 0..<5 {
            parts.append((80, 5))
            parts.append(index == 4 ? (300, 3) : (90, 0))
        }
        return straight(parts)
    }

    /// GPX 1.1 text of `points` with the sport `type`.
    static func gpx(_ points: [Point], type: String = "running") -> String {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let formatter = ISO8601DateFormatter()
        let body = points.map { point in
            let time = point.seconds.map { "<time>\(formatter.string(from: start.addingTimeInterval($0)))</time>" } ?? ""
            return "<trkpt lat=\"\(point.latitude)\" lon=\"\(point.longitude)\">\(time)</trkpt>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="speedwork tests" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><type>\(type)</type><trkseg>
            \(body.joined(separator: "\n"))
            </trkseg></trk></gpx>
            """
    }

    /// A FIT activity (FIT Protocol: 14-byte header, one `record` definition, data messages,
    /// file CRC) of `points`: FIT time 1,100,000,000 + seconds, distance in 1/100 m, positions in
    /// semicircles; sport running from a `sport` message.
    static func fit(_ points: [(seconds: UInt32, meters: Double, latitude: Double, longitude: Double)]) -> [UInt8] {
        func le(_ value: UInt64, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
        var records: [UInt8] = []
        // sport (12): field 0 sport enum = 1 running.
        records += [0x41, 0, 0] + le(12, 2) + [1, 0, 1, 0x00]
        records += [0x01, 1]
        // record (20): timestamp, position_lat, position_long, distance.
        records += [0x40, 0, 0] + le(20, 2) + [4, 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86]
        for point in points {
            let semicircles = { (degrees: Double) in UInt64(UInt32(bitPattern: Int32((degrees * 2_147_483_648 / 180).rounded()))) }
            records += [0x00] + le(UInt64(1_100_000_000 + point.seconds), 4) + le(semicircles(point.latitude), 4)
                + le(semicircles(point.longitude), 4) + le(UInt64((point.meters * 100).rounded()), 4)
        }
        var header: [UInt8] = [14, 0x20] + le(2132, 2) + le(UInt64(records.count), 4) + Array(".FIT".utf8)
        var crc = FITCRC()
        header.withUnsafeBytes { crc.update($0) }
        header += le(UInt64(crc.value), 2)
        var file = header + records
        var fileCRC = FITCRC()
        file.withUnsafeBytes { fileCRC.update($0) }
        file += le(UInt64(fileCRC.value), 2)
        return file
    }

    /// `fit` of a steady 3 m/s run along the meridian for `seconds` seconds.
    static func steadyFIT(seconds: Int) -> [UInt8] {
        fit((0...seconds).map { (UInt32($0), Double($0) * 3, 51.5 + Double($0) * 3 / metersPerDegree, -0.1) })
    }

    /// Writes `text` to a fresh temporary file with `suffix` and returns its URL.
    static func write(_ text: String, suffix: String = "gpx") throws -> URL {
        try write(Data(text.utf8), suffix: suffix)
    }

    /// Writes `data` to a fresh temporary file with `suffix` and returns its URL.
    static func write(_ data: Data, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-fixture-\(UUID().uuidString).\(suffix)")
        try data.write(to: url)
        return url
    }

    /// `analyze FILE --json` (plus `extra` arguments) run in-process: the report as an object.
    static func analyze(_ url: URL, _ extra: [String] = []) throws -> [String: Any] {
        guard let command = try SpeedworkCommand.parseAsRoot(["analyze", url.path, "--json"] + extra) as? AnalyzeCommand else {
            throw FixtureError("analyze did not parse")
        }
        let text = try command.render()
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError("analyze --json is not an object")
        }
        return object
    }

    /// `analyze FILE` as text.
    static func analyzeText(_ url: URL, _ extra: [String] = []) throws -> String {
        guard let command = try SpeedworkCommand.parseAsRoot(["analyze", url.path] + extra) as? AnalyzeCommand else {
            throw FixtureError("analyze did not parse")
        }
        return try command.render()
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
