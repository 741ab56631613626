import Foundation
import Hummingbird
import Speedwork

/// One uploaded file on its way to disk (issue 11, upload): a checked name, and its bytes written
/// as they arrive into the upload's folder under the data folder, never held whole in memory.
struct UploadFile {
    /// The extensions an upload may have, any case: activity files, each optionally `.gz`, and
    /// `.zip` exports (Strava, Garmin Connect).
    static let activityExtensions = ["fit", "gpx", "tcx"]
    /// The longest file name kept, in characters.
    static let longestName = 120

    /// The name as the runner sees it.
    let name: String
    /// Where it is written.
    let path: String
    private let handle: FileHandle

    /// Creates the file `name` (checked with ``checkedName(_:)``) in `folder`.
    init(name: String, in folder: String) throws {
        self.name = name
        path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ServerError(.internalServerError, "the server cannot store the upload; the server's log has the details")
        }
        self.handle = handle
    }

    /// Appends `bytes`.
    func write(_ bytes: some Collection<UInt8>) throws {
        try handle.write(contentsOf: Data(bytes))
    }

    /// Closes the file.
    func close() {
        try? handle.close()
    }

    /// The file name a browser or client sent, made safe to store and show: its last path
    /// component (some browsers send a whole path), characters other than letters, digits, space,
    /// `.`, `-`, `_`, `+`, `(` and `)` replaced by `_`.
    ///
    /// - Throws: 422 when the name is empty, hidden, too long or not an activity file or archive.
    static func checkedName(_ sent: String) throws -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = last.trimmingCharacters(in: .whitespacesAndNewlines)
        let quoted = InputError.quoted(trimmed)
        guard !trimmed.isEmpty, !trimmed.hasPrefix(".") else {
            throw ServerError(.unprocessableContent, "the file name \(quoted) is not allowed: give the file's own name, e.g. run.fit")
        }
        guard trimmed.count <= longestName else {
            throw ServerError(.unprocessableContent, "the file name \(quoted) is longer than \(longestName) characters")
        }
        guard isActivityFile(trimmed) else {
            throw ServerError(.unprocessableContent, "\(quoted) is not an activity file: upload .fit, .gpx or .tcx files (optionally .gz) or a .zip export")
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " .-_+()"))
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.map { allowed.contains($0) && $0.isASCII ? $0 : "_" }))
    }

    /// Whether `name` ends in `.fit`, `.gpx`, `.tcx` (each optionally `.gz`) or `.zip`, any case.
    static func isActivityFile(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".zip") { return lower.count > 4 }
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return activityExtensions.contains { lower.hasSuffix("." + $0) && lower.count > $0.count + 1 }
    }

    /// `name`, or `name` with ` (2)`, ` (3)`… before its extension when `taken` holds it already.
    static func unique(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        let dot = name.firstIndex(of: ".") ?? name.endIndex
        var number = 2
        while taken.contains("\(name[..<dot]) (\(number))\(name[dot...])") { number += 1 }
        return "\(name[..<dot]) (\(number))\(name[dot...])"
    }
}
