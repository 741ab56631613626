import Foundation
import Speedwork

/// Turns a FIT activity file into ``Activity`` values (M50): samples from `record` messages,
/// laps from `lap` messages, sport from `session` (or `sport`), device from `file_id`, device
/// totals from `session` (Garmin FIT SDK, *FIT Profile*).
///
/// One pass over the decoder's visitor with no allocation per field; a chained FIT file gives
/// one activity per chained file that has records. Running cadence, which FIT records per leg,
/// is doubled to steps per minute with both feet (M6).
public struct FITActivityReader: Sendable {
    /// Whether header and file CRCs are checked (see ``FITDecoder/verifyCRC``).
    public var verifyCRC: Bool

    /// Creates a reader; pass `verifyCRC: false` to read files with a bad or missing CRC.
    public init(verifyCRC: Bool = true) {
        self.verifyCRC = verifyCRC
    }

    /// Reads the activities in FIT `data`. Throws ``ActivityFileError`` with the decoder's byte
    /// offset, or `noSamples` when no chained file has a record.
    public func read(_ data: Data) throws(ActivityFileError) -> [Activity] {
        let result: Result<[Activity], ActivityFileError> = data.withUnsafeBytes { bytes in
            Result { () throws(ActivityFileError) -> [Activity] in try read(bytes) }
        }
        return try result.get()
    }

    /// Reads the activities in FIT bytes; see ``read(_:)-(Data)``.
    ///
    /// A file cut short, or missing only its CRC, is read up to its last complete record, and
    /// one whose data turns unreadable part way is read up to that point: either way with a
    /// warning on the activities, and an error only when nothing was read.
    public func read(_ bytes: UnsafeRawBufferPointer) throws(ActivityFileError) -> [Activity] {
        var activities: [Activity] = []
        var file = FITActivityBuilder()
        var fileIndex = 0
        let outcome: FITReadableDecode
        do {
            outcome = try FITDecoder(verifyCRC: verifyCRC).decodeReadable(bytes) { message in
                if message.fileIndex != fileIndex {
                    if let activity = file.finish() { activities.append(activity) }
                    // Later chained files of one recording often repeat no file_id.
                    file = FITActivityBuilder(continuing: file)
                    fileIndex = message.fileIndex
                }
                file.add(message)
            }
        } catch {
            throw ActivityFileError(.unreadable(reason: "\(error)"))
        }
        if let activity = file.finish() { activities.append(activity) }
        guard !activities.isEmpty else {
            if let stop = outcome.stop { throw ActivityFileError(.fit(stop)) }
            throw ActivityFileError(.noSamples(format: "FIT", reason: "no record message with a timestamp"))
        }
        let warnings = FITActivityReader.warnings(outcome, records: activities.reduce(0) { $0 + $1.samples.count })
        if !warnings.isEmpty {
            for index in activities.indices { activities[index].warnings += warnings }
        }
        return activities
    }

    /// What the reader read past, in a runner's words.
    static func warnings(_ outcome: FITReadableDecode, records: Int) -> [String] {
        var warnings: [String] = []
        if !outcome.crcMismatches.isEmpty {
            warnings.append("the file's CRC does not match its contents (\(outcome.crcMismatches[0])): read anyway, as asked")
        }
        switch outcome.stop {
        case nil:
            break
        case .truncated(let offset, let expected)?:
            if expected.hasPrefix("the 2-byte file CRC") {
                warnings.append("the file ends at byte \(offset) without its 2-byte CRC: read without checking it")
            } else {
                warnings.append("the file is cut short at byte \(offset): read up to its last complete record (\(records) samples)")
            }
        case let stop?:
            warnings.append("the FIT data cannot be read past byte \(stop.offset) (\(stop)): read the \(records) samples before it")
        }
        return warnings
    }
}

/// What one chained FIT file has said so far, turned into an ``Activity`` at its end.
struct FITActivityBuilder {
    private struct Lap {
        var start: UInt32?
        var end: UInt32?
        var elapsed: Double?
        var timer: Double?
        var meters: Double?
        var trigger: ActivityLap.Trigger
    }

    private struct Session {
        var sport: UInt8?
        var subSport: UInt8?
        var start: UInt32?
        var meters: Double?
        var timer: Double?
    }

    private var firstTimestamp: UInt32?
    private var lastTimestamp: UInt32?
    private var samples: [ActivitySample] = []
    private var laps: [Lap] = []
    private var sessions: [Session] = []
    private var sportMessage: (sport: UInt8?, subSport: UInt8?)?
    private var manufacturer: UInt16?
    private var product: UInt16?

    init() {}

    /// A builder for the next chained file, keeping the device of the one before.
    init(continuing previous: FITActivityBuilder) {
        manufacturer = previous.manufacturer
        product = previous.product
    }

    private typealias Message = FITProfile.Message
    private typealias Field = FITProfile.Field

    /// Takes in one data message of the file.
    mutating func add(_ message: FITMessage) {
        // A message with no fields says nothing; it takes one byte, so it must not cost a sample
        // or a lap each (a file of them would grow a thousandfold in memory).
        guard !message.content.isEmpty else { return }
        switch message.globalMessageNumber {
        case Message.record:
            addRecord(message)
        case Message.lap:
            laps.append(
                Lap(
                    start: message.unsigned(Field.LapSession.startTime).map { UInt32(truncatingIfNeeded: $0) },
                    end: message.timestamp,
                    elapsed: message.totalElapsedTime?.seconds,
                    timer: message.totalTimerTime?.seconds,
                    meters: message.totalDistance?.meters,
                    trigger: FITActivityBuilder.trigger(message.unsigned(Field.Lap.trigger))))
        case Message.session:
            sessions.append(
                Session(
                    sport: message.sport,
                    subSport: message.unsigned(Field.Session.subSport).map { UInt8(truncatingIfNeeded: $0) },
                    start: message.unsigned(Field.LapSession.startTime).map { UInt32(truncatingIfNeeded: $0) },
                    meters: message.totalDistance?.meters,
                    timer: message.totalTimerTime?.seconds))
        case Message.sport:
            sportMessage = (
                message.unsigned(Field.Sport.sport).map { UInt8(truncatingIfNeeded: $0) },
                message.unsigned(Field.Sport.subSport).map { UInt8(truncatingIfNeeded: $0) }
            )
        case Message.fileID:
            manufacturer = message.manufacturer
            product = message.product
        default:
            break
        }
    }

    private mutating func addRecord(_ message: FITMessage) {
        // A record with no timestamp of its own takes the last one seen; before any, it is skipped.
        guard let time = message.timestamp ?? lastTimestamp else { return }
        lastTimestamp = time
        let first = firstTimestamp ?? time
        firstTimestamp = first
        var meters = message.distance?.meters
        var speed = message.speed?.metersPerSecond
        if meters == nil, let packed = compressedSpeedDistance(message) {
            meters = packed.meters
            speed = speed ?? packed.speed
        }
        let sample = ActivitySample(
            seconds: Double(Int64(time) - Int64(first)),
            meters: meters,
            metersPerSecond: speed,
            latitude: message.latitude,
            longitude: message.longitude,
            altitude: message.altitude,
            heartRate: message.heartRate.map(Double.init),
            stepsPerMinute: message.cadence)
        // A record with no value adds nothing but a time; FIT times are whole seconds, so a
        // record in the same second as the one before completes that sample rather than adding
        // one. Samples then stay within a small multiple of the file's size.
        guard sample.hasValue else { return }
        if let last = samples.last, last.seconds == sample.seconds {
            samples[samples.count - 1] = last.merged(with: sample)
        } else {
            samples.append(sample)
        }
    }

    /// Distance summed so far from `compressed_speed_distance`, in 1/16 m.
    private var packedDistance: Int = 0
    private var lastPackedDistance: Int?

    /// record `compressed_speed_distance` (field 8, 3 bytes), which older watches (Forerunner 70)
    /// write instead of `speed` and `distance`: speed in bits 0–11 (scale 100, m/s), distance in
    /// bits 12–23 (scale 16, m) accumulated modulo 4096 (FIT Profile, record components).
    private mutating func compressedSpeedDistance(_ message: FITMessage) -> (meters: Double, speed: Double?)? {
        guard let field = message.definition.field(8), field.size == 3,
            field.offset >= 0, field.offset + 3 <= message.content.count
        else { return nil }
        let b0 = Int(message.content[field.offset])
        let b1 = Int(message.content[field.offset + 1])
        let b2 = Int(message.content[field.offset + 2])
        guard !(b0 == 0xFF && b1 == 0xFF && b2 == 0xFF) else { return nil }
        let speedRaw = b0 | (b1 & 0x0F) << 8
        let distanceRaw = b1 >> 4 | b2 << 4
        if let last = lastPackedDistance { packedDistance += (distanceRaw - last) & 0xFFF }
        lastPackedDistance = distanceRaw
        return (Double(packedDistance) / 16, speedRaw == 0xFFF ? nil : Double(speedRaw) / 100)
    }

    /// FIT Profile `lap_trigger`: 0 manual, 1 time, 2 distance, 3–6 position (start, lap, waypoint,
    /// marked), 7 session_end, 8 fitness_equipment.
    static func trigger(_ value: UInt64?) -> ActivityLap.Trigger {
        switch value {
        case 0: .manual
        case 1: .time
        case 2: .distance
        case 3, 4, 5, 6: .position
        default: .other
        }
    }

    /// The activity, or nil when the file had no record.
    func finish() -> Activity? {
        guard let origin = firstTimestamp, !samples.isEmpty else { return nil }
        let sport = sportText()
        var samples = samples
        if sport.hasPrefix("running") {
            // FIT records running cadence as strides of one leg per minute (FIT Profile, record
            // `cadence`); both feet count in steps per minute (M6).
            for i in samples.indices {
                if let perLeg = samples[i].stepsPerMinute { samples[i].stepsPerMinute = perLeg * 2 }
            }
        }
        let laps = laps.map { lap -> ActivityLap in
            let start = lap.start ?? lap.end.map { end in UInt32(max(0, Double(end) - (lap.elapsed ?? 0))) } ?? origin
            return ActivityLap(
                startSeconds: Double(Int64(start) - Int64(origin)),
                elapsedSeconds: lap.elapsed ?? lap.end.map { Double(Int64($0) - Int64(start)) } ?? 0,
                timerSeconds: lap.timer, meters: lap.meters, trigger: lap.trigger)
        }
        let meters = sessions.compactMap(\.meters)
        let timers = sessions.compactMap(\.timer)
        return Activity(
            sport: sport, start: FITProfile.date(fromFITTime: origin), samples: samples, laps: laps,
            device: deviceText(),
            deviceDistanceMeters: meters.isEmpty ? nil : meters.reduce(0, +),
            deviceTimerSeconds: timers.isEmpty ? nil : timers.reduce(0, +))
    }

    /// `sport` or `sport/sub_sport` (the latter when the sub-sport is not generic); `multisport`
    /// when the file's sessions name different sports.
    private func sportText() -> String {
        let named = sessions.filter { $0.sport != nil }
        let pair: (sport: UInt8?, subSport: UInt8?)
        if let first = named.first {
            if named.contains(where: { $0.sport != first.sport }) { return "multisport" }
            let subSports = Set(named.map(\.subSport))
            pair = (first.sport, subSports.count == 1 ? first.subSport : nil)
        } else if let message = sportMessage {
            pair = message
        } else {
            return "generic"
        }
        guard let sport = pair.sport else { return "generic" }
        let name = FITProfile.sportName(sport)
        guard let sub = pair.subSport, sub != 0 else { return name }
        return name + "/" + FITProfile.subSportName(sub)
    }

    /// `manufacturer product` by their profile names where known, else numbers.
    private func deviceText() -> String? {
        guard let manufacturer else { return nil }
        let maker = FITProfile.manufacturerName(manufacturer) ?? String(manufacturer)
        guard let product else { return maker }
        let model =
            FITProfile.garminProductManufacturers.contains(manufacturer)
            ? FITProfile.garminProductName(product) ?? String(product) : String(product)
        return maker + " " + model
    }
}

extension ActivitySample {
    /// Whether the sample holds any measurement besides its time.
    var hasValue: Bool {
        meters != nil || metersPerSecond != nil || latitude != nil || longitude != nil || altitude != nil
            || heartRate != nil || stepsPerMinute != nil
    }
}
