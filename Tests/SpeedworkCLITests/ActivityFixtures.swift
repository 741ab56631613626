import Foundation
@testable import SpeedworkCLI

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
