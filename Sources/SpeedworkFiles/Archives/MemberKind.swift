/// What an archive entry is to the importer, by its name: an activity file (FIT, GPX, TCX, each
/// possibly gzip-compressed, any case), a zip to open (Garmin's `UploadedFiles_*.zip`), or
/// nothing (folders, csv, json, photos, macOS metadata), which is passed over.
enum MemberKind: Equatable {
    case activity
    case zip

    /// The endings of activity files, lowercased.
    static let activityEndings = [".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz"]

    /// The kind of the entry at `path`, nil when it is passed over.
    init?(path: String) {
        guard Self.isVisible(path) else { return nil }
        let lowercased = path.lowercased()
        if Self.activityEndings.contains(where: { lowercased.hasSuffix($0) }) {
            self = .activity
        } else if lowercased.hasSuffix(".zip") {
            self = .zip
        } else {
            return nil
        }
    }

    /// False for folders, anything under `__MACOSX/` and AppleDouble `._*` files.
    static func isVisible(_ path: String) -> Bool {
        guard !path.hasSuffix("/"), !path.hasSuffix("\\") else { return false }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        guard let last = components.last, !last.hasPrefix("._") else { return false }
        return !components.contains("__MACOSX")
    }
}
