import CZlib
import Foundation

extension ZipEntry {
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    /// How much compressed input is read at a time.
    static let inputChunk = 256 * 1024

    /// Where the entry's data starts and how long it is, from its local file header (APPNOTE
    /// 4.3.7), checked to lie within the archive.
    func dataExtent(in bytes: ZipBytes) throws(ArchiveError.Problem) -> (offset: Int64, length: Int64) {
        guard localHeaderOffset < UInt64(bytes.count) else {
            throw .corruptMember(reason: "its local header at byte \(localHeaderOffset) lies past the end of the archive")
        }
        let header = [UInt8](try bytes.read(at: Int64(localHeaderOffset), length: 30))
        guard ZipDirectory.le32(header, 0) == Self.localHeaderSignature else {
            throw .corruptMember(reason: "no local file header at byte \(localHeaderOffset)")
        }
        let start = Int64(localHeaderOffset) + 30 + Int64(ZipDirectory.le16(header, 26)) + Int64(ZipDirectory.le16(header, 28))
        guard start <= bytes.count, compressedSize <= UInt64(bytes.count - start) else {
            throw .corruptMember(reason: "its \(compressedSize) bytes of data at byte \(start) run past the end of the archive")
        }
        return (start, Int64(compressedSize))
    }

    /// The entry's uncompressed bytes, refused before reading when the directory declares more
    /// than `limit` bytes or (above `limits.ratioFloorBytes`) an expansion beyond
    /// `limits.maxRatio`, and stopped while inflating as soon as the output passes the declared
    /// size, since declared sizes lie in hostile archives. The CRC-32 is checked (APPNOTE 4.4.7).
    func contents(in bytes: ZipBytes, limit: Int, tooLarge: (UInt64, Int) -> ArchiveError.Problem, limits: ArchiveLimits) throws(ArchiveError.Problem) -> Data {
        guard flags & 1 == 0 else { throw .encrypted }
        guard method == 0 || method == 8 else { throw .unsupportedCompression(method: method) }
        guard uncompressedSize <= UInt64(max(limit, 0)) else { throw tooLarge(uncompressedSize, limit) }
        if uncompressedSize > UInt64(max(limits.ratioFloorBytes, 0)) {
            let (ceiling, overflow) = compressedSize.multipliedReportingOverflow(by: UInt64(max(limits.maxRatio, 0)))
            if !overflow, uncompressedSize > ceiling {
                throw .expandsTooFar(declared: uncompressedSize, compressed: compressedSize, limit: limits.maxRatio)
            }
        }
        let (start, length) = try dataExtent(in: bytes)
        let data: Data
        if method == 0 {
            guard compressedSize == uncompressedSize else {
                throw .corruptMember(reason: "stored with \(compressedSize) bytes but declares \(uncompressedSize)")
            }
            data = try bytes.read(at: start, length: Int(length))
        } else {
            data = try inflate(bytes, at: start, length: length, declared: Int(uncompressedSize))
        }
        let found = Self.checksum(data)
        guard found == crc32 else { throw .checksumMismatch(expected: crc32, found: found) }
        return data
    }

    /// Raw deflate (RFC 1951) from `length` bytes at `start`, at most `declared` bytes of output.
    private func inflate(_ bytes: ZipBytes, at start: Int64, length: Int64, declared: Int) throws(ArchiveError.Problem) -> Data {
        var stream = z_stream()
        let status = inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .corruptMember(reason: "zlib could not start (\(status))") }
        defer { inflateEnd(&stream) }
        var output = Data()
        output.reserveCapacity(declared)
        var chunk = [UInt8](repeating: 0, count: Swift.min(Swift.max(declared, 1), 256 * 1024))
        var input = Data()
        var used = 0
        var position: Int64 = 0
        while true {
            if used == input.count, position < length {
                let count = Int(Swift.min(length - position, Int64(Self.inputChunk)))
                input = try bytes.read(at: start + position, length: count)
                position += Int64(count)
                used = 0
            }
            let available = input.count - used
            let (code, consumed, produced) = input.withUnsafeBytes { source -> (Int32, Int, Int) in
                chunk.withUnsafeMutableBytes { target -> (Int32, Int, Int) in
                    stream.next_in = available == 0 ? nil : UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress! + used)
                    stream.avail_in = uInt(available)
                    stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(target.count)
                    let code = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (code, available - Int(stream.avail_in), target.count - Int(stream.avail_out))
                }
            }
            used += consumed
            guard produced <= declared - output.count else {
                throw .corruptMember(reason: "inflates past the \(declared) bytes it declares (stopped there)")
            }
            output.append(contentsOf: chunk[0..<produced])
            switch code {
            case Z_STREAM_END:
                guard output.count == declared else {
                    throw .corruptMember(reason: "inflates to \(output.count) bytes but declares \(declared)")
                }
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where used == input.count && position == length:
                throw .corruptMember(reason: "its deflate data ends before the stream does")
            case Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw .corruptMember(reason: "bad deflate data (\(reason))")
            }
        }
    }

    /// CRC-32 (ISO 3309, as zip uses it) with zlib, in pieces that fit its 32-bit lengths.
    static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { buffer -> UInt32 in
            var crc = CZlib.crc32(0, nil, 0)
            var at = 0
            while at < buffer.count {
                let count = Swift.min(buffer.count - at, 1 << 30)
                crc = CZlib.crc32(crc, buffer.bindMemory(to: Bytef.self).baseAddress! + at, uInt(count))
                at += count
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
