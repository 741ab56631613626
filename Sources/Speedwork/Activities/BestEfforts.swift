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
    /// time) and interpolated between seconds. An effort lies within one recorded segment of the
    /// series: never across a gap.
    public static func efforts(_ series: SpeedSeries, distances: [Distance] = distances) -> [Effort] {
        distances.compactMap { distance in
            var best: (seconds: Double, start: Double)?
            for segment in series.segments {
                if let found = fastest(series.meters[segment.range], distance.meters), best.map({ found.seconds < $0.seconds }) ?? true {
                    best = (found.seconds, segment.startSeconds + found.start)
                }
            }
            return best.map { Effort(distance: distance, seconds: $0.seconds, startSeconds: $0.start) }
        }
    }

    /// The fastest stretch of `distance` metres in one segment's cumulative metres: its seconds and
    /// its start, seconds from the segment's first index.
    static func fastest(_ meters: ArraySlice<Double>, _ distance: Double) -> (seconds: Double, start: Double)? {
        guard let first = meters.first, let last = meters.last, last - first >= distance else { return nil }
        let base = meters.startIndex
        var best: (seconds: Double, start: Double)?
        var start = base
        for end in (base + 1)..<meters.endIndex where meters[end] - first >= distance {
            let from = meters[end] - distance
            while start + 1 < end, meters[start + 1] <= from { start += 1 }
            let span = meters[start + 1] - meters[start]
            let fractional = Double(start - base) + (span > 0 ? (from - meters[start]) / span : 0)
            let seconds = Double(end - base) - fractional
            if seconds > 0, best.map({ seconds < $0.seconds }) ?? true { best = (seconds, fractional) }
        }
        return best
    }

    /// The pace–duration curve: for each duration the activity lasts without a gap, the farthest
    /// distance covered in that many seconds of one recorded segment.
    public static func curve(_ series: SpeedSeries, durations: [Double] = curveDurations) -> [CurvePoint] {
        let meters = series.meters
        let longest = series.segments.map(\.range.count).max() ?? 0
        return durations.filter { $0.isFinite && $0 >= 1 && $0 < Double(longest) }.map { duration in
            let window = Int(duration)
            // Four running maxima side by side (the loop is otherwise one long chain of max); when
            // the farthest is 0, one in order, so a -0 and a +0 come out as before.
            var lanes = (0.0, 0.0, 0.0, 0.0)
            var farthest = 0.0
            meters.withUnsafeBufferPointer { meters in
                for segment in series.segments where segment.range.count > window {
                    let starts = segment.range.lowerBound..<(segment.range.upperBound - window)
                    var start = starts.lowerBound
                    while start + 4 <= starts.upperBound {
                        lanes.0 = max(lanes.0, meters[start + window] - meters[start])
                        lanes.1 = max(lanes.1, meters[start + 1 + window] - meters[start + 1])
                        lanes.2 = max(lanes.2, meters[start + 2 + window] - meters[start + 2])
                        lanes.3 = max(lanes.3, meters[start + 3 + window] - meters[start + 3])
                        start += 4
                    }
                    for rest in start..<starts.upperBound { lanes.0 = max(lanes.0, meters[rest + window] - meters[rest]) }
                }
                farthest = max(max(lanes.0, lanes.1), max(lanes.2, lanes.3))
                if farthest == 0 {
                    farthest = 0.0
                    for segment in series.segments where segment.range.count > window {
                        for start in segment.range.lowerBound..<(segment.range.upperBound - window) {
                            farthest = max(farthest, meters[start + window] - meters[start])
                        }
                    }
                }
            }
            return CurvePoint(seconds: duration, meters: farthest)
        }
    }
}
