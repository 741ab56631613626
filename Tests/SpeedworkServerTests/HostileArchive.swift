import Foundation
import SpeedworkFiles

/// Hostile archives for the security tests, generated here byte by byte (PKWARE APPNOTE 6.3.10
/// for zip, RFC 1951 for deflate, RFC 1952 for gzip): members whose directory can lie about their
/// sizes, and deflate streams of zeros that expand about 159× without being inflated to be made.
enum HostileArchive {
    /// One zip member: its name as raw bytes (so it can hold a NUL), its compressed bytes, and
    /// what the directory declares.
    struct Member {
        var name: [UInt8]
        var payload: [UInt8]
        var method: UInt16
        var declaredSize: UInt64
        var crc: UInt32

        /// A member whose directory tells the truth, deflated with the project's zlib wrapper.
        static func deflated(_ name: String, _ data: Data) -> Member {
            Member(name: Array(name.utf8), payload: rawDeflate(data), method: 8, declaredSize: UInt64(data.count),
                   crc: StoredZip.crc32(data))
        }

        /// A member stored as it is.
        static func stored(_ name: [UInt8], _ data: Data) -> Member {
            Member(name: name, payload: Array(data), method: 0, declaredSize: UInt64(data.count), crc: StoredZip.crc32(data))
        }
    }

    /// The zip of `members`, in order.
    static func zip(_ members: [Member]) -> Data {
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for member in members {
            let offset = UInt32(body.count)
            let size = UInt32(clamping: member.declaredSize)
            body += le32(0x0403_4B50) + le16(20) + le16(0) + le16(member.method) + le16(0) + le16(0x21)
            body += le32(member.crc) + le32(UInt32(member.payload.count)) + le32(size)
            body += le16(UInt16(member.name.count)) + le16(0) + member.name + member.payload
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(member.method) + le16(0) + le16(0x21)
            directory += le32(member.crc) + le32(UInt32(member.payload.count)) + le32(size)
            directory += le16(UInt16(member.name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
            directory += member.name
        }
        let directoryOffset = UInt32(body.count)
        body += directory
        body += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        body += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return Data(body)
    }

    /// Raw deflate: the body of the gzip member the project's zlib wrapper writes, without its
    /// 10-byte header and 8-byte trailer.
    static func rawDeflate(_ data: Data) -> [UInt8] {
        let gzip = [UInt8](try! Gzip.compress(data))
        return Array(gzip[10..<(gzip.count - 8)])
    }

    /// A raw deflate stream (RFC 1951, one final block with the fixed Huffman codes of section
    /// 3.2.6) that inflates to `count` zero bytes: a literal 0, then copies of 258 bytes from 1
    /// back, 13 bits each, then literals for the rest. Eight copies are 13 whole bytes once the
    /// stream is byte-aligned, which it is after the header, the literal and one copy (24 bits),
    /// so the middle is one 13-byte pattern repeated.
    static func zeros(_ count: Int) -> [UInt8] {
        precondition(count >= 1 + 258 * 9)
        var head = BitWriter()
        head.bits(0b011, 3)  // BFINAL = 1, BTYPE = 01 (fixed Huffman), least significant bit first
        head.code(0x30, 8)  // literal 0
        head.copy258()
        var copies = (count - 1) / 258 - 1
        var period = BitWriter()
        for _ in 0..<8 { period.copy258() }
        var out = head.bytes
        out.reserveCapacity(out.count + copies / 8 * 13 + 300)
        for _ in 0..<(copies / 8) { out += period.bytes }
        copies %= 8
        var tail = BitWriter()
        for _ in 0..<copies { tail.copy258() }
        for _ in 0..<((count - 1) % 258) { tail.code(0x30, 8) }
        tail.code(0, 7)  // end of block, symbol 256
        return out + tail.finished()
    }

    /// A gzip member (RFC 1952) around `deflate`, with the CRC-32 and size given for its trailer.
    static func gzip(_ deflate: [UInt8], crc: UInt32, size: UInt32) -> Data {
        Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + deflate + le32(crc) + le32(size))
    }

    /// Bits least significant first into bytes, as deflate packs them.
    struct BitWriter {
        private(set) var bytes: [UInt8] = []
        private var current: UInt8 = 0
        private var used = 0

        mutating func bit(_ value: Int) {
            current |= UInt8(value & 1) << used
            used += 1
            if used == 8 {
                bytes.append(current)
                current = 0
                used = 0
            }
        }

        /// A value's `count` low bits, least significant first (header fields, extra bits).
        mutating func bits(_ value: Int, _ count: Int) {
            for index in 0..<count { bit(value >> index) }
        }

        /// A Huffman code of `length` bits, most significant first (RFC 1951 section 3.1.1).
        mutating func code(_ value: Int, _ length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { bit(value >> index) }
        }

        /// Length 258 (symbol 285, code 11000101) at distance 1 (code 00000).
        mutating func copy258() {
            code(0xC5, 8)
            code(0, 5)
        }

        /// The bytes with the last one padded with zero bits.
        func finished() -> [UInt8] { used == 0 ? bytes : bytes + [current] }
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
