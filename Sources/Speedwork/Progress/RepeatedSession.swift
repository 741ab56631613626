/// The same track session across months and years (M7, M52): sessions whose reps have the same
/// shape (6 × 200m, 8 × 400m, or a pyramid's distances in order), each time it was run side by
/// side, so the honest measure of fitness — the same workout, faster — can be read off.
public struct RepeatedSession: Sendable {
    /// A shape is shown when it was run at least this many times: one run compares with nothing.
    public static let minimumOccurrences = 2
    /// The fade compares the mean of the last third of the reps with the first third (as the
    /// session grade does, M51); sessions of fewer reps have no fade.
    public static let fadeMinimumReps = 3

    /// The reps' distances in order, rounded to the track: `6 × 200m`.
    public let shape: String
    /// The rep distances, metres, in order.
    public let repMeters: [Double]
    /// Each time it was run, oldest first.
    public let occurrences: [Occurrence]

    /// One time the session was run.
    public struct Occurrence: Sendable, Hashable {
        /// The day.
        public let day: Day
        /// The activity's content hash or the hand-logged session's id.
        public let reference: String
        /// Recorded or hand-logged.
        public let source: ProgressRun.Source
        /// Mean rep time, seconds.
        public let averageSeconds: Double
        /// The fastest and slowest rep, seconds.
        public let fastestSeconds: Double
        public let slowestSeconds: Double
        /// How much slower the last third of the reps was than the first third, per cent of the
        /// first (pace per km, so reps of different lengths compare); negative when they got faster.
        public let fadePercent: Double?
        /// Mean recovery between reps, seconds, when recorded.
        public let averageRecoverySeconds: Double?
        /// Rep times, seconds, in order.
        public let repSeconds: [Double]
    }

    /// A rep's distance rounded to the track (M7): the nearest distance reps are run over on a
    /// track when within TrackSnapping's tolerance, else the nearest 50 m.
    public static func trackMeters(_ meters: Double) -> Double {
        if let nominal = TrackSnapping.nominal.min(by: { abs($0 - meters) < abs($1 - meters) }),
           abs(nominal - meters) <= TrackSnapping.tolerance * nominal {
            return nominal
        }
        return (meters / 50).rounded() * 50
    }

    /// How a shape is written: `6 × 200m` when the reps are one distance, else the distances
    /// joined with `+`.
    public static func shapeText(_ meters: [Double]) -> String {
        let labels = meters.map { Distance.meters($0).label }
        if let first = labels.first, labels.allSatisfy({ $0 == first }) { return "\(labels.count) × \(first)" }
        return labels.joined(separator: " + ")
    }

    /// The repeated sessions among `runs` (from `since` on), the most often run first. A session
    /// with a rep of unknown distance has no shape and is left out.
    public static func group(_ runs: [ProgressRun], since: Day? = nil) -> [RepeatedSession] {
        var byShape: [[Double]: [Occurrence]] = [:]
        for run in runs where run.isRun && run.reps.count >= ProgressRun.hardSessionReps && (since.map { run.day >= $0 } ?? true) {
            let distances = run.reps.compactMap { $0.meters.flatMap { $0 > 0 ? trackMeters($0) : nil } }
            let times = run.reps.map(\.seconds)
            guard distances.count == run.reps.count, times.allSatisfy({ $0.isFinite && $0 > 0 }) else { continue }
            let paces = zip(times, distances).map { $0 * 1000 / $1 }
            var fade: Double?
            if paces.count >= fadeMinimumReps {
                let third = paces.count / 3
                let first = paces.prefix(third).reduce(0, +) / Double(third)
                let last = paces.suffix(third).reduce(0, +) / Double(third)
                fade = (last / first - 1) * 100
            }
            let recoveries = run.recoverySeconds.filter { $0.isFinite && $0 > 0 }
            byShape[distances, default: []].append(Occurrence(
                day: run.day, reference: run.reference, source: run.source,
                averageSeconds: times.reduce(0, +) / Double(times.count),
                fastestSeconds: times.min()!, slowestSeconds: times.max()!, fadePercent: fade,
                averageRecoverySeconds: recoveries.isEmpty ? nil : recoveries.reduce(0, +) / Double(recoveries.count),
                repSeconds: times))
        }
        return byShape.filter { $0.value.count >= minimumOccurrences }
            .map { RepeatedSession(shape: shapeText($0.key), repMeters: $0.key,
                                   occurrences: $0.value.sorted { ($0.day, $0.reference) < ($1.day, $1.reference) }) }
            .sorted { ($0.occurrences.count, $1.shape) > ($1.occurrences.count, $0.shape) }
    }
}
