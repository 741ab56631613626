import Foundation
import Speedwork

/// The one entry point for watch files (M50): reads FIT, GPX, TCX and their gzip-compressed
/// forms (`.fit.gz`, `.gpx.gz`, `.tcx.gz`, as Strava bulk exports ship them), choosing the format
/// by content, not by the file name.
public enum ActivityFile {
    /// A format recognised by its first bytes.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// FIT: `.FIT` at byte 8 (FIT Protocol, file header).
        case fit
        /// gzip: magic bytes 1f 8b (RFC 1952).
        case gzip
        /// GPX 1.0 or 1.1: XML whose root element is `gpx`.
        case gpx
        /// Garmin Training Center XML: root element `TrainingCenterDatabase`.
        case tcx
    }

    /// Reads every activity in the file at `url`. Throws ``ActivityFileError`` naming the file.
    public static func read(contentsOf url: URL, verifyCRC: Bool = true) throws(ActivityFileError) -> [Activity] {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ActivityFileError(.unreadable(reason: error.localizedDescription), file: name)
        }
        do {
            return try read(data, verifyCRC: verifyCRC)
        } catch {
            throw error.naming(name)
        }
    }

    /// Reads every activity in `data`, whatever its format; a gzip wrapper is removed first.
    public static func read(_ data: Data, verifyCRC: Bool = true) throws(ActivityFileError) -> [Activity] {
        switch format(of: data) {
        case .fit:
            return try FITActivityReader(verifyCRC: verifyCRC).read(data)
        case .gpx:
            return try GPXReader().read(data)
        case .tcx:
            return try TCXReader().read(data)
        case .gzip:
            let inner: Data
            do {
                inner = try Gzip.decompress(data)
            } catch {
                throw ActivityFileError(.gzip(error))
            }
            guard let innerFormat = format(of: inner), innerFormat != .gzip else {
                throw ActivityFileError(.unknownFormat)
            }
            return try read(inner, verifyCRC: verifyCRC)
        case nil:
            throw ActivityFileError(.unknownFormat)
        }
    }

    /// The format `data` is in, judged by its first bytes; nil when it is none of them.
    public static func format(of data: Data) -> Format? {
        data.withUnsafeBytes { bytes -> Format? in
            if bytes.count >= 12, bytes[8] == 0x2E, bytes[9] == 0x46, bytes[10] == 0x49, bytes[11] == 0x54 {
                return .fit
            }
            if Gzip.isGzip(bytes) { return .gzip }
            return xmlFormat(bytes)
        }
    }

    /// GPX or TCX by the local name of the root element, found past the XML declaration,
    /// comments, processing instructions and a document type declaration (within the first 64 KiB).
    static func xmlFormat(_ bytes: UnsafeRawBufferPointer) -> Format? {
        switch XMLScanner.rootName(of: bytes) {
        case "gpx": .gpx
        case "TrainingCenterDatabase": .tcx
        default: nil
        }
    }
}
