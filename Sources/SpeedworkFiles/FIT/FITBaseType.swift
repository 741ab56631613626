/// A FIT base type: how a field's bytes are laid out and which value means "no value".
///
/// Garmin FIT SDK, *FIT Protocol*, section 4.2.1.4.2 "Base Type" table: the raw value is the
/// base type byte of a field definition (bit 7 = endian ability, bits 0–4 = base type number).
public enum FITBaseType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Enumeration, 1 byte; invalid 0xFF.
    case `enum` = 0x00
    /// Signed 8-bit integer; invalid 0x7F.
    case sint8 = 0x01
    /// Unsigned 8-bit integer; invalid 0xFF.
    case uint8 = 0x02
    /// Signed 16-bit integer; invalid 0x7FFF.
    case sint16 = 0x83
    /// Unsigned 16-bit integer; invalid 0xFFFF.
    case uint16 = 0x84
    /// Signed 32-bit integer; invalid 0x7FFFFFFF.
    case sint32 = 0x85
    /// Unsigned 32-bit integer; invalid 0xFFFFFFFF.
    case uint32 = 0x86
    /// NUL-terminated UTF-8 string; invalid when empty.
    case string = 0x07
    /// IEEE 754 single; invalid 0xFFFFFFFF.
    case float32 = 0x88
    /// IEEE 754 double; invalid all ones.
    case float64 = 0x89
    /// Unsigned 8-bit integer; invalid 0x00.
    case uint8z = 0x0A
    /// Unsigned 16-bit integer; invalid 0x0000.
    case uint16z = 0x8B
    /// Unsigned 32-bit integer; invalid 0x00000000.
    case uint32z = 0x8C
    /// Raw bytes; invalid when every byte is 0xFF.
    case byte = 0x0D
    /// Signed 64-bit integer; invalid 0x7FFFFFFFFFFFFFFF.
    case sint64 = 0x8E
    /// Unsigned 64-bit integer; invalid all ones.
    case uint64 = 0x8F
    /// Unsigned 64-bit integer; invalid 0.
    case uint64z = 0x90

    /// The base types indexed by base type number (bits 0–4 of the base type byte).
    static let byNumber: [FITBaseType] = [
        .enum, .sint8, .uint8, .sint16, .uint16, .sint32, .uint32, .string, .float32,
        .float64, .uint8z, .uint16z, .uint32z, .byte, .sint64, .uint64, .uint64z,
    ]

    /// The base type named by a definition's base type byte, read by its base type number
    /// (bits 0–4) as the protocol specifies; nil when the number is not in the table.
    public init?(definitionByte: UInt8) {
        let number = Int(definitionByte & 0x1F)
        guard number < FITBaseType.byNumber.count else { return nil }
        self = FITBaseType.byNumber[number]
    }

    /// The base type number (bits 0–4 of the raw value).
    public var number: UInt8 { rawValue & 0x1F }

    /// The size of one element in bytes.
    public var size: Int {
        switch self {
        case .enum, .sint8, .uint8, .string, .uint8z, .byte: 1
        case .sint16, .uint16, .uint16z: 2
        case .sint32, .uint32, .float32, .uint32z: 4
        case .float64, .sint64, .uint64, .uint64z: 8
        }
    }

    /// Whether values are two's-complement signed integers.
    public var isSigned: Bool {
        switch self {
        case .sint8, .sint16, .sint32, .sint64: true
        default: false
        }
    }

    /// Whether values are IEEE 754 floating point.
    public var isFloat: Bool { self == .float32 || self == .float64 }

    /// Whether values are integers (signed, unsigned, enum or z-types; not byte or string).
    public var isInteger: Bool { !isFloat && self != .string && self != .byte }

    /// The invalid ("no value") bit pattern of one element, zero-extended to 64 bits.
    public var invalidBits: UInt64 {
        switch self {
        case .enum, .uint8, .byte: 0xFF
        case .sint8: 0x7F
        case .sint16: 0x7FFF
        case .uint16: 0xFFFF
        case .sint32: 0x7FFF_FFFF
        case .uint32, .float32: 0xFFFF_FFFF
        case .float64, .uint64: 0xFFFF_FFFF_FFFF_FFFF
        case .sint64: 0x7FFF_FFFF_FFFF_FFFF
        case .string, .uint8z, .uint16z, .uint32z, .uint64z: 0
        }
    }

    /// The SDK's name of the type, e.g. `uint16z`.
    public var description: String {
        switch self {
        case .enum: "enum"
        case .sint8: "sint8"
        case .uint8: "uint8"
        case .sint16: "sint16"
        case .uint16: "uint16"
        case .sint32: "sint32"
        case .uint32: "uint32"
        case .string: "string"
        case .float32: "float32"
        case .float64: "float64"
        case .uint8z: "uint8z"
        case .uint16z: "uint16z"
        case .uint32z: "uint32z"
        case .byte: "byte"
        case .sint64: "sint64"
        case .uint64: "uint64"
        case .uint64z: "uint64z"
        }
    }
}
