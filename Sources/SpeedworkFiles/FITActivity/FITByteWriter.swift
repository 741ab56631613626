/// Little-endian FIT records appended to one growing buffer (FIT Protocol, "Record Header",
/// "Definition Message", "Data Message"), without an allocation per field: the activity encoder
/// writes millions of record fields per archive.
struct FITByteWriter {
    /// One field of a definition message: number, size in bytes, base-type byte.
    struct Field {
        var number: UInt8
        var size: UInt8
        var baseType: UInt8

        init(_ number: UInt8, _ size: UInt8, _ baseType: UInt8) {
            self.number = number
            self.size = size
            self.baseType = baseType
        }
    }

    /// Base-type bytes (FIT Protocol, "Base Types").
    enum BaseType {
        static let enumeration: UInt8 = 0x00
        static let uint8: UInt8 = 0x02
        static let uint16: UInt8 = 0x84
        static let sint32: UInt8 = 0x85
        static let uint32: UInt8 = 0x86
        static let uint32z: UInt8 = 0x8C
    }

    /// The records written so far (no header, no file CRC).
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes a definition message binding `local` to the profile message `global` with `fields`.
    mutating func define(local: UInt8, global: UInt16, fields: [Field]) {
        bytes.append(0x40 | (local & 0x0F))
        bytes.append(0)  // reserved
        bytes.append(0)  // architecture: little endian
        u16(global)
        bytes.append(UInt8(fields.count))
        for field in fields {
            bytes.append(field.number)
            bytes.append(field.size)
            bytes.append(field.baseType)
        }
    }

    /// Starts a data message of `local` type; its fields follow in definition order.
    @inline(__always) mutating func begin(local: UInt8) { bytes.append(local & 0x0F) }

    @inline(__always) mutating func u8(_ value: UInt8) { bytes.append(value) }

    @inline(__always) mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    @inline(__always) mutating func u32(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    /// The low `size` bytes of `value`, little endian.
    @inline(__always) mutating func raw(_ value: UInt32, size: Int) {
        switch size {
        case 1: u8(UInt8(truncatingIfNeeded: value))
        case 2: u16(UInt16(truncatingIfNeeded: value))
        default: u32(value)
        }
    }
}
