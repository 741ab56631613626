import Foundation
import Speedwork
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The blob formats of docs/store.md, checked against blobs built here by hand: version 1 (the
/// whole payload in one zlib stream) still reads, version 2 (the payload in parts, each stored or
/// deflated) reads and is what the encoder writes, deflating the parts that compress.
struct SampleBlobFormatTests {
    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, section 3.2.4): no compression,
    /// so it can be written without zlib.
    private func storedZlib(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65_535, bytes.count)
            let length = UInt16(end - start)
            out.append(end == bytes.count ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    private func varint(_ value: Int) -> [UInt8] {
        var rest = UInt64(value), out: [UInt8] = []
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        return out + [UInt8(rest)]
    }

    private func readVarint(_ bytes: [UInt8], _ offset: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private func decode(_ bytes: [UInt8], like activity: Activity) throws -> Activity {
        try SampleBlob.decode(Data(bytes), sport: activity.sport, start: activity.start, device: activity.device)
    }

    @Test func aVersionOneBlobStillReads() throws {
        let activity = GeneratedActivity.run(seed: 31, samples: 9_000)
        let payload = SampleBlob.payload(of: activity)
        #expect(payload.count > 65_535, "the stream needs more than one stored block")
        let blob = [0x53, 0x57, 0x53, 0x01] + varint(payload.count) + storedZlib(payload)
        #expect(try decode(blob, like: activity) == activity)
    }

    @Test func aVersionTwoBlobOfStoredAndDeflatedPartsReads() throws {
        let activity = GeneratedActivity.run(seed: 32, samples: 1_200)
        let payload = SampleBlob.payload(of: activity)
        let cut = payload.count / 3
        var blob: [UInt8] = [0x53, 0x57, 0x53, 0x02] + varint(payload.count)
        blob += [0] + varint(cut) + payload[..<cut]
        let stream = storedZlib(Array(payload[cut...]))
        blob += [1] + varint(payload.count - cut) + varint(stream.count) + stream
        #expect(try decode(blob, like: activity) == activity)
    }

    @Test func theEncoderDeflatesTheTimeChannelAndStoresNoisyOnes() throws {
        let activity = GeneratedActivity.run(seed: 33, samples: 3_600)
        let payload = SampleBlob.payload(of: activity)
        let blob = [UInt8](SampleBlob.encode(activity))
        #expect(Array(blob[0..<4]) == [0x53, 0x57, 0x53, 0x02])
        var offset = 4
        #expect(readVarint(blob, &offset) == payload.count)
        var kinds: [UInt8] = [], covered = 0
        while offset < blob.count {
            let kind = blob[offset]
            offset += 1
            let length = readVarint(blob, &offset)
            if kind == 0 {
                #expect(Array(blob[offset..<offset + length]) == Array(payload[covered..<covered + length]))
                offset += length
            } else {
                offset += readVarint(blob, &offset)
            }
            covered += length
            kinds.append(kind)
        }
        #expect(covered == payload.count && offset == blob.count)
        // Count + time (every delta 1 s), then metres, speed, latitude, longitude, altitude, heart
        // rate, cadence, then laps and totals.
        #expect(kinds.count == 9)
        #expect(kinds.first == 1, "3,600 equal time deltas compress")
        #expect(kinds[2] == 0, "speed deltas of up to ±1.4 m/s in mm/s are noise: stored")
        #expect(kinds[6] == 1, "heart rate moving by at most 2 beats compresses")
        #expect(kinds.last == 0, "a few laps are too short to deflate")
    }

    @Test func damagedPartsAreRefused() {
        let activity = GeneratedActivity.run(seed: 34, samples: 200)
        let payload = SampleBlob.payload(of: activity)
        let head: [UInt8] = [0x53, 0x57, 0x53, 0x02] + varint(payload.count)
        let short = storedZlib(Array(payload.dropLast()))
        let cases: [(String, [UInt8])] = [
            ("a part longer than the payload", head + [0] + varint(payload.count + 1) + payload + [0]),
            ("an unknown part kind", head + [7] + varint(payload.count) + payload),
            ("bytes after the last part", head + [0] + varint(payload.count) + payload + [0, 0]),
            ("a part cut short", head + [0] + varint(payload.count) + payload.dropLast(3)),
            ("a stream that inflates short", head + [1] + varint(payload.count) + varint(short.count) + short),
            ("an unknown version", [0x53, 0x57, 0x53, 0x03] + varint(payload.count) + [0] + varint(payload.count) + payload),
        ]
        for (what, blob) in cases {
            #expect(throws: InputError.self, "\(what)") { try decode(blob, like: activity) }
        }
    }
}
