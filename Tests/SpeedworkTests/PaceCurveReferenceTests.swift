import Foundation
import Testing
import SpeedworkTestSupport
@testable import Speedwork

/// The pace curve (M52) against its definition taken one window at a time: for each duration, the
/// farthest any window of that many seconds inside one segment covers, from 0.
struct PaceCurveReferenceTests {
    private func reference(_ series: SpeedSeries) -> [(Double, Double)] {
        let longest = series.segments.map(\.range.count).max() ?? 0
        return BestEfforts.curveDurations.filter { $0 < Double(longest) }.map { duration in
            let window = Int(duration)
            var farthest = 0.0
            for segment in series.segments where segment.range.count > window {
                for start in segment.range.lowerBound..<(segment.range.upperBound - window) {
                    let covered = series.meters[start + window] - series.meters[start]
                    if covered >= farthest { farthest = covered }
                }
            }
            return (duration, farthest)
        }
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func matchesEveryWindowOnARunWithAPause(seed: UInt64) throws {
        var random = SeededGenerator(state: seed * 6_151)
        var meters = 0.0
        var samples: [ActivitySample] = []
        for second in 0..<2_500 {
            // A 90 s pause after 1,200 s splits the run into two segments.
            let time = Double(second < 1_200 ? second : second + 90)
            meters += Double.random(in: 1.5...6.5, using: &random)
            samples.append(ActivitySample(seconds: time, meters: meters))
        }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.segments.count == 2)
        let curve = BestEfforts.curve(series)
        let expected = reference(series)
        #expect(curve.map(\.seconds) == expected.map(\.0))
        #expect(curve.map(\.meters.bitPattern) == expected.map(\.1.bitPattern))
    }

    @Test func standingStillCoversPositiveZero() throws {
        let samples = (0...400).map { ActivitySample(seconds: Double($0), meters: 5) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        let curve = BestEfforts.curve(series)
        #expect(!curve.isEmpty)
        for point in curve { #expect(point.meters == 0 && point.meters.sign == .plus) }
    }
}
