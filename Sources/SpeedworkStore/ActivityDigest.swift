import Foundation
import Speedwork

/// The compact record of one activity's analysis that the log's views read (M2, M7, M6, M43, M52):
/// reps with their distance, time, cadence and step length, recoveries, best efforts, moving time
/// and the easy-run verdict, in a few hundred bytes instead of the whole `analyze --json` report.
/// Derived from that report when the activity is stored (and once for logs written before it, by
/// migration `0007-activity-digest`); docs/store.md describes the encoding.
public struct ActivityDigest: Sendable, Hashable {
    /// One rep or recovery as the analysis found it; a value the report left out or wrote as
    /// `null` stays nil.
    public struct Rep: Sendable, Hashable {
        public var meters: Double?
        public var seconds: Double?
        /// Steps per minute.
        public var cadence: Double?
        /// Metres per step.
        public var stepLength: Double?

        /// A rep as given.
        public init(meters: Double?, seconds: Double?, cadence: Double? = nil, stepLength: Double? = nil) {
            self.meters = meters
            self.seconds = seconds
            self.cadence = cadence
            self.stepLength = stepLength
        }
    }

    /// A best effort inside the activity: the fastest stretch of `meters` took `seconds` (M43).
    public struct Effort: Sendable, Hashable {
        public var meters: Double
        public var seconds: Double

        /// An effort as given.
        public init(meters: Double, seconds: Double) {
            self.meters = meters
            self.seconds = seconds
        }
    }

    /// Whether the analysis treated the activity as a run (nil when the report did not say).
    public var analysedAsRun: Bool?
    /// The analysed distance, metres.
    public var distanceMeters: Double?
    /// The analysed elapsed time, seconds.
    public var durationSeconds: Double?
    /// The time spent moving, seconds.
    public var movingSeconds: Double?
    /// The reps found, in order (empty for a steady run).
    public var reps: [Rep]
    /// The recoveries' durations, seconds, in order (those with a duration).
    public var recoverySeconds: [Double]
    /// The best efforts whose distance and time the report gave.
    public var bestEfforts: [Effort]
    /// The easy-run check's verdict (M2): true when an easy run was run too hard; nil when not checked.
    public var easyRunTooHard: Bool?

    /// A digest as given.
    public init(analysedAsRun: Bool?, distanceMeters: Double?, durationSeconds: Double?, movingSeconds: Double?,
                reps: [Rep], recoverySeconds: [Double], bestEfforts: [Effort], easyRunTooHard: Bool?) {
        self.analysedAsRun = analysedAsRun
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.movingSeconds = movingSeconds
        self.reps = reps
        self.recoverySeconds = recoverySeconds
        self.bestEfforts = bestEfforts
        self.easyRunTooHard = easyRunTooHard
    }

    /// Derives the digest from a stored `analyze --json` report; nil when the text is not one (not
    /// JSON, or a key of the wrong type), exactly when ``StoredAnalysis`` would not read it either.
    public init?(analysisJSON: String) {
        guard let report = StoredAnalysis(json: analysisJSON) else { return nil }
        analysedAsRun = report.analysedAsRun
        distanceMeters = report.distanceMeters
        durationSeconds = report.durationSeconds
        movingSeconds = report.movingSeconds
        reps = (report.reps ?? []).map { Rep(meters: $0.meters, seconds: $0.seconds, cadence: $0.cadence, stepLength: $0.stepLength) }
        recoverySeconds = (report.recoveries ?? []).compactMap(\.seconds)
        bestEfforts = (report.bestEfforts ?? []).compactMap { effort in
            guard let meters = effort.meters, let seconds = effort.seconds else { return nil }
            return Effort(meters: meters, seconds: seconds)
        }
        easyRunTooHard = report.easyRun?.tooHard
    }
}

extension ActivityDigest {
    /// The first byte of every encoded digest; a later layout takes the next number.
    static let layout: UInt8 = 1
    /// More reps, recoveries or efforts than this in one digest means the bytes are damaged.
    static let largestCount = 100_000

    /// The digest as stored: a layout byte, the two verdicts, then doubles (8 bytes, little-endian
    /// IEEE 754, so every value reads back bit for bit) behind presence bits, and counted lists.
    public var encoded: Data {
        var writer = ByteWriter()
        writer.byte(Self.layout)
        writer.byte(Self.code(analysedAsRun) | Self.code(easyRunTooHard) << 2)
        Self.write([distanceMeters, durationSeconds, movingSeconds], to: &writer)
        writer.varint(UInt64(reps.count))
        for rep in reps { Self.write([rep.meters, rep.seconds, rep.cadence, rep.stepLength], to: &writer) }
        writer.varint(UInt64(recoverySeconds.count))
        for seconds in recoverySeconds { writer.fixed64(seconds.bitPattern) }
        writer.varint(UInt64(bestEfforts.count))
        for effort in bestEfforts {
            writer.fixed64(effort.meters.bitPattern)
            writer.fixed64(effort.seconds.bitPattern)
        }
        return Data(writer.bytes)
    }

    /// Reads what ``encoded`` wrote; throws ``InputError`` for bytes that are not a digest.
    public init(encoded data: Data) throws {
        var reader = ByteReader([UInt8](data), from: 0)
        do {
            guard try reader.byte() == Self.layout else { throw InputError("unknown layout") }
            let verdicts = try reader.byte()
            analysedAsRun = try Self.verdict(verdicts & 3)
            easyRunTooHard = try Self.verdict(verdicts >> 2 & 3)
            let totals = try Self.read(3, from: &reader)
            (distanceMeters, durationSeconds, movingSeconds) = (totals[0], totals[1], totals[2])
            reps = try (0..<reader.count(limit: Self.largestCount)).map { _ in
                let values = try Self.read(4, from: &reader)
                return Rep(meters: values[0], seconds: values[1], cadence: values[2], stepLength: values[3])
            }
            recoverySeconds = try (0..<reader.count(limit: Self.largestCount)).map { _ in Double(bitPattern: try reader.fixed64()) }
            bestEfforts = try (0..<reader.count(limit: Self.largestCount)).map { _ in
                Effort(meters: Double(bitPattern: try reader.fixed64()), seconds: Double(bitPattern: try reader.fixed64()))
            }
            guard reader.offset == reader.bytes.count else { throw InputError("bytes after the end") }
        } catch {
            throw InputError("the stored activity digest is damaged")
        }
    }

    private static func code(_ flag: Bool?) -> UInt8 {
        switch flag {
        case nil: 0
        case false?: 1
        case true?: 2
        }
    }

    private static func verdict(_ code: UInt8) throws -> Bool? {
        switch code {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw InputError("unknown verdict")
        }
    }

    /// Up to eight optional doubles: a byte of presence bits, then the present values.
    private static func write(_ values: [Double?], to writer: inout ByteWriter) {
        var present: UInt8 = 0
        for (index, value) in values.enumerated() where value != nil { present |= 1 << UInt8(index) }
        writer.byte(present)
        for value in values { if let value { writer.fixed64(value.bitPattern) } }
    }

    private static func read(_ count: Int, from reader: inout ByteReader) throws -> [Double?] {
        let present = try reader.byte()
        guard present >> UInt8(count) == 0 else { throw InputError("unknown presence bits") }
        return try (0..<count).map { index in
            present & 1 << UInt8(index) == 0 ? nil : Double(bitPattern: try reader.fixed64())
        }
    }
}
