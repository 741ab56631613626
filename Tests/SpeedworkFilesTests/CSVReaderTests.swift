import Foundation
import Testing
@testable import SpeedworkFiles

/// The CSV reader against the examples of RFC 4180, section 2, and the ways files stray from it.
@Suite("CSV reader")
struct CSVReaderTests {
    static func read(_ text: String) -> CSVReader { CSVReader(Data(text.utf8)) }

    @Test func recordsEndWithCRLFOrLFAndTheLastMayHaveNone() {
        #expect(Self.read("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n").records == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
        #expect(Self.read("aaa,bbb,ccc\nzzz,yyy,xxx").records == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])
    }

    @Test func quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        let csv = Self.read("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx\r\n\"aaa\",\"b\"\"bb\",\"c,cc\"\r\n")
        #expect(csv.records == [["aaa", "b\r\nbb", "ccc"], ["zzz", "yyy", "xxx"], ["aaa", "b\"bb", "c,cc"]])
        #expect(csv.problems.isEmpty)
    }

    @Test func emptyFieldsAndBlankLinesAndAByteOrderMark() {
        let csv = CSVReader(Data([0xEF, 0xBB, 0xBF]) + Data("a,,\"\"\n\n,b\n".utf8))
        #expect(csv.records == [["a", "", ""], ["", "b"]])
    }

    @Test func strayQuotesAreKeptAsTextAndNamedWithTheirLine() {
        let csv = Self.read("name,file\n5\" rain,a.gpx\n\"x\"y,b.gpx\n\"open,c.gpx\n")
        #expect(csv.records == [["name", "file"], ["5\" rain", "a.gpx"], ["xy", "b.gpx"], ["open,c.gpx\n"]])
        #expect(csv.problems == [
            "line 2: a quote inside an unquoted field", "line 3: text after a closing quote",
            "line 4: a quoted field is never closed",
        ])
    }

    @Test func invalidUTF8IsReplacedNotFatal() {
        let csv = CSVReader(Data([0x61, 0xFF, 0x2C, 0x62, 0x0A]))
        #expect(csv.records == [["a\u{FFFD}", "b"]])
    }
}
