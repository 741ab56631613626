import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `analyze` on hand-made files holding what real archives hold: a GPS point on the far side of
/// the globe, a car ride, times written backwards or not at all, a clock that jumped, a ride
/// tagged as a run. Each gives plausible totals and a warning naming what was done.
@Suite("analyze plausibility")
struct AnalyzePlausibilityTests {
    static func warnings(_ report: [String: Any]) -> [String] { report["warnings"] as? [String] ?? [] }

    static func efforts(_ report: [String: Any]) -> [(distance: String, meters: Double, seconds: Double)] {
        (report["bestEfforts"] as? [[String: Any]] ?? []).map {
            ($0["distance"] as? String ?? "", $0["meters"] as? Double ?? 0, $0["seconds"] as? Double ?? 0)
        }
    }

    static func run(_ text: String, suffix: String = "gpx", _ check: ([String: Any], String) throws -> Void) throws {
        let file = try ActivityFixtures.write(text, suffix: suffix)
        defer { try? FileManager.default.removeItem(at: file) }
        try check(try ActivityFixtures.analyze(file), try ActivityFixtures.analyzeText(file))
    }

    /// 30 min at 3 m/s with point 900 at 51.5° S, 179.9° E: was "40030 km in 29:59" and a
    /// marathon in 0.0 s.
    @Test func aPointOnTheFarSideOfTheGlobe() throws {
        var points = ActivityFixtures.straight([(1800, 3)])
        points[900].latitude = -51.5
        points[900].longitude = 179.9
        try Self.run(ActivityFixtures.gpx(points)) { report, text in
            let distance = try #require(report["distanceMeters"] as? Double)
            // 5400 m less the two 3 m steps to and from the bad point.
            #expect(abs(distance - 5394) < 2, "\(distance)")
            #expect(Self.warnings(report).contains { $0.hasPrefix("left out 400") && $0.contains("faster than anyone runs") })
            #expect(!Self.efforts(report).contains { $0.distance == "marathon" })
            #expect(Self.efforts(report).allSatisfy { $0.seconds >= $0.meters / 3 - 1 })
            #expect(text.contains("Distance    5.39 km in 30:00"))
        }
    }

    /// 10 min running, 10 min in a car at 25 m/s, 10 min running: was "400m 15.7".
    @Test func aCarRideInTheMiddle() throws {
        try Self.run(ActivityFixtures.gpx(ActivityFixtures.straight([(600, 3), (600, 25), (600, 3)]))) { report, _ in
            let distance = try #require(report["distanceMeters"] as? Double)
            #expect(distance > 3600 - 40 && distance <= 3601, "\(distance)")
            let cleaning = try #require(report["cleaning"] as? [String: Any])
            #expect((cleaning["excludedMeters"] as? Double ?? 0) >= 15_000)
            let best400 = try #require(Self.efforts(report).first { $0.distance == "400m" })
            #expect(abs(best400.seconds - 400.0 / 3) < 2)
        }
    }

    /// The same 10 min at 3 m/s written newest first: was "0.00 km".
    @Test func timesInReverse() throws {
        var points = ActivityFixtures.straight([(600, 3)])
        let last = points.last?.seconds ?? 0
        for index in points.indices { points[index].seconds = last - (points[index].seconds ?? 0) }
        try Self.run(ActivityFixtures.gpx(points)) { report, _ in
            #expect(abs((report["distanceMeters"] as? Double ?? 0) - 1800) < 2)
            #expect(report["durationSeconds"] as? Double == 600)
            #expect(Self.warnings(report).contains { $0.contains("out of time order") })
        }
    }

    /// A GPX track without times: was "0.00 km in 0".
    @Test func noTimes() throws {
        var points = ActivityFixtures.straight([(600, 3)])
        for index in points.indices { points[index].seconds = nil }
        try Self.run(ActivityFixtures.gpx(points)) { report, text in
            #expect(report["hasTimestamps"] as? Bool == false)
            #expect(abs((report["distanceMeters"] as? Double ?? 0) - 1800) < 2)
            #expect(report["movingSeconds"] == nil || report["movingSeconds"] is NSNull)
            #expect(Self.efforts(report).isEmpty)
            #expect(Self.warnings(report).contains { $0.hasPrefix("no timestamps: the file has a track of 1.80 km") })
            #expect(text.contains("Distance    1.80 km, no timestamps"))
        }
    }

    /// A FIT whose clock jumped three days between two 10 min runs: was "10.50 km in 486:05:44"
    /// with nothing said. Elapsed time counts the jump, moving time does not, and a warning says so.
    @Test func aClockThatJumped() throws {
        let metersPerDegree = ActivityFixtures.metersPerDegree
        let points = (0...1200).map { second -> (seconds: UInt32, meters: Double, latitude: Double, longitude: Double) in
            let meters = Double(second) * 3
            return (UInt32(second <= 600 ? second : second + 3 * 86_400), meters, 51.5 + meters / metersPerDegree, -0.1)
        }
        let file = try ActivityFixtures.write(Data(ActivityFixtures.fit(points)), suffix: "fit")
        defer { try? FileManager.default.removeItem(at: file) }
        let report = try ActivityFixtures.analyze(file)
        let duration = try #require(report["durationSeconds"] as? Double)
        #expect(duration == Double(1200 + 3 * 86_400))
        // The step across the jump moves 3 m in three days: not moving.
        #expect(report["movingSeconds"] as? Double == 1199)
        #expect(Self.warnings(report).contains { $0.hasPrefix("no sample for 3 days after 10:00") })
        #expect(try ActivityFixtures.analyzeText(file).contains("(moving 19:59)"))
    }

    /// A ride tagged as a run: 30 min at 11.1 m/s was a 15:00 10K.
    @Test func aRideTaggedAsARun() throws {
        try Self.run(ActivityFixtures.gpx(ActivityFixtures.straight([(1800, 11.1)]), type: "running")) { report, _ in
            #expect(Self.efforts(report).isEmpty)
            #expect(report["analysedAsRun"] as? Bool == false)
            #expect(Self.warnings(report).contains { $0.contains("analysed as a ride") })
            #expect(abs((report["distanceMeters"] as? Double ?? 0) - 19_980) < 20)
        }
    }

    @Test func aRideIsARide() throws {
        try Self.run(ActivityFixtures.gpx(ActivityFixtures.straight([(1800, 8)]), type: "cycling")) { report, _ in
            #expect(Self.efforts(report).isEmpty)
            #expect(report["analysedAsRun"] as? Bool == false)
            #expect(Self.warnings(report).contains { $0.hasPrefix("the sport is \"cycling\", not running") })
        }
    }
}
