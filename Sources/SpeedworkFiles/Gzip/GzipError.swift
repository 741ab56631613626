/// Why gzip data could not be decompressed: where (byte offset in the compressed input) and what
/// zlib reported (RFC 1952 member format, zlib `inflate` return codes).
public enum GzipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input does not start with the gzip magic bytes 1f 8b.
    case notGzip
    /// zlib rejected the data at `offset` (bad header, bad deflate data, CRC or length mismatch).
    case corrupt(offset: Int, reason: String)
    /// The input ends at `offset` inside a gzip member.
    case truncated(offset: Int)
    /// The decompressed size would exceed `limit` bytes (``Gzip/Limits``, a guard against
    /// decompression bombs); decompression stops there.
    case tooLarge(limit: Int)
    /// zlib could not be set up (out of memory, version mismatch).
    case zlib(code: Int32)

    /// One line naming the problem and, where known, the byte offset.
    public var description: String {
        switch self {
        case .notGzip: "not gzip data (no 1f 8b magic bytes at byte 0)"
        case .corrupt(let offset, let reason): "corrupt gzip data at byte \(offset): \(reason)"
        case .truncated(let offset): "gzip data ends at byte \(offset) inside a compressed member"
        case .tooLarge(let limit):
            "gzip data expands to more than \(limit) bytes, the limit for a compressed file of this size "
                + "(a guard against decompression bombs)"
        case .zlib(let code): "zlib could not start (code \(code))"
        }
    }
}
