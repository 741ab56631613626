/// Why a workout cannot be written as a FIT workout file.
public enum FITWorkoutEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The workout has no steps to export.
    case noSteps
    /// FIT numbers workout steps with a 16-bit message index.
    case tooManySteps(Int)
    /// A step's time, distance or target does not fit its FIT field (negative or too large).
    case valueOutOfRange(step: String, field: String)

    public var description: String {
        switch self {
        case .noSteps:
            "the workout has no steps to export"
        case .tooManySteps(let count):
            "the workout has \(count) steps; a FIT workout holds at most 65534"
        case .valueOutOfRange(let step, let field):
            "step '\(step)': \(field) cannot be written to a FIT workout"
        }
    }
}
