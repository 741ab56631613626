/// A FIT base type: how a field's bytes are laid out and which value means "no value".
///
/// Garmin FIT SDK, *FIT Protocol*, section 4.2.1.4.2 "Base Type" table: the raw value is the
/// base type byte of a field definition (bit 7 = endian ability, bits 0–4 = base type number).
public enum FITBaseType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case `enum` = 0x00
    case sint8 = 0x01
    case uint8 = 0x02
    case sint16 = 0x83
    case uint16 = 0x84
    case sint32 = 0x85
    case uint32 = 0x86
    case string = 0x07
    case float32 = 0x88
    case float64 = 0x89
    case uint8z = 0x0A
    case uint16z = 0x8B
    case uint32z = 0x8C
    case byte = 0x0D
    case sint64 = 0x8E
    case uint64 = 0x8F
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
