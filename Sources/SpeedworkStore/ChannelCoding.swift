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
            let step = Int64(exact.rounded())
            return self.value(at: step).bitPattern == value.bitPattern ? step : nil
        }

        func value(at step: Int64) -> Double {
            semicircles ? Double(step) * Grid.degreesPerSemicircle : Double(step) / scale - offset
        }
    }

    private enum Mode: UInt8 { case absent = 0, grid = 1, raw = 2 }

    static func encode(_ values: [Double?], into out: inout ByteWriter) {
        let present = values.compactMap { $0 }
        if present.isEmpty {
            out.byte(Mode.absent.rawValue)
            return
        }
        let steps = gridSteps(present)
        out.byte(steps == nil ? Mode.raw.rawValue : Mode.grid.rawValue)
        if present.count == values.count {
            out.byte(0)
        } else {
            out.byte(1)
            var bits = [UInt8](repeating: 0, count: (values.count + 7) / 8)
            for (index, value) in values.enumerated() where value != nil { bits[index / 8] |= 1 << UInt8(index % 8) }
            out.bytes.append(contentsOf: bits)
        }
        if case let (grid, steps)? = steps {
            out.byte(UInt8(grid))
            var previous: Int64 = 0
            for step in steps {
                out.signedVarint(step &- previous)
                previous = step
            }
        } else {
            var previous: UInt64 = 0
            for value in present {
                let bits = value.bitPattern
                out.fixed64(bits ^ previous)
                previous = bits
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

    /// The first (coarsest) grid every value sits on exactly, with the values' steps on it.
    private static func gridSteps(_ values: [Double]) -> (Int, [Int64])? {
        var steps = [Int64](repeating: 0, count: values.count)
        let found: Int? = values.withUnsafeBufferPointer { values in
            steps.withUnsafeMutableBufferPointer { steps in
                grids.indices.first { grids[$0].holds(values, steps: steps) }
            }
        }
        return found.map { ($0, steps) }
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
