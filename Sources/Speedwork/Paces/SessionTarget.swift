/// The pace (and per-rep time) a runner aims for in one of the method's sessions (M42).
public struct SessionTarget: Sendable, Hashable {
    /// The method's rule id: `M11`.
    public let rule: String
    /// The session's name: `200 m repeats`.
    public let title: String
    /// The target pace band.
    public let pace: PaceRange
    /// For distance reps, the time band per rep.
    public let repTarget: RepTarget?
    /// For timed reps (M10's 20–30 s sprints, M18's 10 min), the rep's length in time.
    public let repDuration: ClosedRange<Duration>?
    /// What the target is computed from, in words: `current 400 m race pace 80.0 s`.
    public let basis: String
}
