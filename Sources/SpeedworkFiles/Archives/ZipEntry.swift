import Foundation

/// One entry of a zip central directory (PKWARE APPNOTE 6.3.10, section 4.3.12), with the ZIP64
/// sizes and offset (section 4.5.3) already applied.
struct ZipEntry: Sendable, Equatable {
    /// The entry's path as stored: UTF-8 when valid, else read as ISO 8859-1.
    var path: String
    /// General purpose bit flags (bit 0: encrypted).
    var flags: UInt16
    /// 0 stored, 8 deflate; others are refused when read.
    var method: UInt16
    /// CRC-32 of the uncompressed bytes.
    var crc32: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    /// Where the entry's local file header starts.
    var localHeaderOffset: UInt64
    var modifiedAt: Date

    /// The time an MS-DOS date and time stand for, read as UTC (they carry no zone); fields out of
    /// range are clamped so that a damaged entry still has a time.
    static func date(dosDate: UInt16, dosTime: UInt16) -> Date {
        let year = 1980 + Int(dosDate >> 9)
        let month = min(max(Int((dosDate >> 5) & 0x0F), 1), 12)
        let day = min(max(Int(dosDate & 0x1F), 1), 31)
        let hour = min(Int(dosTime >> 11), 23)
        let minute = min(Int((dosTime >> 5) & 0x3F), 59)
        let second = min(Int(dosTime & 0x1F) * 2, 59)
        // Days from 1970-01-01 to the civil date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// A path from its stored bytes: UTF-8 when they are valid UTF-8 (flagged or not, as most tools
    /// write it), else ISO 8859-1, which maps every byte and so never fails.
    static func path(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
