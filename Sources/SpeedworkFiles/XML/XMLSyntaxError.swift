/// Where the XML scanner stopped (a byte offset into the UTF-8 or 8-bit text) and why, before it is
/// turned into an ``ActivityFileError`` with a line and column.
struct XMLSyntaxError: Error, Equatable, Sendable {
    /// Byte offset of the problem in the scanned text.
    var offset: Int
    /// What is wrong, in a sentence fragment ("expected the closing tag </trkpt>").
    var reason: String
    /// Local name of the innermost open element, when there is one.
    var element: String?
}
