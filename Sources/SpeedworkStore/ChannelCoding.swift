import Foundation
import Speedwork

/// How one channel of optional numbers is packed inside a ``SampleBlob``: presence, then the
/// values as zig-zag varint deltas on a grid that gives each value back bit for bit, or raw bits.
enum ChannelCoding {
    /// The value grids a channel may sit on, `value = Double(q) / scale - offset` (or FIT's
    /// semicircles, `Double(q) * 180 / 2^31`): the scales FIT's profile uses for time, distance,
    /// speed, altitude and cadence, and the decimal places GPX and TCX write. The index of a grid
    /// is stored in the blob, so entries may be appended but never reordered.
    static let grids: [Grid] = [
        Grid(scale: 1), Grid(scale: 5, offset: 500), Grid(scale: 10), Grid(scale: 16), Grid(scale: 100),
        Grid(scale: 128), Grid(scale: 1000), Grid(scale: 10_000), Grid(scale: 100_000), Grid(scale: 1_000_000),
        Grid(scale: 10_000_000), Grid(scale: 1, semicircles: true),
    ]

    /// The largest grid number kept: beyond 2^53 a Double no longer holds every integer.
    static let largestStep = Double(1 << 53)

    struct Grid {
        var scale: Double
        var offset: Double = 0
        var semicircles = false

        static let degreesPerSemicircle = 180.0 / 2_147_483_648.0

        @inline(__always)
        func step(for value: Double) -> Int64? {
            let exact = semicircles ? value / Grid.degreesPerSemicircle : (value + offset) * scale
            guard exact.isFinite, abs(exact) < ChannelCoding.largestStep else { return nil }
            // `Int64(exact.rounded())` (half away from zero) without the library call: below 2^53
            // the truncation and the fraction left are exact.
            let truncated = Int64(exact)
            let fraction = exact - Double(truncated)
            let step = fraction >= 0.5 ? truncated + 1 : fraction <= -0.5 ? truncated - 1 : truncated
            return self.value(at: step).bitPattern == value.bitPattern ? step : nil
        }

        func value(at step: Int64) -> Double {
            semicircles ? Double(step) * Grid.degreesPerSemicircle : Double(step) / scale - offset
        }
    }

    private enum Mode: UInt8 { case absent = 0, grid = 1, raw = 2 }

    static func encode(_ values: [Double?], into out: inout ByteWriter) {
        values.withUnsafeBufferPointer { values in
            encode(count: values.count, into: &out) { values[$0] }
        }
    }

    /// Encodes the `count` values `value(0)`, `value(1)`, … as ``encode(_:into:)`` does, reading
    /// each once: the present values and their bit map are gathered in one pass, the grid is
    /// searched and the deltas written on unsafe buffers (the import packs every sample this way).
    @inline(__always)
    static func encode(count: Int, into out: inout ByteWriter, value: (Int) -> Double?) {
        var bits = [UInt8](repeating: 0, count: (count + 7) / 8)
        let present = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            bits.withUnsafeMutableBufferPointer { bits in
                var taken = 0
                for index in 0..<count {
                    guard let value = value(index) else { continue }
                    buffer[taken] = value
                    taken += 1
                    bits[index &>> 3] |= 1 &<< UInt8(truncatingIfNeeded: index & 7)
                }
                initialized = taken
            }
        }
        if present.isEmpty {
            out.byte(Mode.absent.rawValue)
            return
        }
        present.withUnsafeBufferPointer { present in
            var steps = [Int64](repeating: 0, count: present.count)
            let grid = steps.withUnsafeMutableBufferPointer { steps in
                grids.indices.first { grids[$0].holds(present, steps: steps) }
            }
            out.byte(grid == nil ? Mode.raw.rawValue : Mode.grid.rawValue)
            if present.count == count {
                out.byte(0)
            } else {
                out.byte(1)
                out.bytes.append(contentsOf: bits)
            }
            if let grid {
                out.byte(UInt8(grid))
                steps.withUnsafeBufferPointer { out.deltaVarints($0) }
            } else {
                out.xorFixed64(present)
            }
        }
    }

    static func decode(count: Int, from input: inout ByteReader) throws -> [Double?] {
        guard let mode = Mode(rawValue: try input.byte()) else {
            throw InputError("the stored samples are damaged (unknown channel mode)")
        }
        if mode == .absent { return [Double?](repeating: nil, count: count) }
        var present = [Bool](repeating: true, count: count)
        switch try input.byte() {
        case 0: break
        case 1:
            let bits = Array(try input.bytes((count + 7) / 8))
            for index in 0..<count { present[index] = bits[index / 8] & (1 << UInt8(index % 8)) != 0 }
        default: throw InputError("the stored samples are damaged (unknown presence flag)")
        }
        var values = [Double?](repeating: nil, count: count)
        if mode == .grid {
            let index = Int(try input.byte())
            guard grids.indices.contains(index) else {
                throw InputError("the stored samples use grid \(index), which this version does not know")
            }
            let grid = grids[index]
            var step: Int64 = 0
            for position in 0..<count where present[position] {
                step = step &+ (try input.signedVarint())
                values[position] = grid.value(at: step)
            }
        } else {
            var bits: UInt64 = 0
            for position in 0..<count where present[position] {
                bits ^= try input.fixed64()
                values[position] = Double(bitPattern: bits)
            }
        }
        return values
    }
}

extension ChannelCoding.Grid {
    /// Whether every value sits on this grid, writing their steps; stops at the first that does not.
    func holds(_ values: UnsafeBufferPointer<Double>, steps: UnsafeMutableBufferPointer<Int64>) -> Bool {
        for index in values.indices {
            guard let step = step(for: values[index]) else { return false }
            steps[index] = step
        }
        return true
    }
}
