import CZlib
import Foundation
import Speedwork

/// The compact form of an activity's samples and laps: one blob per activity (issue 9), so the log
/// stays smaller than the files it came from. Each channel (time, distance, speed, position,
/// altitude, heart rate, cadence) is stored as the delta of its values on the finest decimal grid
/// (or FIT's semicircle grid for positions) that gives every value back bit for bit, zig-zag
/// varint coded, and each channel whose bytes compress deflated with zlib (RFC 1950), the others
/// kept as they are. A channel no grid fits is kept as raw IEEE 754 bits, so decoding always gives
/// back exactly what was encoded. The format is in docs/store.md.
public enum SampleBlob {
    /// The four bytes every blob written now starts with: `SWS` and the format version (2: the
    /// payload in parts, each deflated or stored).
    public static let magic: [UInt8] = [0x53, 0x57, 0x53, 0x02]
    /// The first format, still read: `SWS` 1, the whole payload in one zlib stream.
    public static let magicVersion1: [UInt8] = [0x53, 0x57, 0x53, 0x01]

    /// Parts shorter than this many bytes are stored: zlib's header, block header and checksum
    /// would eat what deflating them saves.
    public static let smallestDeflatedPart = 64
    /// A part is deflated when the order-0 (Shannon) entropy of its bytes, the size a Huffman code
    /// approaches, is under this share of its size: the time channel, whole-metre or whole-beat
    /// deltas. Noisy deltas (speed in mm/s, GPS positions, fractional cadence) are stored as they
    /// are: zlib would spend about as long on them as the rest of the import for a few per cent.
    public static let deflateBelowShare = 0.6

    /// The zlib compression level (1 fastest … 9 smallest); 6 is zlib's own default balance.
    public static let compressionLevel: Int32 = 6
    /// The deflate strategy: Z_RLE looks for repeats of the byte just before only, which is what
    /// delta-encoded channels hold, at a fraction of the default strategy's match search.
    public static let compressionStrategy: Int32 = Z_RLE

    /// The payload before compression: the canonical byte form of the samples, laps and the
    /// device's totals, which the content hash is taken over.
    public static func payload(of activity: Activity) -> [UInt8] {
        payloadParts(of: activity).bytes
    }

    /// ``payload(of:)`` with where its parts end: the sample count with the time channel, each
    /// other sample channel, then laps and totals together.
    static func payloadParts(of activity: Activity) -> (bytes: [UInt8], ends: [Int]) {
        let samples = activity.samples, laps = activity.laps
        var ends: [Int] = []
        ends.reserveCapacity(SampleChannel.allCases.count + 1)
        var out = ByteWriter()
        out.varint(UInt64(samples.count))
        samples.withUnsafeBufferPointer { samples in
            for channel in SampleChannel.allCases {
                // One specialised pass per channel: the switch is taken once, not per sample.
                switch channel {
                case .seconds: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].seconds }
                case .meters: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].meters }
                case .speed: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].metersPerSecond }
                case .latitude: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].latitude }
                case .longitude: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].longitude }
                case .altitude: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].altitude }
                case .heartRate: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].heartRate }
                case .cadence: ChannelCoding.encode(count: samples.count, into: &out) { samples[$0].stepsPerMinute }
                }
                ends.append(out.bytes.count)
            }
        }
        out.varint(UInt64(laps.count))
        ChannelCoding.encode(laps.map(\.startSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.elapsedSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.timerSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.meters), into: &out)
        for lap in laps { out.byte(LapTriggerCode.code(of: lap.trigger)) }
        ChannelCoding.encode([activity.deviceDistanceMeters, activity.deviceTimerSeconds], into: &out)
        ends.append(out.bytes.count)
        return (out.bytes, ends)
    }

    /// Encodes an activity's samples, laps and device totals into a blob: magic, payload length,
    /// parts. Sport, start and device are kept beside the blob.
    public static func encode(_ activity: Activity) -> Data {
        let (payload, ends) = payloadParts(of: activity)
        return pack(payload, parts: ends)
    }

    /// Packs a payload made by ``payload(of:)`` into a blob, as one part.
    public static func pack(_ payload: [UInt8]) -> Data {
        pack(payload, parts: [payload.count])
    }

    /// Packs a payload into a blob: magic, payload length, then each part (the bytes up to the next
    /// of `ends`, increasing, the last the payload's length) as a kind byte (0 stored, 1 deflated),
    /// its length, and for a deflated part the zlib stream's length and the stream.
    static func pack(_ payload: [UInt8], parts ends: [Int]) -> Data {
        var out = ByteWriter()
        out.bytes.reserveCapacity(payload.count / 2 + 64)
        out.bytes.append(contentsOf: magic)
        out.varint(UInt64(payload.count))
        var compressor: PartCompressor?
        payload.withUnsafeBufferPointer { payload in
            var start = 0
            for end in ends {
                let part = UnsafeBufferPointer(rebasing: payload[start..<end])
                start = end
                if part.count >= smallestDeflatedPart, worthDeflating(part) {
                    if compressor == nil { compressor = PartCompressor(largest: payload.count) }
                    if let stream = compressor?.deflate(part), stream.count < part.count {
                        out.byte(1)
                        out.varint(UInt64(part.count))
                        out.varint(UInt64(stream.count))
                        out.bytes.append(contentsOf: stream)
                        continue
                    }
                }
                out.byte(0)
                out.varint(UInt64(part.count))
                out.bytes.append(contentsOf: part)
            }
        }
        return Data(out.bytes)
    }

    /// Whether `part`'s order-0 entropy is under ``deflateBelowShare`` of its size (one pass over a
    /// histogram of its bytes, far cheaper than deflating it to see).
    static func worthDeflating(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        // Four interleaved histograms, so runs of one byte value do not wait on one counter.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * 256) { counts in
            counts.initialize(repeating: 0)
            let quads = part.count / 4
            for quad in 0..<quads {
                let at = quad &* 4
                counts[Int(part[at])] &+= 1
                counts[256 &+ Int(part[at &+ 1])] &+= 1
                counts[512 &+ Int(part[at &+ 2])] &+= 1
                counts[768 &+ Int(part[at &+ 3])] &+= 1
            }
            for at in (quads * 4)..<part.count { counts[Int(part[at])] &+= 1 }
            let total = Double(part.count)
            var bits = 0.0
            for value in 0..<256 {
                let count = counts[value] &+ counts[256 &+ value] &+ counts[512 &+ value] &+ counts[768 &+ value]
                if count > 0 { bits += Double(count) * log2(total / Double(count)) }
            }
            return bits / 8 < deflateBelowShare * total
        }
    }

    /// One zlib deflate state reused for every part of a blob (reset between parts), writing into
    /// one buffer of the worst-case size. The state stays at one address, as zlib requires.
    private final class PartCompressor {
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private var buffer: [UInt8]

        init(largest: Int) {
            buffer = [UInt8](repeating: 0, count: Int(compressBound(uLong(largest))))
            stream.initialize(to: z_stream())
            let status = deflateInit2_(stream, compressionLevel, Z_DEFLATED, MAX_WBITS, 8, compressionStrategy,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            precondition(status == Z_OK, "zlib deflateInit2 failed (\(status))")
        }

        deinit {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }

        /// `part` as one zlib stream (valid until the next call).
        func deflate(_ part: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
            let reset = deflateReset(stream)
            precondition(reset == Z_OK, "zlib deflateReset failed (\(reset))")
            let capacity = buffer.count
            let stream = self.stream
            let status = buffer.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: part.baseAddress)
                stream.pointee.avail_in = uInt(part.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(capacity)
                return CZlib.deflate(stream, Z_FINISH)
            }
            precondition(status == Z_STREAM_END, "zlib deflate failed with a buffer of compressBound size (\(status))")
            return buffer[0..<Int(stream.pointee.total_out)]
        }
    }

    /// Decodes a blob back into an activity with the given sport, start and device: samples, laps
    /// and totals exactly as they were encoded.
    public static func decode(_ blob: Data, sport: String, start: Date?, device: String?) throws -> Activity {
        let bytes = [UInt8](blob)
        let head = bytes.count >= magic.count ? Array(bytes[0..<magic.count]) : []
        guard head == magic || head == magicVersion1 else {
            throw InputError("the stored samples are not a Speedwork sample blob (bad magic bytes)")
        }
        var header = ByteReader(bytes, from: magic.count)
        let length = try header.varint()
        // Deflate expands at most 1032:1 (zlib technical details), so a longer claim is damage.
        guard length <= UInt64(max(0, bytes.count - header.offset)) * 1032 else {
            throw InputError("the stored samples are damaged (they claim \(length) bytes)")
        }
        let payload: [UInt8]
        if head == magicVersion1 {
            payload = try inflate(bytes[header.offset...], length: Int(length))
        } else {
            var parts: [UInt8] = []
            parts.reserveCapacity(min(Int(length), bytes.count * 8))
            while parts.count < Int(length) {
                let kind = try header.byte()
                let partLength = try header.varint()
                guard partLength <= UInt64(Int(length) - parts.count) else {
                    throw InputError("the stored samples are damaged (a part runs past the length)")
                }
                switch kind {
                case 0:
                    parts += try header.bytes(Int(partLength))
                case 1:
                    let streamLength = try header.varint()
                    guard streamLength <= UInt64(bytes.count - header.offset), partLength <= streamLength * 1032 else {
                        throw InputError("the stored samples are damaged (a part claims \(partLength) bytes)")
                    }
                    parts += try inflate(header.bytes(Int(streamLength)), length: Int(partLength))
                default:
                    throw InputError("the stored samples are damaged (unknown part kind \(kind))")
                }
            }
            guard header.offset == bytes.count else {
                throw InputError("the stored samples are damaged (\(bytes.count - header.offset) bytes after the last part)")
            }
            payload = parts
        }
        var activity = try parse(payload)
        activity.sport = sport
        activity.start = start
        activity.device = device
        return activity
    }

    /// The `length` bytes the zlib stream `body` inflates to; damage when it gives anything else.
    private static func inflate(_ body: ArraySlice<UInt8>, length: Int) throws -> [UInt8] {
        var payload = [UInt8](repeating: 0, count: length)
        var produced = uLong(length)
        let status = body.withUnsafeBufferPointer { source in
            payload.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &produced, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, produced == uLong(length) else {
            throw InputError("the stored samples are damaged (zlib status \(status))")
        }
        return payload
    }

    private static func parse(_ payload: [UInt8]) throws -> Activity {
        var input = ByteReader(payload, from: 0)
        let count = try input.count(limit: payload.count * 8 + 1)
        var samples = [ActivitySample](repeating: ActivitySample(seconds: 0), count: count)
        for channel in SampleChannel.allCases {
            let values = try ChannelCoding.decode(count: count, from: &input)
            for index in 0..<count { channel.set(values[index], in: &samples[index]) }
        }
        let lapCount = try input.count(limit: payload.count * 8 + 1)
        let starts = try ChannelCoding.decode(count: lapCount, from: &input)
        let elapsed = try ChannelCoding.decode(count: lapCount, from: &input)
        let timers = try ChannelCoding.decode(count: lapCount, from: &input)
        let meters = try ChannelCoding.decode(count: lapCount, from: &input)
        var laps: [ActivityLap] = []
        laps.reserveCapacity(lapCount)
        for index in 0..<lapCount {
            guard let start = starts[index], let span = elapsed[index] else {
                throw InputError("the stored laps are damaged (lap \(index + 1) has no start or length)")
            }
            let trigger = try LapTriggerCode.trigger(input.byte())
            laps.append(ActivityLap(startSeconds: start, elapsedSeconds: span, timerSeconds: timers[index],
                                    meters: meters[index], trigger: trigger))
        }
        let totals = try ChannelCoding.decode(count: 2, from: &input)
        guard input.offset == payload.count else {
            throw InputError("the stored samples are damaged (\(payload.count - input.offset) bytes left over)")
        }
        return Activity(sport: "", start: nil, samples: samples, laps: laps, device: nil,
                        deviceDistanceMeters: totals[0], deviceTimerSeconds: totals[1])
    }
}

/// The sample fields in blob order.
enum SampleChannel: CaseIterable {
    case seconds, meters, speed, latitude, longitude, altitude, heartRate, cadence

    func set(_ value: Double?, in sample: inout ActivitySample) {
        switch self {
        case .seconds: sample.seconds = value ?? 0
        case .meters: sample.meters = value
        case .speed: sample.metersPerSecond = value
        case .latitude: sample.latitude = value
        case .longitude: sample.longitude = value
        case .altitude: sample.altitude = value
        case .heartRate: sample.heartRate = value
        case .cadence: sample.stepsPerMinute = value
        }
    }
}

/// One byte per lap trigger, fixed so blobs written today read the same forever.
enum LapTriggerCode {
    static func code(of trigger: ActivityLap.Trigger) -> UInt8 {
        switch trigger {
        case .manual: 1
        case .distance: 2
        case .time: 3
        case .position: 4
        case .other: 0
        }
    }

    static func trigger(_ code: UInt8) throws -> ActivityLap.Trigger {
        switch code {
        case 0: .other
        case 1: .manual
        case 2: .distance
        case 3: .time
        case 4: .position
        default: throw InputError("the stored laps are damaged (lap trigger code \(code))")
        }
    }
}
