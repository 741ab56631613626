import Foundation
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkTestSupport
import Testing

/// The hand-written JSON of the answers the read cache recomputes, checked byte for byte against
/// Foundation's encoder (the independent implementation ``JSONBody/text(_:)`` uses) on seeded
/// values meant to trip it: escapes, control characters, non-ASCII text, numbers of every size,
/// values left out.
struct JSONTextTests {
    typealias Seeded = SeededGenerator

    static let awkwardTexts = ["", "Tuesday track", "a \"quoted\" name", #"back\slash"#, "tab\there", "line\nbreak",
                               "carriage\rreturn", "\u{8}\u{c}\u{1}\u{1f}\u{7f}", "/uploads/3f2a/run.fit", "Løp på bane 😀",
                               "\u{2028}\u{2029}", "ends with a backslash \\"]

    static func number(_ random: inout Seeded) -> Double {
        switch random.next() % 6 {
        case 0: Double(random.next() % 100_000)
        case 1: Double(random.next() % 10_000_000) / 1000
        case 2: Double.random(in: 0...1e-3, using: &random)
        case 3: Double.random(in: 1e15...1e22, using: &random)
        case 4: -Double(random.next() % 1000) / 7
        default: Double.random(in: 0...50_000, using: &random)
        }
    }

    @Test func aListOfActivitiesIsWrittenAsTheEncoderWritesIt() throws {
        var random = Seeded(state: 2026)
        for round in 0..<40 {
            let items = (0..<Int(random.next() % 12)).map { index in
                let texts = Self.awkwardTexts
                return APIRoutes.ActivityItem(
                    id: String(repeating: "ab", count: 32), start: random.next() % 4 == 0 ? nil : Date(timeIntervalSince1970: Double(random.next() % 4_000_000_000) + 0.25),
                    sport: texts[Int(random.next() % UInt64(texts.count))],
                    name: random.next() % 3 == 0 ? nil : texts[Int(random.next() % UInt64(texts.count))],
                    device: random.next() % 3 == 0 ? nil : "Forerunner \(index)",
                    distanceMeters: random.next() % 5 == 0 ? nil : Self.number(&random),
                    durationSeconds: random.next() % 5 == 0 ? nil : Self.number(&random),
                    sampleCount: Int(random.next() % 100_000) - (round == 3 ? 5 : 0),
                    source: random.next() % 2 == 0 ? nil : texts[Int(random.next() % UInt64(texts.count))])
            }
            let list = APIRoutes.ActivityList(activities: items)
            #expect(list.json == (try JSONBody.text(list)), "round \(round)")
        }
    }

    @Test func numbersAreSpelledAsTheEncoderSpellsThem() throws {
        struct One: Encodable { var value: Double }
        for value in [0, -0.0, 1, 0.1, 1800, 3000.25, 1e16, 1e-7, 1e21, 123456789012.5, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 12_345_678_901_234_567_168] {
            var writer = JSONText()
            writer.openObject()
            writer.member("value", value)
            writer.closeObject()
            #expect(writer.text == (try JSONBody.text(One(value: value))), "\(value)")
        }
    }

    /// `analysis` with `planned` added as the activity route did before: decoded, the key set,
    /// encoded again.
    static func decodedAndWrittenAgain(_ analysis: String, planned: String) throws -> String {
        guard case .object(var keys)? = JSONValue(json: analysis) else { throw CocoaError(.coderReadCorrupt) }
        keys["plannedSession"] = JSONValue(json: planned)
        return try JSONOutput.render(JSONValue.object(keys), pretty: false)
    }

    @Test func aKeyGoesIntoAStoredReportInItsSortedPlace() throws {
        var random = Seeded(state: 11)
        let keys = ["bestEfforts", "compliance", "distanceMeters", "file", "pace", "plan", "plannedSessionsLeft", "planned",
                    "reps", "sport", "warnings", "zones", "a", "p", "q"]
        let planned = #"{"date":"2026-11-24","reps":[{"verdict":"fast"}],"title":"a } tricky, \"one\""}"#
        for round in 0..<60 {
            var report: [String: JSONValue] = [:]
            for key in keys where random.next() % 2 == 0 {
                report[key] = switch random.next() % 5 {
                case 0: .string(Self.awkwardTexts[Int(random.next() % UInt64(Self.awkwardTexts.count))] + "},]{")
                case 1: .array([.integer(1), .object(["x": .string("[\"}")]), .null])
                case 2: .object(["nested": .object(["deeper": .array([])]), "b": .bool(true)])
                case 3: .number(Self.number(&random))
                default: .null
                }
            }
            let stored = try JSONOutput.render(JSONValue.object(report), pretty: false)
            for value in [planned, "null"] {
                let inserted = try #require(JSONText.inserting("plannedSession", json: value, into: stored), "round \(round)")
                #expect(inserted == (try Self.decodedAndWrittenAgain(stored, planned: value)), "round \(round)")
            }
        }
    }

    @Test func aReportWrittenByHandTakesTheKeyAndStaysJSON() throws {
        let inserted = try #require(JSONText.inserting("plannedSession", json: "null", into: ActivityPageTests.gradedAnalysis))
        let decoded = try #require(JSONSerialization.jsonObject(with: Data(inserted.utf8)) as? [String: Any])
        let original = try #require(JSONSerialization.jsonObject(with: Data(ActivityPageTests.gradedAnalysis.utf8)) as? [String: Any])
        #expect(decoded["plannedSession"] is NSNull)
        #expect(Set(decoded.keys) == Set(original.keys).union(["plannedSession"]))
    }

    @Test func whatIsNotAnObjectOrHasTheKeyAlreadyIsLeftToTheDecoder() throws {
        #expect(JSONText.inserting("plannedSession", json: "null", into: "[1,2]") == nil)
        #expect(JSONText.inserting("plannedSession", json: "null", into: #"{"plannedSession":1}"#) == nil)
        #expect(JSONText.inserting("plannedSession", json: "null", into: #"{"a":"unterminated}"#) == nil)
        #expect(JSONText.inserting("plannedSession", json: "null", into: "") == nil)
        #expect(JSONText.inserting("plannedSession", json: "null", into: "{}") == #"{"plannedSession":null}"#)
        // The route still answers for such a report, through the decoder.
        #expect(try ActivityPage.withPlannedSession("null", analysis: #"{"plannedSession":1,"b":2}"#, activity: "x")
                == #"{"b":2,"plannedSession":null}"#)
        #expect(throws: ServerError.self) { try ActivityPage.withPlannedSession("null", analysis: "not json", activity: "x") }
        #expect(throws: ServerError.self) { try ActivityPage.withPlannedSession("null", analysis: nil, activity: "x") }
    }
}
