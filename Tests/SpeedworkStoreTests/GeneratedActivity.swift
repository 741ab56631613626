import Foundation
import Speedwork
import SpeedworkTestSupport

/// Seeded activities whose samples carry the values a FIT decoder produces (FIT profile scales:
/// distance in cm, speed in mm/s, position in semicircles, altitude in 1/5 m offset 500 m, heart
/// rate in bpm, cadence with 1/128 fractions), so the blob codec is tried on realistic numbers.
enum GeneratedActivity {
    static let degreesPerSemicircle = 180.0 / 2_147_483_648.0

    static func run(seed: UInt64, samples count: Int = 3600, start: Date = Date(timeIntervalSince1970: 1_767_225_600)) -> Activity {
        var random = SeededGenerator(state: seed)
        var samples: [ActivitySample] = []
        samples.reserveCapacity(count)
        var centimeters: Int64 = 0
        var latitude = Int64(51.5 / degreesPerSemicircle)
        var longitude = Int64(-0.12 / degreesPerSemicircle)
        var altitude = Int64((35.0 + 500) * 5)
        var heartRate = 120
        for second in 0..<count {
            let millimetersPerSecond = Int64.random(in: 2800...4200, using: &random)
            centimeters += millimetersPerSecond / 10
            latitude += Int64.random(in: -300...300, using: &random)
            longitude += Int64.random(in: -300...300, using: &random)
            altitude += Int64.random(in: -2...2, using: &random)
            heartRate = max(90, min(195, heartRate + Int.random(in: -2...2, using: &random)))
            let hasPosition = second % 97 != 13
            let cadenceWhole = Double(Int.random(in: 84...92, using: &random) * 2)
            let cadenceFraction = Double(Int.random(in: 0...127, using: &random)) / 128
            samples.append(ActivitySample(
                seconds: Double(second),
                meters: Double(centimeters) / 100,
                metersPerSecond: Double(millimetersPerSecond) / 1000,
                latitude: hasPosition ? Double(latitude) * degreesPerSemicircle : nil,
                longitude: hasPosition ? Double(longitude) * degreesPerSemicircle : nil,
                altitude: Double(altitude) / 5 - 500,
                heartRate: Double(heartRate),
                stepsPerMinute: cadenceWhole + cadenceFraction))
        }
        let laps = stride(from: 0, to: count, by: 600).map {
            ActivityLap(startSeconds: Double($0), elapsedSeconds: Double(min(600, count - $0)), timerSeconds: Double(min(600, count - $0)) - 0.5,
                        meters: nil, trigger: $0 == 0 ? .manual : .distance)
        }
        return Activity(sport: "running", start: start, samples: samples, laps: laps, device: "garmin fr255",
                        deviceDistanceMeters: samples.last?.meters, deviceTimerSeconds: Double(count))
    }

    /// The bytes the same samples take as plain 8-byte doubles, eight channels: the yardstick the
    /// blob must stay well under.
    static func rawBytes(_ activity: Activity) -> Int { activity.samples.count * 8 * 8 }
}
