import Foundation
import Speedwork

/// JSON text written by hand, byte for byte as ``JSONBody/text(_:)`` writes it (RFC 8259; keys in
/// the order given, which callers give sorted; numbers as Swift spells them without a trailing
/// `.0`; strings with `"`, `\` and control characters escaped, slashes not), for the answers the
/// read cache recomputes after every write: Foundation's encoder spent most of a long list's
/// recomputation walking its containers (docs/server.md, "Under load").
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Whether the object or array being written has a member yet (one flag per open level).
    private var hasMember: [Bool] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts the object member `key` (its value comes next); in an array, call ``element()``.
    mutating func key(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of an array.
    mutating func element() { separate() }

    /// `key` with a string value; nothing when `value` is nil, as the encoder leaves out an
    /// optional that is not given.
    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// `key` with a number; nothing when nil. Not finite numbers have no JSON spelling: null.
    mutating func member(_ key: String, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    /// `key` with a whole number; nothing when nil.
    mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `key` with a moment in UTC to the second (``UTCTimestamp``), as the API writes moments.
    mutating func member(_ key: String, _ value: Date?) {
        member(key, value.map(UTCTimestamp.text))
    }

    /// `key` with JSON text written elsewhere, taken as it is.
    mutating func member(_ key: String, json: String) {
        self.key(key)
        bytes.append(contentsOf: json.utf8)
    }

    /// A number as the encoder writes it: `1800`, `2.5`, `1e+16`.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var spelled = value.description.utf8[...]
        if spelled.count > 2, spelled.last == UInt8(ascii: "0"),
           spelled[spelled.index(spelled.endIndex, offsetBy: -2)] == UInt8(ascii: ".") {
            spelled = spelled.dropLast(2)
        }
        bytes.append(contentsOf: spelled)
    }

    /// A quoted string with the characters JSON requires escaped.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `object` (the JSON text of an object with keys in sorted order, as the encoder writes it)
    /// with the member `key` holding `value` (JSON text) put in its sorted place; nil when `object`
    /// is not an object or already has `key`. Lets the activity API add one key to a stored report
    /// without decoding and encoding the whole report again.
    static func inserting(_ key: String, json value: String, into object: String) -> String? {
        let bytes = Array(object.utf8)
        let wanted = Array(key.utf8)
        var index = 0
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        /// The index just past the string starting at `index` (a quote), or nil when unterminated.
        func endOfString(from start: Int) -> Int? {
            var at = start + 1
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\\"): at += 2
                case UInt8(ascii: "\""): return at + 1
                default: at += 1
                }
            }
            return nil
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var members = 0
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") {
                var text = JSONText(reservingCapacity: bytes.count + wanted.count + value.utf8.count + 4)
                text.bytes.append(contentsOf: bytes[..<index])
                if members > 0 { text.bytes.append(UInt8(ascii: ",")) }
                text.string(key)
                text.bytes.append(UInt8(ascii: ":"))
                text.bytes.append(contentsOf: value.utf8)
                text.bytes.append(contentsOf: bytes[index...])
                return text.text
            }
            if members > 0 {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                skipSpace()
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let keyEnd = endOfString(from: index) else { return nil }
            let found = bytes[(index + 1)..<(keyEnd - 1)]
            if found.elementsEqual(wanted) { return nil }
            if wanted.lexicographicallyPrecedes(found) {
                var text = JSONText(reservingCapacity: bytes.count + wanted.count + value.utf8.count + 4)
                text.bytes.append(contentsOf: bytes[..<index])
                text.string(key)
                text.bytes.append(UInt8(ascii: ":"))
                text.bytes.append(contentsOf: value.utf8)
                text.bytes.append(UInt8(ascii: ","))
                text.bytes.append(contentsOf: bytes[index...])
                return text.text
            }
            // Past the key, its colon and its value, to the next member or the end.
            index = keyEnd
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard let end = endOfString(from: index) else { return nil }
                    index = end
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                }
                if byte == UInt8(ascii: ","), depth == 0 { break }
                index += 1
            }
            members += 1
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMember.removeLast()
    }

    private mutating func separate() {
        guard let last = hasMember.indices.last else { return }
        if hasMember[last] { bytes.append(UInt8(ascii: ",")) }
        hasMember[last] = true
    }
}
