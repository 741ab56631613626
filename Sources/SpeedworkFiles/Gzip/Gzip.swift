import CZlib
import Foundation

/// gzip compression and decompression with the system zlib, for the `.fit.gz`, `.gpx.gz` and
/// `.tcx.gz` files of Strava bulk exports (RFC 1952; zlib `inflateInit2` with windowBits
/// 16 + MAX_WBITS).
public enum Gzip {
    /// The two magic bytes every gzip member starts with (RFC 1952, section 2.3.1).
    public static let magic: [UInt8] = [0x1F, 0x8B]

    /// Whether `bytes` start with the gzip magic.
    public static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == magic[0] && bytes[1] == magic[1]
    }

    /// How far a compressed activity file may expand before it is taken for a decompression bomb.
    /// Real recordings compress 3× (FIT) to about 25× (pretty-printed TCX, GPX); a 48-hour GPX is
    /// about 15 MB. A file may expand to `ratio` times its compressed size, never less than
    /// `floorBytes` (small files) nor more than `maxBytes`.
    public struct Limits: Sendable, Equatable {
        /// The most any compressed file expands to: 256 MiB, 17× a 48-hour GPX.
        public var maxBytes: Int
        /// The most a file expands relative to its compressed size: 32×, above the most
        /// compressible real recordings (about 25×). Reading takes up to about 2.7 bytes of
        /// memory per byte of the densest XML (a 64-byte sample per 24-byte point), so this
        /// bounds what a small hostile file costs (docs/activity-files.md, "Memory").
        public var ratio: Int
        /// What any file may expand to whatever its ratio: 16 MiB, more than a 48-hour GPX.
        public var floorBytes: Int

        /// The limits ``ActivityFile`` reads with.
        public static let standard = Limits(maxBytes: 256 << 20, ratio: 32, floorBytes: 16 << 20)

        /// Creates limits; see the properties.
        public init(maxBytes: Int, ratio: Int, floorBytes: Int) {
            self.maxBytes = maxBytes
            self.ratio = ratio
            self.floorBytes = floorBytes
        }

        /// The decompressed size allowed for `compressedBytes` of gzip data.
        public func ceiling(compressedBytes: Int) -> Int {
            let (scaled, overflow) = compressedBytes.multipliedReportingOverflow(by: ratio)
            return min(maxBytes, max(floorBytes, overflow ? Int.max : scaled))
        }
    }

    /// Decompresses every gzip member in `data` (concatenated members are joined, as `gunzip`
    /// does; trailing zero padding is ignored), stopping at the ceiling `limits` set for its size.
    /// Throws a ``GzipError`` naming the byte offset when the data is not gzip, corrupt or cut
    /// short, or the limit when it expands further.
    public static func decompress(_ data: Data, limits: Limits = .standard) throws(GzipError) -> Data {
        try decompress(data, limit: limits.ceiling(compressedBytes: data.count))
    }

    /// Decompresses every gzip member in `data` as ``decompress(_:limits:)`` does, with at most
    /// `limit` bytes of output.
    public static func decompress(_ data: Data, limit: Int) throws(GzipError) -> Data {
        let result: Result<Data, GzipError> = data.withUnsafeBytes { input in
            Result { () throws(GzipError) -> Data in try decompress(input, limit: limit) }
        }
        return try result.get()
    }

    /// Compresses `data` into one gzip member at zlib `level` (0–9, default 6).
    public static func compress(_ data: Data, level: Int32 = Z_DEFAULT_COMPRESSION) throws(GzipError) -> Data {
        var stream = z_stream()
        let status = speedwork_deflate_init_gzip(&stream, level)
        guard status == Z_OK else { throw .zlib(code: status) }
        defer { deflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let code: Int32 = data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            var code = Z_OK
            repeat {
                code = chunk.withUnsafeMutableBytes { out in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    return deflate(&stream, Z_FINISH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            } while code == Z_OK
            return code
        }
        guard code == Z_STREAM_END else { throw .zlib(code: code) }
        return output
    }

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(GzipError) -> Data {
        guard isGzip(input) else { throw .notGzip }
        var stream = z_stream()
        let status = speedwork_inflate_init_gzip(&stream)
        guard status == Z_OK else { throw .zlib(code: status) }
        defer { inflateEnd(&stream) }
        let base = input.bindMemory(to: Bytef.self).baseAddress!
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(input.count)
        var output = Data()
        // The last member's ISIZE (its length mod 2^32) sizes the output once; never beyond the limit.
        if input.count >= 18 {
            let tail = input.count - 4
            let size = Int(input[tail]) | Int(input[tail + 1]) << 8 | Int(input[tail + 2]) << 16 | Int(input[tail + 3]) << 24
            output.reserveCapacity(min(size, limit))
        }
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        func consumed() -> Int { input.count - Int(stream.avail_in) }
        while true {
            let code = chunk.withUnsafeMutableBytes { out in
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.avail_out)
            guard output.count + produced <= limit else { throw .tooLarge(limit: limit) }
            output.append(contentsOf: chunk[0..<produced])
            switch code {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another member may follow (RFC 1952, section 2.2); zero padding may end the file.
                let at = consumed()
                let rest = UnsafeRawBufferPointer(rebasing: input[at...])
                if rest.allSatisfy({ $0 == 0 }) { return output }
                guard isGzip(rest) else {
                    throw .corrupt(offset: at, reason: "bytes after the last gzip member are not another member")
                }
                let reset = inflateReset(&stream)
                guard reset == Z_OK else { throw .zlib(code: reset) }
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw .truncated(offset: input.count)
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw .corrupt(offset: consumed(), reason: reason)
            }
        }
    }
}
