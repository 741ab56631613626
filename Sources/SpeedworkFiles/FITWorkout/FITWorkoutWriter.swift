/// A little-endian writer of FIT records (FIT protocol, "Record Header", "Definition Message",
/// "Data Message"): definition messages that fix each local message's field layout, then data
/// messages that follow it. Absent values are written as the base type's invalid value.
struct FITWorkoutWriter: Sendable {
    /// FIT base types used by workout files, with their base-type byte and size.
    enum BaseType: UInt8, Sendable {
        case enumeration = 0x00
        case uint8 = 0x02
        case string = 0x07
        case uint16 = 0x84
        case uint32 = 0x86
        case uint32z = 0x8C

        /// Size in bytes of one value (strings take the size of their field instead).
        var size: Int {
            switch self {
            case .enumeration, .uint8, .string: 1
            case .uint16: 2
            case .uint32, .uint32z: 4
            }
        }
    }

    /// A value for one field of a data message.
    enum Value: Sendable, Hashable {
        case integer(UInt32)
        case text(String)
        /// The base type's invalid value: the field is absent from this message.
        case invalid
    }

    /// One field of a definition message: its number in the profile, its size and base type.
    struct Field: Sendable, Hashable {
        var number: UInt8
        var size: Int
        var baseType: BaseType

        init(_ number: UInt8, _ baseType: BaseType, size: Int? = nil) {
            self.number = number
            self.baseType = baseType
            self.size = size ?? baseType.size
        }
    }

    /// The records written so far (no header, no file CRC).
    private(set) var bytes: [UInt8] = []

    /// Writes a definition message binding `localType` to `globalNumber` with `fields`.
    mutating func define(localType: UInt8, globalNumber: UInt16, fields: [Field]) {
        bytes.append(0x40 | (localType & 0x0F))
        bytes.append(0)  // reserved
        bytes.append(0)  // architecture: little endian
        appendInteger(UInt32(globalNumber), size: 2)
        bytes.append(UInt8(fields.count))
        for field in fields {
            bytes.append(field.number)
            bytes.append(UInt8(field.size))
            bytes.append(field.baseType.rawValue)
        }
    }

    /// Writes a data message of `localType`; `values` follow the order of `fields`.
    mutating func write(localType: UInt8, fields: [Field], values: [Value]) {
        precondition(fields.count == values.count, "one value per defined field")
        bytes.append(localType & 0x0F)
        for (field, value) in zip(fields, values) {
            switch (field.baseType, value) {
            case (.string, .text(let text)):
                var encoded = Array(text.utf8.prefix(field.size - 1))
                encoded.append(contentsOf: repeatElement(0, count: field.size - encoded.count))
                bytes.append(contentsOf: encoded)
            case (.string, _):
                bytes.append(contentsOf: repeatElement(0, count: field.size))
            case (_, .integer(let number)):
                appendInteger(number, size: field.size)
            case (let type, _):
                appendInteger(Self.invalid(type), size: field.size)
            }
        }
    }

    private mutating func appendInteger(_ value: UInt32, size: Int) {
        for index in 0..<size {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))))
        }
    }

    private static func invalid(_ type: BaseType) -> UInt32 {
        switch type {
        case .enumeration, .uint8: 0xFF
        case .uint16: 0xFFFF
        case .uint32: 0xFFFF_FFFF
        case .uint32z, .string: 0
        }
    }
}
