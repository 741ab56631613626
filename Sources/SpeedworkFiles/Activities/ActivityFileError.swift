/// Why a watch file (FIT, GPX, TCX, possibly gzip-compressed) could not be read as activities:
/// which file, where in it (byte offset, or line and column for XML) and what was wrong (M50).
public struct ActivityFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problem, with its position in the file.
    public enum Problem: Equatable, Sendable {
        /// The content is none of FIT, GPX, TCX or gzip.
        case unknownFormat
        /// The file could not be read from disk.
        case unreadable(reason: String)
        /// The FIT decoder stopped at a byte offset.
        case fit(FITDecodeError)
        /// The gzip wrapper could not be decompressed.
        case gzip(GzipError)
        /// The XML is not well formed at `line`:`column` (1-based), inside `element` if known.
        case malformedXML(line: Int, column: Int, element: String?, reason: String)
        /// An element's content is not what the schema allows, e.g. a latitude that is not a number.
        case invalidValue(line: Int, column: Int, element: String, expected: String, found: String)
        /// The document's root element is not the one the format needs.
        case wrongRoot(line: Int, column: Int, found: String, expected: String)
        /// The file is well formed but holds no samples to read (a GPX with only waypoints or
        /// routes, a FIT settings file, a TCX course).
        case noSamples(format: String, reason: String)
    }

    /// The file name (last path component) when the error came from a file, else nil.
    public var file: String?
    /// What went wrong and where.
    public var problem: Problem

    /// Creates an error for `problem` in `file`.
    public init(_ problem: Problem, file: String? = nil) {
        self.problem = problem
        self.file = file
    }

    /// The same error, naming `file` (as ``ActivityFile`` does for the readers' errors).
    public func naming(_ file: String) -> ActivityFileError {
        ActivityFileError(problem, file: self.file ?? file)
    }

    /// The 1-based line of an XML error, nil for binary formats.
    public var line: Int? {
        switch problem {
        case .malformedXML(let line, _, _, _), .invalidValue(let line, _, _, _, _), .wrongRoot(let line, _, _, _): line
        default: nil
        }
    }

    /// One line: the file, then where and what.
    public var description: String {
        let name = file ?? "activity data"
        switch problem {
        case .unknownFormat:
            return "\(name): not a FIT, GPX, TCX or gzip file"
        case .unreadable(let reason):
            return "\(name): cannot be read: \(reason)"
        case .fit(let error):
            return "\(name): \(error)"
        case .gzip(let error):
            return "\(name): \(error)"
        case .malformedXML(let line, let column, let element, let reason):
            let inside = element.map { " in <\(quoted($0))>" } ?? ""
            return "\(name):\(line):\(column): malformed XML\(inside): \(quoted(reason, limit: 200))"
        case .invalidValue(let line, let column, let element, let expected, let found):
            return "\(name):\(line):\(column): <\(quoted(element))> holds \"\(quoted(found))\", expected \(expected)"
        case .wrongRoot(let line, let column, let found, let expected):
            return "\(name):\(line):\(column): root element is <\(quoted(found))>, expected <\(expected)>"
        case .noSamples(let format, let reason):
            return "\(name): no samples in this \(format) file: \(reason)"
        }
    }
}

/// Text from a file as an error message shows it: on one line (line breaks and other control
/// characters written as `\n`, `\u{…}`) and at most `limit` characters, so a hostile file
/// cannot flood or break the message.
private func quoted(_ text: String, limit: Int = 60) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "…"
            break
        }
        count += 1
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.properties.generalCategory == .control {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result
}
