import Foundation
import Speedwork
import SpeedworkTestSupport
import Testing
@testable import SpeedworkFiles

/// Seeded mutations of the hand-written GPX and TCX fixtures (bit flips, XML-significant bytes,
/// cuts, duplicated stretches, invalid UTF-8) through the readers: each returns activities or
/// throws an `ActivityFileError` placed inside the input with a one-line message. A trap ends
/// the test process. `SPEEDWORK_XML_MUTATIONS` sets the count per fixture (default 3,000).
@Suite("GPX and TCX: seeded mutations")
struct GPXMutationTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["SPEEDWORK_XML_MUTATIONS"].flatMap(Int.init) ?? 3_000
    }

    /// Bytes that change XML structure more often than random ones do.
    static let significant: [UInt8] = Array("<>/&;\"'=![]-?:#x \n".utf8) + [0x00, 0x80, 0xC3, 0xE9, 0xFF]

    static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            guard !bytes.isEmpty else { break }
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 1: bytes[i] = significant.randomElement(using: &rng)!
            case 2: bytes.removeSubrange(i...)
            case 3:
                let end = min(bytes.count, i + Int.random(in: 1...64, using: &rng))
                bytes.insert(contentsOf: bytes[i..<end], at: Int.random(in: 0...bytes.count, using: &rng))
            default: bytes.remove(at: i)
            }
        }
        return bytes
    }

    static func check(_ fixture: String, read: (Data) throws(ActivityFileError) -> [Activity], seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        let original = Array(fixture.utf8)
        var errors = 0
        for _ in 0..<iterations {
            let bytes = mutate(original, &rng)
            do {
                _ = try read(Data(bytes))
            } catch {
                errors += 1
                let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                if let line = error.line { #expect(line >= 1 && line <= lines, "\(error)") }
                #expect(!error.description.contains("\n"), "\(error)")
            }
        }
        // Most mutations break something; some (a changed digit, a cut after the root) do not.
        #expect(errors > iterations / 4 && errors < iterations)
    }

    @Test func gpxMutations() {
        Self.check(GPXReaderTests.gpx11, read: { data throws(ActivityFileError) in try GPXReader().read(data) }, seed: 0x6770_7831)
    }

    @Test func tcxMutations() {
        Self.check(TCXReaderTests.tcx, read: { data throws(ActivityFileError) in try TCXReader().read(data) }, seed: 0x7463_7832)
    }
}
