import SpeedworkTestSupport
import Foundation
import Testing
@testable import SpeedworkFiles

/// Mutates real and hand-made FIT files with a seeded generator and checks that decoding always
/// returns or throws a typed error: never traps, never hangs. `SPEEDWORK_FUZZ_ITERATIONS` sets
/// the number of mutations (default 20,000).
@Suite("FIT fuzz")
struct FITFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["SPEEDWORK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 20_000
    }

    static func seeds() -> [[UInt8]] {
        var seeds: [[UInt8]] = [FITFixtureTests.smallFile(), FITFixtureTests.smallFile(headerSize: 12)]
        var b = FITBuilder()
        b.define(local: 0, global: 20, bigEndian: true, fields: [(253, 4, 0x86), (0, 4, 0x85), (3, 1, 0x02)], developer: [(0, 2, 0)])
        b.data(local: 0, be32(1000) + be32(7) + [120, 1, 2])
        b.define(local: 1, global: 20, fields: [(3, 1, 0x02), (7, 8, 0x07)])
        for i in 0..<8 { b.compressed(local: 1, timeOffset: UInt8(i * 7 % 32), [UInt8(100 + i)] + Array("run\(i)".utf8) + [0, 0, 0, 0][0..<(4 - "run\(i)".utf8.count % 5)]) }
        seeds.append(b.build())
        if Corpus.isPresent {
            for name in [
                "fit/fitparse__Activity.fit", "fit/fitparse__DeveloperData.fit", "fit/fitparse__antfs-dump.63.fit",
                "fit/fitparse__activity-settings.fit", "fit/fitparse__WorkoutRepeatSteps.fit",
                "fit/fitparse__garmin-fenix-5-run.fit", "fit/slither__running.fit",
            ] {
                if let bytes = try? Corpus.bytes(name) { seeds.append(bytes) }
            }
        } else {
            print("note: ../shared/corpus not found; fuzzing hand-made files only")
        }
        return seeds
    }

    static func mutate(_ input: [UInt8], with seeds: [[UInt8]], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let operations = Int.random(in: 1...4, using: &rng)
        for _ in 0..<operations {
            guard !bytes.isEmpty else { break }
            switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1:  // flip one bit
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 2:  // set a byte, often near the start where headers and definitions are
                let i = Int.random(in: 0..<min(bytes.count, Bool.random(using: &rng) ? 64 : bytes.count), using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            case 3:  // truncate
                bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
            case 4:  // splice a chunk of another seed over a random place
                let other = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
                guard !other.isEmpty else { break }
                let from = Int.random(in: 0..<other.count, using: &rng)
                let length = Int.random(in: 1...min(64, other.count - from), using: &rng)
                let to = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, to + length)
                bytes.replaceSubrange(to..<end, with: other[from..<(from + length)])
            case 5:  // duplicate a range (repeated definitions, chained copies)
                let from = Int.random(in: 0..<bytes.count, using: &rng)
                let length = Int.random(in: 1...min(256, bytes.count - from), using: &rng)
                bytes.insert(contentsOf: bytes[from..<(from + length)], at: Int.random(in: 0...bytes.count, using: &rng))
            default:  // extreme header data size
                if bytes.count >= 8 {
                    let value: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [1, 0, 0, 0]][Int.random(in: 0..<3, using: &rng)]
                    bytes.replaceSubrange(4..<8, with: value)
                }
            }
        }
        return bytes
    }

    @Test func mutatedFilesNeverTrap() {
        let seeds = Self.seeds()
        var rng = SeededGenerator(state: 0x5EED_F17)
        var thrown = 0
        var decoded = 0
        for iteration in 0..<Self.iterations {
            // The large running file is costly in debug builds: use it for one mutation in 10.
            var pick = Int.random(in: 0..<seeds.count, using: &rng)
            if seeds[pick].count > 20_000, iteration % 10 != 0 { pick = 0 }
            let bytes = Self.mutate(seeds[pick], with: seeds, &rng)
            let verify = iteration % 4 == 0
            do {
                try FITDecoder(verifyCRC: verify).decode(bytes) { m in
                    // Touch fields so the readers run on garbage too.
                    _ = m.timestamp
                    _ = m.latitude
                    _ = m.altitude
                    _ = m.speed
                    _ = m.cadence
                    if let field = m.definition.fields.first {
                        _ = m.double(field.number)
                        _ = m.string(field.number)
                        _ = m.integer(field.number, index: 1)
                        _ = m.isValid(field.number)
                    }
                }
                decoded += 1
            } catch let error as FITDecodeError {
                thrown += 1
                if error.offset < 0 || error.offset > bytes.count {
                    Issue.record("offset \(error.offset) outside 0...\(bytes.count): \(error)")
                }
            } catch {
                Issue.record("untyped error \(error)")
            }
            if iteration % 8 == 0 {
                let inspection = FITDecoder(verifyCRC: !verify).inspect(bytes)
                for error in inspection.errors where error.offset < 0 || error.offset > bytes.count {
                    Issue.record("offset \(error.offset) outside 0...\(bytes.count): \(error)")
                }
            }
        }
        #expect(thrown + decoded == Self.iterations)
        #expect(thrown > 0)
        print("fuzz: \(Self.iterations) mutations, \(decoded) decoded, \(thrown) typed errors")
    }
}
