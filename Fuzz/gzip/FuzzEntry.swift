// libFuzzer entry point for gzip decompression: any input gives data or a typed error, never a
// trap; output stays within the documented ceiling (Gzip.Limits), and a corrupt or truncated
// member names an offset inside the input.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    do {
        let output = try Gzip.decompress(input)
        precondition(output.count <= Gzip.Limits.standard.ceiling(compressedBytes: size), "output beyond the ceiling")
    } catch {
        switch error {
        case .corrupt(let offset, _), .truncated(let offset):
            precondition(offset >= 0 && offset <= size, "offset \(offset) outside the input of \(size) bytes")
        case .tooLarge(let limit):
            precondition(limit == Gzip.Limits.standard.ceiling(compressedBytes: size), "wrong limit \(limit)")
        case .notGzip, .zlib:
            break
        }
        precondition(!error.description.contains("\n"), "a multi-line error")
    }
    return 0
}
