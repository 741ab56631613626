/// Parses the XML Schema `dateTime` form GPX and TCX use (`2013-02-06T12:11:14Z`, optional
/// fraction, `Z` or `±hh:mm` offset; no offset is read as UTC) into seconds since 1970 UTC,
/// without a formatter per call (XML Schema Part 2, section 3.2.7; days from the civil
/// calendar by the proleptic Gregorian rules).
enum ISO8601Time {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not such a time.
    static func seconds(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { seconds(UnsafeRawBufferPointer($0)) }
    }

    /// Seconds since 1970-01-01T00:00:00Z of the UTF-8 `bytes` (surrounding white space allowed),
    /// or nil when they are not such a time.
    static func seconds(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var cursor = Cursor(bytes: XMLBytes.trimmed(bytes))
        guard let year = cursor.digits(4), cursor.expect(0x2D), let month = cursor.digits(2), cursor.expect(0x2D),
            let day = cursor.digits(2), cursor.expect(0x54) || cursor.expect(0x20), let hour = cursor.digits(2),
            cursor.expect(0x3A), let minute = cursor.digits(2), cursor.expect(0x3A), let second = cursor.digits(2),
            (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60
        else { return nil }
        var fraction = 0.0
        if cursor.expect(0x2E) {
            var scale = 0.1
            var any = false
            while let digit = cursor.digits(1) {
                fraction += Double(digit) * scale
                scale /= 10
                any = true
            }
            guard any else { return nil }
        }
        var offset = 0
        if cursor.expect(0x5A) {
            offset = 0
        } else if cursor.expect(0x2B) || cursor.expect(0x2D) {
            let sign = cursor.bytes[cursor.i - 1] == 0x2D ? -1 : 1
            guard let h = cursor.digits(2) else { return nil }
            _ = cursor.expect(0x3A)
            guard let m = cursor.digits(2) else { return nil }
            offset = sign * (h * 3600 + m * 60)
        }
        guard cursor.i == cursor.bytes.count else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// A read position in the time's bytes.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        /// The next `n` decimal digits as a number, or nil (position unchanged).
        @inline(__always)
        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= bytes.count else { return nil }
            var value = 0
            for k in 0..<n {
                let c = bytes[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += n
            return value
        }

        /// Steps over `c` when it is next.
        @inline(__always)
        mutating func expect(_ c: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date: count years from March so the
    /// leap day ends a year, then 146 097 days per 400-year era.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
