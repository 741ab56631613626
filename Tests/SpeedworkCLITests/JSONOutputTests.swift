import Foundation
import Testing
@testable import SpeedworkCLI

/// JSON output never fails on a number without a finite value: it is written as `null`
/// (RFC 8259 has no infinity or NaN), wherever it sits.
@Suite("JSON output")
struct JSONOutputTests {
    struct Inner: Encodable {
        let pace: Double
        let values: [Double]
    }

    struct Report: Encodable {
        let fast: Double
        let slow: Double
        let nothing: Double
        let optional: Double?
        let finite: Double
        let name: String
        let inner: Inner
    }

    @Test func nonFiniteNumbersAreNull() throws {
        let report = Report(
            fast: -.infinity, slow: .infinity, nothing: .nan, optional: .infinity, finite: 2.5,
            name: "nonfinite-marker \"quoted\"", inner: Inner(pace: .infinity, values: [1, .nan, 3]))
        let text = try JSONOutput.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["fast", "slow", "nothing", "optional"] {
            #expect(object[key] is NSNull, "\(key) in \(text)")
        }
        #expect(object["finite"] as? Double == 2.5)
        #expect(object["name"] as? String == "nonfinite-marker \"quoted\"")
        let inner = try #require(object["inner"] as? [String: Any])
        #expect(inner["pace"] is NSNull)
        let values = try #require(inner["values"] as? [Any])
        #expect(values.count == 3)
        #expect(values[0] as? Double == 1)
        #expect(values[1] is NSNull)
        #expect(values[2] as? Double == 3)
    }

    /// A session with standing recoveries (no distance for 90 s at a time) gives JSON that parses.
    @Test func standingRecoveriesGiveJSON() throws {
        let file = try ActivityFixtures.write(ActivityFixtures.gpx(ActivityFixtures.standingRecoveries()))
        defer { try? FileManager.default.removeItem(at: file) }
        let report = try ActivityFixtures.analyze(file)
        let distance = try #require(report["distanceMeters"] as? Double)
        // 10 min and 5 min at 3 m/s, 5 × 400 m: 2700 + 2000 m.
        #expect(abs(distance - 4700) < 5)
        for rep in (report["reps"] as? [[String: Any]] ?? []) + (report["recoveries"] as? [[String: Any]] ?? []) {
            let pace = rep["secondsPerKm"]
            #expect(pace is NSNull || (pace as? Double)?.isFinite == true)
        }
        _ = try ActivityFixtures.analyzeText(file)
    }
}
