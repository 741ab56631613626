/// Why an ``Speedwork/Activity`` cannot be written as a FIT activity file: each case names the
/// value and what the FIT Profile allows for it.
public enum FITActivityEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The activity has no samples; a FIT activity file needs at least one record.
    case noSamples
    /// The activity has no start time, which every FIT timestamp counts from.
    case noStart
    /// The start is outside what a FIT `date_time` holds as an absolute time (1998-07 to 2126).
    case startOutOfRange(String)
    /// A sample's time is not a number of seconds from the start (NaN, infinite or negative).
    case sampleTimeOutOfRange(sample: Int, seconds: Double)
    /// A sample value does not fit its FIT field (NaN, negative, or too large).
    case valueOutOfRange(sample: Int, field: String, value: Double, allowed: String)
    /// A lap's start, length or distance does not fit its FIT field.
    case lapOutOfRange(lap: Int, field: String, value: Double)
    /// The sport is neither a FIT Profile `sport` name nor a number.
    case unknownSport(String)
    /// An extra record field has not one value per sample, or uses a field the encoder writes itself.
    case invalidExtraField(number: UInt8, reason: String)
    /// The file would exceed the 4 GiB that the FIT header's data size can count.
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .noSamples:
            "the activity has no samples; a FIT activity file needs at least one record"
        case .noStart:
            "the activity has no start time; FIT timestamps need one"
        case .startOutOfRange(let start):
            "the activity starts at \(start); FIT can write starts from 1998-07-05 to 2126-02-06"
        case .sampleTimeOutOfRange(let sample, let seconds):
            "sample \(sample): time \(seconds) s is not a number of seconds from the start (0 or more)"
        case .valueOutOfRange(let sample, let field, let value, let allowed):
            "sample \(sample): \(field) \(value) is outside what FIT can write (\(allowed))"
        case .lapOutOfRange(let lap, let field, let value):
            "lap \(lap): \(field) \(value) cannot be written to a FIT lap (a number of seconds or metres, at most 2^28 s from the start)"
        case .unknownSport(let sport):
            "sport '\(sport)' is not a FIT sport name (running, cycling, … or running/track) nor a number 0–254"
        case .invalidExtraField(let number, let reason):
            "extra record field \(number): \(reason)"
        case .tooLarge(let bytes):
            "the FIT file would take \(bytes) bytes; the FIT header counts at most 4,294,967,295"
        }
    }
}
