import Foundation
import Speedwork
import Testing
@testable import SpeedworkFiles

/// Hand-written GPX 1.0 and 1.1 snippets with exact expected values.
@Suite("GPX reader")
struct GPXReaderTests {
    /// 0.001° of latitude on the mean-radius sphere.
    static let milliDegreeMeters = 6_371_008.8 * Double.pi / 180 * 0.001

    static let gpx10 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.0" creator="hand" xmlns="http://www.topografix.com/GPX/1/0">
          <trk><type>Running</type><trkseg>
            <trkpt lat="46.000" lon="14.0"><ele>300.5</ele><time>2024-05-01T07:30:00Z</time><speed>3.2</speed></trkpt>
            <trkpt lat="46.001" lon="14.0"><ele>301</ele><time>2024-05-01T07:30:30Z</time></trkpt>
          </trkseg></trk>
        </gpx>
        """

    static let gpx11 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="hand" xmlns="http://www.topografix.com/GPX/1/1"
             xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
          <metadata><time>2024-05-01T06:00:00Z</time></metadata>
          <trk><name>Track session</name><type>running</type>
            <trkseg>
              <trkpt lat="51.500" lon="-0.1"><ele>12</ele><time>2024-05-01T08:00:00.500+01:00</time>
                <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr><gpxtpx:cad>88</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
              </trkpt>
              <trkpt lat="51.501" lon="-0.1"><time>2024-05-01T08:00:01.500+01:00</time>
                <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>152</gpxtpx:hr><gpxtpx:cad>90.5</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
              </trkpt>
            </trkseg>
            <trkseg></trkseg>
            <trkseg>
              <trkpt lat="51.502" lon="-0.1"><time>2024-05-01T08:00:11.500+01:00</time></trkpt>
            </trkseg>
          </trk>
        </gpx>
        """

    @Test func gpx10TrackPointsWithSpeed() throws {
        let activities = try GPXReader().read(Data(Self.gpx10.utf8))
        let activity = try #require(activities.first)
        #expect(activities.count == 1)
        #expect(activity.sport == "running")
        #expect(activity.start == Date(timeIntervalSince1970: 1_714_548_600))
        #expect(activity.laps.isEmpty)
        let (a, b) = (activity.samples[0], activity.samples[1])
        #expect(activity.samples.count == 2)
        #expect(a.seconds == 0 && a.latitude == 46 && a.longitude == 14 && a.altitude == 300.5)
        #expect(a.meters == 0 && a.metersPerSecond == 3.2)
        #expect(b.seconds == 30 && b.altitude == 301)
        #expect(abs(b.meters! - Self.milliDegreeMeters) < 1e-6)
        #expect(abs(b.metersPerSecond! - Self.milliDegreeMeters / 30) < 1e-9)
        #expect(a.heartRate == nil && a.stepsPerMinute == nil)
    }

    @Test func gpx11TrackPointExtensionAndSegments() throws {
        let activity = try #require(try GPXReader().read(Data(Self.gpx11.utf8)).first)
        #expect(activity.start == Date(timeIntervalSince1970: 1_714_546_800.5))
        #expect(activity.samples.map(\.seconds) == [0, 1, 11])
        #expect(activity.samples.map(\.heartRate) == [150, 152, nil])
        // Garmin's cad counts one leg when running: doubled.
        #expect(activity.samples.map(\.stepsPerMinute) == [176, 181, nil])
        #expect(activity.samples[0].altitude == 12 && activity.samples[1].altitude == nil)
        // The gap between segments adds no distance; each non-empty segment is a lap.
        #expect(abs(activity.samples[2].meters! - Self.milliDegreeMeters) < 1e-6)
        #expect(activity.samples[2].metersPerSecond == nil)
        #expect(activity.laps.count == 2)
        #expect(activity.laps.map(\.startSeconds) == [0, 11])
        #expect(activity.laps[0].elapsedSeconds == 1)
        #expect(activity.laps.allSatisfy { $0.trigger == .other })
    }

    @Test func cadenceIsKeptWhenTheSportIsUnknown() throws {
        let text = Self.gpx11.replacingOccurrences(of: "<type>running</type>", with: "")
        let activity = try #require(try GPXReader().read(Data(text.utf8)).first)
        #expect(activity.sport == "generic")
        #expect(activity.samples[0].stepsPerMinute == 88)
    }

    @Test func malformedXMLGivesLineAndElement() throws {
        let text = """
            <gpx version="1.1">
              <trk><trkseg>
                <trkpt lat="46" lon="14"><ele>1</ele>
              </trkseg></trk>
            </gpx>
            """
        let error = try #require(#expect(throws: ActivityFileError.self) { try GPXReader().read(Data(text.utf8)) })
        #expect(error.line == 4)
        guard case .malformedXML(_, _, let element, let reason) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(element == "trkpt")
        #expect(reason == "expected the closing tag </trkpt>")
        #expect(error.naming("run.gpx").description.hasPrefix("run.gpx:4:"))
    }

    @Test func badValueGivesLineElementAndExpectation() throws {
        let text = """
            <gpx version="1.1">
              <trk><trkseg>
                <trkpt lat="46" lon="14"><ele>high</ele></trkpt>
              </trkseg></trk>
            </gpx>
            """
        let error = try #require(#expect(throws: ActivityFileError.self) { try GPXReader().read(Data(text.utf8)) })
        #expect(error.line == 3)
        guard case .invalidValue(_, _, "ele", let expected, "high") = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(expected == "an elevation in metres")
        let badLatitude = "<gpx>\n<trk><trkseg><trkpt lat=\"95\" lon=\"14\"/></trkseg></trk></gpx>"
        let latitude = try #require(#expect(throws: ActivityFileError.self) { try GPXReader().read(Data(badLatitude.utf8)) })
        #expect(latitude.line == 2)
    }

    @Test func noTrackPointsAndWrongRootAreClearErrors() throws {
        let waypoints = "<gpx version=\"1.1\"><wpt lat=\"1\" lon=\"2\"/><trk><trkseg/></trk></gpx>"
        #expect(throws: ActivityFileError(.noSamples(format: "GPX", reason: "no <trkpt> in any <trk>"))) {
            try GPXReader().read(Data(waypoints.utf8))
        }
        let error = try #require(#expect(throws: ActivityFileError.self) {
            try GPXReader().read(Data("<?xml version=\"1.0\"?>\n<kml/>".utf8))
        })
        guard case .wrongRoot(2, _, "kml", "gpx") = error.problem else {
            Issue.record("\(error)")
            return
        }
    }
}

/// Reading builds one 64-byte sample per point and nothing per point beside it.
@Suite("Reader memory")
struct ReaderMemoryTests {
    /// 50,000 points of the densest GPX (24 bytes each) give 50,000 samples, in an array no more
    /// than twice that long (its growth), with the positions as written.
    @Test func gpxPointsBecomeSamplesDirectly() throws {
        let count = 50_000
        let points = (0..<count).map { "<trkpt lat=\"\($0 % 2 == 0 ? "0" : "0.001")\" lon=\"0\"/>" }.joined()
        let gpx = "<gpx><trk><trkseg>\(points)</trkseg></trk></gpx>"
        let activity = try #require(try GPXReader().read(Data(gpx.utf8)).first)
        #expect(activity.samples.count == count)
        #expect(activity.samples.capacity <= 2 * count)
        #expect(activity.samples[1].latitude == 0.001 && activity.samples[1].seconds == 0)
        // 0.001° of latitude is 111.2 m on the mean-radius sphere (6,371,008.8 m · π / 180 000).
        let step = 6_371_008.8 * Double.pi / 180_000
        #expect(abs((activity.samples[count - 1].meters ?? 0) - step * Double(count - 1)) < 1e-3)
    }

    /// `<Trackpoint/>` says nothing (no time, no value): it adds no sample, so 13 bytes of a file
    /// never cost a 64-byte sample; trackpoints with a time or a value are all kept.
    @Test func emptyTrackpointsAddNoSample() throws {
        let empty = String(repeating: "<Trackpoint/>", count: 10_000)
        let tcx = """
            <TrainingCenterDatabase><Activities><Activity Sport="Running">\(empty)\
            <Trackpoint><Time>2024-05-01T07:30:00Z</Time></Trackpoint>\(empty)\
            <Trackpoint><Time>2024-05-01T07:30:05Z</Time><DistanceMeters>15</DistanceMeters></Trackpoint>\
            <Trackpoint><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>\(empty)\
            </Activity></Activities></TrainingCenterDatabase>
            """
        let activity = try #require(try TCXReader().read(Data(tcx.utf8)).first)
        #expect(activity.samples.map(\.seconds) == [0, 5, 5])
        #expect(activity.samples.map(\.heartRate) == [nil, nil, 140])
    }
}
