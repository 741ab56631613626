/// Line and column (both 1-based) of a byte offset in XML text, counted only when an error is
/// reported so the scan itself keeps no position. Lines end at LF (a CR LF pair counts once);
/// columns count characters (UTF-8 lead bytes; every byte in an 8-bit encoding).
struct XMLPosition: Equatable, Sendable {
    var line: Int
    var column: Int

    init(offset: Int, in bytes: UnsafeRawBufferPointer, encoding: XMLEncoding) {
        let end = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where encoding != .utf8 || bytes[i] & 0xC0 != 0x80 { column += 1 }
        self.line = line
        self.column = column
    }
}
