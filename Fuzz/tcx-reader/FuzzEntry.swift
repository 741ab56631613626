// libFuzzer entry point for the TCX reader: any input gives activities or a typed error, never
// a trap; an error's line lies within the input, and every sample read is finite where set.
import Foundation
import Speedwork

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTCXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    do {
        let activities = try TCXReader().read(input)
        FuzzChecks.samplesAreFinite(activities)
    } catch {
        FuzzChecks.errorIsPlaced(error, size: size, input: input)
    }
    return 0
}
