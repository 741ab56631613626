import Foundation
import Speedwork
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The sample payload (what the content hash is taken over, so it may never change for the same
/// activity) is byte for byte what a plain encoder written from docs/store.md's "Sample blob
/// format" section gives, value by value with no buffers or single passes.
struct SamplePayloadReferenceTests {
    /// docs/store.md: the grids in the order tried; nil scale is FIT's semicircles.
    private static let grids: [(scale: Double?, offset: Double)] = [
        (1, 0), (5, 500), (10, 0), (16, 0), (100, 0), (128, 0), (1000, 0), (10_000, 0), (100_000, 0),
        (1_000_000, 0), (10_000_000, 0), (nil, 0),
    ]

    private struct Reference {
        var bytes: [UInt8] = []

        mutating func varint(_ value: UInt64) {
            var rest = value
            repeat {
                let low = UInt8(rest & 0x7F)
                rest >>= 7
                bytes.append(rest == 0 ? low : low | 0x80)
            } while rest != 0
        }

        mutating func channel(_ values: [Double?]) {
            let present = values.compactMap { $0 }
            guard !present.isEmpty else { return bytes.append(0) }
            var chosen: (Int, [Int64])?
            for (index, grid) in SamplePayloadReferenceTests.grids.enumerated() {
                var steps: [Int64] = []
                for value in present {
                    let exact = grid.scale.map { (value + grid.offset) * $0 } ?? value / (180 / 2_147_483_648.0)
                    guard exact.isFinite, abs(exact) < 9_007_199_254_740_992 else { break }
                    let step = Int64(exact.rounded())
                    let back = grid.scale.map { Double(step) / $0 - grid.offset } ?? Double(step) * (180 / 2_147_483_648.0)
                    guard back.bitPattern == value.bitPattern else { break }
                    steps.append(step)
                }
                if steps.count == present.count {
                    chosen = (index, steps)
                    break
                }
            }
            bytes.append(chosen == nil ? 2 : 1)
            if present.count == values.count {
                bytes.append(0)
            } else {
                bytes.append(1)
                var map = [UInt8](repeating: 0, count: (values.count + 7) / 8)
                for index in values.indices where values[index] != nil { map[index / 8] |= UInt8(1 << (index % 8)) }
                bytes += map
            }
            if let (grid, steps) = chosen {
                bytes.append(UInt8(grid))
                var previous: Int64 = 0
                for step in steps {
                    let delta = step &- previous
                    varint(delta >= 0 ? UInt64(delta) * 2 : UInt64(-(delta + 1)) * 2 + 1)
                    previous = step
                }
            } else {
                var previous: UInt64 = 0
                for value in present {
                    let bits = value.bitPattern ^ previous
                    for byte in 0..<8 { bytes.append(UInt8((bits >> (8 * UInt64(byte))) & 0xFF)) }
                    previous = value.bitPattern
                }
            }
        }
    }

    private func referencePayload(_ activity: Activity) -> [UInt8] {
        var out = Reference()
        let samples = activity.samples
        out.varint(UInt64(samples.count))
        out.channel(samples.map(\.seconds))
        out.channel(samples.map(\.meters))
        out.channel(samples.map(\.metersPerSecond))
        out.channel(samples.map(\.latitude))
        out.channel(samples.map(\.longitude))
        out.channel(samples.map(\.altitude))
        out.channel(samples.map(\.heartRate))
        out.channel(samples.map(\.stepsPerMinute))
        out.varint(UInt64(activity.laps.count))
        out.channel(activity.laps.map(\.startSeconds))
        out.channel(activity.laps.map(\.elapsedSeconds))
        out.channel(activity.laps.map(\.timerSeconds))
        out.channel(activity.laps.map(\.meters))
        for lap in activity.laps {
            let code: UInt8 = switch lap.trigger {
            case .other: 0
            case .manual: 1
            case .distance: 2
            case .time: 3
            case .position: 4
            }
            out.bytes.append(code)
        }
        out.channel([activity.deviceDistanceMeters, activity.deviceTimerSeconds])
        return out.bytes
    }

    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func fitLikeRunsPayloadAsTheSpecSays(seed: UInt64) {
        let activity = GeneratedActivity.run(seed: seed, samples: 1800 + Int(seed) * 7)
        #expect(SampleBlob.payload(of: activity) == referencePayload(activity))
    }

    @Test func gapsRawValuesNegativeZeroAndExtremesPayloadAsTheSpecSays() {
        var random = SeededGenerator(state: 17)
        for round in 0..<40 {
            let count = Int.random(in: 0...130, using: &random)
            var samples: [ActivitySample] = []
            for index in 0..<count {
                func maybe(_ value: Double) -> Double? { Int.random(in: 0..<4, using: &random) == 0 ? nil : value }
                let pick = Int.random(in: 0..<6, using: &random)
                let odd: Double = switch pick {
                case 0: -0.0
                case 1: .greatestFiniteMagnitude
                case 2: Double.random(in: -1e12...1e12, using: &random)
                case 3: Double(Int.random(in: -9_000...9_000, using: &random)) / 128
                case 4: .infinity
                default: Double(index) * 0.1
                }
                samples.append(ActivitySample(
                    seconds: round % 3 == 0 ? odd.isFinite ? odd : 1 : Double(index),
                    meters: maybe(Double(index) * 3.07),
                    metersPerSecond: maybe(odd),
                    latitude: maybe(Double(Int32.random(in: .min ... .max, using: &random)) * (180 / 2_147_483_648.0)),
                    longitude: round % 2 == 0 ? nil : maybe(Double(index) / 1e7),
                    altitude: maybe(Double(Int.random(in: 0...12_000, using: &random)) / 5 - 500),
                    heartRate: maybe(Double(Int.random(in: 60...200, using: &random))),
                    stepsPerMinute: round % 5 == 0 ? nil : maybe(odd)))
            }
            let laps = (0..<Int.random(in: 0...4, using: &random)).map { index in
                ActivityLap(startSeconds: Double(index) * 61.5, elapsedSeconds: 61.5, timerSeconds: index == 1 ? nil : 60,
                            meters: index == 2 ? -0.0 : 400, trigger: [.manual, .distance, .time, .position, .other][index])
            }
            let activity = Activity(sport: "running", start: nil, samples: samples, laps: laps,
                                    deviceDistanceMeters: round % 4 == 0 ? nil : 1234.5, deviceTimerSeconds: 999)
            #expect(SampleBlob.payload(of: activity) == referencePayload(activity), "round \(round)")
        }
    }
}
