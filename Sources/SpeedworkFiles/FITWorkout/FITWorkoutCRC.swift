/// The FIT checksum (FIT protocol, "CRC"): CRC-16 with the reflected polynomial 0xA001 and seed 0,
/// computed a nibble at a time from the protocol's 16-entry table. It guards the 14-byte header
/// (over its first 12 bytes) and the whole file (over header and records).
struct WorkoutFileCRC: Sendable, Hashable {
    /// The running value; 0 before any byte.
    private(set) var value: UInt16 = 0

    private static let table: [UInt16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ]

    init() {}

    /// Folds one byte into the checksum, low nibble first.
    mutating func update(_ byte: UInt8) {
        value = Self.step(value, nibble: byte & 0x0F)
        value = Self.step(value, nibble: byte >> 4)
    }

    /// Folds bytes into the checksum in order.
    mutating func update(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { update(byte) }
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc = WorkoutFileCRC()
        crc.update(bytes)
        return crc.value
    }

    private static func step(_ crc: UInt16, nibble: UInt8) -> UInt16 {
        let shifted = (crc >> 4) & 0x0FFF
        return shifted ^ table[Int(crc & 0x0F)] ^ table[Int(nibble)]
    }
}
