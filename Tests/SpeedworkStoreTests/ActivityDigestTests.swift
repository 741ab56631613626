import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// The compact record of an activity's analysis (ActivityDigest): derived from a hand-written
/// `analyze --json` report, stored in a few hundred bytes and read back bit for bit.
struct ActivityDigestTests {
    /// A report as `analyze --json` writes one, with a rep and an effort whose values are `null`.
    static let report = """
        {"sport":"running","analysedAsRun":true,"distanceMeters":8123.5,"durationSeconds":2400,"movingSeconds":2350.25,
         "laps":[{"seconds":600}],
         "reps":[{"seconds":71.2,"meters":400,"secondsPerKm":178,"cadence":188,"stepLength":1.42},{"seconds":null,"meters":398.5}],
         "recoveries":[{"seconds":90},{"seconds":null},{"seconds":88.5}],
         "bestEfforts":[{"distance":"1K","meters":1000,"seconds":182.4},{"distance":"mile","meters":1609.344,"seconds":null}],
         "easyRun":{"shareFasterThanEasy":0.1,"tooHard":false},
         "compliance":{"rule":"M11","summary":"1 of 1 on target"}}
        """

    static let expected = ActivityDigest(
        analysedAsRun: true, distanceMeters: 8123.5, durationSeconds: 2400, movingSeconds: 2350.25,
        reps: [.init(meters: 400, seconds: 71.2, cadence: 188, stepLength: 1.42), .init(meters: 398.5, seconds: nil)],
        recoverySeconds: [90, 88.5], bestEfforts: [.init(meters: 1000, seconds: 182.4)], easyRunTooHard: false)

    @Test func aReportGivesItsRepsEffortsAndVerdicts() throws {
        #expect(ActivityDigest(analysisJSON: Self.report) == Self.expected)
    }

    @Test func missingKeysStayMissing() throws {
        let digest = try #require(ActivityDigest(analysisJSON: #"{"distanceMeters":5000}"#))
        #expect(digest == ActivityDigest(analysedAsRun: nil, distanceMeters: 5000, durationSeconds: nil, movingSeconds: nil,
                                         reps: [], recoverySeconds: [], bestEfforts: [], easyRunTooHard: nil))
    }

    @Test(arguments: ["not json", "[1, 2]", #"{"sport": 7}"#, #"{"reps": "six"}"#, #"{"easyRun": {"tooHard": "yes"}}"#,
                      #"{"compliance": {"rule": 11}}"#, #"{"bestEfforts": [{"distance": 1000}]}"#])
    func aTextThatIsNoReportGivesNoDigest(text: String) {
        #expect(ActivityDigest(analysisJSON: text) == nil)
    }

    @Test func theEncodingReadsBackBitForBitAndStaysSmall() throws {
        let encoded = Self.expected.encoded
        #expect(try ActivityDigest(encoded: encoded) == Self.expected)
        // 1 layout + 1 verdicts + (1 + 3 × 8) totals + 1 + (1 + 4 × 8) + (1 + 1 × 8) reps
        // + 1 + 2 × 8 recoveries + 1 + 1 × 16 efforts.
        #expect(encoded.count == 2 + 25 + 1 + 33 + 9 + 1 + 16 + 1 + 16)
        let empty = ActivityDigest(analysedAsRun: nil, distanceMeters: nil, durationSeconds: nil, movingSeconds: nil,
                                   reps: [], recoverySeconds: [], bestEfforts: [], easyRunTooHard: true)
        #expect(try ActivityDigest(encoded: empty.encoded) == empty)
        #expect(empty.encoded == Data([1, 2 << 2, 0, 0, 0, 0]))
        // Values that are not finite (never in a report, which writes them as null) still read back.
        var odd = Self.expected
        odd.reps[0].seconds = -.infinity
        odd.recoverySeconds = [-0.0, .greatestFiniteMagnitude]
        #expect(try ActivityDigest(encoded: odd.encoded) == odd)
    }

    @Test func aTwelveRepSessionIsAFewHundredBytes() {
        let rep = ActivityDigest.Rep(meters: 400, seconds: 75, cadence: 186, stepLength: 1.4)
        let efforts: [ActivityDigest.Effort] = (1...8).map { index in
            ActivityDigest.Effort(meters: 400 * Double(index), seconds: 80 * Double(index))
        }
        let digest = ActivityDigest(
            analysedAsRun: true, distanceMeters: 12_000, durationSeconds: 4000, movingSeconds: 3900,
            reps: [ActivityDigest.Rep](repeating: rep, count: 12), recoverySeconds: [Double](repeating: 90, count: 11),
            bestEfforts: efforts, easyRunTooHard: nil)
        #expect(digest.encoded.count < 700)
    }

    @Test(arguments: [Data(), Data([2, 0, 0, 0, 0, 0]), Data([1, 3, 0, 0, 0, 0]), Data([1, 0, 0xFF, 0, 0, 0]),
                      Data([1, 0, 1, 0, 0, 0]), Data([1, 0, 0, 0, 0, 0, 0]), Data([1, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0])])
    func damagedBytesAreAnErrorNotACrash(bytes: Data) {
        #expect(throws: InputError.self) { try ActivityDigest(encoded: bytes) }
    }

    @Test func aPackedActivityCarriesTheDigestOfItsAnalysis() throws {
        let packed = try PackedActivity(GeneratedActivity.run(seed: 5, samples: 120), analysisJSON: Self.report)
        #expect(packed.summary.digest == Self.expected)
        #expect(try PackedActivity(GeneratedActivity.run(seed: 5, samples: 120)).summary.digest == nil)
    }
}
