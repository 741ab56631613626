import Foundation
import Speedwork

/// Typed readers for the fields a running coach uses, with the FIT Profile's units, scales and
/// offsets applied (Garmin FIT SDK, *FIT Profile*: `record`, `lap`, `session`, `file_id`).
/// Each returns nil when the message is of another kind, lacks the field, or holds the invalid
/// value.
extension FITMessage {
    private typealias Record = FITProfile.Field.Record
    private typealias LapSession = FITProfile.Field.LapSession

    /// Degrees per semicircle: 180 / 2^31 (FIT Profile, `position_lat` units "semicircles").
    public static let degreesPerSemicircle = 180.0 / 2_147_483_648.0

    private var isRecord: Bool { globalMessageNumber == FITProfile.Message.record }
    private var isLapOrSession: Bool {
        globalMessageNumber == FITProfile.Message.lap || globalMessageNumber == FITProfile.Message.session
    }

    /// record `position_lat` (field 0, sint32 semicircles) in degrees.
    public var latitude: Double? {
        guard isRecord, let v = integer(Record.positionLat) else { return nil }
        return Double(v) * FITMessage.degreesPerSemicircle
    }

    /// record `position_long` (field 1, sint32 semicircles) in degrees.
    public var longitude: Double? {
        guard isRecord, let v = integer(Record.positionLong) else { return nil }
        return Double(v) * FITMessage.degreesPerSemicircle
    }

    /// record altitude in metres: `enhanced_altitude` (field 78) when valid, else `altitude`
    /// (field 2); both scale 5, offset 500.
    public var altitude: Double? {
        guard isRecord else { return nil }
        return scaled(Record.enhancedAltitude, scale: 5, offset: 500)
            ?? scaled(Record.altitude, scale: 5, offset: 500)
    }

    /// record `heart_rate` (field 3) in beats per minute.
    public var heartRate: Int? {
        guard isRecord, let v = integer(Record.heartRate) else { return nil }
        return Int(v)
    }

    /// record cadence in cycles per minute: `cadence` (field 4) plus `fractional_cadence`
    /// (field 53, scale 128) when present. For running this is strides of one leg per minute;
    /// steps per minute are twice this.
    public var cadence: Double? {
        guard isRecord, let whole = double(Record.cadence) else { return nil }
        return whole + (scaled(Record.fractionalCadence, scale: 128) ?? 0)
    }

    /// record `distance` (field 5, scale 100, m): the distance covered so far.
    public var distance: Distance? {
        guard isRecord, let m = scaled(Record.distance, scale: 100) else { return nil }
        return Distance(meters: m)
    }

    /// record speed: `enhanced_speed` (field 73) when valid, else `speed` (field 6); scale 1000, m/s.
    public var speed: Speed? {
        guard isRecord,
            let v = scaled(Record.enhancedSpeed, scale: 1000) ?? scaled(Record.speed, scale: 1000)
        else { return nil }
        return Speed(metersPerSecond: v)
    }

    /// lap or session `start_time` (field 2) as a `Date`.
    public var startTime: Date? {
        guard isLapOrSession, let v = unsigned(LapSession.startTime) else { return nil }
        return FITProfile.date(fromFITTime: UInt32(truncatingIfNeeded: v))
    }

    /// lap or session `total_elapsed_time` (field 7, scale 1000, s), pauses included.
    public var totalElapsedTime: Duration? {
        guard isLapOrSession, let s = scaled(LapSession.totalElapsedTime, scale: 1000) else { return nil }
        return Duration(seconds: s)
    }

    /// lap or session `total_timer_time` (field 8, scale 1000, s), pauses excluded.
    public var totalTimerTime: Duration? {
        guard isLapOrSession, let s = scaled(LapSession.totalTimerTime, scale: 1000) else { return nil }
        return Duration(seconds: s)
    }

    /// lap or session `total_distance` (field 9, scale 100, m).
    public var totalDistance: Distance? {
        guard isLapOrSession, let m = scaled(LapSession.totalDistance, scale: 100) else { return nil }
        return Distance(meters: m)
    }

    /// session `sport` (field 5), the FIT Profile `sport` enum (1 = running, 2 = cycling…).
    public var sport: UInt8? {
        guard globalMessageNumber == FITProfile.Message.session,
            let v = unsigned(FITProfile.Field.Session.sport)
        else { return nil }
        return UInt8(truncatingIfNeeded: v)
    }

    /// file_id `type` (field 0), the FIT Profile `file` enum (4 = activity, 5 = workout…).
    public var fileType: UInt8? {
        guard globalMessageNumber == FITProfile.Message.fileID,
            let v = unsigned(FITProfile.Field.FileID.type)
        else { return nil }
        return UInt8(truncatingIfNeeded: v)
    }

    /// file_id `manufacturer` (field 1), the FIT Profile `manufacturer` type (1 = garmin…).
    public var manufacturer: UInt16? {
        guard globalMessageNumber == FITProfile.Message.fileID,
            let v = unsigned(FITProfile.Field.FileID.manufacturer)
        else { return nil }
        return UInt16(truncatingIfNeeded: v)
    }

    /// file_id `product` (field 2), the manufacturer's product id (`garmin_product` for Garmin).
    public var product: UInt16? {
        guard globalMessageNumber == FITProfile.Message.fileID,
            let v = unsigned(FITProfile.Field.FileID.product)
        else { return nil }
        return UInt16(truncatingIfNeeded: v)
    }
}
