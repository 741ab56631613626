// libFuzzer entry point for the FIT decoder: every input is decoded twice (with the visitor
// reading every field of every message through the generic readers, and through `inspect`).
// Any trap, out-of-bounds read or leak is a bug; decoding errors are expected and ignored.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFITDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let decoder = FITDecoder(verifyCRC: false)
    var checksum: UInt64 = 0
    _ = try? decoder.decode(bytes) { message in
        for field in message.definition.fields {
            let count = message.elementCount(field.number)
            for index in 0..<min(count, 4) {
                checksum &+= (message.double(field.number, index: index) ?? 0).bitPattern
                checksum &+= UInt64(bitPattern: message.integer(field.number, index: index) ?? 0)
                checksum &+= message.unsigned(field.number, index: index) ?? 0
            }
            checksum &+= UInt64(message.string(field.number)?.utf8.count ?? 0)
            checksum &+= UInt64(message.bytes(field.number)?.count ?? 0)
            checksum &+= message.isValid(field.number) ? 1 : 0
        }
        checksum &+= UInt64(message.timestamp ?? 0)
        checksum &+= UInt64(message.name.utf8.count)
    }
    let inspection = decoder.inspect(bytes)
    let strict = FITDecoder(verifyCRC: true).inspect(bytes)
    for error in inspection.errors + strict.errors {
        precondition(error.offset >= 0 && error.offset <= size, "error offset \(error.offset) outside the input: \(error)")
        checksum &+= UInt64(error.description.utf8.count)
    }
    for file in inspection.files { checksum &+= UInt64(file.namedCounts.count) }
    // Keep the readers' results observable so the optimiser cannot drop the reads.
    if checksum == 0x5EED_F00D && size == 0 { print("unreachable: an empty input read values") }
    return 0
}
