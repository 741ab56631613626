import CZlib
import Foundation
import Speedwork

/// The compact form of an activity's samples and laps: one blob per activity (issue 9), so the log
/// stays smaller than the files it came from. Each channel (time, distance, speed, position,
/// altitude, heart rate, cadence) is stored as the delta of its values on the finest decimal grid
/// (or FIT's semicircle grid for positions) that gives every value back bit for bit, zig-zag
/// varint coded and deflated with zlib (RFC 1950). A channel no grid fits is kept as raw IEEE 754
/// bits, so decoding always gives back exactly what was encoded. The format is in docs/store.md.
public enum SampleBlob {
    /// The four bytes every blob starts with: `SWS` and the format version.
    public static let magic: [UInt8] = [0x53, 0x57, 0x53, 0x01]

    /// The zlib compression level (1 fastest … 9 smallest); 6 is zlib's own default balance.
    public static let compressionLevel: Int32 = 6
    /// The deflate strategy: Z_RLE looks for repeats of the byte just before only, which is what
    /// delta-encoded channels hold, at a fraction of the default strategy's match search.
    public static let compressionStrategy: Int32 = Z_RLE

    /// The payload before compression: the canonical byte form of the samples, laps and the
    /// device's totals, which the content hash is taken over.
    public static func payload(of activity: Activity) -> [UInt8] {
        let samples = activity.samples, laps = activity.laps
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
            }
        }
        out.varint(UInt64(laps.count))
        ChannelCoding.encode(laps.map(\.startSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.elapsedSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.timerSeconds), into: &out)
        ChannelCoding.encode(laps.map(\.meters), into: &out)
        for lap in laps { out.byte(LapTriggerCode.code(of: lap.trigger)) }
        ChannelCoding.encode([activity.deviceDistanceMeters, activity.deviceTimerSeconds], into: &out)
        return out.bytes
    }

    /// Encodes an activity's samples, laps and device totals into a blob: magic, payload length,
    /// zlib stream. Sport, start and device are kept beside the blob.
    public static func encode(_ activity: Activity) -> Data {
        pack(payload(of: activity))
    }

    /// Compresses a payload made by ``payload(of:)`` into a blob.
    public static func pack(_ payload: [UInt8]) -> Data {
        var header = ByteWriter()
        header.bytes.append(contentsOf: magic)
        header.varint(UInt64(payload.count))
        let capacity = Int(compressBound(uLong(payload.count)))
        var status: Int32 = Z_OK
        // Header and zlib stream written into one buffer, left uninitialised where zlib writes.
        let blob = [UInt8](unsafeUninitializedCapacity: header.bytes.count + capacity) { target, initialized in
            var stream = z_stream()
            status = deflateInit2_(&stream, compressionLevel, Z_DEFLATED, MAX_WBITS, 8, compressionStrategy,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            precondition(status == Z_OK, "zlib deflateInit2 failed (\(status))")
            _ = UnsafeMutableBufferPointer(rebasing: target[..<header.bytes.count]).initialize(fromContentsOf: header.bytes)
            payload.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress.map { $0 + header.bytes.count }
                stream.avail_out = uInt(capacity)
                status = deflate(&stream, Z_FINISH)
            }
            initialized = header.bytes.count + Int(stream.total_out)
            deflateEnd(&stream)
        }
        precondition(status == Z_STREAM_END, "zlib deflate failed with a buffer of compressBound size (\(status))")
        return Data(blob)
    }

    /// Decodes a blob back into an activity with the given sport, start and device: samples, laps
    /// and totals exactly as they were encoded.
    public static func decode(_ blob: Data, sport: String, start: Date?, device: String?) throws -> Activity {
        let bytes = [UInt8](blob)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw InputError("the stored samples are not a Speedwork sample blob (bad magic bytes)")
        }
        var header = ByteReader(bytes, from: magic.count)
        let length = try header.varint()
        // Deflate expands at most 1032:1 (zlib technical details), so a longer claim is damage.
        guard length <= UInt64(max(0, bytes.count - header.offset)) * 1032 else {
            throw InputError("the stored samples are damaged (they claim \(length) bytes)")
        }
        var payload = [UInt8](repeating: 0, count: Int(length))
        var produced = uLong(length)
        let body = Array(bytes[header.offset...])
        let status = body.withUnsafeBufferPointer { source in
            payload.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &produced, source.baseAddress, uLong(body.count))
            }
        }
        guard status == Z_OK, produced == length else {
            throw InputError("the stored samples are damaged (zlib status \(status))")
        }
        var activity = try parse(payload)
        activity.sport = sport
        activity.start = start
        activity.device = device
        return activity
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
