/// An activity's movement on a one-second grid: cumulative distance and smoothed speed, over the
/// stretches the watch recorded and never across the gaps between them.
///
/// The common ground of rep detection, best efforts and the pace curve. Distance comes from the
/// device's cumulative distance when it records one, otherwise from integrating its speed; speed is
/// the derivative of that distance over ±2 s, then a 5 s moving median and a 3 s moving mean, which
/// take out single-sample GPS jumps without moving a rep's start or end by more than a second.
///
/// When no sample comes for longer than ``longestGap`` (a pause of the watch, a lost signal, a
/// clock that jumped), the series ends a segment and starts the next at the following sample:
/// nothing is interpolated across a gap and no second of it is stored. Every array therefore holds
/// at most `longestGap + 1` elements per sample, whatever the time span of the file. Index `i` of
/// the arrays is a grid second; ``seconds(at:)`` maps it back to seconds of the activity.
public struct SpeedSeries: Sendable {
    /// A stretch of recorded time: grid indices `range`, the first at `startSeconds`.
    public struct Segment: Sendable, Hashable {
        /// Indices into the series' arrays.
        public let range: Range<Int>
        /// Seconds since the start of the activity of the segment's first index.
        public let startSeconds: Double
        /// Seconds since the start of the activity of the segment's last index.
        public var endSeconds: Double { startSeconds + Double(range.count - 1) }
    }

    /// No sample for longer than this is a gap, not a stretch to interpolate, seconds. Watches
    /// record every 1 s, or every few seconds in "smart" recording; 30 s without one is a pause or a
    /// lost signal (product setting).
    public static let longestGap = 30.0

    /// Seconds since the start of the activity of index 0.
    public let startSeconds: Double
    /// Cumulative metres at each grid second, as recorded (a distance the device added across a gap
    /// stays in, between the segments).
    public let meters: [Double]
    /// Smoothed speed in metres per second at each grid second.
    public let speed: [Double]
    /// Steps per minute at each grid second, when the device records cadence.
    public let stepsPerMinute: [Double?]
    /// The device's own speed at each grid second (GPS Doppler or footpod, far steadier than
    /// position differences), median of 3, when it records speed for most samples.
    public let deviceSpeed: [Double]?
    /// The stretches of recorded time, in order; together they cover every index once.
    public let segments: [Segment]

    /// Builds the series, or `nil` when fewer than two samples carry distance or speed.
    public init?(_ activity: Activity, longestGap: Double = SpeedSeries.longestGap) {
        let samples = activity.samples.filter { $0.seconds.isFinite }.sorted { $0.seconds < $1.seconds }
        let hasDistance = samples.filter { $0.meters?.isFinite == true }.count * 2 >= samples.count
        let hasSpeed = samples.contains { $0.metersPerSecond?.isFinite == true }
        guard samples.count >= 2, hasDistance || hasSpeed else { return nil }

        // Cumulative distance per sample: the device's, else integrated speed (never over a gap).
        var times: [Double] = [], distances: [Double] = [], deviceSpeeds: [Double?] = [], cadences: [Double?] = []
        var integrated = 0.0
        var previous: ActivitySample?
        for sample in samples {
            if hasDistance {
                guard let meters = sample.meters, meters.isFinite else { continue }
                // Distance never runs backwards.
                distances.append(max(meters, distances.last ?? meters))
            } else {
                if let previous, let speed = previous.metersPerSecond, speed.isFinite,
                   sample.seconds - previous.seconds <= longestGap {
                    integrated += max(speed, 0) * (sample.seconds - previous.seconds)
                }
                distances.append(integrated)
                previous = sample
            }
            times.append(sample.seconds)
            deviceSpeeds.append(sample.metersPerSecond.flatMap { $0.isFinite ? $0 : nil })
            cadences.append(sample.stepsPerMinute.flatMap { $0.isFinite && $0 > 0 ? $0 : nil })
        }
        guard times.count >= 2 else { return nil }
        let useDeviceSpeed = deviceSpeeds.filter { $0 != nil }.count * 2 >= samples.count

        var meters: [Double] = [], speed: [Double] = [], steps: [Double?] = [], device: [Double] = []
        var segments: [Segment] = []
        var first = 0
        for last in times.indices where last == times.count - 1 || times[last + 1] - times[last] > longestGap {
            let start = meters.count
            SpeedSeries.fill(times: times[first...last], distances: distances, deviceSpeeds: deviceSpeeds, cadences: cadences,
                             deviceSpeed: useDeviceSpeed, meters: &meters, speed: &speed, steps: &steps, device: &device)
            segments.append(Segment(range: start..<meters.count, startSeconds: times[first]))
            first = last + 1
        }
        self.startSeconds = times[0]
        self.meters = meters
        self.speed = speed
        self.stepsPerMinute = steps
        self.deviceSpeed = useDeviceSpeed ? device : nil
        self.segments = segments
    }

    /// Appends one segment: the samples `times` (indices into the per-sample arrays), no two more
    /// than the longest gap apart, resampled onto whole seconds from the first of them.
    private static func fill(times: ArraySlice<Double>, distances: [Double], deviceSpeeds: [Double?], cadences: [Double?],
                             deviceSpeed: Bool, meters: inout [Double], speed: inout [Double], steps: inout [Double?], device: inout [Double]) {
        let start = times[times.startIndex]
        // Samples are at most the longest gap apart, so this is bounded by the number of samples.
        let count = Int((times[times.endIndex - 1] - start).rounded(.down)) + 1
        let points = times.indices.map { (times[$0], distances[$0]) }
        let grid = resample(points, start: start, count: count)
        if deviceSpeed {
            let recorded = times.indices.compactMap { index in deviceSpeeds[index].map { (times[index], $0) } }
            device += recorded.isEmpty ? [Double](repeating: 0, count: count) : movingMedian(resample(recorded, start: start, count: count), radius: 1)
        }
        let cadence = times.indices.compactMap { index in cadences[index].map { (times[index], $0) } }
        var cursor = 0
        for index in 0..<count {
            guard !cadence.isEmpty else { steps.append(nil); continue }
            let t = start + Double(index)
            while cursor + 1 < cadence.count, cadence[cursor + 1].0 <= t { cursor += 1 }
            steps.append(abs(cadence[cursor].0 - t) <= 5 ? cadence[cursor].1 : nil)
        }
        // Speed: central difference over ±2 s, then median of 5, then mean of 3.
        var raw = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let a = max(index - 2, 0), b = min(index + 2, count - 1)
            raw[index] = b > a ? (grid[b] - grid[a]) / Double(b - a) : 0
        }
        meters += grid
        speed += movingMean(movingMedian(raw, radius: 2), radius: 1)
    }

    /// Values at `count` whole seconds from `start`, linear between the points (in time order) and
    /// held at the ends.
    private static func resample(_ points: [(Double, Double)], start: Double, count: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        var cursor = 0
        for index in 0..<count {
            let t = start + Double(index)
            while cursor + 1 < points.count - 1, points[cursor + 1].0 < t { cursor += 1 }
            let (a, b) = (points[cursor], points[min(cursor + 1, points.count - 1)])
            values[index] = b.0 > a.0 ? a.1 + (b.1 - a.1) * min(max((t - a.0) / (b.0 - a.0), 0), 1) : b.1
        }
        return values
    }

    /// Grid seconds covered by the series.
    public var count: Int { meters.count }

    /// The segment holding grid index `index` (clamped to the series).
    public func segment(containing index: Int) -> Segment {
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].range.lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        return segments[low]
    }

    /// Seconds since the start of the activity at a fractional grid index.
    public func seconds(at index: Double) -> Double {
        let clamped = index.isNaN ? 0 : min(max(index, 0), Double(count - 1))
        let segment = segment(containing: Int(clamped.rounded(.down)))
        return segment.startSeconds + (clamped - Double(segment.range.lowerBound))
    }

    /// The fractional grid index of a moment of the activity; a moment inside a gap maps to the
    /// end of the segment before it.
    public func index(atSeconds seconds: Double) -> Double {
        guard seconds.isFinite else { return seconds == .infinity ? Double(count - 1) : 0 }
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].startSeconds <= seconds { low = middle } else { high = middle - 1 }
        }
        let chosen = segments[low]
        let offset = min(max(seconds - chosen.startSeconds, 0), Double(chosen.range.count - 1))
        return Double(chosen.range.lowerBound) + offset
    }

    /// The cumulative distance at a fractional index (linear between seconds).
    public func meters(at index: Double) -> Double {
        let clamped = index.isNaN ? 0 : min(max(index, 0), Double(count - 1))
        let low = Int(clamped.rounded(.down)), high = min(low + 1, count - 1)
        guard high < segment(containing: low).range.upperBound else { return meters[low] }
        return meters[low] + (meters[high] - meters[low]) * (clamped - Double(low))
    }

    /// The distance recorded between two fractional indices, leaving out what the device added
    /// across the gaps between segments.
    public func recordedMeters(from start: Double, to end: Double) -> Double {
        guard end > start else { return 0 }
        var total = 0.0
        for segment in segments {
            let low = max(start, Double(segment.range.lowerBound)), high = min(end, Double(segment.range.upperBound - 1))
            if high > low { total += meters(at: high) - meters(at: low) }
        }
        return total
    }

    /// `transform` applied to each segment's part of `values` on its own, so that no window of a
    /// moving mean or median reaches across a gap.
    public func bySegment(_ values: [Double], _ transform: ([Double]) -> [Double]) -> [Double] {
        segments.flatMap { transform(Array(values[$0.range])) }
    }

    static func movingMedian(_ values: [Double], radius: Int) -> [Double] {
        guard radius > 0 else { return values }
        var result = values
        var window: [Double] = []
        window.reserveCapacity(2 * radius + 1)
        for index in values.indices {
            window.removeAll(keepingCapacity: true)
            // Symmetric at the ends too: a window of one at the first and last value.
            let reach = min(radius, index, values.count - 1 - index)
            for j in (index - reach)...(index + reach) { window.append(values[j]) }
            window.sort()
            result[index] = window[window.count / 2]
        }
        return result
    }

    static func movingMean(_ values: [Double], radius: Int) -> [Double] {
        guard radius > 0 else { return values }
        return values.indices.map { index in
            let range = max(index - radius, 0)...min(index + radius, values.count - 1)
            return values[range].reduce(0, +) / Double(range.count)
        }
    }
}
