import CSHA256
import Foundation

/// SHA-256 as specified in FIPS 180-4 (NIST, 2015), section 6.2: the content hash that identifies
/// an activity in the log whatever file it came in (issue 9: one run as `.fit` and `.fit.gz` is one
/// activity). Written here so the store needs no cryptography package.
public struct SHA256: Sendable {
    /// The eight working words H0…H7 of section 6.2, starting at the values of section 5.3.3.
    private struct State: Sendable {
        var a: UInt32 = 0x6a09_e667, b: UInt32 = 0xbb67_ae85, c: UInt32 = 0x3c6e_f372, d: UInt32 = 0xa54f_f53a
        var e: UInt32 = 0x510e_527f, f: UInt32 = 0x9b05_688c, g: UInt32 = 0x1f83_d9ab, h: UInt32 = 0x5be0_cd19
    }

    private var state = State()
    /// Whether blocks go to the processor's SHA instructions rather than the Swift rounds below.
    private let usesHardware: Bool
    /// Input waiting for a whole 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// The 64 round constants of FIPS 180-4 section 4.2.2.
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Whether this processor has the x86 SHA extensions, which compute the same function about
    /// three times as fast as the Swift rounds.
    static let hardwareAvailable = speedwork_sha256_hardware() != 0

    /// A hash with nothing fed yet.
    public init() {
        self.init(hardware: Self.hardwareAvailable)
    }

    /// A hash computed with the SHA instructions when `hardware` (and the processor has them), else
    /// with the Swift rounds; tests compare the two.
    init(hardware: Bool) {
        usesHardware = hardware && Self.hardwareAvailable
        pending.reserveCapacity(64)
    }

    /// Feeds more bytes. Whole 64-byte blocks of contiguous input are compressed in place.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if done != nil { return }
        for byte in bytes {
            pending.append(byte)
            length &+= 1
            if pending.count == 64 { compressPending() }
        }
    }

    /// Feeds the bytes of a contiguous buffer.
    private mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            if pending.count == 64 { compressPending() }
        }
        let blocks = (buffer.count - offset) / 64
        if blocks > 0 {
            compress(base + offset, blocks: blocks)
            offset += 64 * blocks
        }
        if offset < buffer.count { pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset)) }
        length &+= UInt64(buffer.count)
    }

    /// Compresses the 64 pending bytes and empties the buffer, keeping its storage.
    private mutating func compressPending() {
        pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
        pending.removeAll(keepingCapacity: true)
    }

    /// The 32-byte digest of everything fed, after the padding of FIPS 180-4 section 5.1.1.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 64) }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = SHA256()
        hash.update(bytes)
        return hex(hash.finalize())
    }

    /// A digest as lower-case hex digits.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * digest.count)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Section 6.2.2 on `blocks` consecutive 64-byte blocks at `input`: the message schedule W
    /// on the stack, the 64 rounds eight at a time with the working variables renamed instead of
    /// shifted.
    /// Compresses `blocks` whole blocks at `input` into the state, in hardware when it may.
    private mutating func compress(_ input: UnsafeRawPointer, blocks: Int) {
        guard usesHardware else { return Self.compress(&state, input, blocks: blocks) }
        var words: [UInt32] = [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h]
        words.withUnsafeMutableBufferPointer { words in
            speedwork_sha256_blocks(words.baseAddress!, input.assumingMemoryBound(to: UInt8.self), blocks)
        }
        state = State(a: words[0], b: words[1], c: words[2], d: words[3], e: words[4], f: words[5], g: words[6], h: words[7])
    }

    private static func compress(_ state: inout State, _ input: UnsafeRawPointer, blocks: Int) {
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var block = input
                for _ in 0..<blocks {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                        let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = state.a, b = state.b, c = state.c, d = state.d
                    var e = state.e, f = state.f, g = state.g, h = state.h
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                        t += 8
                    }
                    state.a &+= a; state.b &+= b; state.c &+= c; state.d &+= d
                    state.e &+= e; state.f &+= f; state.g &+= g; state.h &+= h
                    block += 64
                }
            }
        }
    }

    /// One round of section 6.2.2 step 3: T1 and T2 from the working variables in their current
    /// roles; `d` takes d + T1 and `h` takes T1 + T2, the other six only move a place, which the
    /// caller does by naming them in the next order.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let big1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choose = (e & f) ^ (~e & g)
        let t1 = h &+ big1 &+ choose &+ kw
        let big0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        d &+= t1
        h = t1 &+ big0 &+ majority
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
