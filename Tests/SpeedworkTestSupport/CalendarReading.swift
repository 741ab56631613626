import Foundation

/// iCalendar text read back for the tests, written from RFC 5545 alone and sharing no code with the
/// writer: lines unfolded (§3.1: CRLF followed by a space or tab continues a line), one dictionary of
/// properties per `VEVENT` (§3.6.1), TEXT values unescaped (§3.3.11). Parameters are kept out of the
/// name (`DTSTART;VALUE=DATE` is read as `DTSTART`).
public struct CalendarReading {
    /// One event's properties by name, each value as written after the first colon.
    public typealias Event = [String: String]

    /// The calendar's own properties (outside any event).
    public var calendar: [String: String] = [:]
    /// The events, in the file's order.
    public var events: [Event] = []

    public init(_ text: String) throws {
        guard text.hasPrefix("BEGIN:VCALENDAR\r\n"), text.hasSuffix("END:VCALENDAR\r\n") else {
            throw Malformed(line: String(text.prefix(40)))
        }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var current: Event?
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(line: line) }
            let head = line[..<colon]
            let name = String(head.split(separator: ";", maxSplits: 1).first ?? head).uppercased()
            let value = String(line[line.index(after: colon)...])
            switch (name, value) {
            case ("BEGIN", "VEVENT"):
                guard current == nil else { throw Malformed(line: line) }
                current = [:]
            case ("END", "VEVENT"):
                guard let event = current else { throw Malformed(line: line) }
                events.append(event)
                current = nil
            default:
                if current != nil {
                    guard current?[name] == nil else { throw Malformed(line: "repeated \(name)") }
                    current?[name] = value
                } else {
                    calendar[name] = value
                }
            }
        }
        guard current == nil else { throw Malformed(line: "an event is not closed") }
    }

    /// A TEXT value as written before escaping.
    public static func text(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The events by `UID`.
    public var byUID: [String: Event] {
        Dictionary(events.map { ($0["UID"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A line that is not iCalendar.
    public struct Malformed: Error, CustomStringConvertible {
        public let line: String
        public var description: String { "not iCalendar: \(line)" }
    }
}
