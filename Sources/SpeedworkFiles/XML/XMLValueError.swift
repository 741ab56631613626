/// A value a reader could not accept (``ActivityFileError/Problem/invalidValue(line:column:element:expected:found:)``
/// once the scanner adds the position).
struct XMLValueError: Error, Equatable, Sendable {
    /// The element (or element and attribute) that holds the value.
    var element: String
    /// What the schema allows, in words.
    var expected: String
    /// What the file holds, shortened to ``XMLValueError/shownLimit`` characters.
    var found: String

    /// At most this many characters of a bad value are repeated in a message.
    static let shownLimit = 40

    init(element: String, expected: String, found: String) {
        self.element = element
        self.expected = expected
        self.found = XMLValueError.shown(found)
    }

    /// `text` as a message may repeat it: on one line (line breaks and other control characters
    /// become one space) and at most ``shownLimit`` characters.
    static func shown(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if control {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        let flat = String(scalars)
        return flat.count > shownLimit ? String(flat.prefix(shownLimit)) + "…" : flat
    }
}
