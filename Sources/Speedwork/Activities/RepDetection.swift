import Foundation

/// Finds the reps of a session and the recoveries between them (M51).
///
/// Manual laps mark the reps when the runner pressed the lap button at each rep: laps whose
/// average speed falls in the fast group of a two-group split are the reps. Recoveries stood or
/// walked are slower than the warm-up and cool-down, so when the fast group itself holds two clear
/// levels and its slower part lies mostly before or after its faster part, that slower part is the
/// warm-up and cool-down (M4) and the reps are the faster part (``repLevels(_:weights:)``; the same
/// holds for speed). Otherwise the reps are
/// found from speed: the one-second speed (``SpeedSeries``), smoothed further over 9 s, is split
/// into a fast and a slow level by Otsu's method (N. Otsu, "A threshold selection method from
/// gray-level histograms", IEEE Trans. SMC 9, 1979), from moving seconds only (faster than 1 m/s),
/// so stops at lights are not recoveries. A rep starts when speed rises above the threshold plus a
/// hysteresis band and ends when it falls below it minus the band. Gaps shorter than 20 s, or than
/// a tenth of the reps beside them, are pauses and are closed (the method's shortest recovery is
/// 30 s, run, walked or stood); runs shorter than 8 s are dropped,
/// and so is any run less than 25 % faster than the running beside it (the method's reps all stand
/// out from their recoveries by 30 % or more; a steady run's ups and downs do not).
///
/// A session has reps only when it has two or more, the levels are at least 25 % apart (or 12 %
/// apart and clearly separated: Otsu's separability of 0.8 or more, where GPS noise around one
/// steady pace gives about 0.64), and the fast level takes at most 60 % of the moving time: in a
/// session the warm-up, recoveries and cool-down take most of it (M4), while in a steady run the
/// "fast" group is simply the running and the slow group its slowdowns. When no session is planned,
/// the reps must also repeat: their durations or their distances vary by at most 50 % (coefficient
/// of variation), as the method's sessions repeat one rep (M10–M18); a trail run or an ultra that
/// alternates running and walking has stretches from seconds to hours long.
///
/// Each boundary is then placed, when the device records its own speed (GPS Doppler or a footpod),
/// where that speed crosses halfway between the rep's level and the recovery's beside it; from
/// positions alone (GPX), where the metres covered each second change from one level to the other,
/// by a least-squares change-point fit over up to 60 s either side (``bend(_:near:within:)``).
/// Automatic laps (every km or mile) are never taken for reps. Reps never span a gap in the
/// series (``SpeedSeries/segments``).
public struct RepDetection: Sendable {
    /// Where the reps came from.
    public enum Source: String, Sendable, Codable {
        case laps
        case speed
        case none
    }

    public let reps: [Interval]
    public let recoveries: [Interval]
    public let source: Source

    /// Slower than this is standing or shuffling, not moving, metres per second.
    public static let movingSpeed = 1.0
    /// Shortest rep accepted, seconds (M10 sprints are 20–30 s).
    public static let shortestRep = 8.0
    /// Gaps shorter than this inside a rep are pauses and are closed, seconds.
    public static let longestGlitch = 20.0
    /// Separability two real levels reach and noise around one level does not.
    public static let minimumSeparability = 0.8
    /// Fast and slow levels must differ by this share of the slow level…
    public static let minimumContrast = 0.12
    /// …and by this share when they are not clearly separated.
    public static let clearContrast = 0.25
    /// The fast level may take at most this share of the moving time.
    public static let largestFastShare = 0.6
    /// From positions alone, a boundary is fitted over up to this many seconds either side, within
    /// the recovery and the first half of the rep beside it.
    public static let bendWindow = 60
    /// A runner passes from one pace to the next over about this many seconds (the change-point
    /// fit of positions alone models it as linear).
    public static let changeSeconds = 2.0
    /// Unplanned reps must repeat: coefficient of variation of durations or distances at most this.
    public static let largestVariation = 0.5

    /// No reps: for activities that are not runs.
    public static let none = RepDetection(reps: [], recoveries: [], source: .none)

    private init(reps: [Interval], recoveries: [Interval], source: Source) {
        (self.reps, self.recoveries, self.source) = (reps, recoveries, source)
    }

    /// - Parameter planned: whether the runner says this was a session (a workout to grade against);
    ///   without one, speed-found reps must repeat.
    public init(activity: Activity, series: SpeedSeries?, planned: Bool = false) {
        if let laps = RepDetection.fromLaps(activity, series: series) {
            (reps, recoveries, source) = (laps.reps, laps.recoveries, .laps)
        } else if let series, let found = RepDetection.fromSpeed(series),
                  planned || RepDetection.repeats(found.reps) {
            (reps, recoveries, source) = (found.reps, found.recoveries, .speed)
        } else {
            (reps, recoveries, source) = ([], [], .none)
        }
    }

    /// The level of the reps among `values` (in time order): Otsu's split in two; then, while the
    /// fast group holds two levels of its own at least 25 % apart (the method's reps stand out from
    /// easy running by that much; a run that merely speeds up in its second half does not) and most
    /// of its slower part lies before or after its faster part, that slower part is the warm-up and
    /// cool-down (M4), not reps, and the fast group is split again. Recoveries spent standing or walking are slower than the warm-up, so
    /// the first split alone would put the warm-up and cool-down with the reps.
    static func repLevels(_ values: [Double], weights: [Double]?) -> TwoLevels? {
        let w = weights ?? Array(repeating: 1, count: values.count)
        let sorted = TwoLevels.valueOrder(values, w)
        guard var split = TwoLevels(values, w, sorted: sorted[...]), split.contrast >= minimumContrast else { return nil }
        for _ in 0..<2 {
            let fast = values.indices.filter { values[$0] > split.threshold }
            // The values above the threshold, in value order, are the tail of the whole order.
            let above = sorted[(sorted.firstIndex { $0.value > split.threshold } ?? sorted.endIndex)...]
            guard let inner = TwoLevels(fast.map { values[$0] }, fast.map { w[$0] }, sorted: above),
                  inner.contrast >= clearContrast,
                  let first = fast.first(where: { values[$0] > inner.threshold }),
                  let last = fast.last(where: { values[$0] > inner.threshold })
            else { break }
            let slower = fast.filter { values[$0] <= inner.threshold }
            let outside = slower.filter { $0 < first || $0 > last }.reduce(0) { $0 + w[$1] }
            guard outside > 0.5 * slower.reduce(0, { $0 + w[$1] }) else { break }
            split = inner
        }
        return split
    }

    /// Whether the reps repeat one another in duration or in distance.
    static func repeats(_ reps: [Interval]) -> Bool {
        func variation(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            guard mean > 0, values.count >= 2 else { return 0 }
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return variance.squareRoot() / mean
        }
        return variation(reps.map(\.seconds)) <= largestVariation || variation(reps.map(\.measuredMeters)) <= largestVariation
    }

    // MARK: - Laps

    static func fromLaps(_ activity: Activity, series: SpeedSeries?) -> (reps: [Interval], recoveries: [Interval])? {
        let laps = activity.laps.filter { $0.elapsedSeconds > 0 }
        guard laps.filter({ $0.trigger == .manual }).count >= 3 else { return nil }
        let intervals = laps.map { lap -> Interval in
            let seconds = lap.timerSeconds ?? lap.elapsedSeconds
            let meters = lap.meters ?? series.map { $0.recordedMeters(from: $0.index(atSeconds: lap.startSeconds), to: $0.index(atSeconds: lap.startSeconds + lap.elapsedSeconds)) } ?? 0
            return Interval(startSeconds: lap.startSeconds, seconds: seconds, meters: meters,
                            stepsPerMinute: series.flatMap { averageCadence($0, from: lap.startSeconds, to: lap.startSeconds + lap.elapsedSeconds) })
        }
        let speeds = intervals.map { $0.seconds > 0 ? $0.meters / $0.seconds : 0 }
        guard let split = repLevels(speeds, weights: intervals.map(\.seconds)) else { return nil }
        // The warm-up and cool-down laps are slow laps too; recoveries are the slow laps between reps.
        let fast = intervals.indices.filter { speeds[$0] > split.threshold }
        guard fast.count >= 2 else { return nil }
        let reps = fast.map { intervals[$0] }
        let recoveries = zip(fast, fast.dropFirst()).compactMap { a, b -> Interval? in
            let between = intervals[(a + 1)..<b]
            guard !between.isEmpty else { return nil }
            return Interval(startSeconds: between.first!.startSeconds, seconds: between.reduce(0) { $0 + $1.seconds },
                            meters: between.reduce(0) { $0 + $1.meters })
        }
        return (reps, recoveries)
    }

    // MARK: - Speed

    static func fromSpeed(_ series: SpeedSeries) -> (reps: [Interval], recoveries: [Interval])? {
        let classifying = series.bySegment(series.speed) { SpeedSeries.movingMean($0, radius: 4) }
        // Stops (lights, a shoelace) are neither reps nor recoveries: the levels come from moving
        // seconds only, so an easy run with stops has one level and no reps.
        let moving = classifying.filter { $0 > movingSpeed }
        guard let split = repLevels(moving, weights: nil),
              split.contrast >= clearContrast || split.separability >= minimumSeparability,
              Double(moving.filter { $0 > split.threshold }.count) <= largestFastShare * Double(moving.count)
        else { return nil }
        let band = 0.15 * (split.high - split.low)
        var runs: [(start: Int, end: Int)] = []
        for segment in series.segments {
            var inRep = false
            var start = segment.range.lowerBound
            for index in segment.range {
                let speed = classifying[index]
                if !inRep, speed > split.threshold + band {
                    inRep = true
                    start = index
                } else if inRep, speed < split.threshold - band {
                    inRep = false
                    runs.append((start, index))
                }
            }
            if inRep { runs.append((start, segment.range.upperBound - 1)) }
        }
        // Close short gaps (within a segment), then drop short runs.
        var merged: [(start: Int, end: Int)] = []
        for run in runs {
            if let last = merged.last, series.segment(containing: last.end) == series.segment(containing: run.start),
               Double(run.start - last.end) < max(longestGlitch, 0.1 * Double(min(last.end - last.start, run.end - run.start))) {
                merged[merged.count - 1].end = run.end
            } else {
                merged.append(run)
            }
        }
        merged = merged.filter { Double($0.end - $0.start) >= shortestRep }
        // A rep stands out from the running around it.
        merged = merged.enumerated().filter { index, run in
            let segment = series.segment(containing: run.start).range
            let before = max(index > 0 ? merged[index - 1].end : run.start - 120, segment.lowerBound)
            let after = min(index + 1 < merged.count ? merged[index + 1].start : run.end + 120, segment.upperBound - 1)
            // Clear of the change of pace itself, which the smoothing spreads over a few seconds.
            let around = Array(classifying[before..<max(run.start - 8, before)]) + Array(classifying[min(run.end + 8, after)..<max(after, min(run.end + 8, after))])
            let moving = around.filter { $0 > movingSpeed }
            // Too little running recorded around it (the watch paused through the recoveries) to judge.
            guard moving.count >= Int(shortestRep) else { return true }
            return median(Array(classifying[run.start..<run.end])) >= (1 + clearContrast) * median(moving)
        }.map(\.element)
        guard merged.count >= 2 else { return nil }

        // Place each boundary where the distance bends from one speed to the other.
        var bounds: [(start: Double, end: Double)] = []
        for (index, run) in merged.enumerated() {
            let segment = series.segment(containing: run.start).range
            let before = max(index > 0 ? merged[index - 1].end : 0, segment.lowerBound)
            let after = min(index + 1 < merged.count ? merged[index + 1].start : series.count - 1, segment.upperBound - 1)
            let middle = (run.start + run.end) / 2
            let start: Double, end: Double
            if let device = series.deviceSpeed {
                let level = median(Array(device[min(run.start + 2, middle)...max(run.end - 2, middle)]))
                // The recovery's level beside the rep: the seconds of up to 30 s beside it that are
                // nearer its slowest than the rep's level (however few the watch recorded).
                let slowBefore = slowLevel(device[max(before, run.start - 30)...run.start], rep: level)
                let slowAfter = slowLevel(device[run.end...max(min(run.end + 30, after), run.end)], rep: level)
                start = crossing(device, near: run.start, level: (level + slowBefore) / 2, rising: true, within: before...middle)
                end = crossing(device, near: run.end, level: (level + slowAfter) / 2, rising: false, within: middle...after)
            } else {
                // A few seconds clear of the neighbouring reps, which the hysteresis closes late
                // and opens late.
                let previousInSegment = index > 0 && merged[index - 1].end >= segment.lowerBound
                let nextInSegment = index + 1 < merged.count && merged[index + 1].start < segment.upperBound
                start = bend(series.meters, near: run.start, within: min(before + (previousInSegment ? 4 : 0), run.start)...middle)
                end = bend(series.meters, near: run.end, within: middle...max(after - (nextInSegment ? 4 : 0), run.end))
            }
            // A rep the watch stopped or resumed recording in the middle of (running at rep speed
            // at the segment's edge) ends or starts there: there is nothing to fit beyond it.
            let resumed = run.start - segment.lowerBound <= 10 && series.speed[segment.lowerBound] > split.threshold
            let stopped = segment.upperBound - 1 - run.end <= 10 && series.speed[segment.upperBound - 1] > split.threshold
            let (from, to) = (resumed ? Double(segment.lowerBound) : start, stopped ? Double(segment.upperBound - 1) : end)
            bounds.append((from, max(to, from + 1)))
        }
        let reps = bounds.map { interval(series, from: $0.start, to: $0.end) }
        let recoveries = zip(bounds, bounds.dropFirst()).map { interval(series, from: $0.end, to: $1.start) }
        return (reps, recoveries)
    }

    /// The fractional index near `index` where the distance bends from one speed to another, as a
    /// change point in the metres covered each second: the speed is one level before the change
    /// and another after it, passing linearly from one to the other over ``changeSeconds``
    /// centred on it; both levels are fitted by least squares for every change point 0.1 s apart
    /// over up to ``bendWindow`` seconds either side; the boundary is the median of the
    /// likelihood over the change points. GPS error drifts (each second's position error is most
    /// of the previous one's plus a fresh part), so the metres covered each second carry nearly
    /// independent errors while the cumulative distance carries a wandering one: fitted on the
    /// differences, a wider window sharpens the estimate instead of bending with the drift
    /// (D. V. Hinkley, "Inference about the change-point in a sequence of random variables",
    /// Biometrika 57, 1970). Each change point costs a few steps (prefix sums), so the whole fit
    /// is linear in the window.
    static func bend(_ meters: [Double], near index: Int, within range: ClosedRange<Int>) -> Double {
        let low = max(range.lowerBound, index - bendWindow, 0), high = min(range.upperBound, index + bendWindow, meters.count - 1)
        guard high - low >= 4 else { return Double(index) }
        // steps[k]: metres covered from index low + k to low + k + 1.
        let steps = (low..<high).map { meters[$0 + 1] - meters[$0] }
        let squares = steps.reduce(0) { $0 + $1 * $1 }
        let half = changeSeconds / 2
        /// The share of the change done by time t (its integral, from before the change starts).
        func done(_ t: Double, _ change: Double) -> Double {
            let from = change - half, to = change + half
            if t <= from { return 0 }
            if t >= to { return half + (t - to) }
            return (t - from) * (t - from) / (2 * changeSeconds)
        }
        var prefix = [0.0]
        prefix.reserveCapacity(steps.count + 1)
        for step in steps { prefix.append(prefix[prefix.count - 1] + step) }
        let total = prefix[steps.count]
        var fits: [(error: Double, at: Double)] = []
        // Change points 0.1 s apart within 20 s of where the speed crossed the threshold.
        let first = max(10, (index - low - 20) * 10), last = min((steps.count - 1) * 10, (index - low + 20) * 10)
        guard first <= last else { return Double(index) }
        for tenths in first...last {
            let change = Double(tenths) / 10
            // x_k = a·(1 − g_k) + b·g_k, g_k the share of step k run at the second level: 0 before
            // the change, 1 after it, so only the steps it overlaps need summing one by one.
            let kLow = max(Int((change - half).rounded(.down)) - 1, 0), kHigh = min(Int((change + half).rounded(.up)), steps.count - 1)
            var m11 = Double(kLow), m12 = 0.0, m22 = Double(steps.count - 1 - kHigh), r1 = prefix[kLow], r2 = total - prefix[kHigh + 1]
            for k in kLow...kHigh {
                let g = done(Double(k + 1), change) - done(Double(k), change), x = steps[k]
                m11 += (1 - g) * (1 - g)
                m12 += (1 - g) * g
                m22 += g * g
                r1 += (1 - g) * x
                r2 += g * x
            }
            let determinant = m11 * m22 - m12 * m12
            if determinant > 1e-9 {
                let a = (r1 * m22 - r2 * m12) / determinant, b = (m11 * r2 - m12 * r1) / determinant
                fits.append((max(squares - a * r1 - b * r2, 0), Double(low) + change))
            }
        }
        guard let best = fits.min(by: { $0.error < $1.error }) else { return Double(index) }
        // The median of the change point's likelihood (Gaussian errors, their variance from the
        // best fit): where the data leave two places nearly as likely, it lies between them
        // rather than at the one that happens to fit a little better.
        let variance = max(best.error / Double(max(steps.count - 3, 1)), 1e-9)
        let weights = fits.map { exp(-($0.error - best.error) / (2 * variance)) }
        let halfWeight = weights.reduce(0, +) / 2
        var sum = 0.0
        for (fit, weight) in zip(fits, weights) {
            sum += weight
            if sum >= halfWeight { return fit.at }
        }
        return best.at
    }

    /// The level of the slower seconds of `window` (those nearer its slowest value than the rep's
    /// level): their lower median.
    static func slowLevel(_ window: ArraySlice<Double>, rep level: Double) -> Double {
        guard let slowest = window.min() else { return 0 }
        let slow = window.filter { $0 < (slowest + level) / 2 }.sorted()
        return slow.isEmpty ? slowest : slow[(slow.count - 1) / 2]
    }

    /// The fractional index nearest `index` where speed crosses `level` going up (or down),
    /// interpolated between seconds.
    static func crossing(_ speed: [Double], near index: Int, level: Double, rising: Bool, within range: ClosedRange<Int>) -> Double {
        let low = max(range.lowerBound, 0), high = min(range.upperBound, speed.count - 1)
        for offset in 0...20 {
            for candidate in [index - offset, index + offset] where candidate > low && candidate <= high {
                let (a, b) = (speed[candidate - 1], speed[candidate])
                if rising ? (a < level && b >= level) : (a > level && b <= level) {
                    return Double(candidate - 1) + (b != a ? (level - a) / (b - a) : 0.5)
                }
            }
        }
        return Double(index)
    }

    /// The stretch between two fractional grid indices. Its seconds run on the activity's clock
    /// (a pause between two reps is part of the recovery); its distance is what was recorded.
    static func interval(_ series: SpeedSeries, from start: Double, to end: Double) -> Interval {
        let startSeconds = series.seconds(at: start), endSeconds = series.seconds(at: end)
        return Interval(startSeconds: startSeconds, seconds: endSeconds - startSeconds,
                        meters: series.recordedMeters(from: start, to: end),
                        stepsPerMinute: averageCadence(series, from: startSeconds, to: endSeconds))
    }

    static func averageCadence(_ series: SpeedSeries, from start: Double, to end: Double) -> Double? {
        guard start.isFinite, end.isFinite else { return nil }
        let a = Int(series.index(atSeconds: start).rounded()), b = min(Int(series.index(atSeconds: end).rounded()), series.count)
        guard b > a else { return nil }
        let values = series.stepsPerMinute[a..<b].compactMap { $0 }
        return values.count * 2 >= (b - a) ? values.reduce(0, +) / Double(values.count) : nil
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

/// A split of values into a slow and a fast group by Otsu's method (between-group variance).
struct TwoLevels {
    let threshold: Double
    let low: Double
    let high: Double

    /// Between-group variance over total variance (Otsu's η): near 1 for two clear levels.
    let separability: Double

    /// How far apart the groups are, as a share of the slow level.
    var contrast: Double { low > 0 ? (high - low) / low : high > 0 ? .infinity : 0 }

    init?(_ values: [Double], weights: [Double]?) {
        let w = weights ?? Array(repeating: 1, count: values.count)
        self.init(values, w, sorted: TwoLevels.valueOrder(values, w)[...])
    }

    /// The split of `values` (weights `w`), given them already in ``valueOrder(_:_:)``.
    init?(_ values: [Double], _ w: [Double], sorted: ArraySlice<(value: Double, weight: Double)>) {
        guard values.count >= 2 else { return nil }
        let sorted = Array(sorted)
        let total = w.reduce(0, +)
        let totalSum = zip(values, w).reduce(0) { $0 + $1.0 * $1.1 }
        var weightBelow = 0.0, sumBelow = 0.0
        var best: (variance: Double, position: Int, low: Double, high: Double)?
        for position in 0..<(sorted.count - 1) {
            let (value, weight) = sorted[position]
            weightBelow += weight
            sumBelow += value * weight
            let weightAbove = total - weightBelow
            guard weightBelow > 0, weightAbove > 0, sorted[position + 1].0 > value else { continue }
            let meanBelow = sumBelow / weightBelow, meanAbove = (totalSum - sumBelow) / weightAbove
            let variance = weightBelow * weightAbove * (meanAbove - meanBelow) * (meanAbove - meanBelow)
            if best == nil || variance > best!.variance { best = (variance, position, meanBelow, meanAbove) }
        }
        guard let best else { return nil }
        let mean = totalSum / total
        let totalVariance = zip(values, w).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / total
        separability = totalVariance > 0 ? best.variance / (total * total) / totalVariance : 0
        threshold = (sorted[best.position].0 + sorted[best.position + 1].0) / 2
        low = best.low
        high = best.high
    }

    /// Shorter inputs are sorted by comparison; longer ones by radix.
    static let radixFrom = 64

    /// `values` paired with their weights in ascending value order, equal values in their given
    /// order: what a stable sort by value gives. Long inputs (a second-by-second speed series) are
    /// sorted by an LSD radix sort on the values' bits (each double mapped to an unsigned key
    /// that orders as the numbers do, −0 as +0), which the rep detection runs up to three times
    /// per activity; NaN, which has no order, falls back to the comparison sort.
    static func valueOrder(_ values: [Double], _ weights: [Double]) -> [(value: Double, weight: Double)] {
        let count = values.count
        guard count >= radixFrom, count < Int(UInt32.max), !values.contains(where: \.isNaN) else {
            return zip(values, weights).map { (value: $0.0, weight: $0.1) }.sorted { $0.value < $1.value }
        }
        var keys = values.map { value -> UInt64 in
            let bits = (value + 0.0).bitPattern
            return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var order = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = UInt32(index) }
            initialized = count
        }
        var nextKeys = keys, nextOrder = order
        // The eight bytes' counts in one read of the keys, rather than one read per pass.
        var counts = [Int](repeating: 0, count: 8 * 256)
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for byte in 0..<8 { counts[byte &* 256 &+ Int(truncatingIfNeeded: key &>> UInt64(8 &* byte)) & 0xFF] &+= 1 }
                }
            }
        }
        for byte in 0..<8 {
            let moved = keys.withUnsafeMutableBufferPointer { keys in
                order.withUnsafeMutableBufferPointer { order in
                    nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                        nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                            counts.withUnsafeMutableBufferPointer { counts in
                                TwoLevels.radixPass(shift: UInt64(8 * byte), keys: keys, order: order, into: nextKeys, nextOrder,
                                                    counts: UnsafeMutableBufferPointer(rebasing: counts[(byte * 256)..<(byte * 256 + 256)]))
                            }
                        }
                    }
                }
            }
            if moved {
                swap(&keys, &nextKeys)
                swap(&order, &nextOrder)
            }
        }
        return order.map { (value: values[Int($0)], weight: weights[Int($0)]) }
    }

    /// One pass of ``valueOrder(_:_:)`` on the byte at `shift`, given how many keys hold each value
    /// of that byte (`counts`, overwritten): moves keys and their positions into the next buffers
    /// in that byte's order, stably; false (nothing moved) when every key has the same byte there.
    private static func radixPass(shift: UInt64, keys: UnsafeMutableBufferPointer<UInt64>, order: UnsafeMutableBufferPointer<UInt32>,
                                  into nextKeys: UnsafeMutableBufferPointer<UInt64>, _ nextOrder: UnsafeMutableBufferPointer<UInt32>,
                                  counts: UnsafeMutableBufferPointer<Int>) -> Bool {
        let count = keys.count
        var start = 0
        for bucket in 0..<256 {
            let size = counts[bucket]
            if size == count { return false }
            counts[bucket] = start
            start += size
        }
        for index in 0..<count {
            let key = keys[index]
            let bucket = Int(truncatingIfNeeded: key &>> shift) & 0xFF
            let slot = counts[bucket]
            counts[bucket] = slot + 1
            nextKeys[slot] = key
            nextOrder[slot] = order[index]
        }
        return true
    }
}
