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

    @Test func aSpikeIsRemovedAndAStepKept() {
        #expect(SpeedSeries.movingMedian([3, 3, 9, 3, 3], radius: 1) == [3, 3, 3, 3, 3])
        #expect(SpeedSeries.movingMedian([3, 3, 3, 5, 5, 5], radius: 2) == [3, 3, 3, 5, 5, 5])
    }
}
