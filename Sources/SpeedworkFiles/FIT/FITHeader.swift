/// The header that starts every FIT file (and every file of a chained FIT input).
///
/// Garmin FIT SDK, *FIT Protocol*, section 3.3.1 "File Header": size (12 or 14), protocol
/// version, profile version (little-endian), data size (little-endian, bytes between header and
/// file CRC), the ASCII signature ".FIT", and for 14-byte headers a CRC of bytes 0–11
/// (0 meaning "not computed").
public struct FITHeader: Sendable, Hashable {
    /// Header length in bytes: 12 (legacy) or 14.
    public let size: Int
    /// Protocol version byte (major in the high nibble, minor in the low nibble).
    public let protocolVersion: UInt8
    /// Profile version, e.g. 2118 for profile 21.18.
    public let profileVersion: UInt16
    /// Number of bytes of records between the header and the 2-byte file CRC.
    public let dataSize: UInt32
    /// The header CRC stored in a 14-byte header; nil for a 12-byte header. 0 means not computed.
    public let crc: UInt16?

    /// Creates a header value from its fields.
    public init(size: Int, protocolVersion: UInt8, profileVersion: UInt16, dataSize: UInt32, crc: UInt16?) {
        self.size = size
        self.protocolVersion = protocolVersion
        self.profileVersion = profileVersion
        self.dataSize = dataSize
        self.crc = crc
    }

    /// Reads the header at `offset` of `bytes`, checking its size and signature, and its CRC when
    /// `verifyCRC` is true and the stored CRC is nonzero.
    public init(parsing bytes: UnsafeRawBufferPointer, at offset: Int, verifyCRC: Bool = true) throws(FITDecodeError) {
        guard offset >= 0, offset < bytes.count else {
            throw .truncated(offset: max(0, min(offset, bytes.count)), expected: "a FIT file header")
        }
        let available = bytes.count - offset
        let size = Int(bytes[offset])
        guard size >= 12 else {
            throw .badHeader(offset: offset, reason: "header size \(size) is below 12")
        }
        guard available >= 12 else {
            throw .truncated(offset: bytes.count, expected: "a 12-byte FIT file header")
        }
        guard bytes[offset + 8] == 0x2E, bytes[offset + 9] == 0x46, bytes[offset + 10] == 0x49,
            bytes[offset + 11] == 0x54
        else {
            throw .badHeader(offset: offset, reason: "signature is not \".FIT\"")
        }
        guard size == 12 || size == 14 else {
            // The protocol allows larger headers in principle; the SDK decodes only 12 and 14.
            throw .badHeader(offset: offset, reason: "header size \(size) is neither 12 nor 14")
        }
        guard available >= size else {
            throw .truncated(offset: bytes.count, expected: "a \(size)-byte FIT file header")
        }
        protocolVersion = bytes[offset + 1]
        profileVersion = UInt16(bytes[offset + 2]) | UInt16(bytes[offset + 3]) << 8
        dataSize = UInt32(bytes[offset + 4]) | UInt32(bytes[offset + 5]) << 8
            | UInt32(bytes[offset + 6]) << 16 | UInt32(bytes[offset + 7]) << 24
        self.size = size
        if size == 14 {
            let stored = UInt16(bytes[offset + 12]) | UInt16(bytes[offset + 13]) << 8
            crc = stored
            if verifyCRC, stored != 0 {
                let computed = FITCRC.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 12)]))
                if computed != stored {
                    throw .headerCRCMismatch(offset: offset + 12, expected: computed, found: stored)
                }
            }
        } else {
            crc = nil
        }
    }
}
