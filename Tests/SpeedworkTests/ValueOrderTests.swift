@testable import Speedwork
import SpeedworkTestSupport
import Testing

/// The rep detection's radix sort against the standard library's stable comparison sort, the
/// order it must reproduce exactly (equal values in their given order).
struct ValueOrderTests {
    private func reference(_ values: [Double], _ weights: [Double]) -> [(value: Double, weight: Double)] {
        zip(values, weights).map { (value: $0.0, weight: $0.1) }.sorted { $0.value < $1.value }
    }

    @Test(arguments: [0, 1, 63, 64, 65, 500, 5_000])
    func givesTheStableSortsOrder(count: Int) {
        var generator = SeededGenerator(state: UInt64(count) + 11)
        // Speeds with many ties (whole centimetres per second), negative and signed zeros among them;
        // the weights tell equal values apart.
        let values = (0..<count).map { index -> Double in
            switch index % 7 {
            case 0: return 0.0
            case 1: return -0.0
            case 2: return -Double(Int.random(in: 0...300, using: &generator)) / 100
            default: return Double(Int.random(in: 0...900, using: &generator)) / 100
            }
        }
        let weights = (0..<count).map(Double.init)
        let sorted = TwoLevels.valueOrder(values, weights)
        let expected = reference(values, weights)
        #expect(sorted.map(\.value) == expected.map(\.value))
        #expect(sorted.map(\.weight) == expected.map(\.weight))
    }

    @Test func infinitiesSortAtTheEndsAndNaNFallsBackToComparison() {
        let values = (0..<100).map { Double($0 % 10) } + [.infinity, -.infinity]
        let weights = values.indices.map(Double.init)
        #expect(TwoLevels.valueOrder(values, weights).map(\.weight) == reference(values, weights).map(\.weight))
        let withNaN = values + [.nan]
        let nanWeights = withNaN.indices.map(Double.init)
        #expect(TwoLevels.valueOrder(withNaN, nanWeights).map(\.weight) == reference(withNaN, nanWeights).map(\.weight))
    }
}
