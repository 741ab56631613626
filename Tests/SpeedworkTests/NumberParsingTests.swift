import Testing
@testable import Speedwork

/// Times and distances are plain decimals in a documented range, and formatting never traps.
@Suite("Number parsing and formatting")
struct NumberParsingTests {
    @Test(arguments: ["38", "38.5", ".5", "0", "007", "1609.344"])
    func plainDecimalsParse(_ text: String) throws {
        let value = try #require(Double(plainDecimal: text))
        #expect(value == Double(text))
    }

    @Test(arguments: ["", ".", "1e23", "1E3", "0x1p10", "inf", "nan", "infinity", "-1", "+1", "1 000", "1,5", "1.2.3", "١٢"])
    func otherNumbersAreRefused(_ text: String) {
        #expect(Double(plainDecimal: text) == nil)
    }

    /// The issue's cases: each once trapped in Duration.formatted or was accepted as a time.
    @Test(arguments: ["1e23", "1e308", "0x1p10", "inf", "nan", "1e2:00", "5:1e1", "-20:00", "100:00:00", "360000", "99999999999999999999999"])
    func timesOutsideTheFormOrRangeAreRefused(_ text: String) {
        #expect(throws: InputError.self) { try Duration(parsing: text) }
    }

    @Test func longestTimeIsAccepted() throws {
        #expect(try Duration(parsing: "99:59:59").seconds == 359_999)
        #expect(try Duration(parsing: "359999").seconds == 359_999)
    }

    @Test(arguments: ["1e3m", "0x10k", "infk", "-5k", "1001km", "1000.1k", "622mi"])
    func distancesOutsideTheFormOrRangeAreRefused(_ text: String) {
        #expect(throws: InputError.self) { try Distance(parsing: text) }
    }

    @Test func longestDistanceIsAccepted() throws {
        #expect(try Distance(parsing: "1000km").meters == 1_000_000)
        #expect(try Distance(parsing: "621mi").meters == 621 * 1609.344)
    }

    @Test func negativeValuesSayMustBePositive() {
        for text in ["-20:00", "-5s"] {
            #expect(throws: InputError("'\(text)': a time must be positive")) { try Duration(parsing: text) }
        }
        #expect(throws: InputError("'-5k': a distance must be positive")) { try Distance(parsing: "-5k") }
    }

    /// A 100,000-character value is quoted as 40 characters and "…" in the message.
    @Test func longValuesAreShortenedInMessages() {
        let text = String(repeating: "7", count: 100_000) + "x"
        do {
            _ = try Duration(parsing: text)
            Issue.record("accepted")
        } catch let error as InputError {
            #expect(error.description.count < 200, "\(error.description.count) characters")
            #expect(error.description.hasPrefix("'" + String(repeating: "7", count: 27) + "…" + String(repeating: "7", count: 12) + "x'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Formatting is total: 1e23 s once trapped converting to Int.
    @Test(arguments: [1e23, 1e308, -1e308, Double.infinity, -Double.infinity, Double.greatestFiniteMagnitude, 3_600_000_000.4])
    func formattingNeverTraps(_ seconds: Double) {
        for style in [Duration.Style.clock, .rep, .precise] {
            let text = Duration(seconds: seconds).formatted(style)
            #expect(text == (seconds < 0 ? "<-" : ">") + Duration.longestFormatted.formatted(style), "\(seconds) → \(text)")
            #expect(text.hasSuffix(style == .precise ? "1000000:00:00.0" : "1000000:00:00"), "\(seconds) → \(text)")
        }
    }

    @Test func notANumberIsWrittenAsDashes() {
        #expect(Duration(seconds: .nan).formatted() == "--")
        #expect(Pace(secondsPerKilometer: .nan).perKilometerText == "--/km")
    }

    /// The bound itself is still written digit by digit: a million hours.
    @Test func boundIsFormattedExactly() {
        #expect(Duration(seconds: 3_600_000_000).formatted() == "1000000:00:00")
    }

    /// 0001-01-01 is day −719,162 of the Unix epoch and 9999-12-31 day 2,932,896 (proleptic
    /// Gregorian); a damaged timestamp gives one of them instead of a trap.
    @Test func daysFromExtremeDatesAreClamped() {
        #expect(Day(Date(timeIntervalSince1970: 1e300)).description == "9999-12-31")
        #expect(Day(Date(timeIntervalSince1970: -1e300)).description == "1-01-01")
        #expect(Day(Date(timeIntervalSince1970: .nan)).description == "1-01-01")
    }
}

import Foundation
