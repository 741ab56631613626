import Foundation

/// One data message, viewed in place inside the decoder's input buffer.
///
/// The bytes are not copied: a `FITMessage` is valid only during the visitor call that receives
/// it. Field values are read on demand by field number, honouring the definition's
/// architecture, and come back nil when the field is absent or holds its base type's invalid
/// value (Garmin FIT SDK, *FIT Protocol*, section 4.2 "Data Messages" and the base type table).
public struct FITMessage {
    /// The profile message number (e.g. 20 for `record`); see ``FITProfile``.
    public let globalMessageNumber: UInt16
    /// The local message number (0–15, or 0–3 for a compressed-timestamp header).
    public let localMessageNumber: UInt8
    /// Byte offset of the record header in the input.
    public let offset: Int
    /// Index of the chained FIT file the message belongs to (0 for the first).
    public let fileIndex: Int
    /// The layout the message follows.
    public let definition: FITDefinition
    /// The timestamp rebuilt from a compressed-timestamp record header, if the message had one.
    public let headerTimestamp: UInt32?
    /// The message content (after the record header); valid only during the visitor call.
    public let content: UnsafeRawBufferPointer

    /// Creates a view of a message; the decoder does this, tests may too.
    public init(
        globalMessageNumber: UInt16, localMessageNumber: UInt8, offset: Int, fileIndex: Int,
        definition: FITDefinition, headerTimestamp: UInt32?, content: UnsafeRawBufferPointer
    ) {
        self.globalMessageNumber = globalMessageNumber
        self.localMessageNumber = localMessageNumber
        self.offset = offset
        self.fileIndex = fileIndex
        self.definition = definition
        self.headerTimestamp = headerTimestamp
        self.content = content
    }

    /// The profile name of the message (`record`, `lap`…) or its number when the profile
    /// table does not name it.
    public var name: String { FITProfile.messageName(globalMessageNumber) }

    /// Whether the message defines field `number` (whatever its value).
    public func has(_ number: UInt8) -> Bool { definition.field(number) != nil }

    /// Number of elements in field `number` (its size over its base type size), 0 if absent.
    public func elementCount(_ number: UInt8) -> Int {
        guard let field = definition.field(number) else { return 0 }
        guard let base = field.baseType else { return Int(field.size) }
        return Int(field.size) / base.size
    }

    /// The raw bits of element `index` of a field, or nil when out of range, when the size is
    /// not a multiple of the base type size, or when the element holds the invalid value.
    @inline(__always)
    func bits(_ field: FITFieldDefinition, index: Int) -> (FITBaseType, UInt64)? {
        guard index >= 0, index < field.numericElements, let base = field.baseType else { return nil }
        let size = base.size
        let start = field.offset + index * size
        guard start >= 0, start + size <= content.count else { return nil }
        let big = definition.isBigEndian
        let raw: UInt64
        switch size {
        case 1:
            raw = UInt64(content[start])
        case 2:
            let v = content.loadUnaligned(fromByteOffset: start, as: UInt16.self)
            raw = UInt64(big ? UInt16(bigEndian: v) : UInt16(littleEndian: v))
        case 4:
            let v = content.loadUnaligned(fromByteOffset: start, as: UInt32.self)
            raw = UInt64(big ? UInt32(bigEndian: v) : UInt32(littleEndian: v))
        default:
            let v = content.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            raw = big ? UInt64(bigEndian: v) : UInt64(littleEndian: v)
        }
        if raw == base.invalidBits { return nil }
        return (base, raw)
    }

    /// Element `index` of integer field `number` as a signed value; nil when absent, invalid,
    /// not an integer type, or a uint64 above `Int64.max`.
    public func integer(_ number: UInt8, index: Int = 0) -> Int64? {
        guard let field = definition.field(number), let (base, raw) = bits(field, index: index),
            base.isInteger
        else { return nil }
        switch base {
        case .sint8: return Int64(Int8(truncatingIfNeeded: raw))
        case .sint16: return Int64(Int16(truncatingIfNeeded: raw))
        case .sint32: return Int64(Int32(truncatingIfNeeded: raw))
        case .sint64: return Int64(bitPattern: raw)
        default: return raw <= UInt64(Int64.max) ? Int64(raw) : nil
        }
    }

    /// Element `index` of integer field `number` as an unsigned value; nil when absent,
    /// invalid, not an integer type, or negative.
    public func unsigned(_ number: UInt8, index: Int = 0) -> UInt64? {
        guard let field = definition.field(number), let (base, raw) = bits(field, index: index),
            base.isInteger
        else { return nil }
        if base.isSigned {
            guard let signed = integer(number, index: index), signed >= 0 else { return nil }
            return UInt64(signed)
        }
        return raw
    }

    /// Element `index` of numeric field `number` (integer or float) as a Double, unscaled;
    /// nil when absent, invalid or not numeric.
    public func double(_ number: UInt8, index: Int = 0) -> Double? {
        guard let field = definition.field(number), let (base, raw) = bits(field, index: index) else {
            return nil
        }
        switch base {
        case .float32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case .float64: return Double(bitPattern: raw)
        case .byte: return nil
        case .sint8: return Double(Int8(truncatingIfNeeded: raw))
        case .sint16: return Double(Int16(truncatingIfNeeded: raw))
        case .sint32: return Double(Int32(truncatingIfNeeded: raw))
        case .sint64: return Double(Int64(bitPattern: raw))
        default: return Double(raw)
        }
    }

    /// Field `number` with the profile's scale and offset applied: `raw / scale - offset`
    /// (Garmin FIT SDK, *FIT Profile*, "Scale" and "Offset" columns).
    public func scaled(_ number: UInt8, scale: Double, offset: Double = 0, index: Int = 0) -> Double? {
        guard let raw = double(number, index: index) else { return nil }
        return raw / scale - offset
    }

    /// String field `number` decoded as UTF-8 up to the first NUL (or the field end when the
    /// writer left no terminator); nil when absent, empty or not a string.
    public func string(_ number: UInt8) -> String? {
        guard let field = definition.field(number), field.baseType == .string else { return nil }
        let start = field.offset
        let end = min(start + Int(field.size), content.count)
        guard start < end else { return nil }
        var stop = start
        while stop < end, content[stop] != 0 { stop += 1 }
        guard stop > start else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: content[start..<stop]), as: UTF8.self)
    }

    /// The raw bytes of field `number` as written (no byte-order change); nil when absent.
    public func bytes(_ number: UInt8) -> [UInt8]? {
        guard let field = definition.field(number) else { return nil }
        let start = field.offset
        let end = min(start + Int(field.size), content.count)
        guard start <= end else { return nil }
        return Array(UnsafeRawBufferPointer(rebasing: content[start..<end]))
    }

    /// Whether field `number` is present and holds a value other than its invalid value. For
    /// `byte` fields, invalid means every byte is 0xFF; for strings, an empty string.
    public func isValid(_ number: UInt8) -> Bool {
        guard let field = definition.field(number) else { return false }
        guard let base = field.baseType else { return true }
        switch base {
        case .string:
            return string(number) != nil
        case .byte:
            let end = min(field.offset + Int(field.size), content.count)
            guard field.offset < end else { return false }
            for i in field.offset..<end where content[i] != 0xFF { return true }
            return false
        default:
            return bits(field, index: 0) != nil
        }
    }

    /// The message's timestamp in seconds since the FIT epoch: field 253 when valid, otherwise
    /// the time rebuilt from a compressed-timestamp header.
    public var timestamp: UInt32? {
        if let value = unsigned(FITProfile.Field.timestamp) { return UInt32(truncatingIfNeeded: value) }
        return headerTimestamp
    }

    /// ``timestamp`` as a `Date`.
    public var date: Date? { timestamp.map(FITProfile.date(fromFITTime:)) }
}
