import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming XML scanner over bytes for the few elements GPX and TCX readers need (XML 1.0
/// fifth edition, Namespaces in XML 1.0). One pass, no recursion, no size limit; memory is the
/// open-element stack and the text of one element. It checks what a reader's correctness
/// depends on — tags nest and match, attributes are quoted, UTF-8 is valid, references in the
/// text it hands over are known — and skips comments, processing instructions, CDATA it is not
/// asked for and the document type declaration (whose entities are never loaded or expanded).
///
/// Encodings: UTF-8 (default, BOM accepted), UTF-16 with a BOM (converted to UTF-8 first),
/// ISO-8859-1 and windows-1252 when the XML declaration names them. Element names are matched by
/// their local part, whatever the namespace prefix (`gpxtpx:hr`, `ns3:TPX`).
struct XMLScanner: ~Copyable {
    /// One attribute of the current start tag: where its local name is in the input and where
    /// its value is (in the input, or in the decoded-values buffer when `decoded`).
    struct Attribute: BitwiseCopyable {
        var nameStart: Int
        var nameCount: Int
        var valueStart: Int
        var valueCount: Int
        var decoded: Bool
    }

    /// Why a scan stopped, at which byte offset.
    enum Failure: Error {
        case syntax(XMLSyntaxError)
        case value(XMLValueError, offset: Int)
        case wrongRoot(found: String, offset: Int)
    }

    private let p: UnsafePointer<UInt8>
    private let n: Int
    private let encoding: XMLEncoding
    private let names: XMLNames
    private let root: StaticString

    private var stackStart: [Int] = []
    private var stackCount: [Int] = []
    private var stackID: [Int] = []

    private let attributes = XMLScratch<Attribute>()
    private let attributeValues = XMLScratch<UInt8>(capacity: 256)
    private let text = XMLScratch<UInt8>(capacity: 256)

    /// Text collection for the innermost open element: off, one stretch of the input, or the
    /// ``text`` buffer (several stretches, references or an 8-bit encoding).
    private var capturing = false
    private var directStart = 0
    private var directCount = 0
    private var buffered = false
    private var segments = 0

    private init(_ bytes: UnsafeRawBufferPointer, encoding: XMLEncoding, names: XMLNames, root: StaticString) {
        p = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        n = bytes.count
        self.encoding = encoding
        self.names = names
        self.root = root
    }

    // MARK: Entry points

    /// Scans `data`, whose root element must have the local name `root`, calling `handler`.
    /// Throws an ``ActivityFileError`` with the line and column of the first problem.
    static func scan<Handler: XMLContentHandler>(
        _ data: Data, root: StaticString, names: XMLNames, handler: inout Handler
    ) throws(ActivityFileError) {
        let result: Result<Void, ActivityFileError> = data.withUnsafeBytes { raw in
            let detected: XMLEncoding.Detected
            switch XMLEncoding.detect(raw) {
            case .failure(let error): return .failure(activityError(.syntax(error), in: raw, encoding: .utf8, root: root))
            case .success(let value): detected = value
            }
            let body = UnsafeRawBufferPointer(rebasing: raw[detected.skip...])
            if let bigEndian = detected.utf16BigEndian {
                let (utf8, problem) = XMLEncoding.utf8(fromUTF16: body, bigEndian: bigEndian)
                return utf8.withUnsafeBytes { converted in
                    if let problem {
                        return .failure(activityError(.syntax(problem), in: converted, encoding: .utf8, root: root))
                    }
                    return scanChecked(converted, encoding: .utf8, root: root, names: names, handler: &handler)
                }
            }
            if detected.encoding == .utf8, let bad = XMLEncoding.firstInvalidUTF8(body) {
                let reason = "invalid UTF-8 byte 0x\(String(body[bad], radix: 16, uppercase: true)) (a file in another "
                    + "encoding must name it in its XML declaration, e.g. encoding=\"ISO-8859-1\")"
                let error = XMLSyntaxError(offset: bad, reason: reason)
                return .failure(activityError(.syntax(error), in: body, encoding: .utf8, root: root))
            }
            return scanChecked(body, encoding: detected.encoding, root: root, names: names, handler: &handler)
        }
        try result.get()
    }

    private static func scanChecked<Handler: XMLContentHandler>(
        _ bytes: UnsafeRawBufferPointer, encoding: XMLEncoding, root: StaticString, names: XMLNames,
        handler: inout Handler
    ) -> Result<Void, ActivityFileError> {
        var scanner = XMLScanner(bytes, encoding: encoding, names: names, root: root)
        do {
            try scanner.run(&handler)
            return .success(())
        } catch {
            return .failure(activityError(error, in: bytes, encoding: encoding, root: root))
        }
    }

    private static func activityError(
        _ failure: Failure, in bytes: UnsafeRawBufferPointer, encoding: XMLEncoding, root: StaticString
    ) -> ActivityFileError
    {
        switch failure {
        case .syntax(let error):
            let at = XMLPosition(offset: error.offset, in: bytes, encoding: encoding)
            return ActivityFileError(
                .malformedXML(line: at.line, column: at.column, element: error.element, reason: error.reason))
        case .value(let error, let offset):
            let at = XMLPosition(offset: offset, in: bytes, encoding: encoding)
            return ActivityFileError(
                .invalidValue(line: at.line, column: at.column, element: error.element, expected: error.expected,
                              found: error.found))
        case .wrongRoot(let found, let offset):
            let at = XMLPosition(offset: offset, in: bytes, encoding: encoding)
            return ActivityFileError(.wrongRoot(line: at.line, column: at.column, found: found, expected: "\(root)"))
        }
    }

    /// The local name of the root element of the XML document `bytes` starts with, looking past
    /// a byte order mark, the XML declaration, comments, processing instructions and a document
    /// type declaration within the first `limit` bytes; nil when there is none.
    static func rootName(of bytes: UnsafeRawBufferPointer, limit: Int = 64 * 1024) -> String? {
        let prefix = UnsafeRawBufferPointer(rebasing: bytes[..<min(bytes.count, limit)])
        if prefix.count >= 2, (prefix[0] == 0xFE && prefix[1] == 0xFF) || (prefix[0] == 0xFF && prefix[1] == 0xFE) {
            let even = UnsafeRawBufferPointer(rebasing: prefix[2..<(2 + (prefix.count - 2) / 2 * 2)])
            let (utf8, _) = XMLEncoding.utf8(fromUTF16: even, bigEndian: prefix[0] == 0xFE)
            return utf8.withUnsafeBytes { rootName(afterProlog: $0) }
        }
        var start = 0
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { start = 3 }
        return rootName(afterProlog: UnsafeRawBufferPointer(rebasing: prefix[start...]))
    }

    private static func rootName(afterProlog bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            if XMLBytes.isSpace(base[i]) {
                i += 1
                continue
            }
            guard base[i] == 0x3C, i + 1 < n else { return nil }
            if let next = skipMarkup(base, n, at: i) {
                guard let next else { return nil }
                i = next
                continue
            }
            var end = i + 1
            var colon = -1
            while end < n, XMLBytes.isNameByte(base[end]) {
                if base[end] == 0x3A { colon = end }
                end += 1
            }
            let localStart = colon >= 0 ? colon + 1 : i + 1
            guard end > localStart else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: base + localStart, count: end - localStart), as: UTF8.self)
        }
        return nil
    }

    /// For markup that is not an element at `at` (`<?…?>`, `<!--…-->`, `<!DOCTYPE…>`): the offset
    /// after it, or `.some(nil)` when it is not closed; nil for anything else.
    private static func skipMarkup(_ p: UnsafePointer<UInt8>, _ n: Int, at: Int) -> Int?? {
        guard at + 1 < n else { return nil }
        if p[at + 1] == 0x3F { return .some(find(p, n, "?>", from: at + 2).map { $0 + 2 }) }
        guard p[at + 1] == 0x21 else { return nil }
        if starts(p, n, at: at, "<!--") { return .some(find(p, n, "-->", from: at + 4).map { $0 + 3 }) }
        if starts(p, n, at: at, "<!DOCTYPE") { return .some(skipDoctype(p, n, from: at + 9)) }
        return nil
    }

    /// The offset after a document type declaration whose name starts at `from`: past quoted
    /// literals, and past an internal subset in brackets with its comments and processing
    /// instructions, to the closing `>`.
    private static func skipDoctype(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int? {
        var i = from
        var inSubset = false
        while i < n {
            let byte = p[i]
            switch byte {
            case 0x22, 0x27:  // a quoted literal
                guard let close = find(p, n, byte, from: i + 1) else { return nil }
                i = close + 1
            case 0x5B:  // [
                inSubset = true
                i += 1
            case 0x5D:  // ]
                inSubset = false
                i += 1
            case 0x3C where inSubset && starts(p, n, at: i, "<!--"):
                guard let close = find(p, n, "-->", from: i + 4) else { return nil }
                i = close + 3
            case 0x3C where inSubset && starts(p, n, at: i, "<?"):
                guard let close = find(p, n, "?>", from: i + 2) else { return nil }
                i = close + 2
            case 0x3E where !inSubset:
                return i + 1
            default:
                i += 1
            }
        }
        return nil
    }

    @inline(__always)
    private static func starts(_ p: UnsafePointer<UInt8>, _ n: Int, at: Int, _ marker: StaticString) -> Bool {
        let count = marker.utf8CodeUnitCount
        return at + count <= n && memcmp(p + at, marker.utf8Start, count) == 0
    }

    @inline(__always)
    private static func find(_ p: UnsafePointer<UInt8>, _ n: Int, _ byte: UInt8, from: Int) -> Int? {
        guard from < n, let hit = memchr(p + from, Int32(byte), n - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
    }

    private static func find(_ p: UnsafePointer<UInt8>, _ n: Int, _ marker: StaticString, from: Int) -> Int? {
        let first = marker.utf8Start.pointee
        var i = from
        while let hit = find(p, n, first, from: i) {
            if starts(p, n, at: hit, marker) { return hit }
            i = hit + 1
        }
        return nil
    }

    // MARK: The scan

    /// The local part of the name at `start`, as messages show it.
    private func localName(start: Int, count: Int) -> String {
        var local = start
        for k in start..<(start + count) where p[k] == 0x3A { local = k + 1 }
        return XMLValueError.shown(
            String(decoding: UnsafeRawBufferPointer(start: p + local, count: start + count - local), as: UTF8.self))
    }

    /// The name at `start` with its prefix, as messages show it.
    private func qualifiedName(start: Int, count: Int) -> String {
        XMLValueError.shown(String(decoding: UnsafeRawBufferPointer(start: p + start, count: count), as: UTF8.self))
    }

    private var openElement: String? {
        guard let start = stackStart.last, let count = stackCount.last else { return nil }
        return localName(start: start, count: count)
    }

    private func syntax(_ offset: Int, _ reason: String) -> Failure {
        .syntax(XMLSyntaxError(offset: offset, reason: reason, element: openElement))
    }

    private mutating func run<Handler: XMLContentHandler>(_ handler: inout Handler) throws(Failure) {
        var i = 0
        var rootSeen = false
        var rootClosed = false
        while i < n {
            // Character data up to the next "<".
            let lt = Self.find(p, n, 0x3C, from: i) ?? n
            if lt > i {
                if stackID.isEmpty {
                    var k = i
                    while k < lt, XMLBytes.isSpace(p[k]) { k += 1 }
                    if k < lt {
                        throw syntax(k, rootSeen ? "text after the root element" : "text before the root element")
                    }
                } else if capturing {
                    try collect(from: i, to: lt, cdata: false)
                }
            }
            guard lt < n else { break }
            guard lt + 1 < n else { throw syntax(lt, "document ends inside a tag") }
            switch p[lt + 1] {
            case 0x2F:  // "</"
                i = try endTag(at: lt, &handler)
                if stackID.isEmpty { rootClosed = true }
            case 0x3F:  // "<?"
                guard let close = Self.find(p, n, "?>", from: lt + 2) else {
                    throw syntax(lt, "processing instruction is not closed with ?>")
                }
                i = close + 2
            case 0x21:  // "<!"
                i = try declaration(at: lt, rootSeen: rootSeen)
            default:
                if stackID.isEmpty {
                    if rootClosed { throw syntax(lt, "content after the root element") }
                    rootSeen = true
                }
                i = try startTag(at: lt, isRoot: stackID.isEmpty, &handler)
                if stackID.isEmpty { rootClosed = true }
            }
        }
        if openElement != nil {
            throw syntax(n, "document ends before </\(qualifiedName(start: stackStart.last!, count: stackCount.last!))>")
        }
        if !rootSeen { throw syntax(n, n == 0 ? "document is empty" : "no root element") }
    }

    /// Comments, CDATA sections and the document type declaration.
    private mutating func declaration(at lt: Int, rootSeen: Bool) throws(Failure) -> Int {
        if Self.starts(p, n, at: lt, "<!--") {
            guard let close = Self.find(p, n, "-->", from: lt + 4) else { throw syntax(lt, "comment is not closed with -->") }
            return close + 3
        }
        if Self.starts(p, n, at: lt, "<![CDATA[") {
            guard !stackID.isEmpty else { throw syntax(lt, "CDATA section outside the root element") }
            guard let close = Self.find(p, n, "]]>", from: lt + 9) else { throw syntax(lt, "CDATA section is not closed with ]]>") }
            if capturing { try collect(from: lt + 9, to: close, cdata: true) }
            return close + 3
        }
        if Self.starts(p, n, at: lt, "<!DOCTYPE") {
            guard !rootSeen else { throw syntax(lt, "document type declaration after the root element") }
            guard let end = Self.skipDoctype(p, n, from: lt + 9) else { throw syntax(lt, "document type declaration is not closed") }
            return end
        }
        throw syntax(lt, "unknown markup after \"<!\"")
    }

    private mutating func startTag<Handler: XMLContentHandler>(at lt: Int, isRoot: Bool, _ handler: inout Handler)
        throws(Failure) -> Int
    {
        var j = lt + 1
        var colon = -1
        while j < n, XMLBytes.isNameByte(p[j]) {
            if p[j] == 0x3A { colon = j }
            j += 1
        }
        let nameStart = lt + 1
        let nameCount = j - nameStart
        guard nameCount > 0 else { throw syntax(lt, "\"<\" is not followed by a name") }
        let localStart = colon >= 0 ? colon + 1 : nameStart
        let localCount = j - localStart
        attributes.removeAll()
        attributeValues.removeAll()
        var selfClosing = false
        while true {
            let before = j
            while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
            guard j < n else { throw syntax(lt, "document ends inside the tag <\(qualifiedName(start: nameStart, count: nameCount))>") }
            let byte = p[j]
            if byte == 0x3E {  // ">"
                j += 1
                break
            }
            if byte == 0x2F {  // "/>"
                guard j + 1 < n, p[j + 1] == 0x3E else { throw syntax(j, "expected \">\" after \"/\" to close a tag") }
                j += 2
                selfClosing = true
                break
            }
            guard j > before else { throw syntax(j, "expected \">\" to close a tag") }
            try attribute(at: &j, tagAt: lt)
        }
        if isRoot {
            let local = UnsafeRawBufferPointer(start: p + localStart, count: localCount)
            guard XMLBytes.equal(local, root) else {
                throw .wrongRoot(found: qualifiedName(start: nameStart, count: nameCount), offset: lt)
            }
        }
        let id = names.id(p + localStart, count: localCount)
        let parent = stackID.last ?? XMLNames.other
        capturing = false
        let wanted: Bool
        do {
            let found = XMLAttributes(
                items: UnsafeBufferPointer(start: attributes.base, count: attributes.count), names: UnsafeRawPointer(p),
                values: UnsafeRawPointer(p), decodedValues: UnsafeRawPointer(attributeValues.base))
            wanted = try handler.open(id, parent: parent, attributes: found)
            if selfClosing {
                try handler.close(id, parent: parent, text: XMLText(bytes: UnsafeRawBufferPointer(start: p, count: 0)))
            }
        } catch {
            throw .value(error, offset: lt)
        }
        if !selfClosing {
            stackStart.append(nameStart)
            stackCount.append(nameCount)
            stackID.append(id)
            capturing = wanted
            segments = 0
            buffered = false
            directCount = 0
        }
        return j
    }

    /// One `name="value"` pair starting at `j`; leaves `j` after the closing quote.
    private mutating func attribute(at j: inout Int, tagAt lt: Int) throws(Failure) {
        let nameStart = j
        var colon = -1
        while j < n, XMLBytes.isNameByte(p[j]) {
            if p[j] == 0x3A { colon = j }
            j += 1
        }
        guard j > nameStart else { throw syntax(j, "unexpected character in a tag") }
        let nameEnd = j
        while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3D else { throw syntax(j, "attribute \(qualifiedName(start: nameStart, count: nameEnd - nameStart)) has no value") }
        j += 1
        while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
        guard j < n, p[j] == 0x22 || p[j] == 0x27 else { throw syntax(j, "the value of attribute \(qualifiedName(start: nameStart, count: nameEnd - nameStart)) must be quoted") }
        let quote = p[j]
        let valueStart = j + 1
        guard let close = Self.find(p, n, quote, from: valueStart) else {
            throw syntax(j, "the value of attribute \(qualifiedName(start: nameStart, count: nameEnd - nameStart)) is not closed")
        }
        if let lessThan = Self.find(p, close, 0x3C, from: valueStart) {
            throw syntax(lessThan, "\"<\" in the value of attribute \(qualifiedName(start: nameStart, count: nameEnd - nameStart))")
        }
        let localStart = colon >= 0 ? colon + 1 : nameStart
        var item = Attribute(
            nameStart: localStart, nameCount: nameEnd - localStart, valueStart: valueStart, valueCount: close - valueStart,
            decoded: false)
        if needsDecoding(from: valueStart, to: close, references: true) {
            let start = attributeValues.count
            try decode(from: valueStart, to: close, references: true, into: attributeValues)
            item.valueStart = start
            item.valueCount = attributeValues.count - start
            item.decoded = true
        }
        attributes.append(item)
        j = close + 1
    }

    private mutating func endTag<Handler: XMLContentHandler>(at lt: Int, _ handler: inout Handler) throws(Failure) -> Int {
        let nameStart = lt + 2
        var j = nameStart
        while j < n, XMLBytes.isNameByte(p[j]) { j += 1 }
        let nameCount = j - nameStart
        while j < n, XMLBytes.isSpace(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3E else { throw syntax(lt, "expected \">\" to close a tag") }
        guard let openStart = stackStart.last, let openCount = stackCount.last else {
            throw syntax(lt, "closing tag </\(qualifiedName(start: nameStart, count: nameCount))> without an opening tag")
        }
        guard nameCount == openCount, memcmp(p + nameStart, p + openStart, nameCount) == 0 else {
            throw syntax(lt, "expected the closing tag </\(qualifiedName(start: openStart, count: openCount))>")
        }
        let id = stackID.removeLast()
        stackStart.removeLast()
        stackCount.removeLast()
        let parent = stackID.last ?? XMLNames.other
        let content: UnsafeRawBufferPointer
        if !capturing || segments == 0 {
            content = UnsafeRawBufferPointer(start: p, count: 0)
        } else if buffered {
            content = UnsafeRawBufferPointer(start: text.base, count: text.count)
        } else {
            content = UnsafeRawBufferPointer(start: p + directStart, count: directCount)
        }
        capturing = false
        do {
            try handler.close(id, parent: parent, text: XMLText(bytes: content))
        } catch {
            throw .value(error, offset: lt)
        }
        return j + 1
    }

    // MARK: Text

    /// Whether the stretch needs work before a reader sees it: a reference to resolve, or
    /// 8-bit text to turn into UTF-8.
    @inline(__always)
    private func needsDecoding(from start: Int, to end: Int, references: Bool) -> Bool {
        if references, Self.find(p, end, 0x26, from: start) != nil { return true }  // "&"
        if encoding != .utf8 {
            for k in start..<end where p[k] >= 0x80 { return true }
        }
        return false
    }

    /// Adds a stretch of the current element's text (character data or a CDATA section).
    private mutating func collect(from start: Int, to end: Int, cdata: Bool) throws(Failure) {
        let simple = !needsDecoding(from: start, to: end, references: !cdata)
        if segments == 0, simple {
            directStart = start
            directCount = end - start
            segments = 1
            return
        }
        if !buffered {
            text.removeAll()
            if segments == 1 { text.append(p + directStart, count: directCount) }
            buffered = true
        }
        try decode(from: start, to: end, references: !cdata, into: text)
        segments += 1
    }

    /// Appends the stretch as UTF-8 to `output`, resolving the predefined entities and character
    /// references (XML 1.0, sections 4.1 and 4.6) when `references` is set.
    private func decode(from start: Int, to end: Int, references: Bool, into output: XMLScratch<UInt8>) throws(Failure) {
        var k = start
        var utf8: [UInt8] = []
        while k < end {
            let byte = p[k]
            if byte == 0x26, references {
                guard let semicolon = Self.find(p, end, 0x3B, from: k + 1), semicolon - k <= 12 else {
                    throw syntax(k, "\"&\" does not start a reference (write &amp;)")
                }
                let name = UnsafeRawBufferPointer(start: p + k + 1, count: semicolon - k - 1)
                let scalar: UInt32
                if XMLBytes.equal(name, "amp") { scalar = 0x26 }
                else if XMLBytes.equal(name, "lt") { scalar = 0x3C }
                else if XMLBytes.equal(name, "gt") { scalar = 0x3E }
                else if XMLBytes.equal(name, "quot") { scalar = 0x22 }
                else if XMLBytes.equal(name, "apos") { scalar = 0x27 }
                else if name.first == 0x23, let value = Self.characterReference(name) { scalar = value }
                else {
                    let shown = XMLValueError.shown(String(decoding: name, as: UTF8.self))
                    throw syntax(
                        k, name.first == 0x23
                            ? "&\(shown); is not a character XML allows"
                            : "unknown entity &\(shown); (only &amp; &lt; &gt; &quot; &apos; are predefined)")
                }
                utf8.removeAll(keepingCapacity: true)
                XMLEncoding.appendUTF8(scalar, to: &utf8)
                utf8.withUnsafeBufferPointer { output.append($0.baseAddress!, count: $0.count) }
                k = semicolon + 1
            } else if byte >= 0x80, encoding != .utf8 {
                utf8.removeAll(keepingCapacity: true)
                XMLEncoding.appendUTF8(encoding.scalar(byte), to: &utf8)
                utf8.withUnsafeBufferPointer { output.append($0.baseAddress!, count: $0.count) }
                k += 1
            } else {
                output.append(byte)
                k += 1
            }
        }
    }

    /// The code point of `#123` or `#x7B`, when it is a character XML 1.0 allows (section 2.2).
    private static func characterReference(_ name: UnsafeRawBufferPointer) -> UInt32? {
        var k = 1
        var radix: UInt32 = 10
        if name.count > 1, name[1] == 0x78 {
            radix = 16
            k = 2
        }
        guard k < name.count else { return nil }
        var value: UInt32 = 0
        while k < name.count {
            let byte = name[k]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
            default: return nil
            }
            value = value * radix + digit
            guard value <= 0x10FFFF else { return nil }
            k += 1
        }
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return value
        default: return nil
        }
    }
}
