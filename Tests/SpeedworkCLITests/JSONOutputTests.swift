import Foundation
@testable import SpeedworkReports
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

/// `analyze` on FIT files with a damaged end, generated here.
@Suite("analyze FIT damage")
struct AnalyzeFITDamageTests {
    @Test func missingCRCIsReadWithAWarning() throws {
        let bytes = ActivityFixtures.steadyFIT(seconds: 600).dropLast(2)
        let file = try ActivityFixtures.write(Data(bytes), suffix: "fit")
        defer { try? FileManager.default.removeItem(at: file) }
        for extra in [[], ["--ignore-crc"]] {
            let report = try ActivityFixtures.analyze(file, extra)
            #expect(abs((report["distanceMeters"] as? Double ?? 0) - 1800) < 1)
            #expect((report["warnings"] as? [String])?.contains { $0.contains("without its 2-byte CRC") } == true)
        }
    }

    @Test func badCRCIsRefusedUntilIgnored() throws {
        var bytes = ActivityFixtures.steadyFIT(seconds: 600)
        bytes[bytes.count - 2] ^= 0x5A
        let file = try ActivityFixtures.write(Data(bytes), suffix: "fit")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try ActivityFixtures.analyze(file)
        } throws: { error in
            "\(error)".contains("CRC mismatch") && "\(error)".contains("(--ignore-crc reads it anyway)")
        }
        let report = try ActivityFixtures.analyze(file, ["--ignore-crc"])
        #expect(abs((report["distanceMeters"] as? Double ?? 0) - 1800) < 1)
        #expect((report["warnings"] as? [String])?.contains { $0.contains("CRC does not match") } == true)
    }

    @Test func cutShortIsReadUpToTheCut() throws {
        let whole = ActivityFixtures.steadyFIT(seconds: 600)
        // Header 14, sport definition 9 + data 2, record definition 18: each record 17 bytes.
        let cut = Array(whole[0..<(14 + 11 + 18 + 301 * 17 + 5)])
        let file = try ActivityFixtures.write(Data(cut), suffix: "fit")
        defer { try? FileManager.default.removeItem(at: file) }
        let report = try ActivityFixtures.analyze(file)
        // Records 0…300: 900 m in 300 s.
        #expect(abs((report["distanceMeters"] as? Double ?? 0) - 900) < 1)
        #expect(report["durationSeconds"] as? Double == 300)
        #expect((report["warnings"] as? [String])?.contains { $0.contains("cut short") } == true)
    }

    @Test(arguments: [
        ("ab", "x", "-", "ab"), ("abab", "ab", "--", "----"), ("éabé", "ab", "-", "é-é"),
        ("a", "ab", "-", "a"), ("", "ab", "-", ""), ("aab", "ab", "<>", "a<>"), ("ba", "ab", "-", "ba"),
    ])
    func replacingScansTheBytesOnce(text: String, needle: String, replacement: String, expected: String) {
        let replaced = JSONOutput.replacing(Array(needle.utf8), with: Array(replacement.utf8), in: Array(text.utf8))
        #expect(String(decoding: replaced, as: UTF8.self) == expected)
    }
}
