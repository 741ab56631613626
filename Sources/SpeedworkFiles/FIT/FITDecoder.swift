import Foundation

/// Decodes FIT files (single or chained) from bytes in memory, calling a visitor for every data
/// message, or counting messages per file for inspection.
///
/// Implements the Garmin FIT SDK *FIT Protocol*: file header and CRC (section 3.3), normal and
/// compressed-timestamp record headers (4.1), definition messages in either architecture with
/// developer fields (4.2), and chained files (several header + data + CRC units back to back).
/// The hot loop reads the input in place; no input can make it trap: every failure is a
/// ``FITDecodeError`` with the byte offset.
public struct FITDecoder: Sendable {
    /// Whether header and file CRCs are checked. With `false`, a file whose CRC is wrong, or
    /// whose CRC is missing because the input is cut short, is read as far as its bytes allow.
    public var verifyCRC: Bool

    /// Creates a decoder; pass `verifyCRC: false` to read files with a bad or missing CRC.
    public init(verifyCRC: Bool = true) {
        self.verifyCRC = verifyCRC
    }

    /// Decodes `bytes`, calling `visit` for each data message in file order, and returns the
    /// number of chained FIT files read. Throws the first ``FITDecodeError`` met (with CRC
    /// checking on, a file's CRC is checked before any of its messages is visited), or any
    /// error `visit` throws.
    @discardableResult
    public func decode(_ bytes: UnsafeRawBufferPointer, visit: (FITMessage) throws -> Void) throws -> Int {
        guard !bytes.isEmpty else { throw FITDecodeError.truncated(offset: 0, expected: "a FIT file header") }
        var offset = 0
        var fileIndex = 0
        while offset < bytes.count {
            let unit = try FITDecoder.openFile(bytes, at: offset, verifyCRC: verifyCRC)
            if verifyCRC, let crcError = unit.crcError { throw crcError }
            try FITDecoder.decodeRecords(bytes, unit: unit, fileIndex: fileIndex, visit: visit)
            if let missing = unit.missingCRC { throw missing }
            offset = unit.end
            fileIndex += 1
        }
        return fileIndex
    }

    /// Decodes as much of `bytes` as can be read, calling `visit` for each data message in file
    /// order, and returns how far it got instead of throwing: a file cut short (its data or only
    /// its 2-byte CRC missing) is read up to its last complete record, and decoding stops at the
    /// first error with the messages before it visited. With CRC checking on, a chained file whose
    /// CRC does not match stops the decode before any of its messages; with it off, the mismatch
    /// is listed and the file read. Errors `visit` throws are rethrown.
    public func decodeReadable(_ bytes: UnsafeRawBufferPointer, visit: (FITMessage) throws -> Void) throws -> FITReadableDecode {
        var result = FITReadableDecode()
        guard !bytes.isEmpty else {
            result.stop = .truncated(offset: 0, expected: "a FIT file header")
            return result
        }
        var offset = 0
        while offset < bytes.count {
            let unit: FITFileUnit
            do {
                unit = try FITDecoder.openFile(bytes, at: offset, verifyCRC: false)
            } catch {
                result.stop = error
                return result
            }
            if let crcError = unit.crcError {
                if verifyCRC {
                    result.stop = crcError
                    return result
                }
                result.crcMismatches.append(crcError)
            }
            do {
                try FITDecoder.decodeRecords(bytes, unit: unit, fileIndex: result.files, visit: visit)
            } catch let error as FITDecodeError {
                result.stop = error
                return result
            }
            result.files += 1
            if let missing = unit.missingCRC {
                result.stop = missing
                return result
            }
            offset = unit.end
        }
        return result
    }

    /// Decodes a byte array; see ``decode(_:visit:)-(UnsafeRawBufferPointer,_)``.
    @discardableResult
    public func decode(_ bytes: [UInt8], visit: (FITMessage) throws -> Void) throws -> Int {
        try bytes.withUnsafeBytes { try decode($0, visit: visit) }
    }

    /// Decodes `Data`; see ``decode(_:visit:)-(UnsafeRawBufferPointer,_)``.
    @discardableResult
    public func decode(_ data: Data, visit: (FITMessage) throws -> Void) throws -> Int {
        try data.withUnsafeBytes { try decode($0, visit: visit) }
    }

    /// Counts the data messages of every chained file by global message number and collects
    /// the errors, without throwing. CRCs are always checked and reported; with `verifyCRC`
    /// on, a file with a CRC mismatch is not counted further, with it off its messages are
    /// counted anyway. After an error inside a file, inspection resumes at the next file when
    /// the header's data size says where it starts.
    public func inspect(_ bytes: UnsafeRawBufferPointer) -> FITInspection {
        var files: [FITFileSummary] = []
        guard !bytes.isEmpty else {
            return FITInspection(files: [], trailingError: .truncated(offset: 0, expected: "a FIT file header"))
        }
        var offset = 0
        while offset < bytes.count {
            let unit: FITFileUnit
            do {
                unit = try FITDecoder.openFile(bytes, at: offset, verifyCRC: verifyCRC)
            } catch {
                return FITInspection(files: files, trailingError: error)
            }
            var summary = FITFileSummary(offset: offset, header: unit.header)
            if let crcError = unit.crcError { summary.errors.append(crcError) }
            if !(verifyCRC && unit.crcError != nil) {
                var counter = FITMessageCounter()
                do {
                    try FITDecoder.decodeRecords(bytes, unit: unit, fileIndex: files.count) { message in
                        counter.add(message.globalMessageNumber)
                    }
                } catch let error as FITDecodeError {
                    summary.errors.append(error)
                } catch {}
                summary.messageCounts = counter.counts
            }
            if let missing = unit.missingCRC { summary.errors.append(missing) }
            files.append(summary)
            guard unit.end <= bytes.count else { break }
            offset = unit.end
        }
        return FITInspection(files: files, trailingError: nil)
    }

    /// Inspects a byte array; see ``inspect(_:)-(UnsafeRawBufferPointer)``.
    public func inspect(_ bytes: [UInt8]) -> FITInspection {
        bytes.withUnsafeBytes { inspect($0) }
    }

    /// Inspects `Data`; see ``inspect(_:)-(UnsafeRawBufferPointer)``.
    public func inspect(_ data: Data) -> FITInspection {
        data.withUnsafeBytes { inspect($0) }
    }
}

/// How far ``FITDecoder/decodeReadable(_:visit:)`` read: the chained files read to their end,
/// the error that stopped it (nil when the whole input was read) and the CRC mismatches it read
/// past (Garmin FIT SDK, *FIT Protocol*, section 3.3.2).
public struct FITReadableDecode: Sendable, Equatable {
    /// Chained files read to the end of their data.
    public var files = 0
    /// What stopped the decode before the end of the input, if anything: a cut (`truncated`), a
    /// CRC mismatch with checking on, or bytes that are not FIT.
    public var stop: FITDecodeError?
    /// CRC mismatches read past because checking was off.
    public var crcMismatches: [FITDecodeError] = []

    /// Whether the input ended inside a file (its data or its CRC cut off).
    public var isCutShort: Bool {
        if case .truncated = stop { true } else { false }
    }
}

/// Where one chained file's parts lie in the input, and what its CRCs said.
struct FITFileUnit {
    let header: FITHeader
    let start: Int
    let dataStart: Int
    /// Declared end of the data (may lie beyond the input when it is cut short).
    let dataEnd: Int
    /// Offset after the file CRC (may lie beyond the input).
    let end: Int
    /// A header or file CRC mismatch, checked whatever the decoder's setting.
    let crcError: FITDecodeError?
    /// Set when the input ends before the file's data and CRC do.
    let missingCRC: FITDecodeError?
}

extension FITDecoder {
    /// Reads the header at `offset` and checks the file CRC when the whole file is present.
    static func openFile(_ bytes: UnsafeRawBufferPointer, at offset: Int, verifyCRC: Bool) throws(FITDecodeError)
        -> FITFileUnit
    {
        var crcError: FITDecodeError?
        let header: FITHeader
        do {
            header = try FITHeader(parsing: bytes, at: offset, verifyCRC: true)
        } catch .headerCRCMismatch(let at, let expected, let found) {
            crcError = .headerCRCMismatch(offset: at, expected: expected, found: found)
            header = try FITHeader(parsing: bytes, at: offset, verifyCRC: false)
        }
        let dataStart = offset + header.size
        let dataEnd = dataStart + Int(header.dataSize)
        let end = dataEnd + 2
        var missingCRC: FITDecodeError?
        if end > bytes.count {
            let what =
                dataEnd > bytes.count
                ? "\(header.dataSize) bytes of data and a 2-byte CRC after the header at byte \(offset)"
                : "the 2-byte file CRC of the file at byte \(offset)"
            let error = FITDecodeError.truncated(offset: bytes.count, expected: what)
            if verifyCRC { throw error }
            missingCRC = error
        } else if crcError == nil {
            let computed = FITCRC.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<dataEnd]))
            let stored = UInt16(bytes[dataEnd]) | UInt16(bytes[dataEnd + 1]) << 8
            if computed != stored {
                crcError = .fileCRCMismatch(offset: dataEnd, expected: computed, found: stored)
            }
        }
        return FITFileUnit(
            header: header, start: offset, dataStart: dataStart, dataEnd: dataEnd, end: end,
            crcError: crcError, missingCRC: missingCRC)
    }

    /// The record loop of one file: walks record headers from `dataStart` to `dataEnd`,
    /// keeping the 16 local definitions and the compressed-timestamp reference.
    static func decodeRecords(
        _ bytes: UnsafeRawBufferPointer, unit: FITFileUnit, fileIndex: Int, visit: (FITMessage) throws -> Void
    ) throws {
        let limit = min(unit.dataEnd, bytes.count)
        var definitions = [FITDefinition?](repeating: nil, count: 16)
        var lastTimestamp: UInt32?
        var position = unit.dataStart
        while position < limit {
            let headerOffset = position
            let recordHeader = bytes[position]
            position += 1
            let local: Int
            var headerTimestamp: UInt32?
            if recordHeader & 0x80 != 0 {
                // Compressed timestamp header: bits 5–6 local message, bits 0–4 time offset.
                local = Int((recordHeader >> 5) & 0x03)
                let timeOffset = UInt32(recordHeader & 0x1F)
                if let last = lastTimestamp {
                    var rebuilt = (last & ~UInt32(0x1F)) | timeOffset
                    if timeOffset < last & 0x1F { rebuilt = rebuilt &+ 0x20 }
                    headerTimestamp = rebuilt
                    lastTimestamp = rebuilt
                }
            } else if recordHeader & 0x40 != 0 {
                let (definition, next) = try FITDefinition.parse(
                    bytes, headerOffset: headerOffset, start: position, end: limit,
                    hasDeveloperFields: recordHeader & 0x20 != 0)
                definitions[Int(recordHeader & 0x0F)] = definition
                position = next
                continue
            } else {
                local = Int(recordHeader & 0x0F)
            }
            guard let definition = definitions[local] else {
                throw FITDecodeError.undefinedLocalMessage(offset: headerOffset, local: UInt8(local))
            }
            let size = definition.messageSize
            guard limit - position >= size else {
                throw FITDecodeError.truncated(
                    offset: limit,
                    expected: "\(size) bytes of \(FITProfile.messageName(definition.globalMessageNumber)) message at byte \(headerOffset)"
                )
            }
            let content = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + size)])
            if let at = definition.timestampOffset {
                let v = content.loadUnaligned(fromByteOffset: at, as: UInt32.self)
                let value = definition.isBigEndian ? UInt32(bigEndian: v) : UInt32(littleEndian: v)
                if value != 0xFFFF_FFFF { lastTimestamp = value }
            }
            try visit(
                FITMessage(
                    globalMessageNumber: definition.globalMessageNumber, localMessageNumber: UInt8(local),
                    offset: headerOffset, fileIndex: fileIndex, definition: definition,
                    headerTimestamp: headerTimestamp, content: content))
            position += size
        }
    }
}
