import Speedwork

/// Appends bytes, LEB128 varints and zig-zag signed varints (as in Protocol Buffers' encoding
/// guide) for the sample blob.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signedVarint(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Appends each step's difference from the one before (the first from 0) as a zig-zag varint,
    /// the same bytes as ``signedVarint(_:)`` one by one, coded on a buffer and appended at once.
    mutating func deltaVarints(_ steps: UnsafeBufferPointer<Int64>) {
        let coded = [UInt8](unsafeUninitializedCapacity: steps.count * 10) { out, written in
            var at = 0
            var previous: Int64 = 0
            for step in steps {
                let delta = step &- previous
                previous = step
                var rest = UInt64(bitPattern: (delta &<< 1) ^ (delta &>> 63))
                while rest >= 0x80 {
                    out[at] = UInt8(truncatingIfNeeded: rest) | 0x80
                    at &+= 1
                    rest &>>= 7
                }
                out[at] = UInt8(truncatingIfNeeded: rest)
                at &+= 1
            }
            written = at
        }
        bytes.append(contentsOf: coded)
    }

    /// Appends each value's IEEE 754 bits XORed with the bits of the one before (the first with 0),
    /// eight bytes each, little-endian: the same bytes as ``fixed64(_:)`` one by one.
    mutating func xorFixed64(_ values: UnsafeBufferPointer<Double>) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: values.count * 8))
        bytes.withUnsafeMutableBytes { out in
            var previous: UInt64 = 0
            for (index, value) in values.enumerated() {
                let bits = value.bitPattern
                out.storeBytes(of: (bits ^ previous).littleEndian, toByteOffset: start + index * 8, as: UInt64.self)
                previous = bits
            }
        }
    }
}

/// Reads what ``ByteWriter`` wrote, refusing to run past the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    init(_ bytes: [UInt8], from offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw InputError("the stored samples are damaged (they end early)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else {
            throw InputError("the stored samples are damaged (they end early)")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw InputError("the stored samples are damaged (a number runs too long)") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func signedVarint() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func fixed64() throws -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in try bytes(8).enumerated() { value |= UInt64(byte) << UInt64(8 * index) }
        return value
    }

    /// A count of items, refused when it could not fit in what is left.
    mutating func count(limit: Int) throws -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw InputError("the stored samples are damaged (count \(value) too large)") }
        return Int(value)
    }
}
