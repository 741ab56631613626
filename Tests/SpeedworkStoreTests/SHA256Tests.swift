import Foundation
import Testing
import SpeedworkStore

/// SHA-256 against the examples published with FIPS 180-2 (NIST, appendix B) and the empty string.
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func publishedVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func millionAs() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(chunk) }
        #expect(hash.finalize().map { String(format: "%02x", $0) }.joined()
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Fed in pieces of every size, or byte by byte from a non-contiguous sequence, the digest is
    /// the published one for the 448-bit message.
    @Test func piecesGiveTheSameDigest() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let published = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        for split in 0...message.count {
            var hash = SHA256()
            hash.update(message[..<split])
            hash.update(message[split...])
            #expect(hash.finalize().map { String(format: "%02x", $0) }.joined() == published, "split at \(split)")
        }
        var lazy = SHA256()
        lazy.update(message.lazy.map { $0 })
        #expect(lazy.finalize().map { String(format: "%02x", $0) }.joined() == published)
    }

    /// The two-block message of NIST's SHA-256 examples (FIPS 180-4 companion, 896 bits).
    @Test func twoBlockPublishedVector() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(SHA256.hex(of: Array(message.utf8)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    /// Lengths either side of the padding boundaries (55/56 bytes: the length still fits the last
    /// block or not; 64, 119/120), bytes 0, 1, 2, …; digests from Python's `hashlib.sha256`.
    @Test(arguments: [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    ])
    func paddingBoundaries(count: Int, digest: String) {
        #expect(SHA256.hex(of: (0..<count).map { UInt8($0 % 256) }) == digest)
    }

    /// 100,003 bytes (i × 7 mod 256) whole and fed in uneven pieces (1 to 200 bytes, so pieces
    /// start and end inside blocks and some span several); digest from Python's `hashlib.sha256`.
    @Test func largeInputWholeAndInPieces() {
        let message = (0..<100_003).map { UInt8($0 * 7 % 256) }
        let published = "77bf38ff81973e2bcd8fd562f4b24cfa19c509a923dff52ea49f6522f344540d"
        #expect(SHA256.hex(of: message) == published)
        var hash = SHA256()
        var offset = 0
        var size = 1
        while offset < message.count {
            let end = min(offset + size, message.count)
            hash.update(message[offset..<end])
            offset = end
            size = size % 200 + 37
        }
        #expect(SHA256.hex(hash.finalize()) == published)
    }
}
