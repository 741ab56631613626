import Testing
@testable import Speedwork

/// The Daniels–Gilbert model against Daniels' published race table (Table 5.1, VDOT 30–80).
@Suite("Daniels–Gilbert VDOT against the published table")
struct DanielsGilbertTests {
    static let today = try! Day(parsing: "2026-11-22")

    /// Every published time, as a result, gives back its row's VDOT within 0.5.
    @Test(arguments: DanielsRaceTable.rows.map(\.vdot))
    func vdotFromEveryPublishedTime(vdot: Double) throws {
        let row = try #require(DanielsRaceTable.rows.first { $0.vdot == vdot })
        for (label, text) in zip(DanielsRaceTable.distances, row.times) {
            let result = try Performance(distance: Distance(parsing: label), time: Duration(parsing: text))
            let estimate = try FitnessEstimator().estimate(from: [result], model: .vdot, asOf: Self.today)
            #expect(abs(estimate.vdot - vdot) <= 0.5, "\(label)=\(text) gave VDOT \(estimate.vdot), published \(vdot)")
        }
    }

    /// From any published time, the equivalent times from the mile to the marathon come within
    /// 1.5 % of the published ones.
    @Test(arguments: DanielsRaceTable.rows.map(\.vdot))
    func equivalentTimesFromEveryPublishedTime(vdot: Double) throws {
        let row = try #require(DanielsRaceTable.rows.first { $0.vdot == vdot })
        let distances = try DanielsRaceTable.distances.map { try Distance(parsing: $0) }
        let times = try row.times.map { try Duration(parsing: $0) }
        for (inputIndex, input) in distances.enumerated() {
            let result = try Performance(distance: input, time: times[inputIndex])
            let estimate = try FitnessEstimator().estimate(from: [result], model: .vdot, asOf: Self.today)
            for (index, distance) in distances.enumerated() where distance >= .mile && index != inputIndex {
                let predicted = estimate.time(for: distance).seconds
                let published = times[index].seconds
                #expect(abs(predicted - published) / published <= 0.015,
                        "from \(result.written): \(distance.label) predicted \(Duration.seconds(predicted).formatted(.precise)), published \(times[index].formatted(.precise))")
            }
        }
    }

    /// The oxygen-cost equation and its inverse agree.
    @Test(arguments: [150.0, 200, 250, 300, 400])
    func oxygenCostInverts(metersPerMinute: Double) {
        let speed = Speed(metersPerSecond: metersPerMinute / 60)
        let back = DanielsGilbert.speed(atOxygenCost: DanielsGilbert.oxygenCost(at: speed))
        #expect(abs(back.metersPerMinute - metersPerMinute) < 1e-9)
    }

    /// At 10 minutes a runner holds almost exactly VO2max in the Daniels–Gilbert fraction curve
    /// (0.8 + 0.1894393·e^−0.12778 + 0.2989558·e^−1.932605 ≈ 1.0104, computed by hand).
    @Test func sustainableFractionAtTenMinutes() {
        #expect(abs(DanielsGilbert.sustainableFraction(for: .minutes(10)) - 1.0104) < 0.0005)
    }
}
