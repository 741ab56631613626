/// An activity's movement on a one-second grid: cumulative distance and smoothed speed.
///
/// The common ground of rep detection, best efforts and the pace curve. Distance comes from the
/// device's cumulative distance when it records one, otherwise from integrating its speed; speed is
/// the derivative of that distance over ±2 s, then a 5 s moving median and a 3 s moving mean, which
/// take out single-sample GPS jumps without moving a rep's start or end by more than a second.
public struct SpeedSeries: Sendable {
    /// Seconds since the start of the activity of index 0.
    public let startSeconds: Double
    /// Cumulative metres at each second.
    public let meters: [Double]
    /// Smoothed speed in metres per second at each second.
    public let speed: [Double]
    /// Steps per minute at each second, when the device records cadence.
    public let stepsPerMinute: [Double?]
    /// The device's own speed at each second (GPS Doppler or footpod, far steadier than position
    /// differences), median of 3, when it records speed for most samples.
    public let deviceSpeed: [Double]?

    /// Builds the series, or `nil` when the samples carry neither distance nor speed.
    public init?(_ activity: Activity) {
        let samples = activity.samples.filter { $0.seconds.isFinite }.sorted { $0.seconds < $1.seconds }
        guard let first = samples.first, let last = samples.last, last.seconds - first.seconds >= 2 else { return nil }
        let hasDistance = samples.filter { $0.meters != nil }.count >= samples.count / 2
        let hasSpeed = samples.contains { $0.metersPerSecond != nil }
        guard hasDistance || hasSpeed else { return nil }

        // Cumulative distance per sample: the device's, else integrated speed.
        var times: [Double] = []
        var distances: [Double] = []
        var cadences: [(Double, Double)] = []
        var integrated = 0.0
        var previous: ActivitySample?
        for sample in samples {
            if hasDistance {
                guard let meters = sample.meters else { continue }
                // Distance never runs backwards.
                distances.append(max(meters, distances.last ?? meters))
            } else {
                if let previous, let speed = previous.metersPerSecond {
                    integrated += speed * (sample.seconds - previous.seconds)
                }
                distances.append(integrated)
                previous = sample
            }
            times.append(sample.seconds)
            if let cadence = sample.stepsPerMinute, cadence > 0 { cadences.append((sample.seconds, cadence)) }
        }
        guard times.count >= 2 else { return nil }

        // Resample onto whole seconds.
        let start = times[0].rounded(.up)
        let count = Int((times[times.count - 1] - start).rounded(.down)) + 1
        guard count >= 3 else { return nil }
        var grid = [Double](repeating: 0, count: count)
        var cursor = 0
        for index in 0..<count {
            let t = start + Double(index)
            while cursor + 1 < times.count - 1, times[cursor + 1] < t { cursor += 1 }
            let (t0, t1) = (times[cursor], times[min(cursor + 1, times.count - 1)])
            let (d0, d1) = (distances[cursor], distances[min(cursor + 1, times.count - 1)])
            grid[index] = t1 > t0 ? d0 + (d1 - d0) * min(max((t - t0) / (t1 - t0), 0), 1) : d1
        }
        let speedSamples = samples.compactMap { sample in sample.metersPerSecond.map { (sample.seconds, $0) } }
        var deviceGrid: [Double]?
        if speedSamples.count * 2 >= samples.count {
            var values = [Double](repeating: 0, count: count)
            var at = 0
            for index in 0..<count {
                let t = start + Double(index)
                while at + 1 < speedSamples.count - 1, speedSamples[at + 1].0 < t { at += 1 }
                let (a, b) = (speedSamples[at], speedSamples[min(at + 1, speedSamples.count - 1)])
                values[index] = b.0 > a.0 ? a.1 + (b.1 - a.1) * min(max((t - a.0) / (b.0 - a.0), 0), 1) : b.1
            }
            deviceGrid = SpeedSeries.movingMedian(values, radius: 1)
        }
        var cadenceGrid = [Double?](repeating: nil, count: count)
        var cadenceCursor = 0
        for index in 0..<count where !cadences.isEmpty {
            let t = start + Double(index)
            while cadenceCursor + 1 < cadences.count, cadences[cadenceCursor + 1].0 <= t { cadenceCursor += 1 }
            if abs(cadences[cadenceCursor].0 - t) <= 5 { cadenceGrid[index] = cadences[cadenceCursor].1 }
        }

        // Speed: central difference over ±2 s, then median of 5, then mean of 3.
        var raw = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let a = max(index - 2, 0), b = min(index + 2, count - 1)
            raw[index] = b > a ? (grid[b] - grid[a]) / Double(b - a) : 0
        }
        self.startSeconds = start
        self.meters = grid
        self.speed = SpeedSeries.movingMean(SpeedSeries.movingMedian(raw, radius: 2), radius: 1)
        self.stepsPerMinute = cadenceGrid
        self.deviceSpeed = deviceGrid
    }

    /// Seconds covered by the series.
    public var count: Int { meters.count }

    /// The cumulative distance at a fractional index (linear between seconds).
    public func meters(at index: Double) -> Double {
        let clamped = min(max(index, 0), Double(count - 1))
        let low = Int(clamped.rounded(.down)), high = min(low + 1, count - 1)
        return meters[low] + (meters[high] - meters[low]) * (clamped - Double(low))
    }

    static func movingMedian(_ values: [Double], radius: Int) -> [Double] {
        guard radius > 0 else { return values }
        var result = values
        var window: [Double] = []
        window.reserveCapacity(2 * radius + 1)
        for index in values.indices {
            window.removeAll(keepingCapacity: true)
            for j in max(index - radius, 0)...min(index + radius, values.count - 1) { window.append(values[j]) }
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
