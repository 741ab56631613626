/// One field of a definition message: which profile field, how many bytes, which base type.
///
/// Garmin FIT SDK, *FIT Protocol*, section 4.2.1.4 "Field Definition": field definition
/// number, size in bytes, base type byte.
public struct FITFieldDefinition: Sendable, Hashable {
    /// The profile field number (e.g. 253 for `timestamp`).
    public let number: UInt8
    /// The field's size in bytes in every data message of this definition.
    public let size: UInt8
    /// The raw base type byte as written in the file.
    public let baseTypeByte: UInt8
    /// Byte offset of the field inside the data message content (after the record header).
    public let offset: Int

    /// The base type, or nil when the byte names none (such fields read as bytes only); looked up
    /// once when the definition is read, not on every value read.
    public let baseType: FITBaseType?
    /// How many values of the base type the field holds; 0 when it has no base type, is a string,
    /// or its size is not a multiple of the base type's (such a field has no numeric value).
    let numericElements: Int

    init(number: UInt8, size: UInt8, baseTypeByte: UInt8, offset: Int) {
        self.number = number
        self.size = size
        self.baseTypeByte = baseTypeByte
        self.offset = offset
        let baseType = FITBaseType(definitionByte: baseTypeByte)
        self.baseType = baseType
        if let baseType, baseType != .string, Int(size) % baseType.size == 0 {
            numericElements = Int(size) / baseType.size
        } else {
            numericElements = 0
        }
    }
}

/// A developer field of a definition message; the decoder skips its bytes.
///
/// Garmin FIT SDK, *FIT Protocol*, section 4.2.1.5 "Developer Field Definition": field number,
/// size, developer data index.
public struct FITDeveloperFieldDefinition: Sendable, Hashable {
    /// The developer field number.
    public let number: UInt8
    /// The field's size in bytes.
    public let size: UInt8
    /// The developer data index it belongs to.
    public let developerDataIndex: UInt8
}

/// A definition message: the layout that data messages of one local message number follow
/// until it is redefined.
///
/// Garmin FIT SDK, *FIT Protocol*, section 4.2.1 "Definition Message": reserved byte,
/// architecture (0 little-endian, 1 big-endian), global message number, fields, and developer
/// fields when bit 5 of the record header is set.
public struct FITDefinition: Sendable, Hashable {
    /// The parts, held once: every data message of the layout shares them, so handing a message
    /// to a visitor copies one reference instead of three arrays.
    private let layout: Layout

    /// The profile message number (e.g. 20 for `record`).
    public var globalMessageNumber: UInt16 { layout.globalMessageNumber }
    /// Whether multi-byte values are big-endian (architecture byte 1).
    public var isBigEndian: Bool { layout.isBigEndian }
    /// The fields, in the order their bytes appear.
    public var fields: [FITFieldDefinition] { layout.fields }
    /// The developer fields, after the regular fields.
    public var developerFields: [FITDeveloperFieldDefinition] { layout.developerFields }
    /// Size of a data message's content (all fields, developer fields included), in bytes.
    public var messageSize: Int { layout.messageSize }
    /// Offset of a 4-byte timestamp field (253), used to anchor compressed timestamps.
    var timestampOffset: Int? { layout.timestampOffset }

    private final class Layout: Sendable {
        let globalMessageNumber: UInt16
        let isBigEndian: Bool
        let fields: [FITFieldDefinition]
        let developerFields: [FITDeveloperFieldDefinition]
        let messageSize: Int
        let timestampOffset: Int?
        /// `slots[n]` is 1 + the index of field `n` in ``fields`` (the first one if repeated), or 0.
        let slots: [UInt8]

        init(globalMessageNumber: UInt16, isBigEndian: Bool, fields: [FITFieldDefinition],
             developerFields: [FITDeveloperFieldDefinition]) {
            self.globalMessageNumber = globalMessageNumber
            self.isBigEndian = isBigEndian
            self.fields = fields
            self.developerFields = developerFields
            var size = 0
            var timestampOffset: Int?
            var slots = [UInt8](repeating: 0, count: 256)
            for (index, field) in fields.enumerated() {
                if field.number == 253, field.size == 4, timestampOffset == nil { timestampOffset = field.offset }
                if slots[Int(field.number)] == 0, index < 255 { slots[Int(field.number)] = UInt8(index + 1) }
                size += Int(field.size)
            }
            self.slots = slots
            for field in developerFields { size += Int(field.size) }
            messageSize = size
            self.timestampOffset = timestampOffset
        }
    }

    /// Creates a definition from its parts (also used by tests to describe expected layouts).
    public init(
        globalMessageNumber: UInt16, isBigEndian: Bool, fields: [FITFieldDefinition],
        developerFields: [FITDeveloperFieldDefinition] = []
    ) {
        layout = Layout(globalMessageNumber: globalMessageNumber, isBigEndian: isBigEndian, fields: fields,
                        developerFields: developerFields)
    }

    /// Two definitions are equal when their parts are.
    public static func == (lhs: FITDefinition, rhs: FITDefinition) -> Bool {
        lhs.layout === rhs.layout
            || (lhs.globalMessageNumber == rhs.globalMessageNumber && lhs.isBigEndian == rhs.isBigEndian
                && lhs.fields == rhs.fields && lhs.developerFields == rhs.developerFields)
    }

    /// Hashes the parts that ``==(_:_:)`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(globalMessageNumber)
        hasher.combine(isBigEndian)
        hasher.combine(fields)
        hasher.combine(developerFields)
    }

    /// Parses the definition content that starts at `start` (just after the record header at
    /// `headerOffset`), not reading past `end`. Returns the definition and the offset after it.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, headerOffset: Int, start: Int, end: Int, hasDeveloperFields: Bool
    ) throws(FITDecodeError) -> (FITDefinition, Int) {
        guard end - start >= 5 else {
            throw .truncated(offset: end, expected: "a 5-byte definition message header (record at byte \(headerOffset))")
        }
        let architecture = bytes[start + 1]
        guard architecture <= 1 else {
            throw .badDefinition(offset: start + 1, reason: "architecture byte \(architecture) is neither 0 nor 1")
        }
        let bigEndian = architecture == 1
        let lo = UInt16(bytes[start + 2])
        let hi = UInt16(bytes[start + 3])
        let global = bigEndian ? (lo << 8 | hi) : (hi << 8 | lo)
        let fieldCount = Int(bytes[start + 4])
        var position = start + 5
        guard end - position >= fieldCount * 3 else {
            throw .truncated(offset: end, expected: "\(fieldCount) field definitions (definition at byte \(headerOffset))")
        }
        var fields: [FITFieldDefinition] = []
        fields.reserveCapacity(fieldCount)
        var contentOffset = 0
        for _ in 0..<fieldCount {
            let number = bytes[position]
            let size = bytes[position + 1]
            let baseType = bytes[position + 2]
            if size == 0 {
                throw .invalidFieldSize(offset: position, field: number, size: size, baseType: baseType)
            }
            fields.append(FITFieldDefinition(number: number, size: size, baseTypeByte: baseType, offset: contentOffset))
            contentOffset += Int(size)
            position += 3
        }
        var developerFields: [FITDeveloperFieldDefinition] = []
        if hasDeveloperFields {
            guard end - position >= 1 else {
                throw .truncated(offset: end, expected: "the developer field count (definition at byte \(headerOffset))")
            }
            let devCount = Int(bytes[position])
            position += 1
            guard end - position >= devCount * 3 else {
                throw .truncated(offset: end, expected: "\(devCount) developer field definitions (definition at byte \(headerOffset))")
            }
            developerFields.reserveCapacity(devCount)
            for _ in 0..<devCount {
                developerFields.append(
                    FITDeveloperFieldDefinition(
                        number: bytes[position], size: bytes[position + 1], developerDataIndex: bytes[position + 2]))
                position += 3
            }
        }
        let definition = FITDefinition(
            globalMessageNumber: global, isBigEndian: bigEndian, fields: fields, developerFields: developerFields)
        return (definition, position)
    }

    /// The definition of field `number`, if this layout has it.
    @inline(__always)
    public func field(_ number: UInt8) -> FITFieldDefinition? {
        let layout = self.layout
        let slot = Int(layout.slots[Int(number)])
        if slot != 0 { return layout.fields[slot - 1] }
        // A definition with more than 255 fields leaves the later ones out of the slot table.
        if layout.fields.count > 255 {
            for field in layout.fields[255...] where field.number == number { return field }
        }
        return nil
    }
}
