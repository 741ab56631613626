/// What a format reader (GPX, TCX) does with the elements the ``XMLScanner`` meets. Element
/// names arrive as the reader's own numbers (``XMLNames``), the parent's too, so no string is
/// made per element; a reader keeps whatever other context it needs.
protocol XMLContentHandler {
    /// An opening tag (or an empty-element tag, followed at once by ``close(_:parent:text:)``).
    /// Returns whether the element's text is wanted at its close.
    mutating func open(_ element: Int, parent: Int, attributes: XMLAttributes) throws(XMLValueError) -> Bool

    /// A closing tag; `text` is the element's own text when ``open(_:parent:attributes:)`` asked
    /// for it and no child element came between, else empty.
    mutating func close(_ element: Int, parent: Int, text: XMLText) throws(XMLValueError)
}
