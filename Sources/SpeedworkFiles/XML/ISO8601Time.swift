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
        let utf8 = XMLBytes.trimmed(bytes)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= utf8.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = utf8[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < utf8.count, utf8[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
            expect(0x54) || expect(0x20), let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A),
            let second = digits(2),
            (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60
        else { return nil }
        var fraction = 0.0
        if expect(0x2E) {
            var scale = 0.1
            let start = i
            while i < utf8.count, utf8[i] >= 0x30, utf8[i] <= 0x39 {
                fraction += Double(utf8[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        if expect(0x5A) {
            offset = 0
        } else if i < utf8.count, utf8[i] == 0x2B || utf8[i] == 0x2D {
            let sign = utf8[i] == 0x2D ? -1 : 1
            i += 1
            guard let h = digits(2) else { return nil }
            _ = expect(0x3A)
            guard let m = digits(2) else { return nil }
            offset = sign * (h * 3600 + m * 60)
        }
        guard i == utf8.count else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
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
