import Foundation

/// The text of an element or attribute as UTF-8 with references resolved, valid only during the
/// reader's callback; readers turn it into numbers, times or strings.
struct XMLText {
    /// The bytes, UTF-8.
    let bytes: UnsafeRawBufferPointer

    /// Whether the text is empty or only white space (GPX writers leave `<ele></ele>`).
    var isBlank: Bool { bytes.allSatisfy(XMLBytes.isSpace) }

    /// The text as written.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text without surrounding white space.
    var trimmedString: String { String(decoding: XMLBytes.trimmed(bytes), as: UTF8.self) }

    /// The text as a finite number (XML Schema `double` lexical forms, surrounding white space
    /// allowed), or nil.
    var number: Double? {
        let trimmed = XMLBytes.trimmed(bytes)
        if let value = Self.plainDecimal(trimmed) { return value }
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        guard let value = Double(String(decoding: trimmed, as: UTF8.self)), value.isFinite else { return nil }
        // Swift's parser also takes hexadecimal floats, which XML Schema does not.
        if trimmed.contains(where: { $0 == 0x78 || $0 == 0x58 }) { return nil }
        return value
    }

    /// Powers of ten that are exact in a Double.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `[-]digits[.digits]` with at most 15 digits in all, as one correctly rounded division of
    /// two exact doubles (W. D. Clinger, "How to read floating point numbers accurately", PLDI
    /// 1990: the fast path for small mantissas and exponents); nil for any other form.
    @inline(__always)
    static func plainDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var i = 0
        let count = bytes.count
        guard count > 0, count <= 17 else { return nil }
        var negative = false
        if bytes[0] == 0x2D {
            negative = true
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while i < count {
            let byte = bytes[i]
            if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa * 10 + UInt64(byte - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -value : value
    }
}
