import Foundation

/// The names of zip entries that are refused, never read nor used as paths: a NUL or another
/// control character, an absolute path or a drive letter, or a `..` component that would climb
/// out of the folder the archive is read into ("Zip Slip", Snyk 2018; OWASP File Upload Cheat
/// Sheet). Such a member is listed as skipped with the reason.
enum MemberName {
    /// Why `path` is refused, one line; nil when it is an ordinary relative name.
    static func problem(_ path: String) -> String? {
        if path.unicodeScalars.contains("\u{0}") { return "its name holds a NUL character" }
        if path.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return "its name holds a control character"
        }
        if path.hasPrefix("/") || path.hasPrefix("\\") { return "its name is an absolute path" }
        let scalars = Array(path.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].isASCII, CharacterSet.letters.contains(scalars[0]) {
            return "its name starts with a drive letter"
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return "its name climbs out of the archive with '..'"
        }
        return nil
    }

    /// `path` as it may be shown and stored: every control character replaced by U+FFFD.
    static func shown(_ path: String) -> String {
        String(String.UnicodeScalarView(path.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? "\u{FFFD}" : $0 }))
    }
}
