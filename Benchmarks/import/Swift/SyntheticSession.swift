import Foundation
import Speedwork
import SpeedworkFiles

/// One generated session at 1 Hz as a running watch records it: position, distance, speed,
/// altitude, heart rate and cadence in the samples, and beside them the running-dynamics fields
/// a current watch writes (power, temperature, vertical oscillation, stance time, step length),
/// so that a file is about as large as a device's (40–60 bytes a record; see the shared corpus).
struct SyntheticSession {
    let session: ArchivePlan.Session

    /// Rep time in seconds for `meters` in season 0, and what it gains each season (M7: the same
    /// session getting faster, the truth a progress view should find).
    static func repSeconds(meters: Int, season: Int) -> Double {
        let (first, gain): (Double, Double) = switch meters {
        case 200: (41, 0.5)
        case 400: (86, 1.0)
        default: (230, 2.5)
        }
        return first - gain * Double(min(season, 9))
    }

    /// The session's speed, second by second, and its laps (manual around track reps, an
    /// automatic lap every kilometre otherwise).
    private func plan(_ random: inout SplitMix) -> (speeds: [Double], laps: [(start: Int, trigger: ActivityLap.Trigger)]) {
        var speeds: [Double] = []
        var laps: [(Int, ActivityLap.Trigger)] = []
        func run(_ seconds: Int, _ speed: Double) {
            for _ in 0..<seconds { speeds.append(speed) }
        }
        let easy = 2.9 + 0.4 * random.unit()
        switch session.kind {
        case .easy(let minutes), .long(let minutes):
            run(minutes * 60, easy)
        case .tempo(let minutes):
            run(12 * 60, easy)
            run((minutes - 22) * 60, 4.0 + 0.3 * random.unit())
            run(10 * 60, easy)
        case .track(let reps, let meters, let recovery):
            laps.append((0, .manual))
            run(15 * 60, easy)
            let repTime = Self.repSeconds(meters: meters, season: session.season)
            for rep in 0..<reps {
                laps.append((speeds.count, .manual))
                let seconds = Int(repTime.rounded())
                run(seconds, Double(meters) / repTime)
                laps.append((speeds.count, .manual))
                run(rep == reps - 1 ? 0 : recovery, 1.9)
            }
            laps.append((speeds.count, .manual))
            run(10 * 60, easy)
            return (speeds, laps)
        }
        return (speeds, [])
    }

    /// The activity and its extra record fields.
    func build() -> (Activity, [FITRecordExtraField]) {
        var random = SplitMix(seed: session.seed)
        let (speeds, trackLaps) = plan(&random)
        let count = speeds.count
        let onTrack = if case .track = session.kind { true } else { false }

        var samples: [ActivitySample] = []
        samples.reserveCapacity(count)
        var power = [UInt32](), temperature = [UInt32](), oscillation = [UInt32](), stance = [UInt32]()
        var stepLength = [UInt32](), verticalRatio = [UInt32](), accumulated = [UInt32]()
        power.reserveCapacity(count); temperature.reserveCapacity(count); oscillation.reserveCapacity(count)
        stance.reserveCapacity(count); stepLength.reserveCapacity(count); verticalRatio.reserveCapacity(count)
        accumulated.reserveCapacity(count)

        // Home near the Thames; a track 1.2 km away; headings wander on road runs.
        let latitude0 = 51.50 + 0.01 * random.signed()
        let longitude0 = -0.12 + 0.01 * random.signed()
        let metersPerDegreeLatitude = 111_195.0
        let metersPerDegreeLongitude = metersPerDegreeLatitude * cos(latitude0 * .pi / 180)
        var north = 0.0, east = 0.0, heading = random.unit() * 2 * .pi
        let dayOfYear = Double(Calendar(identifier: .gregorian).ordinality(of: .day, in: .year, for: session.start) ?? 180)
        let airTemperature = 11 - 8 * cos((dayOfYear - 15) / 365 * 2 * .pi) + 3 * random.signed()
        var meters = 0.0, heartRate = 95.0, accumulatedPower = 0.0
        var autoLaps: [Int] = [0]

        for second in 0..<count {
            let speed = max(0.5, speeds[second] * (1 + 0.03 * random.signed()))
            meters += speed
            if onTrack {
                let angle = meters / 400 * 2 * .pi
                north = 1_200 + 63.66 * sin(angle)
                east = 63.66 * cos(angle)
            } else {
                heading += 0.02 * random.signed()
                north += speed * cos(heading)
                east += speed * sin(heading)
                if Int(meters / 1000) > autoLaps.count - 1 { autoLaps.append(second + 1) }
            }
            let target = 92 + 16.5 * speed
            heartRate += (target - heartRate) * 0.04 + 0.8 * random.signed()
            let steps = 150 + 6 * speed + 2 * random.signed()
            let altitude = 24 + 9 * sin(north / 700) + 4 * cos(east / 900) + 0.2 * random.signed()
            samples.append(ActivitySample(
                seconds: Double(second), meters: meters, metersPerSecond: speed,
                latitude: latitude0 + north / metersPerDegreeLatitude, longitude: longitude0 + east / metersPerDegreeLongitude,
                altitude: altitude, heartRate: heartRate.rounded(), stepsPerMinute: steps))
            let watts = 68 * speed * 1.04 + 6 * random.signed()
            accumulatedPower += watts
            power.append(UInt32(watts.rounded()))
            temperature.append(UInt32(UInt8(bitPattern: Int8(clamping: Int(airTemperature.rounded())))))
            oscillation.append(UInt32((86 - 2 * (speed - 3) + 2 * random.signed()) * 10))       // mm, scale 10
            stance.append(UInt32((262 - 22 * (speed - 3) + 5 * random.signed()) * 10))          // ms, scale 10
            stepLength.append(UInt32((speed / (steps / 60) * 1000 * 10).rounded()))             // mm, scale 10
            verticalRatio.append(UInt32((8.1 - 0.4 * (speed - 3) + 0.2 * random.signed()) * 100))  // %, scale 100
            accumulated.append(UInt32(accumulatedPower.rounded()))
        }

        let starts: [(Int, ActivityLap.Trigger)] = onTrack ? trackLaps : autoLaps.map { ($0, .distance) }
        var laps: [ActivityLap] = []
        for (index, (start, trigger)) in starts.enumerated() where start < count {
            let end = index + 1 < starts.count ? min(starts[index + 1].0, count) : count
            guard end > start else { continue }
            let from = start == 0 ? 0 : samples[start - 1].meters ?? 0
            let lapMeters = (samples[end - 1].meters ?? 0) - from
            laps.append(ActivityLap(startSeconds: Double(start), elapsedSeconds: Double(end - start),
                                    timerSeconds: Double(end - start), meters: lapMeters, trigger: trigger))
        }
        let sport = onTrack ? "running/track" : "running"
        let activity = Activity(sport: sport, start: session.start, samples: samples, laps: laps)
        let extras = [
            FITRecordExtraField(number: 7, baseType: .uint16, values: power),            // power, W
            FITRecordExtraField(number: 13, baseType: .sint8, values: temperature),      // temperature, °C
            FITRecordExtraField(number: 29, baseType: .uint32, values: accumulated),     // accumulated_power, W
            FITRecordExtraField(number: 39, baseType: .uint16, values: oscillation),     // vertical_oscillation
            FITRecordExtraField(number: 41, baseType: .uint16, values: stance),          // stance_time
            FITRecordExtraField(number: 83, baseType: .uint16, values: verticalRatio),   // vertical_ratio
            FITRecordExtraField(number: 85, baseType: .uint16, values: stepLength),      // step_length
        ]
        return (activity, extras)
    }
}
