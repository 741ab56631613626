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
/// the arrays is a grid second; ``seconds(at:)`` maps it back to seconds of the activity. Where
/// samples come far apart on average, shorter gaps end segments too (``gridPerSample``).
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

    /// The grid holds at most this many seconds per sample, or ``gridFloor`` seconds when that is
    /// more: where samples come further apart on average (a point every 29 s), gaps longer than
    /// the largest whole second that keeps within it end a segment too. Watches recording every
    /// second or "smart" (a point every 1–8 s) stay well within it; the grid, and so the memory of
    /// every analysis, stays proportional to the samples (product setting).
    public static let gridPerSample = 8
    /// Grid seconds any activity may have whatever its number of samples: 100,000 s, 28 hours.
    public static let gridFloor = 100_000

    /// Builds the series, or `nil` when fewer than two samples carry distance or speed.
    public init?(_ activity: Activity, longestGap: Double = SpeedSeries.longestGap) {
        // The samples as they are when already in time order and timed (no copy), else sorted.
        var samples = activity.samples
        var ordered = true
        var previousSeconds = -Double.infinity
        for sample in samples {
            if !sample.seconds.isFinite || sample.seconds < previousSeconds { ordered = false; break }
            previousSeconds = sample.seconds
        }
        if !ordered { samples = samples.filter { $0.seconds.isFinite }.sorted { $0.seconds < $1.seconds } }
        var withDistance = 0
        var hasSpeed = false
        for sample in samples {
            if sample.meters?.isFinite == true { withDistance += 1 }
            if sample.metersPerSecond?.isFinite == true { hasSpeed = true }
        }
        let hasDistance = withDistance * 2 >= samples.count
        guard samples.count >= 2, hasDistance || hasSpeed else { return nil }

        // Cumulative distance per sample: the device's, else integrated speed (never over a gap).
        // A missing speed or cadence is NaN.
        let kept = hasDistance ? withDistance : samples.count
        var times: [Double] = [], distances: [Double] = [], deviceSpeeds: [Double] = [], cadences: [Double] = []
        times.reserveCapacity(kept)
        distances.reserveCapacity(kept)
        deviceSpeeds.reserveCapacity(kept)
        cadences.reserveCapacity(kept)
        var integrated = 0.0
        var previous: ActivitySample?
        var recordedSpeeds = 0
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
            let speed = sample.metersPerSecond.flatMap { $0.isFinite ? $0 : nil }
            if speed != nil { recordedSpeeds += 1 }
            deviceSpeeds.append(speed ?? .nan)
            cadences.append(sample.stepsPerMinute.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? .nan)
        }
        let sampleCount = samples.count
        samples = []
        guard times.count >= 2 else { return nil }
        let useDeviceSpeed = recordedSpeeds * 2 >= sampleCount

        let gap = SpeedSeries.gap(times, longestGap: longestGap)
        let total = SpeedSeries.gridCount(times, gap: gap)
        var meters: [Double] = [], speed: [Double] = [], steps: [Double?] = [], device: [Double] = []
        meters.reserveCapacity(total)
        speed.reserveCapacity(total)
        steps.reserveCapacity(total)
        if useDeviceSpeed { device.reserveCapacity(total) }
        var segments: [Segment] = []
        var first = 0
        for last in times.indices where last == times.count - 1 || times[last + 1] - times[last] > gap {
            let start = meters.count
            SpeedSeries.fill(first...last, times: times, distances: distances, deviceSpeeds: deviceSpeeds, cadences: cadences,
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

    /// The longest gap interpolated: `longestGap`, or the largest whole second below it that keeps
    /// the grid within ``gridPerSample`` seconds per sample (or ``gridFloor``).
    static func gap(_ times: [Double], longestGap: Double) -> Double {
        let budget = max(gridPerSample * times.count, gridFloor)
        guard gridCount(times, gap: longestGap) > budget else { return longestGap }
        var gap = (longestGap - 1).rounded(.up)
        while gap > 1, gridCount(times, gap: gap) > budget { gap -= 1 }
        return min(gap, longestGap)
    }

    /// Grid seconds of the segments that gaps longer than `gap` make of `times` (in order).
    static func gridCount(_ times: [Double], gap: Double) -> Int {
        var count = 0
        var first = 0
        for last in times.indices where last == times.count - 1 || times[last + 1] - times[last] > gap {
            count += Int((times[last] - times[first]).rounded(.down)) + 1
            first = last + 1
        }
        return count
    }

    /// Appends one segment: the samples `indices` (into the per-sample arrays), no two more than
    /// the longest gap apart, resampled onto whole seconds from the first of them.
    private static func fill(_ indices: ClosedRange<Int>, times: [Double], distances: [Double], deviceSpeeds: [Double],
                             cadences: [Double], deviceSpeed: Bool, meters: inout [Double], speed: inout [Double],
                             steps: inout [Double?], device: inout [Double]) {
        let start = times[indices.lowerBound]
        // Samples are at most the longest gap apart, so this is bounded by the number of samples.
        let count = Int((times[indices.upperBound] - start).rounded(.down)) + 1
        let base = meters.count
        resample(times: times, values: distances, indices.lowerBound..<(indices.upperBound + 1), start: start, count: count, into: &meters)
        if deviceSpeed, !indices.contains(where: { deviceSpeeds[$0].isNaN }) {
            // Every sample has a speed (the usual case): the same points, read in place.
            var grid: [Double] = []
            grid.reserveCapacity(count)
            resample(times: times, values: deviceSpeeds, indices.lowerBound..<(indices.upperBound + 1), start: start,
                     count: count, into: &grid)
            device.append(contentsOf: movingMedian(grid, radius: 1))
        } else if deviceSpeed {
            let recorded = indices.filter { !deviceSpeeds[$0].isNaN }
            if recorded.isEmpty {
                device.append(contentsOf: repeatElement(0, count: count))
            } else {
                var grid: [Double] = []
                grid.reserveCapacity(count)
                resample(times: recorded.map { times[$0] }, values: recorded.map { deviceSpeeds[$0] }, 0..<recorded.count,
                         start: start, count: count, into: &grid)
                device.append(contentsOf: movingMedian(grid, radius: 1))
            }
        }
        if !indices.contains(where: { cadences[$0].isNaN }) {
            // Every sample has a cadence (the usual case): the same walk over the samples themselves.
            var cursor = indices.lowerBound
            for index in 0..<count {
                let t = start + Double(index)
                while cursor + 1 <= indices.upperBound, times[cursor + 1] <= t { cursor += 1 }
                steps.append(abs(times[cursor] - t) <= 5 ? cadences[cursor] : nil)
            }
        } else {
            let cadence = indices.filter { !cadences[$0].isNaN }
            var cursor = 0
            for index in 0..<count {
                guard !cadence.isEmpty else { steps.append(nil); continue }
                let t = start + Double(index)
                while cursor + 1 < cadence.count, times[cadence[cursor + 1]] <= t { cursor += 1 }
                steps.append(abs(times[cadence[cursor]] - t) <= 5 ? cadences[cadence[cursor]] : nil)
            }
        }
        // Speed: central difference over ±2 s, then median of 5, then mean of 3.
        var raw = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let a = max(index - 2, 0), b = min(index + 2, count - 1)
            raw[index] = b > a ? (meters[base + b] - meters[base + a]) / Double(b - a) : 0
        }
        raw = movingMedian(raw, radius: 2)
        appendMovingMean(raw, radius: 1, to: &speed)
    }

    /// Appends the values at `count` whole seconds from `start`, linear between the points
    /// `indices` of `times` and `values` (in time order) and held at the ends.
    private static func resample(times: [Double], values: [Double], _ indices: Range<Int>, start: Double, count: Int,
                                 into output: inout [Double]) {
        var cursor = indices.lowerBound
        let last = indices.upperBound - 1
        for index in 0..<count {
            let t = start + Double(index)
            while cursor + 1 < last, times[cursor + 1] < t { cursor += 1 }
            let next = min(cursor + 1, last)
            let (a0, a1, b0, b1) = (times[cursor], values[cursor], times[next], values[next])
            output.append(b0 > a0 ? a1 + (b1 - a1) * min(max((t - a0) / (b0 - a0), 0), 1) : b1)
        }
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
        if radius <= 2 { return smallMovingMedian(values, radius: radius) }
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

    /// ``movingMedian(_:radius:)`` for the windows of 3 and 5 the speed series uses (once per
    /// second of every activity). Where every window is whole and no value is NaN or -0.0 (so
    /// values that compare equal are the same number), the median comes from min/max networks
    /// (median of 3: `max(min(a, b), min(max(a, b), c))`; of 5: the median of 3 of the fifth value,
    /// the larger of the pairs' minima and the smaller of their maxima); the windows at the ends,
    /// and any series with NaN or -0.0, are sorted in place by insertion, with no array.
    private static func smallMovingMedian(_ values: [Double], radius: Int) -> [Double] {
        var plain = values.count > 2 * radius
        if plain {
            for value in values where value.isNaN || (value == 0 && value.sign == .minus) {
                plain = false
                break
            }
        }
        var result = insertionMovingMedian(values, radius: radius, onlyEnds: plain)
        guard plain else { return result }
        values.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                @inline(__always) func low(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
                @inline(__always) func high(_ a: Double, _ b: Double) -> Double { b < a ? a : b }
                @inline(__always) func median3(_ a: Double, _ b: Double, _ c: Double) -> Double {
                    high(low(a, b), low(high(a, b), c))
                }
                if radius == 1 {
                    for index in 1..<(input.count - 1) {
                        output[index] = median3(input[index - 1], input[index], input[index + 1])
                    }
                } else {
                    for index in 2..<(input.count - 2) {
                        let (a, b, c, d) = (input[index - 2], input[index - 1], input[index], input[index + 1])
                        output[index] = median3(input[index + 2], high(low(a, b), low(c, d)), low(high(a, b), high(c, d)))
                    }
                }
            }
        }
        return result
    }

    /// The small moving median by insertion sort of each window: every index, or with `onlyEnds`
    /// the `radius` first and last ones (the others are left as they are in `values`).
    private static func insertionMovingMedian(_ values: [Double], radius: Int, onlyEnds: Bool) -> [Double] {
        var result = values
        values.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                var window: (Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &window) { raw in
                    let slots = raw.bindMemory(to: Double.self)
                    let count = input.count
                    for index in 0..<count {
                        if onlyEnds, index >= radius, index < count - radius { continue }
                        let reach = min(radius, index, count - 1 - index)
                        let size = 2 * reach + 1
                        for k in 0..<size {
                            let value = input[index - reach + k]
                            var j = k
                            while j > 0, value < slots[j - 1] {
                                slots[j] = slots[j - 1]
                                j -= 1
                            }
                            slots[j] = value
                        }
                        output[index] = slots[size / 2]
                    }
                }
            }
        }
        return result
    }

    /// ``movingMean(_:radius:)`` of `values`, appended to `output`.
    static func appendMovingMean(_ values: [Double], radius: Int, to output: inout [Double]) {
        output.reserveCapacity(output.count + values.count)
        values.withUnsafeBufferPointer { values in
            for index in values.indices {
                let range = max(index - radius, 0)...min(index + radius, values.count - 1)
                var sum = 0.0
                for position in range { sum += values[position] }
                output.append(sum / Double(range.count))
            }
        }
    }

    static func movingMean(_ values: [Double], radius: Int) -> [Double] {
        guard radius > 0 else { return values }
        return values.indices.map { index in
            let range = max(index - radius, 0)...min(index + radius, values.count - 1)
            return values[range].reduce(0, +) / Double(range.count)
        }
    }
}
