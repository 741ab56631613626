import Foundation
import Testing
import Speedwork
@testable import SpeedworkFiles

struct ICalendarWriterTests {
    let writer = ICalendarWriter(timestamp: ExportSamples.created)

    @Test func linesEndWithCRLFAndFitIn75Octets() {
        let text = writer.write(ExportSamples.calendar)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        // Every LF is preceded by CR, and no CR stands alone.
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        }
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            #expect(line.utf8.count <= 75, "\(line)")
        }
    }

    @Test func foldingNeverSplitsUTF8() {
        let line = "SUMMARY:" + String(repeating: "×é🏃", count: 40)
        let folded = ICalendarWriter.folded(line)
        let parts = folded.components(separatedBy: "\r\n").dropLast()
        #expect(parts.count > 1)
        for part in parts { #expect(part.utf8.count <= 75) }
        for part in parts.dropFirst() { #expect(part.hasPrefix(" ")) }
        // Unfolding gives the line back.
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    }

    @Test func escaping() {
        #expect(ICalendarWriter.escaped("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func eventFields() {
        let text = writer.write(ExportSamples.calendar)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Speedwork//Speedwork//EN\r\nCALSCALE:GREGORIAN\r\n"))
        #expect(unfolded.contains("UID:2026-12-08-M11-1@speedwork\r\n"))
        #expect(unfolded.contains("DTSTAMP:20261201T090000Z\r\n"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261209\r\n"))
        #expect(unfolded.contains("SUMMARY:Easy run\\; 40 min\\, conversational\r\n"))
        #expect(unfolded.contains("8 × 200m rep in 37.6–38.4 s\\, jog 2:00"))
        #expect(unfolded.contains("CATEGORIES:hills\r\n"))
        #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count == 5)
    }

    @Test func sameDaySameRuleGetsDistinctUIDs() {
        let entry = ExportSamples.calendar[0]
        let text = writer.write([entry, entry]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("UID:2026-12-08-M11-1@speedwork"))
        #expect(text.contains("UID:2026-12-08-M11-2@speedwork"))
    }

    @Test func anEntrysOwnIdAndSequenceAreWrittenAsGiven() {
        var entry = ExportSamples.calendar[0]
        entry.uid = "0b6d2a4e-plan-w2-d1-s1@speedwork"
        entry.sequence = 3
        let text = writer.write([entry]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("BEGIN:VEVENT\r\nUID:0b6d2a4e-plan-w2-d1-s1@speedwork\r\nDTSTAMP:20261201T090000Z\r\nSEQUENCE:3\r\n"))
        #expect(!text.contains("2026-12-08-M11"))
        // Without a sequence, none is written (RFC 5545: absent is 0).
        entry.sequence = nil
        #expect(!writer.write([entry]).contains("SEQUENCE"))
    }
}
