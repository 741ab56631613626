/// Why a FIT file could not be decoded: where (byte offset from the start of the input) and what
/// was expected there.
///
/// The checks follow the Garmin FIT SDK *FIT Protocol* document: file header (section 3.3.1),
/// CRC (3.3.2), record headers (4.1) and definition messages (4.2).
public enum FITDecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended at `offset` while `expected` was still to be read.
    case truncated(offset: Int, expected: String)
    /// The file header at `offset` is not a FIT header (size, signature).
    case badHeader(offset: Int, reason: String)
    /// The 14-byte header at `offset` carries a nonzero CRC that does not match its first 12 bytes.
    case headerCRCMismatch(offset: Int, expected: UInt16, found: UInt16)
    /// The CRC stored at `offset` does not match the CRC computed over the header and data.
    case fileCRCMismatch(offset: Int, expected: UInt16, found: UInt16)
    /// A data message at `offset` uses a local message number with no definition before it.
    case undefinedLocalMessage(offset: Int, local: UInt8)
    /// A field definition at `offset` declares a size the protocol forbids (zero bytes).
    case invalidFieldSize(offset: Int, field: UInt8, size: UInt8, baseType: UInt8)
    /// A definition message at `offset` is malformed (e.g. architecture byte other than 0 or 1).
    case badDefinition(offset: Int, reason: String)

    /// The byte offset the error refers to.
    public var offset: Int {
        switch self {
        case .truncated(let offset, _), .badHeader(let offset, _),
            .headerCRCMismatch(let offset, _, _), .fileCRCMismatch(let offset, _, _),
            .undefinedLocalMessage(let offset, _), .invalidFieldSize(let offset, _, _, _),
            .badDefinition(let offset, _):
            offset
        }
    }

    /// Whether the error is a CRC mismatch (header or file), the kind `verifyCRC: false` skips.
    public var isCRCMismatch: Bool {
        switch self {
        case .headerCRCMismatch, .fileCRCMismatch: true
        default: false
        }
    }

    /// One line naming the offset and the problem.
    public var description: String {
        switch self {
        case .truncated(let offset, let expected):
            "FIT data ends at byte \(offset); expected \(expected)"
        case .badHeader(let offset, let reason):
            "not a FIT file header at byte \(offset): \(reason)"
        case .headerCRCMismatch(let offset, let expected, let found):
            "FIT header CRC mismatch at byte \(offset): header says \(hex(found)), computed \(hex(expected))"
        case .fileCRCMismatch(let offset, let expected, let found):
            "FIT file CRC mismatch at byte \(offset): file says \(hex(found)), computed \(hex(expected))"
        case .undefinedLocalMessage(let offset, let local):
            "FIT data message at byte \(offset) uses local message \(local), which has no definition"
        case .invalidFieldSize(let offset, let field, let size, let baseType):
            "FIT field definition at byte \(offset): field \(field) has invalid size \(size) for base type \(hex8(baseType))"
        case .badDefinition(let offset, let reason):
            "bad FIT definition message at byte \(offset): \(reason)"
        }
    }
}

private func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

private func hex8(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" : "") + digits
}
