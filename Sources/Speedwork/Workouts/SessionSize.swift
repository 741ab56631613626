/// How much of a session to give when the runner's time budget is short (M41: a session fits
/// the time budget): the warm-up frame and at most how many reps. ``full`` is the method's
/// session as written.
public struct SessionSize: Sendable, Hashable {
    /// The warm-up and cool-down (M4, M5).
    public var frame: WarmUp.Frame
    /// At most this many reps of the main set, or the progression's count when `nil`.
    public var maxReps: Int?

    /// A size with `frame` and at most `maxReps` reps (the progression's count when `nil`).
    public init(frame: WarmUp.Frame = .full, maxReps: Int? = nil) {
        self.frame = frame
        self.maxReps = maxReps
    }

    /// The method's session as written.
    public static let full = SessionSize()
}
