import Foundation

/// A Strava or Garmin Connect bulk export, or any zip of activity files, read member by member
/// straight from the zip without unpacking it to disk (M50). Strava's `activities.csv` gives
/// members their names and types; Garmin's zips inside the zip
/// (`DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_*.zip`) are opened in turn. Every size,
/// offset and expansion is checked against ``ArchiveLimits`` (docs/activity-files.md, "Archives").
public struct ActivityArchive: Sendable {
    /// The archive's file name, the first part of every member's path.
    public let name: String
    /// The limits it is read with.
    public let limits: ArchiveLimits
    /// Problems that did not stop the reading: a malformed Strava `activities.csv` (its activities
    /// still import, without names).
    public let warnings: [ArchiveError]

    private let bytes: ZipBytes
    private let entries: [ZipEntry]
    private let index: StravaActivityIndex?

    /// Opens the zip at `url` and reads its central directory and, when there is one, Strava's
    /// `activities.csv`. Throws when the file is not a zip, its directory is damaged or beyond
    /// `limits`.
    public init(contentsOf url: URL, limits: ArchiveLimits = .standard) throws(ArchiveError) {
        let name = url.lastPathComponent
        self.name = name
        self.limits = limits
        do {
            bytes = try ZipBytes(contentsOf: url)
            entries = try ZipDirectory.entries(of: bytes, limits: limits)
        } catch {
            throw ArchiveError(error, archive: name)
        }
        var warnings: [ArchiveError] = []
        index = Self.stravaIndex(in: entries, bytes: bytes, limits: limits, archive: name, warnings: &warnings)
        self.warnings = warnings
    }

    /// Reads the zip held in `data` (one received whole, say), called `name` in member paths and
    /// errors, as ``init(contentsOf:limits:)`` reads a file.
    public init(_ data: Data, named name: String, limits: ArchiveLimits = .standard) throws(ArchiveError) {
        self.name = name
        self.limits = limits
        bytes = ZipBytes(data)
        do {
            entries = try ZipDirectory.entries(of: bytes, limits: limits)
        } catch {
            throw ArchiveError(error, archive: name)
        }
        var warnings: [ArchiveError] = []
        index = Self.stravaIndex(in: entries, bytes: bytes, limits: limits, archive: name, warnings: &warnings)
        self.warnings = warnings
    }

    /// Calls `body` for every activity member (.fit/.gpx/.tcx and their .gz, any case), in archive
    /// order, nested zips included; `read` returns that member's bytes (still gzip-compressed for
    /// .gz members: the caller's ActivityFile.read undoes that) and throws ArchiveError for that
    /// member only (too large, corrupt entry, bad CRC), which the caller records as a skipped file.
    /// Members the caller does not read cost nothing beyond the directory listing. A nested zip
    /// that cannot be opened, or one nested deeper than ``ArchiveLimits/maxNestingDepth``, comes
    /// as a member whose `read` throws why, so it is listed among the skipped files too; so does
    /// any entry whose name is not an ordinary relative name (``MemberName``: a NUL, an absolute
    /// path, `..`), shown with its control characters replaced by U+FFFD. Folders,
    /// `__MACOSX/`, `._*` files and other files (csv, json, photos) are passed over.
    public func forEachMember(_ body: (ArchiveMember, _ read: () throws(ArchiveError) -> Data) throws -> Void) throws {
        try visit(entries, in: bytes, prefix: name + "/", depth: 0, index: index, body)
    }

    private func visit(
        _ entries: [ZipEntry], in bytes: ZipBytes, prefix: String, depth: Int, index: StravaActivityIndex?,
        _ body: (ArchiveMember, _ read: () throws(ArchiveError) -> Data) throws -> Void
    ) throws {
        let limits = self.limits
        for entry in entries {
            let unsafe = MemberName.problem(entry.path)
            guard unsafe != nil && MemberKind.isVisible(entry.path) || MemberKind(path: entry.path) != nil else { continue }
            let path = prefix + MemberName.shown(entry.path)
            let memberPath = String(path.dropFirst(name.count + 1))
            let archive = name
            func failing(_ problem: ArchiveError.Problem) -> () throws(ArchiveError) -> Data {
                { () throws(ArchiveError) -> Data in throw ArchiveError(problem, archive: archive, member: memberPath) }
            }
            var member = ArchiveMember(
                path: path, sizeBytes: Int64(clamping: entry.uncompressedSize), modifiedAt: entry.modifiedAt)
            guard let kind = MemberKind(path: entry.path), unsafe == nil else {
                try body(member, failing(.unsafeName(reason: unsafe ?? "")))
                continue
            }
            switch kind {
            case .activity:
                if let known = index?.entries[entry.path] {
                    member.name = known.name
                    member.sport = known.sport
                }
                try body(member) { () throws(ArchiveError) -> Data in
                    do throws(ArchiveError.Problem) {
                        return try entry.contents(
                            in: bytes, limit: limits.maxMemberBytes, tooLarge: ArchiveError.Problem.memberTooLarge, limits: limits)
                    } catch {
                        throw ArchiveError(error, archive: archive, member: memberPath)
                    }
                }
            case .zip:
                guard depth < limits.maxNestingDepth else {
                    try body(member, failing(.nestedTooDeep(limit: limits.maxNestingDepth)))
                    continue
                }
                let inner: ZipBytes
                let innerEntries: [ZipEntry]
                do {
                    inner = try nested(entry, in: bytes)
                    innerEntries = try ZipDirectory.entries(of: inner, limits: limits)
                } catch {
                    try body(member, failing(error))
                    continue
                }
                try visit(innerEntries, in: inner, prefix: path + "/", depth: depth + 1, index: nil, body)
            }
        }
    }

    /// A zip inside the zip: read in place when stored, else inflated into memory within
    /// ``ArchiveLimits/maxNestedZipBytes``.
    private func nested(_ entry: ZipEntry, in bytes: ZipBytes) throws(ArchiveError.Problem) -> ZipBytes {
        if entry.method == 0, entry.flags & 1 == 0 {
            let (start, length) = try entry.dataExtent(in: bytes)
            guard entry.uncompressedSize == UInt64(length), let window = bytes.window(at: start, length: length) else {
                throw .corruptMember(reason: "stored with \(length) bytes but declares \(entry.uncompressedSize)")
            }
            return window
        }
        let data = try entry.contents(
            in: bytes, limit: limits.maxNestedZipBytes, tooLarge: ArchiveError.Problem.nestedZipTooLarge, limits: limits)
        return ZipBytes(data)
    }

    /// Strava's index: the shallowest `activities.csv`, its Filename column relative to its folder.
    private static func stravaIndex(
        in entries: [ZipEntry], bytes: ZipBytes, limits: ArchiveLimits, archive: String, warnings: inout [ArchiveError]
    ) -> StravaActivityIndex? {
        let candidates = entries.filter { entry in
            let components = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            return components.last?.lowercased() == StravaActivityIndex.fileName && MemberKind.isVisible(entry.path)
        }
        func depth(_ entry: ZipEntry) -> Int { entry.path.count(where: { character in character == "/" }) }
        guard let csv = candidates.min(by: { depth($0) < depth($1) }) else {
            return nil
        }
        let data: Data
        do {
            data = try csv.contents(in: bytes, limit: limits.maxIndexBytes, tooLarge: { declared, limit in
                .malformedIndex(reason: "it declares \(ArchiveError.size(declared)); at most \(ArchiveError.size(UInt64(limit))) is read")
            }, limits: limits)
        } catch {
            warnings.append(ArchiveError(error, archive: archive, member: csv.path))
            return nil
        }
        let folder = String(csv.path.dropLast(StravaActivityIndex.fileName.count))
        let index = StravaActivityIndex(data, folder: folder)
        for problem in index.problems {
            warnings.append(ArchiveError(.malformedIndex(reason: problem), archive: archive, member: csv.path))
        }
        return index
    }
}
