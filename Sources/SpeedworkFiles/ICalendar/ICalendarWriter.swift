import Foundation
import Speedwork

/// Writes planned sessions as an iCalendar file (RFC 5545): one all-day `VEVENT` per
/// ``CalendarEntry`` with the entry's `UID` (or one derived from its day and rule) and its
/// `SEQUENCE` when it has one, the workout's steps in `DESCRIPTION`, CRLF line
/// endings and lines folded at 75 octets.
public struct ICalendarWriter: Sendable {
    /// `PRODID` (RFC 5545 §3.7.3).
    public var productID: String
    /// `DTSTAMP` of every event (RFC 5545 §3.8.7.2): when the file was made, passed in so that
    /// the same plan always gives the same file.
    public var timestamp: Date

    /// Longest line in octets before folding (RFC 5545 §3.1).
    public static let maxLineOctets = 75

    public init(productID: String = "-//Speedwork//Speedwork//EN", timestamp: Date) {
        self.productID = productID
        self.timestamp = timestamp
    }

    /// The calendar as text, CRLF line endings, folded.
    public func write(_ entries: [CalendarEntry]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(Self.escaped(productID))",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        var seen: [String: Int] = [:]
        for entry in entries {
            let key = "\(entry.day)-\(entry.workout.rule)"
            let index = (seen[key] ?? 0) + 1
            seen[key] = index
            lines += event(entry, uid: entry.uid ?? "\(key)-\(index)@speedwork")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined()
    }

    /// The calendar as UTF-8 bytes.
    public func data(_ entries: [CalendarEntry]) -> Data {
        Data(write(entries).utf8)
    }

    private func event(_ entry: CalendarEntry, uid: String) -> [String] {
        let workout = entry.workout
        var description = ["About \(entry.minutes) min."]
        description += workout.stepLines
        description += workout.notes
        return [
            "BEGIN:VEVENT",
            "UID:\(Self.escaped(uid))",
            "DTSTAMP:\(Self.utcText(timestamp))",
        ] + (entry.sequence.map { ["SEQUENCE:\(max(0, $0))"] } ?? []) + [
            "DTSTART;VALUE=DATE:\(Self.dateText(entry.day))",
            "DTEND;VALUE=DATE:\(Self.dateText(entry.day.adding(days: 1)))",
            "SUMMARY:\(Self.escaped(workout.title))",
            "DESCRIPTION:\(Self.escaped(description.joined(separator: "\n")))",
            "CATEGORIES:\(Self.escaped(workout.kind.rawValue))",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One content line folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines
    /// starting with a space, never splitting a UTF-8 sequence; each line ends with CRLF.
    static func folded(_ line: String) -> String {
        var result = ""
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > maxLineOctets {
                result += current + "\r\n"
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        return result + current + "\r\n"
    }

    /// `20261208` (DATE, RFC 5545 §3.3.4).
    static func dateText(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    /// `20261201T090000Z` (DATE-TIME in UTC, RFC 5545 §3.3.5).
    static func utcText(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(date)
        let ofDay = seconds - day.daysSinceEpoch * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(dateText(day))T\(two(ofDay / 3600))\(two(ofDay / 60 % 60))\(two(ofDay % 60))Z"
    }
}
