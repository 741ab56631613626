import Foundation
@testable import SpeedworkFiles

/// Writes zip archives for fixtures, byte by byte from PKWARE APPNOTE 6.3.10 (local file headers,
/// central directory, end record), independently of the reader under test. Each entry can lie
/// about its sizes or CRC, to make damaged and hostile archives.
struct ZipFixture {
    struct Item {
        var path: String
        var data: Data
        var deflate: Bool
        /// What the directory declares, when it should not be the truth.
        var declaredSize: UInt32?
        var crc: UInt32?
        var flags: UInt16 = 0x0800
        var method: UInt16?
        var dosDate: UInt16 = (44 << 9) | (3 << 5) | 15  // 2024-03-15
        var dosTime: UInt16 = (13 << 11) | (45 << 5) | 15  // 13:45:30
        /// An extended timestamp (0x5455) with this modification time, Unix seconds.
        var unixTime: Int32?
        /// Replaces the compressed bytes written (damaged data).
        var storedBytes: Data?
    }

    var items: [Item] = []
    /// Writes every size and offset in the ZIP64 extra field and a ZIP64 end record (APPNOTE
    /// 4.3.14, 4.3.15, 4.5.3), as archives past 4 GiB or 65,535 entries must.
    var zip64 = false

    /// Adds a file; deflated unless `deflate` is false.
    mutating func add(_ path: String, _ data: Data, deflate: Bool = true) {
        items.append(Item(path: path, data: data, deflate: deflate))
    }

    /// Adds a file given as text.
    mutating func add(_ path: String, text: String, deflate: Bool = true) {
        add(path, Data(text.utf8), deflate: deflate)
    }

    /// Adds a folder entry.
    mutating func addFolder(_ path: String) {
        items.append(Item(path: path, data: Data(), deflate: false))
    }

    /// The archive's bytes.
    func build() -> Data {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for item in items {
            let payload = item.storedBytes.map { [UInt8]($0) } ?? (item.deflate ? Self.rawDeflate(item.data) : [UInt8](item.data))
            let crc = item.crc ?? Self.crc32([UInt8](item.data))
            let size = item.declaredSize ?? UInt32(item.data.count)
            let method = item.method ?? (item.deflate ? 8 : 0)
            let name = [UInt8](item.path.utf8)
            var extra: [UInt8] = []
            if let unixTime = item.unixTime {
                extra = le16(0x5455) + le16(5) + [1] + le32(UInt32(bitPattern: unixTime))
            }
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(item.flags) + le16(method) + le16(item.dosTime) + le16(item.dosDate)
            out += le32(crc) + le32(UInt32(payload.count)) + le32(size) + le16(UInt16(name.count)) + le16(UInt16(extra.count))
            out += name + extra + payload
            var directoryExtra = extra
            var sizes = (compressed: UInt32(payload.count), uncompressed: size, offset: offset)
            if zip64 {
                directoryExtra += le16(0x0001) + le16(24) + Self.le64(UInt64(size)) + Self.le64(UInt64(payload.count)) + Self.le64(UInt64(offset))
                sizes = (0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF)
            }
            directory += le32(0x0201_4B50) + le16(0x031E) + le16(45) + le16(item.flags) + le16(method)
            directory += le16(item.dosTime) + le16(item.dosDate) + le32(crc) + le32(sizes.compressed) + le32(sizes.uncompressed)
            directory += le16(UInt16(name.count)) + le16(UInt16(directoryExtra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            directory += le32(sizes.offset) + name + directoryExtra
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        if zip64 {
            let recordOffset = UInt64(out.count)
            out += le32(0x0606_4B50) + Self.le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += Self.le64(UInt64(items.count)) + Self.le64(UInt64(items.count)) + Self.le64(UInt64(directory.count)) + Self.le64(UInt64(directoryOffset))
            out += le32(0x0706_4B50) + le32(0) + Self.le64(recordOffset) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
            return Data(out)
        }
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(items.count)) + le16(UInt16(items.count))
        out += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return Data(out)
    }

    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    /// Raw deflate (RFC 1951): the body of a gzip member (RFC 1952) without its 10-byte header
    /// and 8-byte trailer, since the project's zlib wrapper writes gzip.
    static func rawDeflate(_ data: Data) -> [UInt8] {
        let gzip = [UInt8](try! Gzip.compress(data))
        return Array(gzip[10..<(gzip.count - 8)])
    }

    /// CRC-32 bit by bit (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320), as zip uses it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// The remainder of each byte, bit by bit, for ``crc32(_:)``.
    static let crcTable: [UInt32] = (0..<256).map { (byte: UInt32) -> UInt32 in
        var crc = byte
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }
}
