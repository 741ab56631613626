/// One dated performance that says something about a runner's fitness, and where it came from:
/// a race or time trial the runner logged (M21, M43), or a hard effort inside a recorded activity
/// that beat the estimate of its day (M52). Progress shows each point of the fitness line with its
/// source; the current estimate is made from the evidence of the recent past.
public struct FitnessEvidence: Sendable, Hashable {
    /// Where a piece of evidence came from.
    public enum Source: String, Sendable, Hashable, CaseIterable, Codable {
        /// A race result.
        case race
        /// A time trial (M21).
        case timeTrial = "time-trial"
        /// A hard effort the runner logged by hand.
        case effort
        /// The best effort over a standard distance inside a recorded activity.
        case activity
    }

    /// The distance, time and day.
    public var performance: Performance
    /// What kind of evidence it is.
    public var source: Source
    /// The logged result's id or the activity's content hash, so a view can link to it.
    public var reference: String?

    /// A piece of evidence; its performance must carry a date.
    public init(performance: Performance, source: Source, reference: String? = nil) throws {
        guard performance.date != nil else {
            throw InputError("the result \(performance.written) has no date: evidence of fitness needs the day it was run")
        }
        self.performance = performance
        self.source = source
        self.reference = reference
    }

    /// The day it was run.
    public var day: Day { performance.date! }
    /// Its VDOT (Daniels & Gilbert 1979), the common scale evidence is compared on.
    public var vdot: Double { DanielsGilbert.vdot(of: performance) }
}
