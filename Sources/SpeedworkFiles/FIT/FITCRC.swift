/// The FIT CRC-16 that protects the 14-byte file header and every FIT file.
///
/// Garmin FIT SDK, *FIT Protocol*, section 3.3.2 "CRC": the 16-entry nibble table below is the
/// one printed there (reflected polynomial 0xA001, initial value 0). Byte tables are derived from
/// it once so the hot loop reads eight bytes per step instead of one nibble at a time.
public struct FITCRC: Sendable, Hashable {
    /// The running CRC value; 0 before any byte.
    public private(set) var value: UInt16

    /// Starts a CRC computation (initial value 0, as the protocol specifies).
    public init() {
        value = 0
    }

    /// The nibble table from the FIT Protocol document.
    static let nibbleTable: [UInt16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ]

    /// One step of the protocol's nibble algorithm, kept as the reference for the byte table.
    static func nibbleUpdate(_ crc: UInt16, _ byte: UInt8) -> UInt16 {
        var crc = crc
        var tmp = nibbleTable[Int(crc & 0xF)]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ nibbleTable[Int(byte & 0xF)]
        tmp = nibbleTable[Int(crc & 0xF)]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ nibbleTable[Int(byte >> 4)]
        return crc
    }

    /// `byteTable[b]` is the CRC of the single byte `b` from 0; the CRC is linear, so
    /// `crc' = (crc >> 8) ^ byteTable[(crc ^ b) & 0xFF]`.
    static let byteTable: [UInt16] = (0...255).map { nibbleUpdate(0, UInt8($0)) }

    /// Eight 256-entry tables for reading 8 bytes per step ("slicing-by-8"): table `k`, at
    /// `k * 256 + b`, is the CRC contribution of byte `b` followed by `k` zero bytes, so
    /// `table[0]` is ``byteTable`` and `table[k][b] = (table[k-1][b] >> 8) ^ byteTable[table[k-1][b] & 0xFF]`.
    static let sliceTables: [UInt16] = {
        var tables = byteTable + [UInt16](repeating: 0, count: 7 * 256)
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = tables[(k - 1) * 256 + b]
                tables[k * 256 + b] = (previous >> 8) ^ byteTable[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// Feeds one byte.
    public mutating func update(_ byte: UInt8) {
        value = FITCRC.nibbleUpdate(value, byte)
    }

    /// Feeds a run of bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        value = FITCRC.checksum(bytes, startingWith: value)
    }

    /// The CRC of `bytes`, continuing from `initial` (0 for a fresh computation).
    /// Whole 8-byte words go through ``sliceTables`` (the running CRC is folded into the first
    /// two bytes of each word), the tail byte by byte.
    public static func checksum(_ bytes: UnsafeRawBufferPointer, startingWith initial: UInt16 = 0) -> UInt16 {
        var crc = initial
        sliceTables.withUnsafeBufferPointer { table in
            var index = 0
            let words = bytes.count & ~7
            while index < words {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ UInt64(crc)
                var next = table[7 * 256 + Int(word & 0xFF)] ^ table[6 * 256 + Int((word >> 8) & 0xFF)]
                next ^= table[5 * 256 + Int((word >> 16) & 0xFF)] ^ table[4 * 256 + Int((word >> 24) & 0xFF)]
                next ^= table[3 * 256 + Int((word >> 32) & 0xFF)] ^ table[2 * 256 + Int((word >> 40) & 0xFF)]
                next ^= table[256 + Int((word >> 48) & 0xFF)] ^ table[Int(word >> 56)]
                crc = next
                index += 8
            }
            while index < bytes.count {
                crc = (crc >> 8) ^ table[Int(UInt8(truncatingIfNeeded: crc) ^ bytes[index])]
                index += 1
            }
        }
        return crc
    }

    /// The CRC of a byte array, from 0.
    public static func checksum(_ bytes: [UInt8]) -> UInt16 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
