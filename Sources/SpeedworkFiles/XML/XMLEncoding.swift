/// The character encodings an activity file's XML may be in, and the byte-level work they need:
/// detection from the byte order mark and the XML declaration (XML 1.0, section 4.3.3 and
/// appendix F), UTF-8 validation (RFC 3629, Unicode 15 table 3-7), UTF-16 to UTF-8 conversion
/// (RFC 2781) and ISO-8859-1 / windows-1252 text decoding (the WHATWG Encoding Standard's
/// windows-1252 index for bytes 0x80…0x9F).
enum XMLEncoding: Sendable, Equatable {
    /// UTF-8, the default; US-ASCII is read as UTF-8 too.
    case utf8
    /// ISO-8859-1 (Latin-1): each byte is the code point of the same value.
    case latin1
    /// windows-1252: Latin-1 with printable characters in 0x80…0x9F.
    case windows1252

    /// What the first bytes say: the byte order mark's length and encoding, or the encoding the
    /// XML declaration names; `utf16BigEndian` is set for a UTF-16 byte order mark.
    struct Detected {
        var encoding: XMLEncoding = .utf8
        var skip = 0
        var utf16BigEndian: Bool?
    }

    /// The encoding of `bytes`, or the problem with the one declared.
    static func detect(_ bytes: UnsafeRawBufferPointer) -> Result<Detected, XMLSyntaxError> {
        var detected = Detected()
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            detected.skip = 3
            return .success(detected)  // a UTF-8 BOM wins over any declaration
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            detected.skip = 2
            detected.utf16BigEndian = true
            return .success(detected)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            detected.skip = 2
            detected.utf16BigEndian = false
            return .success(detected)
        }
        guard let declared = declaredEncoding(bytes) else { return .success(detected) }
        switch declared.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii":
            detected.encoding = .utf8
        case "utf-16", "utf16":
            // Declared UTF-16, yet the declaration itself was read one byte per character:
            // the bytes are ASCII-compatible, so read them as UTF-8.
            detected.encoding = .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-latin-1":
            detected.encoding = .latin1
        case "windows-1252", "cp1252", "x-cp1252":
            detected.encoding = .windows1252
        default:
            let shown = XMLValueError.shown(declared)
            return .failure(
                XMLSyntaxError(
                    offset: 0,
                    reason: "encoding \"\(shown)\" is not supported (UTF-8, UTF-16, ISO-8859-1 or windows-1252)"))
        }
        return .success(detected)
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the very start of `bytes`.
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let opening: [UInt8] = Array("<?xml".utf8)
        guard bytes.count > 6, bytes.starts(with: opening), XMLBytes.isSpace(bytes[5]) else { return nil }
        let limit = min(bytes.count, 1024)
        var end = 5
        while end + 1 < limit, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) { end += 1 }  // "?>"
        let declaration = Array(bytes[5..<end])
        let key = Array("encoding".utf8)
        guard declaration.count > key.count else { return nil }
        var k = 0
        while k + key.count <= declaration.count {
            if Array(declaration[k..<(k + key.count)]) == key {
                var j = k + key.count
                while j < declaration.count, XMLBytes.isSpace(declaration[j]) { j += 1 }
                guard j < declaration.count, declaration[j] == 0x3D else { return nil }  // "="
                j += 1
                while j < declaration.count, XMLBytes.isSpace(declaration[j]) { j += 1 }
                guard j < declaration.count, declaration[j] == 0x22 || declaration[j] == 0x27 else { return nil }
                let quote = declaration[j]
                guard let close = declaration[(j + 1)...].firstIndex(of: quote) else { return nil }
                return String(decoding: declaration[(j + 1)..<close], as: UTF8.self)
            }
            k += 1
        }
        return nil
    }

    /// The offset of the first byte of `bytes` that does not belong to well-formed UTF-8
    /// (overlong forms, surrogates and code points above U+10FFFF are not), or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { return nil }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int) -> Bool { i + k < count && base[i + k] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return i }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return i }
                let second = base[i + 1]
                if lead == 0xE0, second < 0xA0 { return i }  // overlong
                if lead == 0xED, second > 0x9F { return i }  // surrogate
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return i }
                let second = base[i + 1]
                if lead == 0xF0, second < 0x90 { return i }  // overlong
                if lead == 0xF4, second > 0x8F { return i }  // above U+10FFFF
                i += 4
            default:
                return i
            }
        }
        return nil
    }

    /// UTF-16 `bytes` (after the byte order mark) as UTF-8, and the problem (at an offset in the
    /// UTF-8 written so far) when an unpaired surrogate or an odd final byte ends the conversion.
    static func utf8(fromUTF16 bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> ([UInt8], XMLSyntaxError?) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        var i = 0
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i + 1 < bytes.count {
            var scalar = unit(i)
            i += 2
            if scalar >= 0xD800, scalar <= 0xDBFF {
                guard i + 1 < bytes.count else {
                    return (output, XMLSyntaxError(offset: output.count, reason: "UTF-16 text ends inside a surrogate pair"))
                }
                let low = unit(i)
                guard low >= 0xDC00, low <= 0xDFFF else {
                    return (output, XMLSyntaxError(offset: output.count, reason: "unpaired UTF-16 surrogate"))
                }
                i += 2
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00, scalar <= 0xDFFF {
                return (output, XMLSyntaxError(offset: output.count, reason: "unpaired UTF-16 surrogate"))
            }
            appendUTF8(scalar, to: &output)
        }
        if i < bytes.count {
            return (output, XMLSyntaxError(offset: output.count, reason: "UTF-16 text ends in the middle of a character"))
        }
        return (output, nil)
    }

    /// Appends the UTF-8 form of a code point below U+110000 that is not a surrogate.
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// windows-1252 code points for bytes 0x80…0x9F; the five bytes it leaves undefined map to
    /// the C1 control of the same value, as ISO-8859-1 has them.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The code point of a byte of text in this encoding; for UTF-8 only meaningful below 0x80.
    func scalar(_ byte: UInt8) -> UInt32 {
        if self == .windows1252, byte >= 0x80, byte <= 0x9F { return XMLEncoding.windows1252High[Int(byte - 0x80)] }
        return UInt32(byte)
    }
}
