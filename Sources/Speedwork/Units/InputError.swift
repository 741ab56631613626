/// Why a value a runner typed was refused, in words that name the value and what is allowed.
///
/// Every parser and validating initializer in the domain throws this type, so the command line
/// and the server can print ``description`` as a single line without knowing where it came from.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line explanation, e.g. `400m=0:30 is faster than the world record (43.03 s)`.
    public let description: String

    /// Creates an error with the given one-line explanation.
    public init(_ description: String) {
        self.description = description
    }

    /// The most characters of a typed value that a message repeats; longer values are cut and
    /// end with "…", so a mistyped 100 KB argument still gives a one-line message.
    public static let longestQuotedValue = 40

    /// `text` in single quotes for a message, cut to ``longestQuotedValue`` characters.
    public static func quoted(_ text: some StringProtocol) -> String {
        "'\(shortened(text))'"
    }

    /// `text` cut to about ``longestQuotedValue`` Unicode scalars when it is longer: its start
    /// and its end (where a file name is) with "…" between. The cut counts scalars, so no input
    /// makes the result long.
    public static func shortened(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > longestQuotedValue else { return String(text) }
        let tail = longestQuotedValue / 3
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.prefix(longestQuotedValue - tail))
        result.append("…")
        result.append(contentsOf: scalars.suffix(tail))
        return String(result)
    }
}
