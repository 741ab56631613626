import Testing
@testable import Speedwork

/// Training zones against Daniels' published Table 5.2, within 2 %.
@Suite("Training paces against the published table")
struct TrainingPacesTests {
    static func seconds(_ text: String) throws -> Double? {
        text == "—" ? nil : try Duration(parsing: text).seconds
    }

    static func close(_ ours: Double, _ published: Double?, _ what: String, vdot: Double) {
        guard let published else { return }
        #expect(abs(ours - published) / published <= 0.02,
                "VDOT \(vdot) \(what): ours \(Duration.seconds(ours).formatted(.precise)), published \(Duration.seconds(published).formatted(.precise))")
    }

    @Test(arguments: DanielsPaceTable.rows.map(\.vdot))
    func zonesMatchTable52(vdot: Double) throws {
        let row = try #require(DanielsPaceTable.rows.first { $0.vdot == vdot })
        let easy = TrainingPaces.pace(.easy, vdot: vdot)
        Self.close(easy.fast.secondsPerKilometer, try Self.seconds(row.easyPerKm.fast), "E fast /km", vdot: vdot)
        Self.close(easy.slow.secondsPerKilometer, try Self.seconds(row.easyPerKm.slow), "E slow /km", vdot: vdot)
        Self.close(TrainingPaces.pace(.marathon, vdot: vdot).fast.secondsPerKilometer, try Self.seconds(row.marathonPerKm), "M /km", vdot: vdot)
        Self.close(TrainingPaces.pace(.threshold, vdot: vdot).fast.secondsPerKilometer, try Self.seconds(row.thresholdPerKm), "T /km", vdot: vdot)
        let interval = TrainingPaces.pace(.interval, vdot: vdot).fast
        Self.close(interval.secondsPerKilometer, try Self.seconds(row.intervalPerKm), "I /km", vdot: vdot)
        Self.close(interval.time(for: .meters(400)).seconds, try Self.seconds(row.intervalPer400), "I /400m", vdot: vdot)
        let repetition = TrainingPaces.pace(.repetition, vdot: vdot).fast
        Self.close(repetition.time(for: .meters(400)).seconds, try Self.seconds(row.repetitionPer400), "R /400m", vdot: vdot)
    }

    @Test func zonesRunFromSlowToFast() {
        for vdot in stride(from: 30.0, through: 85, by: 0.5) {
            let zones = TrainingPaces.zones(vdot: vdot)
            for (slower, faster) in zip(zones, zones.dropFirst()) {
                #expect(faster.pace.fast < slower.pace.fast, "VDOT \(vdot): \(faster.code) not faster than \(slower.code)")
            }
        }
    }
}
