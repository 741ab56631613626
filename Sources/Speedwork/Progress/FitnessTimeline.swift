/// The fitness estimate over time (M52, M43): one point at each piece of evidence (a race, a time
/// trial, a logged effort, a run's best effort), with the estimate as of that day and what the
/// point came from.
public enum FitnessTimeline {
    /// One point of the line.
    public struct Point: Sendable {
        /// The evidence the point is drawn at: its day, performance, source and reference.
        public let evidence: FitnessEvidence
        /// The estimate from all evidence up to and including that day (the log's window).
        public let estimate: FitnessEstimate

        /// The estimate's VDOT (Daniels & Gilbert 1979).
        public var vdot: Double { estimate.vdot }
        /// The mile the estimate predicts that day.
        public var mile: Duration { estimate.time(for: .mile) }
        /// The 5K the estimate predicts that day.
        public var fiveK: Duration { estimate.time(for: .meters(5000)) }
    }

    /// The points for `evidence` (oldest first), from `since` on; `estimate` gives the estimate as
    /// of a day (the log's one definition of fitness) and is asked once per day.
    public static func points(_ evidence: [FitnessEvidence], since: Day? = nil,
                              estimate: (Day) throws -> FitnessEstimate?) rethrows -> [Point] {
        var byDay: [Day: FitnessEstimate?] = [:]
        var points: [Point] = []
        for item in evidence.sorted(by: { $0.day < $1.day }) where since.map({ item.day >= $0 }) ?? true {
            let found: FitnessEstimate?
            if let cached = byDay[item.day] { found = cached } else {
                found = try estimate(item.day)
                byDay[item.day] = found
            }
            if let found { points.append(Point(evidence: item, estimate: found)) }
        }
        return points
    }
}
