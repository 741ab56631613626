import Foundation
import Speedwork

/// Writes an ``Speedwork/Activity`` as a FIT activity file (Garmin FIT Protocol and Profile, file
/// type 4 "activity", the messages the Profile's "Activity File" section requires): `file_id`, a
/// timer-start `event`, one `record` per sample, the timer-stop `event`, `lap`s, one `session`
/// and the `activity`, with the header and file CRCs.
///
/// One definition per message type; records carry a full timestamp each (no compressed
/// timestamps). Values are written at the Profile's resolution: whole seconds, positions in
/// semicircles, distance in cm, speed in mm/s, altitude in 0.2 m, whole beats per minute,
/// cadence in 1/128 of a stride per minute. Running cadence, which ``Speedwork/ActivitySample``
/// holds as steps of both feet (M6), is halved to FIT's strides per leg, as ``FITActivityReader``
/// doubles it back. The reader counts time from the first record, so an activity whose first
/// sample is at 0 s reads back with the same start and sample times.
public struct FITActivityEncoder: Sendable {
    /// `file_id.product`: any number the developer chooses (manufacturer is 255, development).
    public var product: UInt16
    /// `file_id.serial_number`; with type, manufacturer, product and time created it identifies
    /// the file (FIT Profile, `file_id`). Zero is the invalid value and is written as 1.
    public var serialNumber: UInt32

    /// The earliest FIT time written as an absolute date: smaller `date_time` values count from
    /// the device's power-up (FIT Profile, `date_time`: 0x10000000).
    public static let minimumFITTime: UInt32 = 0x1000_0000

    /// Creates an encoder writing `product` and `serialNumber` into `file_id`.
    public init(product: UInt16 = 1, serialNumber: UInt32 = 1) {
        self.product = product
        self.serialNumber = serialNumber
    }

    /// Record fields the encoder writes itself (FIT Profile, `record`): an extra field may not reuse them.
    public static let recordFieldNumbers: Set<UInt8> = [253, 0, 1, 2, 3, 4, 5, 6, 53, 73, 78]

    /// The complete FIT file for `activity`; `extraFields` add device fields to every record.
    public func encode(_ activity: Activity, extraFields: [FITRecordExtraField] = []) throws(FITActivityEncodingError) -> [UInt8] {
        let samples = activity.samples
        guard !samples.isEmpty else { throw .noSamples }
        guard let start = activity.start else { throw .noStart }
        let (sport, subSport) = try Self.sportCodes(activity.sport)
        try Self.check(extraFields, sampleCount: samples.count)

        let startSeconds = (start.timeIntervalSince1970 - FITProfile.unixEpochOffset).rounded(.down)
        guard startSeconds >= Double(Self.minimumFITTime), startSeconds < Double(UInt32.max) else {
            throw .startOutOfRange(start.formatted(.iso8601))
        }
        let base = UInt32(startSeconds)
        let lastSeconds = try Self.checkTimes(samples)  // the latest
        guard Double(base) + lastSeconds.rounded() < Double(UInt32.max - 1) else {
            throw .startOutOfRange(start.formatted(.iso8601))
        }
        let end = base + UInt32(lastSeconds.rounded())
        let elapsed = lastSeconds.rounded()
        let lastMeters = samples.last(where: { $0.meters != nil })?.meters

        let columns = Columns(samples)
        let recordSize = columns.recordSize + extraFields.reduce(0) { $0 + $1.baseType.size }
        var writer = FITByteWriter(capacity: samples.count * (1 + recordSize) + activity.laps.count * 48 + 512)

        writeFileID(to: &writer, created: base)
        writer.define(local: 1, global: FITProfile.Message.event, fields: Self.eventFields)
        Self.writeEvent(to: &writer, time: base, type: 0)  // timer start
        try Self.writeRecords(samples, columns: columns, extraFields: extraFields, base: base,
                              running: activity.isRun, to: &writer)
        Self.writeEvent(to: &writer, time: end, type: 4)  // timer stop_all

        let timer = activity.deviceTimerSeconds ?? elapsed
        let laps = try Self.laps(activity, base: base, elapsed: elapsed, timer: timer, meters: lastMeters)
        writer.define(local: 3, global: FITProfile.Message.lap, fields: Self.lapFields)
        for (index, lap) in laps.enumerated() {
            writer.begin(local: 3)
            writer.u16(UInt16(index))
            let lapStart = Int64(base) + lap.start
            writer.u32(UInt32(lapStart + Int64((lap.elapsedMilliseconds + 500) / 1000)))
            writer.u8(9)  // event: lap
            writer.u8(1)  // event_type: stop
            writer.u32(UInt32(lapStart))
            writer.u32(lap.elapsedMilliseconds)
            writer.u32(lap.timerMilliseconds)
            writer.u32(lap.centimeters)
            writer.u8(lap.trigger)
        }

        writer.define(local: 4, global: FITProfile.Message.session, fields: Self.sessionFields)
        writer.begin(local: 4)
        writer.u16(0)
        writer.u32(end)
        writer.u8(8)  // event: session
        writer.u8(1)  // event_type: stop
        writer.u32(base)
        writer.u32(try Self.scaled(elapsed, by: 1000, lap: 0, field: "elapsed time"))
        writer.u32(try Self.scaled(timer, by: 1000, lap: 0, field: "timer time"))
        writer.u32(try (activity.deviceDistanceMeters ?? lastMeters).map { m throws(FITActivityEncodingError) in
            try Self.scaled(m, by: 100, lap: 0, field: "distance")
        } ?? UInt32.max)
        writer.u8(sport)
        writer.u8(subSport)
        writer.u16(0)  // first_lap_index
        writer.u16(UInt16(laps.count))
        writer.u8(0)  // trigger: activity_end

        writer.define(local: 5, global: FITProfile.Message.activity, fields: Self.activityFields)
        writer.begin(local: 5)
        writer.u32(end)
        writer.u32(try Self.scaled(timer, by: 1000, lap: 0, field: "timer time"))
        writer.u16(1)  // num_sessions
        writer.u8(0)   // type: manual
        writer.u8(26)  // event: activity
        writer.u8(1)   // event_type: stop

        guard writer.bytes.count <= Int(UInt32.max) - 16 else { throw .tooLarge(bytes: writer.bytes.count + 16) }
        var file = FITWorkoutEncoder.header(dataSize: UInt32(writer.bytes.count))
        file.reserveCapacity(file.count + writer.bytes.count + 2)
        file.append(contentsOf: writer.bytes)
        let crc = FITCRC.checksum(file)
        file.append(UInt8(crc & 0xFF))
        file.append(UInt8(crc >> 8))
        return file
    }

    // MARK: Sport

    /// FIT `sport` and `sub_sport` for a sport text as ``FITActivityReader`` writes it
    /// (`running`, `running/track`, or numbers for values the Profile tables here lack).
    static func sportCodes(_ text: String) throws(FITActivityEncodingError) -> (UInt8, UInt8) {
        let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw .unknownSport(text) }
        func code(_ name: String, in table: [String], extra: [String: UInt8] = [:]) -> UInt8? {
            if let index = table.firstIndex(of: name) { return UInt8(index) }
            if let value = extra[name] { return value }
            if let number = UInt8(name), number < 255 { return number }
            return nil
        }
        let sportName = parts[0].isEmpty ? "generic" : parts[0]
        guard let sport = code(sportName, in: FITProfile.sportNames, extra: ["multisport": 18]) else {
            throw .unknownSport(text)
        }
        guard parts.count == 2, !parts[1].isEmpty else { return (sport, 0) }
        guard let subSport = code(parts[1], in: FITProfile.subSportNames, extra: ["virtual_activity": 58]) else {
            throw .unknownSport(text)
        }
        return (sport, subSport)
    }

    // MARK: Checks

    private static func check(_ extras: [FITRecordExtraField], sampleCount: Int) throws(FITActivityEncodingError) {
        var seen: Set<UInt8> = []
        for extra in extras {
            if recordFieldNumbers.contains(extra.number) {
                throw .invalidExtraField(number: extra.number, reason: "the encoder writes this record field from the samples")
            }
            if !seen.insert(extra.number).inserted {
                throw .invalidExtraField(number: extra.number, reason: "given twice")
            }
            if extra.values.count != sampleCount {
                throw .invalidExtraField(
                    number: extra.number, reason: "\(extra.values.count) values for \(sampleCount) samples; one per sample is needed")
            }
        }
    }

    /// The latest sample time, after checking every time is a number of seconds from 0. Times may
    /// step back (a watch's clock corrected mid-run): FIT records are written in the order given,
    /// as ``FITActivityReader`` reads them.
    private static func checkTimes(_ samples: [ActivitySample]) throws(FITActivityEncodingError) -> Double {
        var latest = 0.0
        for (index, sample) in samples.enumerated() {
            let seconds = sample.seconds
            guard seconds.isFinite, seconds >= 0, seconds < Double(UInt32.max) else {
                throw .sampleTimeOutOfRange(sample: index, seconds: seconds)
            }
            latest = max(latest, seconds)
        }
        return latest
    }

    // MARK: Records

    /// Which sample values the activity has at all: a field is defined only when some sample has it.
    struct Columns {
        var position = false
        var meters = false
        var speed = false
        var altitude = false
        var heartRate = false
        var cadence = false

        init(_ samples: [ActivitySample]) {
            for sample in samples {
                position = position || sample.latitude != nil || sample.longitude != nil
                meters = meters || sample.meters != nil
                speed = speed || sample.metersPerSecond != nil
                altitude = altitude || sample.altitude != nil
                heartRate = heartRate || sample.heartRate != nil
                cadence = cadence || sample.stepsPerMinute != nil
            }
        }

        /// Bytes of one record's fields.
        var recordSize: Int {
            4 + (position ? 8 : 0) + (meters ? 4 : 0) + (speed ? 4 : 0) + (altitude ? 4 : 0)
                + (heartRate ? 1 : 0) + (cadence ? 2 : 0)
        }

        /// The record definition, in the order ``FITActivityEncoder`` writes the values.
        var fields: [FITByteWriter.Field] {
            typealias T = FITByteWriter.BaseType
            var fields: [FITByteWriter.Field] = [.init(253, 4, T.uint32)]  // timestamp
            if position { fields += [.init(0, 4, T.sint32), .init(1, 4, T.sint32)] }  // position_lat, position_long
            if meters { fields.append(.init(5, 4, T.uint32)) }  // distance, cm
            if speed { fields.append(.init(73, 4, T.uint32)) }  // enhanced_speed, mm/s
            if altitude { fields.append(.init(78, 4, T.uint32)) }  // enhanced_altitude, 0.2 m from -500 m
            if heartRate { fields.append(.init(3, 1, T.uint8)) }  // heart_rate
            if cadence { fields += [.init(4, 1, T.uint8), .init(53, 1, T.uint8)] }  // cadence, fractional_cadence
            return fields
        }
    }

    private static func writeRecords(
        _ samples: [ActivitySample], columns: Columns, extraFields: [FITRecordExtraField], base: UInt32,
        running: Bool, to writer: inout FITByteWriter
    ) throws(FITActivityEncodingError) {
        var fields = columns.fields
        for extra in extraFields {
            fields.append(.init(extra.number, UInt8(extra.baseType.size), extra.baseType.rawValue))
        }
        writer.define(local: 2, global: FITProfile.Message.record, fields: fields)
        let cadenceDivisor = running ? 2.0 : 1.0
        for (index, sample) in samples.enumerated() {
            writer.begin(local: 2)
            writer.u32(base + UInt32(sample.seconds.rounded()))
            if columns.position {
                writer.u32(try semicircles(sample.latitude, limit: 90, sample: index, field: "latitude"))
                writer.u32(try semicircles(sample.longitude, limit: 180, sample: index, field: "longitude"))
            }
            if columns.meters {
                writer.u32(try unsigned(sample.meters, scale: 100, offset: 0, max: 0xFFFF_FFFE, sample: index, field: "distance (m)"))
            }
            if columns.speed {
                writer.u32(try unsigned(sample.metersPerSecond, scale: 1000, offset: 0, max: 0xFFFF_FFFE, sample: index, field: "speed (m/s)"))
            }
            if columns.altitude {
                writer.u32(try unsigned(sample.altitude, scale: 5, offset: 500, max: 0xFFFF_FFFE, sample: index, field: "altitude (m)"))
            }
            if columns.heartRate {
                writer.u8(UInt8(try unsigned(sample.heartRate, scale: 1, offset: 0, max: 254, sample: index, field: "heart rate (bpm)")))
            }
            if columns.cadence {
                if let steps = sample.stepsPerMinute {
                    let scaled = (steps / cadenceDivisor * 128).rounded()
                    guard scaled.isFinite, scaled >= 0, scaled <= 254 * 128 + 127 else {
                        throw .valueOutOfRange(sample: index, field: running ? "cadence (steps/min)" : "cadence (rpm)",
                                               value: steps, allowed: "0.0 to \(254.99 * cadenceDivisor)")
                    }
                    let raw = UInt32(scaled)
                    writer.u8(UInt8(raw >> 7))
                    writer.u8(UInt8(raw & 0x7F))
                } else {
                    writer.u8(0xFF)
                    writer.u8(0xFF)
                }
            }
            for extra in extraFields {
                writer.raw(extra.values[index], size: extra.baseType.size)
            }
        }
    }

    /// Degrees as FIT semicircles (2^31 per 180°), or the sint32 invalid value when absent.
    @inline(__always)
    private static func semicircles(_ degrees: Double?, limit: Double, sample: Int, field: String) throws(FITActivityEncodingError) -> UInt32 {
        guard let degrees else { return 0x7FFF_FFFF }
        guard degrees.isFinite, abs(degrees) <= limit else {
            throw .valueOutOfRange(sample: sample, field: field, value: degrees, allowed: "-\(Int(limit))° to \(Int(limit))°")
        }
        let raw = (degrees / FITMessage.degreesPerSemicircle).rounded()
        let clamped = Int32(max(-2_147_483_647, min(2_147_483_646, raw)))
        return UInt32(bitPattern: clamped)
    }

    /// `(value + offset) × scale` rounded, or the invalid value of its uint8 or uint32 field
    /// (all ones) when absent.
    @inline(__always)
    private static func unsigned(
        _ value: Double?, scale: Double, offset: Double, max: UInt32, sample: Int, field: String
    ) throws(FITActivityEncodingError) -> UInt32 {
        guard let value else { return max <= 0xFF ? 0xFF : 0xFFFF_FFFF }
        let raw = ((value + offset) * scale).rounded()
        guard raw.isFinite, raw >= 0, raw <= Double(max) else {
            let low = -offset
            let high = (Double(max) / scale - offset)
            throw .valueOutOfRange(sample: sample, field: field, value: value, allowed: "\(low) to \(high)")
        }
        return UInt32(raw)
    }

    // MARK: Other messages

    private static let eventFields: [FITByteWriter.Field] = [
        .init(253, 4, FITByteWriter.BaseType.uint32),  // timestamp
        .init(0, 1, FITByteWriter.BaseType.enumeration),  // event
        .init(1, 1, FITByteWriter.BaseType.enumeration),  // event_type
    ]

    /// An `event` of event `timer` (0): `type` 0 start, 4 stop_all.
    private static func writeEvent(to writer: inout FITByteWriter, time: UInt32, type: UInt8) {
        writer.begin(local: 1)
        writer.u32(time)
        writer.u8(0)
        writer.u8(type)
    }

    private func writeFileID(to writer: inout FITByteWriter, created: UInt32) {
        typealias T = FITByteWriter.BaseType
        writer.define(local: 0, global: FITProfile.Message.fileID, fields: [
            .init(0, 1, T.enumeration),  // type
            .init(1, 2, T.uint16),       // manufacturer
            .init(2, 2, T.uint16),       // product
            .init(3, 4, T.uint32z),      // serial_number
            .init(4, 4, T.uint32),       // time_created
        ])
        writer.begin(local: 0)
        writer.u8(4)     // activity
        writer.u16(255)  // development
        writer.u16(product)
        writer.u32(serialNumber == 0 ? 1 : serialNumber)
        writer.u32(created)
    }

    private static let lapFields: [FITByteWriter.Field] = {
        typealias T = FITByteWriter.BaseType
        return [
            .init(254, 2, T.uint16),  // message_index
            .init(253, 4, T.uint32),  // timestamp (the lap's end)
            .init(0, 1, T.enumeration),  // event
            .init(1, 1, T.enumeration),  // event_type
            .init(2, 4, T.uint32),  // start_time
            .init(7, 4, T.uint32),  // total_elapsed_time, ms
            .init(8, 4, T.uint32),  // total_timer_time, ms
            .init(9, 4, T.uint32),  // total_distance, cm
            .init(24, 1, T.enumeration),  // lap_trigger
        ]
    }()

    private static let sessionFields: [FITByteWriter.Field] = {
        typealias T = FITByteWriter.BaseType
        return [
            .init(254, 2, T.uint16),  // message_index
            .init(253, 4, T.uint32),  // timestamp
            .init(0, 1, T.enumeration),  // event
            .init(1, 1, T.enumeration),  // event_type
            .init(2, 4, T.uint32),  // start_time
            .init(7, 4, T.uint32),  // total_elapsed_time, ms
            .init(8, 4, T.uint32),  // total_timer_time, ms
            .init(9, 4, T.uint32),  // total_distance, cm
            .init(5, 1, T.enumeration),  // sport
            .init(6, 1, T.enumeration),  // sub_sport
            .init(25, 2, T.uint16),  // first_lap_index
            .init(26, 2, T.uint16),  // num_laps
            .init(28, 1, T.enumeration),  // trigger
        ]
    }()

    private static let activityFields: [FITByteWriter.Field] = {
        typealias T = FITByteWriter.BaseType
        return [
            .init(253, 4, T.uint32),  // timestamp
            .init(0, 4, T.uint32),  // total_timer_time, ms
            .init(1, 2, T.uint16),  // num_sessions
            .init(2, 1, T.enumeration),  // type
            .init(3, 1, T.enumeration),  // event
            .init(4, 1, T.enumeration),  // event_type
        ]
    }()

    // MARK: Laps

    /// One lap in FIT units: start in seconds from the activity's start, times in ms, distance in cm.
    private struct FITLap {
        var start: Int64
        var elapsedMilliseconds: UInt32
        var timerMilliseconds: UInt32
        var centimeters: UInt32
        var trigger: UInt8
    }

    /// The activity's laps, or, for an activity without any, one lap over the whole session
    /// (the Profile's "Activity File" needs at least one), closed by `session_end`.
    /// A lap may start before the first sample (watches start a lap with the timer, before the
    /// first record), but not before FIT's earliest absolute time nor 2^28 s after the start.
    private static func laps(_ activity: Activity, base: UInt32, elapsed: Double, timer: Double, meters: Double?) throws(FITActivityEncodingError) -> [FITLap] {
        guard !activity.laps.isEmpty else {
            return [FITLap(
                start: 0, elapsedMilliseconds: try scaled(elapsed, by: 1000, lap: 0, field: "elapsed time"),
                timerMilliseconds: try scaled(timer, by: 1000, lap: 0, field: "timer time"),
                centimeters: try meters.map { m throws(FITActivityEncodingError) in try scaled(m, by: 100, lap: 0, field: "distance") } ?? UInt32.max,
                trigger: 7)]
        }
        guard activity.laps.count < 65_535 else {
            throw .lapOutOfRange(lap: 65_535, field: "count", value: Double(activity.laps.count))
        }
        var laps: [FITLap] = []
        laps.reserveCapacity(activity.laps.count)
        for (index, lap) in activity.laps.enumerated() {
            let earliest = -Double(base - minimumFITTime)
            guard lap.startSeconds.isFinite, lap.startSeconds >= earliest, lap.startSeconds < 0x1000_0000,
                lap.elapsedSeconds < 0x1000_0000
            else {
                throw .lapOutOfRange(lap: index, field: "start (s)", value: lap.startSeconds)
            }
            laps.append(FITLap(
                start: Int64(lap.startSeconds.rounded()),
                elapsedMilliseconds: try scaled(lap.elapsedSeconds, by: 1000, lap: index, field: "elapsed time (s)"),
                timerMilliseconds: try lap.timerSeconds.map { t throws(FITActivityEncodingError) in
                    try scaled(t, by: 1000, lap: index, field: "timer time (s)")
                } ?? UInt32.max,
                centimeters: try lap.meters.map { m throws(FITActivityEncodingError) in
                    try scaled(m, by: 100, lap: index, field: "distance (m)")
                } ?? UInt32.max,
                trigger: trigger(lap.trigger)))
        }
        return laps
    }

    /// FIT Profile `lap_trigger`: manual 0, time 1, distance 2, position_start 3, session_end 7.
    private static func trigger(_ trigger: ActivityLap.Trigger) -> UInt8 {
        switch trigger {
        case .manual: 0
        case .time: 1
        case .distance: 2
        case .position: 3
        case .other: 7
        }
    }

    private static func scaled(_ value: Double, by factor: Double, lap: Int, field: String) throws(FITActivityEncodingError) -> UInt32 {
        let raw = (value * factor).rounded()
        guard raw.isFinite, raw >= 0, raw < Double(UInt32.max) else {
            throw .lapOutOfRange(lap: lap, field: field, value: value)
        }
        return UInt32(raw)
    }
}
