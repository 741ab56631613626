/// Why a zip archive, or one member of it, could not be read: which archive, which member and
/// what is allowed (PKWARE APPNOTE 6.3.10 structures; limits from ``ArchiveLimits``).
public struct ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Error, Equatable, Sendable {
        /// The archive file cannot be opened or read.
        case unreadable(reason: String)
        /// No end-of-central-directory record in the last 64 KiB: not a zip archive.
        case notZip
        /// The central directory is cut short or inconsistent (a truncated download).
        case corruptDirectory(reason: String)
        /// The central directory lists more entries than ``ArchiveLimits/maxMembers``.
        case tooManyMembers(count: UInt64, limit: Int)
        /// The central directory is larger than ``ArchiveLimits/maxDirectoryBytes``.
        case directoryTooLarge(bytes: UInt64, limit: Int)
        /// A member declares more bytes than ``ArchiveLimits/maxMemberBytes``.
        case memberTooLarge(declared: UInt64, limit: Int)
        /// A nested zip declares more bytes than ``ArchiveLimits/maxNestedZipBytes``.
        case nestedZipTooLarge(declared: UInt64, limit: Int)
        /// A member declares an expansion beyond ``ArchiveLimits/maxRatio`` (a zip bomb).
        case expandsTooFar(declared: UInt64, compressed: UInt64, limit: Int)
        /// The member's bytes are damaged, or inflate to more or fewer bytes than declared.
        case corruptMember(reason: String)
        /// The member's CRC-32 differs from the one the directory records.
        case checksumMismatch(expected: UInt32, found: UInt32)
        /// The member is compressed with a method other than stored (0) or deflate (8).
        case unsupportedCompression(method: UInt16)
        /// The member is encrypted.
        case encrypted
        /// A zip nests deeper than ``ArchiveLimits/maxNestingDepth``.
        case nestedTooDeep(limit: Int)
        /// Strava's `activities.csv` could not be read in full; activities still import.
        case malformedIndex(reason: String)
        /// The member's name is not an ordinary relative name (a NUL, an absolute path, a `..`
        /// component); it is not read.
        case unsafeName(reason: String)
    }

    /// The archive's file name.
    public var archive: String
    /// The member's path inside the archive (nested zips chained with "/"), nil for the archive as a whole.
    public var member: String?
    /// What went wrong.
    public var problem: Problem

    /// Creates an error for `problem` in `member` of `archive`.
    public init(_ problem: Problem, archive: String, member: String? = nil) {
        self.problem = problem
        self.archive = archive
        self.member = member
    }

    /// One line: the archive and member, what is wrong and what is allowed.
    public var description: String {
        let place = member.map { "\(archive)/\($0)" } ?? archive
        return "\(place): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .notZip:
            return "not a zip archive (no end-of-central-directory record in its last 64 KiB)"
        case .corruptDirectory(let reason):
            return "the zip directory is damaged: \(reason)"
        case .tooManyMembers(let count, let limit):
            return "lists \(count) entries; at most \(limit) are read (a guard against hostile archives)"
        case .directoryTooLarge(let bytes, let limit):
            return "has a \(Self.size(bytes)) directory; at most \(Self.size(UInt64(limit))) is read"
        case .memberTooLarge(let declared, let limit):
            return "declares \(Self.size(declared)); one activity file may hold at most \(Self.size(UInt64(limit)))"
        case .nestedZipTooLarge(let declared, let limit):
            return "declares \(Self.size(declared)); a compressed zip inside the zip may hold at most \(Self.size(UInt64(limit)))"
        case .expandsTooFar(let declared, let compressed, let limit):
            return "expands \(compressed == 0 ? "from nothing" : "\(declared / compressed)×") "
                + "(\(compressed) to \(declared) bytes); at most \(limit)× is read (a guard against zip bombs)"
        case .corruptMember(let reason):
            return "damaged: \(reason)"
        case .checksumMismatch(let expected, let found):
            return "damaged: CRC-32 is \(Self.hex(found)), the directory records \(Self.hex(expected))"
        case .unsupportedCompression(let method):
            return "compressed with method \(method); only stored (0) and deflate (8) are read"
        case .encrypted:
            return "encrypted; only unencrypted archives are read"
        case .nestedTooDeep(let limit):
            return "a zip nested more than \(limit) level\(limit == 1 ? "" : "s") deep; deeper ones are not read"
        case .malformedIndex(let reason):
            return "\(reason); activities still import, without the names it gives"
        case .unsafeName(let reason):
            return "\(reason); a member so named is not read (names are never used as paths)"
        }
    }

    static func size(_ bytes: UInt64) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
