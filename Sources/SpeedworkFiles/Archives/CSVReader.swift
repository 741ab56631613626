import Foundation

/// Reads comma-separated values as RFC 4180 defines them: fields in double quotes may hold commas,
/// line breaks and doubled quotes; records end with CRLF or LF. Lenient where files stray (a quote
/// inside an unquoted field is kept as text) and says so in ``problems``, never stopping.
struct CSVReader {
    /// The records, each a list of fields; blank lines are left out.
    private(set) var records: [[String]] = []
    /// What did not follow RFC 4180, each with its line (1-based).
    private(set) var problems: [String] = []

    /// Reads all of `data` (UTF-8, with or without a byte order mark).
    init(_ data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        read(bytes)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private mutating func read(_ bytes: [UInt8]) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var record: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var line = 1
        var quoteOpenedOn = 1
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record = []
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == lf { line += 1 }
            switch state {
            case .quoted:
                if byte == quote { state = .quoteInQuoted } else { field.append(byte) }
            case .fieldStart, .unquoted, .quoteInQuoted:
                switch byte {
                case quote where state == .fieldStart:
                    state = .quoted
                    quoteOpenedOn = line
                case quote where state == .quoteInQuoted:
                    field.append(quote)
                    state = .quoted
                case comma:
                    endField()
                    state = .fieldStart
                case cr, lf:
                    if byte == cr, index < bytes.count, bytes[index] == lf { index += 1; line += 1 }
                    endRecord()
                    state = .fieldStart
                default:
                    if state == .quoteInQuoted {
                        problems.append("line \(line): text after a closing quote")
                    } else if byte == quote {
                        problems.append("line \(line): a quote inside an unquoted field")
                    }
                    field.append(byte)
                    state = .unquoted
                }
            }
        }
        if state == .quoted {
            problems.append("line \(quoteOpenedOn): a quoted field is never closed")
        }
        if state != .fieldStart || !field.isEmpty || !record.isEmpty { endRecord() }
    }
}
