import Foundation
import Testing
@testable import Speedwork

/// The structural memory bound of reading and analysis (docs/activity-files.md, "Memory"): a
/// sample is eight numbers, and the one-second series holds at most ``SpeedSeries/gridPerSample``
/// seconds per sample (or ``SpeedSeries/gridFloor``), whatever the time span of the file.
@Suite("Memory bound")
struct MemoryBoundTests {
    /// Eight 8-byte numbers (the time and seven measurements), with no room for optionals' flags.
    @Test func aSampleIsEightNumbers() {
        #expect(MemoryLayout<ActivitySample>.stride == 8 * 8)
    }

    /// A missing value stays missing and a value stays itself, NaN included; equality and hashing
    /// are those of the optionals.
    @Test func missingValuesStayMissing() {
        var sample = ActivitySample(seconds: 3, meters: 12.5, heartRate: nil)
        #expect(sample.meters == 12.5 && sample.heartRate == nil && sample.latitude == nil)
        sample.meters = nil
        sample.altitude = -0.0
        sample.metersPerSecond = .nan
        #expect(sample.meters == nil && sample.altitude == 0 && sample.altitude?.sign == .minus)
        #expect(sample.metersPerSecond.map { $0.isNaN } == true)
        let a = ActivitySample(seconds: 1, meters: 5, stepsPerMinute: 170)
        let b = ActivitySample(seconds: 1, meters: 5, stepsPerMinute: 170)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != ActivitySample(seconds: 1, meters: 5))
        #expect(ActivitySample(seconds: 1, meters: .nan) != ActivitySample(seconds: 1, meters: .nan))
        #expect(ActivitySample(seconds: 1) == ActivitySample(seconds: 1, meters: nil))
    }

    /// 20,000 samples 29 s apart would make 579,972 grid seconds (29 × 19,999 + 1); the series
    /// keeps at most 8 per sample and never interpolates across more than 29 s.
    @Test func sparseSamplesKeepTheGridBounded() throws {
        let count = 20_000
        let samples = (0..<count).map { ActivitySample(seconds: 29 * Double($0), meters: 87 * Double($0)) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.count <= SpeedSeries.gridPerSample * count)
        #expect(series.meters.capacity <= SpeedSeries.gridPerSample * count)
        #expect(series.speed.count == series.count && series.stepsPerMinute.count == series.count)
        // Every sample starts its own segment, each one second long, and distance is not lost.
        #expect(series.segments.count == count)
        #expect(series.meters.last == 87 * Double(count - 1))
    }

    /// Few samples far apart (100 points 29 s apart: 2,872 grid seconds) are within the floor of
    /// 100,000 s and are interpolated as before: one segment, 3 m/s throughout.
    @Test func smallActivitiesKeepTheirInterpolation() throws {
        let samples = (0..<100).map { ActivitySample(seconds: 29 * Double($0), meters: 87 * Double($0)) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.count == 29 * 99 + 1)
        #expect(series.segments.count == 1)
        #expect(series.speed.allSatisfy { abs($0 - 3) < 1e-9 })
    }

    /// One sample a second, the common case, is never touched by the rule: 200,000 samples give
    /// 200,000 grid seconds in one segment, with the arrays sized once.
    @Test func everySecondRecordingIsUnchanged() throws {
        let count = 200_000
        let samples = (0..<count).map { ActivitySample(seconds: Double($0), meters: 3 * Double($0)) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.count == count && series.segments.count == 1)
        #expect(series.meters.capacity < count + count / 8)
    }

    /// The longest gap chosen for samples 1 s apart with every tenth one 29 s later: 8 grid seconds
    /// per sample allow them all (2.8 a sample), so nothing changes.
    @Test func mixedGapsWithinTheBudgetKeepTheLongestGap() {
        var times: [Double] = []
        var t = 0.0
        for index in 0..<50_000 {
            times.append(t)
            t += index % 10 == 9 ? 29 : 1
        }
        #expect(SpeedSeries.gap(times, longestGap: 30) == 30)
        #expect(SpeedSeries.gridCount(times, gap: 30) == Int(t - 29) + 1)
    }
}
