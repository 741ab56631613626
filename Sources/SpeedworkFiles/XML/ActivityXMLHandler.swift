import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The streaming (SAX) machinery GPX and TCX readers share: runs Foundation's `XMLParser` over
/// the data, keeps the path of open elements by local name, collects the text of the leaf
/// elements a reader asks for, and turns every failure into an ``ActivityFileError`` with the
/// parser's line and column.
class ActivityXMLHandler: NSObject, XMLParserDelegate {
    /// The root element the format requires (`gpx`, `TrainingCenterDatabase`).
    let rootName: String
    /// Local names of the open elements, outermost first.
    private(set) var path: [String] = []
    /// Text of the current element, collected while ``capturing`` is set.
    private(set) var text = ""
    /// Set by a reader in ``start(_:attributes:)`` to collect the element's text.
    var capturing = false
    private var failure: ActivityFileError?
    private weak var parser: XMLParser?

    init(rootName: String) {
        self.rootName = rootName
    }

    /// Parses `data`, calling the hooks; throws the first error met.
    func run(_ data: Data) throws(ActivityFileError) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        self.parser = parser
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            throw ActivityFileError(
                .malformedXML(line: parser.lineNumber, column: parser.columnNumber, element: path.last,
                              reason: "the XML parser stopped"))
        }
        if path.count > 0 {
            throw ActivityFileError(
                .malformedXML(line: parser.lineNumber, column: parser.columnNumber, element: path.last,
                              reason: "document ends before </\(path.last!)>"))
        }
    }

    /// Called for each opening tag, after it is pushed on ``path``.
    func start(_ name: String, attributes: [String: String]) throws(ActivityFileError) {}

    /// Called for each closing tag, before it is popped from ``path``, with the collected text.
    func end(_ name: String, text: String) throws(ActivityFileError) {}

    /// The local name of the element enclosing the current one.
    var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

    /// An ``ActivityFileError`` at the parser's current line and column.
    func invalid(_ element: String, expected: String, found: String) -> ActivityFileError {
        ActivityFileError(
            .invalidValue(line: parser?.lineNumber ?? 0, column: parser?.columnNumber ?? 0, element: element,
                          expected: expected, found: found))
    }

    /// `text` as a number, or an error naming the element and what it should hold.
    func number(_ text: String, in element: String, expected: String = "a number") throws(ActivityFileError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(trimmed), value.isFinite else {
            throw invalid(element, expected: expected, found: trimmed)
        }
        return value
    }

    /// `text` as seconds since 1970, or an error naming the element.
    func time(_ text: String, in element: String) throws(ActivityFileError) -> Double {
        guard let seconds = ISO8601Time.seconds(text) else {
            throw invalid(element, expected: "an ISO 8601 time like 2024-05-01T07:30:00Z",
                          found: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return seconds
    }

    private func stop(_ error: ActivityFileError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    // MARK: XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        let name = XMLName.local(elementName)
        if path.isEmpty, name != rootName {
            stop(ActivityFileError(
                .wrongRoot(line: parser.lineNumber, column: parser.columnNumber, found: elementName, expected: rootName)))
            return
        }
        path.append(name)
        text = ""
        capturing = false
        do {
            try start(name, attributes: attributeDict)
        } catch {
            stop(error)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, let name = path.last else { return }
        do {
            try end(name, text: capturing ? text : "")
        } catch {
            stop(error)
            return
        }
        capturing = false
        text = ""
        path.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        let code = (parseError as NSError).code
        let reason: String
        // libxml2 error numbers, which Foundation's XMLParser passes on as its error codes.
        switch code {
        case 76:  // XML_ERR_TAG_NAME_MISMATCH
            reason = path.last.map { "expected the closing tag </\($0)>" } ?? "a closing tag does not match"
        case 5:  // XML_ERR_DOCUMENT_END
            reason = path.last.map { "document ends before </\($0)>" } ?? "content after the root element"
        case 4:  // XML_ERR_DOCUMENT_EMPTY
            reason = "document is empty"
        case 73:  // XML_ERR_GT_REQUIRED
            reason = "expected \">\" to close a tag"
        case 41:  // XML_ERR_ATTRIBUTE_WITHOUT_VALUE
            reason = "attribute without a value"
        case 39, 40:  // XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED
            reason = "attribute value must be quoted"
        case 26:  // XML_ERR_UNDECLARED_ENTITY
            reason = "unknown entity (only &amp; &lt; &gt; &quot; &apos; are predefined)"
        default:
            reason = "not well-formed XML (parser error \(code))"
        }
        failure = ActivityFileError(
            .malformedXML(line: parser.lineNumber, column: parser.columnNumber, element: path.last, reason: reason))
    }
}
