/// Byte-level facts of XML 1.0 the scanner and the readers share (section 2.3, `S` and `Name`).
enum XMLBytes {
    /// XML white space: space, tab, line feed, carriage return.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Whether `byte` may appear in a name: letters, digits, `-`, `.`, `:`, `_` and every
    /// non-ASCII byte (checked as UTF-8 beforehand). Punctuation above `@` is let through too;
    /// only what could end a name or start markup is refused.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x41 || (byte >= 0x2D && byte <= 0x3A && byte != 0x2F)
    }

    /// `bytes` without leading and trailing XML white space.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether `bytes` equal the UTF-8 of `text`.
    @inline(__always)
    static func equal(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        guard let base = bytes.baseAddress else { return true }
        return memcmp(base, text.utf8Start, bytes.count) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
