/// Reads a `multipart/form-data` body (RFC 7578, on RFC 2046 section 5.1) as it streams in: the
/// parts' headers, then their bytes in pieces, never holding more than the piece fed plus one
/// boundary's length, so a large file passes through without being kept whole.
struct MultipartReader {
    /// What the body holds, in order.
    enum Event: Equatable {
        /// A part begins: its field name and, for a file, the file name the browser sent.
        case part(name: String, fileName: String?)
        /// Some of the current part's bytes.
        case bytes([UInt8])
        /// The current part ended.
        case partEnd
    }

    /// The longest headers block of one part accepted, in bytes.
    static let largestHeaders = 16 * 1024
    /// The longest boundary RFC 2046 allows.
    static let longestBoundary = 70

    private enum State { case preamble, afterDelimiter, headers, body, done }

    /// `CRLF--boundary`: what ends every part (the body is read as if a CRLF came before it).
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = [13, 10]
    private var state = State.preamble

    /// A reader for parts separated by `boundary`.
    init(boundary: String) throws {
        guard (1...Self.longestBoundary).contains(boundary.utf8.count), !boundary.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw ServerError(.badRequest, "the multipart boundary must be 1 to \(Self.longestBoundary) characters")
        }
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// The boundary of a `multipart/form-data` content type, or nil when the type is another.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = part.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    /// Whether the closing boundary was read.
    var isComplete: Bool { state == .done }

    /// Reads `bytes`, the next piece of the body, and returns what they complete.
    mutating func feed(_ bytes: some Collection<UInt8>) throws -> [Event] {
        guard state != .done else { return [] }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        var start = 0
        loop: while true {
            switch state {
            case .preamble:
                guard let found = find(delimiter, from: start) else {
                    // Keep only what could still start the first boundary.
                    start = max(start, buffer.count - delimiter.count + 1)
                    break loop
                }
                start = found + delimiter.count
                state = .afterDelimiter
            case .afterDelimiter:
                guard buffer.count - start >= 2 else { break loop }
                if buffer[start] == 45, buffer[start + 1] == 45 {
                    state = .done
                    start = buffer.count
                    break loop
                }
                // Transport padding (spaces, tabs) may come before the line break.
                var end = start
                while end < buffer.count, buffer[end] == 32 || buffer[end] == 9 { end += 1 }
                guard buffer.count - end >= 2 else { break loop }
                guard buffer[end] == 13, buffer[end + 1] == 10 else {
                    throw ServerError(.badRequest, "the multipart body is malformed: a boundary is not followed by a line break")
                }
                start = end + 2
                state = .headers
            case .headers:
                if buffer.count - start >= 2, buffer[start] == 13, buffer[start + 1] == 10 {
                    throw ServerError(.badRequest, "a multipart part has no Content-Disposition with a field name")
                }
                guard let end = find([13, 10, 13, 10], from: start) else {
                    guard buffer.count - start <= Self.largestHeaders else {
                        throw ServerError(.badRequest, "a multipart part's headers are longer than \(Self.largestHeaders / 1024) KiB")
                    }
                    break loop
                }
                guard end - start <= Self.largestHeaders else {
                    throw ServerError(.badRequest, "a multipart part's headers are longer than \(Self.largestHeaders / 1024) KiB")
                }
                let text = String(decoding: buffer[start..<end], as: UTF8.self)
                events.append(try Self.part(headers: text))
                start = end + 4
                state = .body
            case .body:
                if let found = find(delimiter, from: start) {
                    if found > start { events.append(.bytes(Array(buffer[start..<found]))) }
                    events.append(.partEnd)
                    start = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Everything but a tail that could be the start of the delimiter is the part's.
                    let safe = max(start, buffer.count - delimiter.count + 1)
                    if safe > start { events.append(.bytes(Array(buffer[start..<safe]))) }
                    start = safe
                    break loop
                }
            case .done:
                break loop
            }
        }
        buffer.removeFirst(min(start, buffer.count))
        return events
    }

    /// The field and file names of a part's headers (`Content-Disposition: form-data; name=…;
    /// filename=…`).
    static func part(headers: String) throws -> Event {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            let parameters = Self.parameters(String(pair[1]))
            guard let name = parameters["name"] else { break }
            return .part(name: name, fileName: parameters["filename"])
        }
        throw ServerError(.badRequest, "a multipart part has no Content-Disposition with a field name")
    }

    /// `form-data; name="file"; filename="a;b.fit"` as parameters, quotes honoured.
    static func parameters(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        for piece in pieces {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            result[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = pair[1].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// The first index at or after `from` where `pattern` occurs in the buffer.
    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, buffer.count - from >= pattern.count else { return nil }
        var index = from
        let last = buffer.count - pattern.count
        while index <= last {
            if buffer[index] == first {
                var matched = true
                for offset in 1..<pattern.count where buffer[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
