@testable import Speedwork
import SpeedworkTestSupport
import Testing

/// The speed series' moving median against the plain definition: sort each window, take the
/// middle; a window shrinks symmetrically at the ends.
struct MovingMedianTests {
    private func reference(_ values: [Double], radius: Int) -> [Double] {
        values.indices.map { index in
            let reach = min(radius, index, values.count - 1 - index)
            let window = values[(index - reach)...(index + reach)].sorted()
            return window[window.count / 2]
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func matchesSortingEachWindow(radius: Int) {
        var generator = SeededGenerator(state: UInt64(radius) * 7_919)
        for length in [0, 1, 2, 3, 4, 5, 6, 11, 200] {
            // Repeated values too: speeds held for a few seconds.
            let values = (0..<length).map { _ in Double(Int.random(in: 0...12, using: &generator)) / 4 }
            #expect(SpeedSeries.movingMedian(values, radius: radius) == reference(values, radius: radius), "length \(length)")
        }
    }

    @Test(arguments: [1, 2])
    func longSeriesWithInfinitiesAndNegativesMatchBitForBit(radius: Int) {
        var generator = SeededGenerator(state: UInt64(radius) * 104_729)
        let specials: [Double] = [.infinity, -.infinity, .greatestFiniteMagnitude, -1e-300, 0]
        let values = (0..<3_000).map { index -> Double in
            index % 97 == 5 ? specials[index % specials.count] : Double.random(in: -20...20, using: &generator)
        }
        let got = SpeedSeries.movingMedian(values, radius: radius).map(\.bitPattern)
        #expect(got == reference(values, radius: radius).map(\.bitPattern))
    }

    @Test func aSeriesWithNaNOrNegativeZeroKeepsItsWindowsSorted() {
        // Both leave the fast path; the median of numbers around them is unchanged.
        let withZero: [Double] = [1, -0.0, 2, 5, 4, 3, 8]
        #expect(SpeedSeries.movingMedian(withZero, radius: 1) == reference(withZero, radius: 1))
        let withNaN: [Double] = [1, 2, 3, .nan, 5, 6, 7, 8, 9]
        let median = SpeedSeries.movingMedian(withNaN, radius: 2)
        #expect(median.count == withNaN.count && Array(median[6...]) == [7, 8, 9])
    }

    @Test func aSpikeIsRemovedAndAStepKept() {
        #expect(SpeedSeries.movingMedian([3, 3, 9, 3, 3], radius: 1) == [3, 3, 3, 3, 3])
        #expect(SpeedSeries.movingMedian([3, 3, 3, 5, 5, 5], radius: 2) == [3, 3, 3, 5, 5, 5])
    }
}
