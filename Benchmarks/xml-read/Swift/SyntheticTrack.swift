import Foundation

/// Synthetic one-hour runs at 1 Hz as a watch exports them, for when the shared corpus is absent:
/// GPX 1.1 with Garmin's TrackPointExtension (hr, cad) and TCX v2 with a lap per kilometre,
/// position, altitude, distance, heart rate and the ActivityExtension's speed and run cadence.
enum SyntheticTrack {
    static let seconds = 3600

    struct Point {
        var time: String
        var latitude: Double
        var longitude: Double
        var altitude: Double
        var meters: Double
        var speed: Double
        var heartRate: Int
        var cadence: Int
    }

    /// The points of run `index`: about 3.3 m/s with a small seeded wobble, heading north-east.
    static func points(index: Int) -> [Point] {
        var state = UInt64(0x9E37_79B9_7F4A_7C15) &+ UInt64(index)
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let start = 1_714_548_600 + index * 86_400
        var meters = 0.0
        var points: [Point] = []
        points.reserveCapacity(seconds)
        for second in 0..<seconds {
            let speed = 3.3 + (random() - 0.5) * 0.4
            meters += second == 0 ? 0 : speed
            let date = Date(timeIntervalSince1970: TimeInterval(start + second))
            points.append(
                Point(
                    time: date.formatted(.iso8601), latitude: 46.05 + meters * 0.7 / 111_195,
                    longitude: 14.5 + meters * 0.7 / 77_000, altitude: 300 + 20 * sin(meters / 500),
                    meters: meters, speed: speed, heartRate: 140 + Int(random() * 20), cadence: 84 + Int(random() * 6)))
        }
        return points
    }

    static func gpx(index: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="speedwork benchmark" xmlns="http://www.topografix.com/GPX/1/1" \
            xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <metadata><time>2024-05-01T07:30:00Z</time></metadata>
              <trk>
                <name>Run \(index)</name>
                <type>running</type>
                <trkseg>

            """
        for p in points(index: index) {
            text += """
                      <trkpt lat="\(String(format: "%.7f", p.latitude))" lon="\(String(format: "%.7f", p.longitude))">
                        <ele>\(String(format: "%.1f", p.altitude))</ele>
                        <time>\(p.time)</time>
                        <extensions>
                          <gpxtpx:TrackPointExtension>
                            <gpxtpx:hr>\(p.heartRate)</gpxtpx:hr>
                            <gpxtpx:cad>\(p.cadence)</gpxtpx:cad>
                          </gpxtpx:TrackPointExtension>
                        </extensions>
                      </trkpt>

                """
        }
        text += "    </trkseg>\n  </trk>\n</gpx>\n"
        return text
    }

    static func tcx(index: Int) -> String {
        let points = points(index: index)
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" \
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
              <Activities>
                <Activity Sport="Running">
                  <Id>\(points[0].time)</Id>

            """
        var first = 0
        while first < points.count {
            var last = first
            while last + 1 < points.count, points[last + 1].meters < Double(Int(points[first].meters / 1000) + 1) * 1000 {
                last += 1
            }
            let lap = points[first...last]
            text += """
                      <Lap StartTime="\(lap.first!.time)">
                        <TotalTimeSeconds>\(lap.count)</TotalTimeSeconds>
                        <DistanceMeters>\(String(format: "%.2f", lap.last!.meters - lap.first!.meters))</DistanceMeters>
                        <Intensity>Active</Intensity>
                        <TriggerMethod>Distance</TriggerMethod>
                        <Track>

                """
            for p in lap {
                text += """
                              <Trackpoint>
                                <Time>\(p.time)</Time>
                                <Position>
                                  <LatitudeDegrees>\(String(format: "%.7f", p.latitude))</LatitudeDegrees>
                                  <LongitudeDegrees>\(String(format: "%.7f", p.longitude))</LongitudeDegrees>
                                </Position>
                                <AltitudeMeters>\(String(format: "%.1f", p.altitude))</AltitudeMeters>
                                <DistanceMeters>\(String(format: "%.2f", p.meters))</DistanceMeters>
                                <HeartRateBpm>
                                  <Value>\(p.heartRate)</Value>
                                </HeartRateBpm>
                                <Extensions>
                                  <ns3:TPX>
                                    <ns3:Speed>\(String(format: "%.3f", p.speed))</ns3:Speed>
                                    <ns3:RunCadence>\(p.cadence)</ns3:RunCadence>
                                  </ns3:TPX>
                                </Extensions>
                              </Trackpoint>

                    """
            }
            text += "          </Track>\n        </Lap>\n"
            first = last + 1
        }
        text += """
                  <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <Name>Forerunner 265</Name>
                  </Creator>
                </Activity>
              </Activities>
            </TrainingCenterDatabase>

            """
        return text
    }
}
