import Foundation
import Speedwork
import Testing
@testable import SpeedworkFiles

/// Hand-written TCX snippets with exact expected values.
@Suite("TCX reader")
struct TCXReaderTests {
    static let tcx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
          <Activities>
            <Activity Sport="Running">
              <Id>2024-05-01T07:30:00Z</Id>
              <Lap StartTime="2024-05-01T07:30:00Z">
                <TotalTimeSeconds>10.0</TotalTimeSeconds>
                <DistanceMeters>40.0</DistanceMeters>
                <TriggerMethod>Manual</TriggerMethod>
                <Track>
                  <Trackpoint>
                    <Time>2024-05-01T07:30:00Z</Time>
                    <Position><LatitudeDegrees>46.0</LatitudeDegrees><LongitudeDegrees>14.0</LongitudeDegrees></Position>
                    <AltitudeMeters>300.2</AltitudeMeters>
                    <DistanceMeters>0</DistanceMeters>
                    <HeartRateBpm><Value>140</Value></HeartRateBpm>
                    <Extensions><ns3:TPX><ns3:Speed>4.5</ns3:Speed><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX></Extensions>
                  </Trackpoint>
                  <Trackpoint>
                    <Time>2024-05-01T07:30:10Z</Time>
                    <DistanceMeters>40</DistanceMeters>
                    <HeartRateBpm><Value>150</Value></HeartRateBpm>
                    <Extensions><ns3:TPX><ns3:RunCadence>90</ns3:RunCadence></ns3:TPX></Extensions>
                  </Trackpoint>
                </Track>
              </Lap>
              <Lap StartTime="2024-05-01T07:30:10Z">
                <TotalTimeSeconds>5</TotalTimeSeconds>
                <DistanceMeters>20</DistanceMeters>
                <TriggerMethod>Distance</TriggerMethod>
                <Track>
                  <Trackpoint><Time>2024-05-01T07:30:15Z</Time><DistanceMeters>60</DistanceMeters><Cadence>88</Cadence></Trackpoint>
                </Track>
              </Lap>
              <Creator><Name>Forerunner 265</Name></Creator>
            </Activity>
          </Activities>
          <Author><Name>Garmin Connect</Name></Author>
        </TrainingCenterDatabase>
        """

    @Test func activityLapsAndTrackpoints() throws {
        let activities = try TCXReader().read(Data(Self.tcx.utf8))
        #expect(activities.count == 1)
        let activity = try #require(activities.first)
        #expect(activity.sport == "running")
        #expect(activity.device == "Forerunner 265")
        #expect(activity.start == Date(timeIntervalSince1970: 1_714_548_600))
        #expect(activity.deviceDistanceMeters == 60)
        #expect(activity.deviceTimerSeconds == 15)
        #expect(activity.samples.map(\.seconds) == [0, 10, 15])
        #expect(activity.samples.map(\.meters) == [0, 40, 60])
        #expect(activity.samples.map(\.heartRate) == [140, 150, nil])
        // RunCadence is per leg; Cadence on a run is read the same way.
        #expect(activity.samples.map(\.stepsPerMinute) == [170, 180, 176])
        // The extension's speed, else distance over time since the point before.
        #expect(activity.samples.map(\.metersPerSecond) == [4.5, 4, 4])
        #expect(activity.samples[0].latitude == 46 && activity.samples[0].longitude == 14)
        #expect(activity.samples[0].altitude == 300.2 && activity.samples[1].latitude == nil)
        #expect(activity.laps == [
            ActivityLap(startSeconds: 0, elapsedSeconds: 10, timerSeconds: 10, meters: 40, trigger: .manual),
            ActivityLap(startSeconds: 10, elapsedSeconds: 5, timerSeconds: 5, meters: 20, trigger: .distance),
        ])
    }

    @Test func cyclingCadenceIsKept() throws {
        let text = Self.tcx.replacingOccurrences(of: "Sport=\"Running\"", with: "Sport=\"Biking\"")
        let activity = try #require(try TCXReader().read(Data(text.utf8)).first)
        #expect(activity.sport == "cycling")
        #expect(activity.samples[2].stepsPerMinute == 88)
    }

    @Test func badValueGivesLineAndElement() throws {
        let text = Self.tcx.replacingOccurrences(of: "<Value>150</Value>", with: "<Value>fast</Value>")
        let error = try #require(#expect(throws: ActivityFileError.self) { try TCXReader().read(Data(text.utf8)) })
        #expect(error.line == 23)
        guard case .invalidValue(_, _, "Value", _, "fast") = error.problem else {
            Issue.record("\(error)")
            return
        }
        let trigger = Self.tcx.replacingOccurrences(of: "<TriggerMethod>Manual", with: "<TriggerMethod>Button")
        let triggerError = try #require(#expect(throws: ActivityFileError.self) { try TCXReader().read(Data(trigger.utf8)) })
        #expect(triggerError.line == 10)
    }

    @Test func malformedXMLGivesLineAndElement() throws {
        let text = Self.tcx.replacingOccurrences(of: "<AltitudeMeters>300.2</AltitudeMeters>", with: "<AltitudeMeters>300.2</Altitude>")
        let error = try #require(#expect(throws: ActivityFileError.self) { try TCXReader().read(Data(text.utf8)) })
        #expect(error.line == 15)
        guard case .malformedXML(_, _, "AltitudeMeters", "expected the closing tag </AltitudeMeters>") = error.problem else {
            Issue.record("\(error)")
            return
        }
    }

    @Test func aCourseWithoutActivitiesIsAClearError() {
        let text = "<TrainingCenterDatabase><Courses><Course><Name>Loop</Name></Course></Courses></TrainingCenterDatabase>"
        #expect(throws: ActivityFileError(.noSamples(format: "TCX", reason: "no <Activity> element"))) {
            try TCXReader().read(Data(text.utf8))
        }
    }
}
