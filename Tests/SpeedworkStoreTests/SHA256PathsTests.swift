import Foundation
@testable import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The two ways the store computes SHA-256 — the Swift rounds and the x86 SHA instructions — on
/// the published vectors and on random inputs against each other (Python's `hashlib.sha256` gave
/// the vectors' digests; see SHA256Tests).
struct SHA256PathsTests {
    private func digest(_ bytes: [UInt8], hardware: Bool) -> String {
        var hash = SHA256(hardware: hardware)
        hash.update(bytes)
        return SHA256.hex(hash.finalize())
    }

    @Test(arguments: [false, true])
    func eachPathGivesThePublishedDigests(hardware: Bool) {
        if hardware && !SHA256.hardwareAvailable { print("note: this processor has no SHA instructions; the Swift path ran twice") }
        #expect(digest(Array("abc".utf8), hardware: hardware) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest([], hardware: hardware) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let twoBlocks = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(digest(Array(twoBlocks.utf8), hardware: hardware) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        let large = (0..<100_003).map { UInt8($0 * 7 % 256) }
        #expect(digest(large, hardware: hardware) == "77bf38ff81973e2bcd8fd562f4b24cfa19c509a923dff52ea49f6522f344540d")
    }

    @Test func bothPathsAgreeOnRandomInputs() {
        var generator = SeededGenerator(state: 256)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...700, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(digest(bytes, hardware: true) == digest(bytes, hardware: false), "\(bytes.count) bytes")
        }
    }
}
