/// The fastest stretch of an activity at each standard distance (M52), and its pace–duration curve.
public enum BestEfforts {
    /// One best effort.
    public struct Effort: Sendable, Hashable {
        public let distance: Distance
        public let seconds: Double
        /// Seconds since the start of the activity when it began.
        public let startSeconds: Double
    }

    /// One point of the pace–duration curve: the farthest distance covered in `seconds`.
    public struct CurvePoint: Sendable, Hashable {
        public let seconds: Double
        public let meters: Double
        public var pace: Pace { Pace(distance: .meters(meters), time: .seconds(seconds)) }
    }

    /// The distances best efforts are looked for at.
    public static let distances: [Distance] = ["400m", "800m", "1k", "mile", "3k", "5k", "10k", "half", "marathon"].map { try! Distance(parsing: $0) }
    /// The durations of the pace curve, seconds.
    public static let curveDurations: [Double] = [5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200]

    /// Best efforts at every standard distance the activity covers: for each end second, the start
    /// where exactly the distance begins is found by a pointer that only moves forward (linear
    /// time) and interpolated between seconds.
    public static func efforts(_ series: SpeedSeries, distances: [Distance] = distances) -> [Effort] {
        let meters = series.meters
        guard let total = meters.last.map({ $0 - meters[0] }) else { return [] }
        return distances.filter { $0.meters <= total }.compactMap { distance in
            var best: (seconds: Double, start: Double)?
            var start = 0
            for end in 1..<meters.count where meters[end] - meters[0] >= distance.meters {
                let from = meters[end] - distance.meters
                while start + 1 < end, meters[start + 1] <= from { start += 1 }
                let span = meters[start + 1] - meters[start]
                let fractional = Double(start) + (span > 0 ? (from - meters[start]) / span : 0)
                let seconds = Double(end) - fractional
                if seconds > 0, best.map({ seconds < $0.seconds }) ?? true { best = (seconds, fractional) }
            }
            return best.map { Effort(distance: distance, seconds: $0.seconds, startSeconds: series.startSeconds + $0.start) }
        }
    }

    /// The pace–duration curve: for each duration the activity lasts, the farthest distance
    /// covered in that many seconds.
    public static func curve(_ series: SpeedSeries, durations: [Double] = curveDurations) -> [CurvePoint] {
        let meters = series.meters
        return durations.filter { Int($0) < meters.count }.map { duration in
            let window = Int(duration)
            var farthest = 0.0
            for start in 0..<(meters.count - window) {
                farthest = max(farthest, meters[start + window] - meters[start])
            }
            return CurvePoint(seconds: duration, meters: farthest)
        }
    }
}
