import Foundation

/// Reads a zip archive's central directory (PKWARE APPNOTE 6.3.10, sections 4.3.12–4.3.16, with
/// ZIP64 from 4.3.14–4.3.15 and 4.5.3) into entries, checking every length and offset against the
/// archive's size so that a damaged or hostile directory gives an error, never a trap.
enum ZipDirectory {
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let entrySignature: UInt32 = 0x0201_4B50
    /// The end-of-central-directory record without its comment.
    static let endRecordSize = 22
    /// The comment after it is at most 65,535 bytes.
    static let maxCommentSize = 65_535

    /// The entries of the archive in `bytes`, in directory order.
    static func entries(of bytes: ZipBytes, limits: ArchiveLimits) throws(ArchiveError.Problem) -> [ZipEntry] {
        let end = try endRecord(of: bytes)
        let (count, size, offset) = try directoryExtent(of: bytes, end: end)
        guard count <= UInt64(max(limits.maxMembers, 0)) else { throw .tooManyMembers(count: count, limit: limits.maxMembers) }
        guard size <= UInt64(max(limits.maxDirectoryBytes, 0)) else { throw .directoryTooLarge(bytes: size, limit: limits.maxDirectoryBytes) }
        guard offset <= UInt64(end.offset), size <= UInt64(end.offset) - offset else {
            throw .corruptDirectory(reason: "it claims \(size) bytes at byte \(offset), past its end record at byte \(end.offset) (a truncated file?)")
        }
        guard count <= size / 46 else {
            throw .corruptDirectory(reason: "\(count) entries cannot fit in its \(size) bytes")
        }
        let directory = [UInt8](try bytes.read(at: Int64(offset), length: Int(size)))
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        var at = 0
        for index in 0..<Int(count) {
            guard let (found, next) = Self.entry(in: directory, at: at, archiveSize: bytes.count) else {
                throw .corruptDirectory(reason: "entry \(index + 1) of \(count) at byte \(offset + UInt64(at)) is cut short or not an entry")
            }
            entries.append(found)
            at = next
        }
        return entries
    }

    struct EndRecord {
        var offset: Int64
        var fields: [UInt8]
    }

    /// Finds the end-of-central-directory record in the last 64 KiB + 22 bytes.
    static func endRecord(of bytes: ZipBytes) throws(ArchiveError.Problem) -> EndRecord {
        guard bytes.count >= Int64(endRecordSize) else { throw .notZip }
        let tailLength = Int(min(bytes.count, Int64(endRecordSize + maxCommentSize)))
        let tailStart = bytes.count - Int64(tailLength)
        let tail = [UInt8](try bytes.read(at: tailStart, length: tailLength))
        var at = tailLength - endRecordSize
        while at >= 0 {
            if le32(tail, at) == endSignature {
                return EndRecord(offset: tailStart + Int64(at), fields: Array(tail[at..<(at + endRecordSize)]))
            }
            at -= 1
        }
        throw .notZip
    }

    /// The directory's entry count, size and offset, from the ZIP64 end record when the classic
    /// one says so (a field at its maximum).
    static func directoryExtent(of bytes: ZipBytes, end: EndRecord) throws(ArchiveError.Problem) -> (count: UInt64, size: UInt64, offset: UInt64) {
        let count = le16(end.fields, 10)
        let size = le32(end.fields, 12)
        let offset = le32(end.fields, 16)
        guard count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF else {
            return (UInt64(count), UInt64(size), UInt64(offset))
        }
        let locatorAt = end.offset - 20
        guard locatorAt >= 0 else { return (UInt64(count), UInt64(size), UInt64(offset)) }
        let locator = [UInt8](try bytes.read(at: locatorAt, length: 20))
        guard le32(locator, 0) == zip64LocatorSignature else {
            return (UInt64(count), UInt64(size), UInt64(offset))
        }
        let recordAt = le64(locator, 8)
        guard recordAt <= UInt64(locatorAt), UInt64(locatorAt) - recordAt >= 56 else {
            throw .corruptDirectory(reason: "its ZIP64 end record at byte \(recordAt) lies outside the archive")
        }
        let record = [UInt8](try bytes.read(at: Int64(recordAt), length: 56))
        guard le32(record, 0) == zip64EndSignature else {
            throw .corruptDirectory(reason: "no ZIP64 end record at byte \(recordAt)")
        }
        return (le64(record, 32), le64(record, 40), le64(record, 48))
    }

    /// The entry starting at `at` in the directory bytes and where the next one starts; nil when
    /// it is cut short, not an entry, or points outside the archive.
    static func entry(in directory: [UInt8], at: Int, archiveSize: Int64) -> (ZipEntry, Int)? {
        guard directory.count - at >= 46, le32(directory, at) == entrySignature else { return nil }
        let nameLength = Int(le16(directory, at + 28))
        let extraLength = Int(le16(directory, at + 30))
        let commentLength = Int(le16(directory, at + 32))
        let next = at + 46 + nameLength + extraLength + commentLength
        guard next <= directory.count else { return nil }
        let nameStart = at + 46
        let extra = directory[(nameStart + nameLength)..<(nameStart + nameLength + extraLength)]
        var compressed = UInt64(le32(directory, at + 20))
        var uncompressed = UInt64(le32(directory, at + 24))
        var offset = UInt64(le32(directory, at + 42))
        var modifiedAt = ZipEntry.date(dosDate: le16(directory, at + 14), dosTime: le16(directory, at + 12))
        var fieldAt = extra.startIndex
        while extra.endIndex - fieldAt >= 4 {
            let id = le16(directory, fieldAt)
            let length = Int(le16(directory, fieldAt + 2))
            let body = fieldAt + 4
            guard extra.endIndex - body >= length else { break }
            if id == 0x0001 {
                // ZIP64 extended information: only the fields whose classic value is at its maximum, in order.
                var field = body
                func next64() -> UInt64? {
                    guard body + length - field >= 8 else { return nil }
                    defer { field += 8 }
                    return le64(directory, field)
                }
                if uncompressed == 0xFFFF_FFFF { guard let value = next64() else { return nil }; uncompressed = value }
                if compressed == 0xFFFF_FFFF { guard let value = next64() else { return nil }; compressed = value }
                if offset == 0xFFFF_FFFF { guard let value = next64() else { return nil }; offset = value }
            } else if id == 0x5455, length >= 5, directory[body] & 1 == 1 {
                // Extended timestamp: flags, then the modification time in Unix seconds (UTC).
                modifiedAt = Date(timeIntervalSince1970: TimeInterval(Int32(bitPattern: le32(directory, body + 1))))
            }
            fieldAt = body + length
        }
        guard offset < UInt64(archiveSize) else { return nil }
        let entry = ZipEntry(
            path: ZipEntry.path(directory[nameStart..<(nameStart + nameLength)]),
            flags: le16(directory, at + 8),
            method: le16(directory, at + 10),
            crc32: le32(directory, at + 16),
            compressedSize: compressed,
            uncompressedSize: uncompressed,
            localHeaderOffset: offset,
            modifiedAt: modifiedAt
        )
        return (entry, next)
    }

    static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(le16(bytes, at)) | UInt32(le16(bytes, at + 2)) << 16
    }

    static func le64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(le32(bytes, at)) | UInt64(le32(bytes, at + 4)) << 32
    }
}
