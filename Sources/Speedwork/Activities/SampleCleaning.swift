/// An activity's samples made fit for analysis (M50), and what was changed, in a runner's words.
///
/// Watches, apps and converters write samples out of time order, twice for one second, with a
/// GPS point on the far side of the globe, with a car ride in the middle or with no times at all.
/// Before any number is computed: samples are sorted by time (a file written backwards reads
/// forwards), samples of one second merged, steps faster than anyone moves in the sport excluded
/// from the distance (a teleport, a vehicle), and moving time told from elapsed time as watches
/// report them. Every change that matters gets a warning naming how much.
public struct SampleCleaning: Sendable {
    /// No step on foot is faster than this, m/s: Usain Bolt's fastest 10 m split of his 9.58 s
    /// 100 m world record was 12.4 m/s (Graubner and Nixdorf, *New Studies in Athletics* 26, 2011).
    public static let fastestOnFoot = 12.5
    /// No step of any other sport is faster than this, m/s (180 km/h: faster than any descent
    /// on a bicycle or skis outside record attempts).
    public static let fastestAnySport = 50.0
    /// Position error a single step may carry beyond the fastest speed, metres (consumer GPS
    /// errors of a few metres, up to tens near buildings; product setting).
    public static let gpsSlackMeters = 20.0
    /// Sustained speed is checked over this many seconds, where GPS error no longer hides a vehicle.
    public static let sustainedSeconds = 10.0
    /// A step slower than this is standing, not moving, m/s (well below the slowest walking
    /// pace; Bohannon, *Age and Ageing* 26, 1997: comfortable gait speed of adults ≥ 1.27 m/s).
    public static let movingSpeed = 0.5
    /// No sample for longer than this earns a warning: a long pause or a clock that jumped, s.
    public static let longPause = 3600.0

    /// The activity with its samples cleaned; laps and totals as they were.
    public let activity: Activity
    /// Whether the samples have times at all (at least two different ones).
    public let hasTimes: Bool
    /// Samples that came before a sample with an earlier time, now sorted.
    public let reordered: Int
    /// Samples merged into another of the same time.
    public let duplicates: Int
    /// Samples dropped for a time that is not a number.
    public let dropped: Int
    /// Distance excluded as faster than anyone moves in the sport, metres.
    public let excludedMeters: Double
    /// Time over which that distance was excluded, seconds.
    public let excludedSeconds: Double
    /// From the first sample to the last, seconds: a watch's elapsed time.
    public let elapsedSeconds: Double
    /// Time spent moving at ``movingSpeed`` or faster, seconds: a watch's moving time; nil when
    /// the samples carry neither distance nor speed.
    public let movingSeconds: Double?
    /// Distance over the cleaned samples, metres (a track's length even without times).
    public let meters: Double
    /// Plain warnings about what was changed.
    public let warnings: [String]

    /// Whether `sport` is done on foot (running, walking, hiking) or not named: the sports that
    /// get the on-foot speed limit and running best efforts.
    public static func isOnFoot(_ sport: String) -> Bool {
        let name = sport.lowercased()
        return ["running", "run", "walking", "hiking", "generic", "unknown", ""].contains { name == $0 || name.hasPrefix($0 + "/") }
    }

    /// Cleans the samples of `activity`, with the speed limit of a sport on foot (``fastestOnFoot``)
    /// or of any sport (``fastestAnySport``); by default as its sport says (``isOnFoot(_:)``).
    public init(_ activity: Activity, onFoot: Bool? = nil) {
        var samples: [ActivitySample] = []
        samples.reserveCapacity(activity.samples.count)
        for var sample in activity.samples where sample.seconds.isFinite {
            sample.sanitize()
            samples.append(sample)
        }
        dropped = activity.samples.count - samples.count
        var warnings: [String] = []
        if dropped > 0 {
            warnings.append("\(dropped) samples had a time that is not a number: left out")
        }

        // Order: a stable sort, so samples of one second keep their file order.
        var outOfOrder = 0
        var latest = -Double.infinity
        for sample in samples {
            if sample.seconds < latest { outOfOrder += 1 } else { latest = sample.seconds }
        }
        let fileOrder = samples
        if outOfOrder > 0 {
            samples = samples.enumerated().sorted { ($0.element.seconds, $0.offset) < ($1.element.seconds, $1.offset) }.map(\.element)
        }
        // One sample per time: later values complete earlier ones.
        var merged = samples
        if samples.indices.dropFirst().contains(where: { samples[$0].seconds == samples[$0 - 1].seconds }) {
            merged = []
            merged.reserveCapacity(samples.count)
            for sample in samples {
                if let last = merged.last, last.seconds == sample.seconds {
                    merged[merged.count - 1] = last.merged(with: sample)
                } else {
                    merged.append(sample)
                }
            }
        }
        let repeated = samples.count - merged.count
        let first = merged.first?.seconds ?? 0, last = merged.last?.seconds ?? 0
        // Times that most samples share, or that span less than a second, are placeholders (a GPX
        // without times, a converter that wrote one date everywhere): the samples keep file order.
        hasTimes = repeated * 2 < samples.count && last - first >= 1
        if hasTimes {
            samples = merged
            reordered = outOfOrder
            duplicates = repeated
            elapsedSeconds = last - first
            if outOfOrder > 0 {
                warnings.append("\(outOfOrder) of \(fileOrder.count) samples were out of time order: sorted by time")
            }
            if repeated > 0 {
                warnings.append("\(repeated) samples repeated the time of the one before: merged")
            }
            let repair = SampleCleaning.repairDistance(&samples)
            if repair.reversed {
                warnings.append("the distance ran backwards in time (a file written in reverse): summed step by step")
            } else if repair.restarts > 0 {
                warnings.append("the distance restarted from zero \(repair.restarts == 1 ? "once" : "\(repair.restarts) times") (as the legs of a multisport file do): summed across the restarts")
            }
        } else {
            samples = fileOrder
            reordered = 0
            duplicates = 0
            elapsedSeconds = 0
        }

        // Impossible speed: single steps beyond the limit plus GPS slack, then sustained speed.
        let limit = onFoot ?? SampleCleaning.isOnFoot(activity.sport) ? SampleCleaning.fastestOnFoot : SampleCleaning.fastestAnySport
        let excluded = hasTimes ? SampleCleaning.excludeImpossible(&samples, limit: limit) : (meters: 0, seconds: 0)
        excludedMeters = excluded.meters
        excludedSeconds = excluded.seconds
        if excluded.meters > 0 {
            let speed = limit * 3.6
            warnings.append("left out \(SampleCleaning.distanceText(excluded.meters)) covered faster than \(Int(speed.rounded())) km/h, "
                + "faster than anyone \(limit == SampleCleaning.fastestOnFoot ? "runs" : "moves in this sport") (a GPS error or a vehicle), "
                + "over \(SampleCleaning.spanText(excluded.seconds))")
        }

        if let firstMeters = samples.firstIndex(where: { $0.meters != nil }),
           let lastMeters = samples.lastIndex(where: { $0.meters != nil }), lastMeters > firstMeters,
           let from = samples[firstMeters].meters, let to = samples[lastMeters].meters {
            meters = max(0, to - from)
        } else {
            meters = 0
        }
        movingSeconds = hasTimes ? SampleCleaning.moving(samples) : nil
        if !hasTimes, !samples.isEmpty {
            let track = meters > 0 ? "a track of \(SampleCleaning.distanceText(meters))" : "samples"
            warnings.append("no timestamps: the file has \(track) but no times, so no duration, pace or best efforts")
        }

        var longest = (seconds: 0.0, at: 0.0)
        for index in samples.indices.dropFirst() where hasTimes {
            let gap = samples[index].seconds - samples[index - 1].seconds
            if gap > longest.seconds { longest = (gap, samples[index - 1].seconds - first) }
        }
        if longest.seconds > SampleCleaning.longPause {
            warnings.append("no sample for \(SampleCleaning.spanText(longest.seconds)) after \(SampleCleaning.spanText(longest.at)) "
                + "(a pause, a lost signal or a clock that jumped): elapsed time counts it, moving time does not")
        }

        var cleaned = activity
        cleaned.samples = samples
        self.activity = cleaned
        self.warnings = warnings
    }

    /// A backward step of the cumulative distance longer than this is a restart from zero, not
    /// a correction, metres.
    public static let restartMeters = 100.0

    /// Makes the cumulative distance of time-ordered samples run forwards: when it runs backwards
    /// more than forwards (a file written in reverse) each step counts by its size; otherwise a
    /// step back by more than ``restartMeters`` is a restart and adds nothing, and the distance
    /// carries on from there. Small steps back stay (the series never lets distance fall).
    static func repairDistance(_ samples: inout [ActivitySample]) -> (reversed: Bool, restarts: Int) {
        var forward = 0.0, backward = 0.0, restarts = 0
        var previous: Double?
        for sample in samples {
            guard let meters = sample.meters else { continue }
            if let previous {
                let step = meters - previous
                if step >= 0 { forward += step } else { backward -= step }
                if step < -restartMeters { restarts += 1 }
            }
            previous = meters
        }
        let reversed = backward > forward
        guard reversed || restarts > 0 else { return (false, 0) }
        var total = 0.0
        previous = nil
        for index in samples.indices {
            guard let meters = samples[index].meters else { continue }
            if let previous {
                let step = meters - previous
                total += reversed ? abs(step) : step < -restartMeters ? 0 : step
            } else {
                total = reversed ? 0 : meters
            }
            previous = meters
            samples[index].meters = total
        }
        return (reversed, reversed ? 0 : restarts)
    }

    /// Takes out of the cumulative distance every step faster than `limit` (plus GPS slack), then
    /// every stretch of ``sustainedSeconds`` faster than `limit`; returns what was taken out.
    static func excludeImpossible(_ samples: inout [ActivitySample], limit: Double) -> (meters: Double, seconds: Double) {
        let indices = samples.indices.filter { samples[$0].meters != nil }
        guard indices.count >= 2 else { return (0, 0) }
        let times = indices.map { samples[$0].seconds }
        let meters = indices.map { samples[$0].meters ?? 0 }
        // step k runs from point k to point k + 1.
        var excludedStep = [Bool](repeating: false, count: indices.count - 1)
        for k in excludedStep.indices {
            let dt = times[k + 1] - times[k], dm = meters[k + 1] - meters[k]
            if dm > limit * dt + gpsSlackMeters { excludedStep[k] = true }
        }
        var kept = rebuilt(meters, excluding: excludedStep)
        // Sustained speed on the distance kept so far: windows of at least `sustainedSeconds`.
        var marks = [Int](repeating: 0, count: excludedStep.count + 1)
        var j = 0
        for i in 0..<times.count {
            if j < i { j = i }
            while j < times.count - 1, times[j] - times[i] < sustainedSeconds { j += 1 }
            guard j > i, times[j] - times[i] >= sustainedSeconds else { break }
            if kept[j] - kept[i] > limit * (times[j] - times[i]) {
                marks[i] += 1
                marks[j] -= 1
            }
        }
        var open = 0
        for k in excludedStep.indices {
            open += marks[k]
            if open > 0 { excludedStep[k] = true }
        }
        kept = rebuilt(meters, excluding: excludedStep)
        var excludedMeters = 0.0, excludedSeconds = 0.0
        for k in excludedStep.indices where excludedStep[k] {
            excludedMeters += max(0, meters[k + 1] - meters[k])
            excludedSeconds += times[k + 1] - times[k]
        }
        guard excludedMeters > 0 else { return (0, 0) }
        for (position, index) in indices.enumerated() { samples[index].meters = kept[position] }
        return (excludedMeters, excludedSeconds)
    }

    /// Cumulative distance with the excluded steps adding nothing.
    private static func rebuilt(_ meters: [Double], excluding excluded: [Bool]) -> [Double] {
        var result = [Double](repeating: meters[0], count: meters.count)
        for k in excluded.indices {
            result[k + 1] = result[k] + (excluded[k] ? 0 : meters[k + 1] - meters[k])
        }
        return result
    }

    /// Seconds of steps at ``movingSpeed`` or faster, by distance where samples have it, else by
    /// the device's speed; nil when they have neither.
    static func moving(_ samples: [ActivitySample]) -> Double? {
        let hasDistance = samples.contains { $0.meters != nil }
        let hasSpeed = samples.contains { $0.metersPerSecond != nil }
        guard hasDistance || hasSpeed, samples.count >= 2 else { return nil }
        var total = 0.0
        var previous: ActivitySample?
        for sample in samples {
            defer { if !hasDistance || sample.meters != nil { previous = sample } }
            guard let before = previous else { continue }
            let dt = sample.seconds - before.seconds
            guard dt > 0 else { continue }
            let speed: Double? =
                hasDistance ? sample.meters.flatMap { m in before.meters.map { (m - $0) / dt } } : before.metersPerSecond
            if let speed, speed >= movingSpeed { total += dt }
        }
        // A file that never moves (a pool swim without distances, an indoor ride without a
        // sensor) says nothing about moving time.
        return total > 0 ? total : nil
    }

    static func distanceText(_ meters: Double) -> String {
        meters >= 1000 ? "\((meters / 1000).text(decimals: 2)) km" : "\(Int(meters.rounded())) m"
    }

    /// A span as `12 s` under a minute, `m:ss` or `h:mm:ss`, or in days beyond two days.
    static func spanText(_ seconds: Double) -> String {
        if seconds > 2 * 86_400 { return "\(Int((seconds / 86_400).rounded(.down))) days" }
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        return Duration.seconds(seconds).formatted()
    }
}

extension ActivitySample {
    /// Values that cannot be measured become missing: not a number, negative distance or speed,
    /// positions off the globe, heart rates and cadences that are not a body's.
    mutating func sanitize() {
        if let value = meters, !value.isFinite || value < 0 { meters = nil }
        if let value = metersPerSecond, !value.isFinite || value < 0 { metersPerSecond = nil }
        if let value = latitude, !value.isFinite || abs(value) > 90 { latitude = nil }
        if let value = longitude, !value.isFinite || abs(value) > 180 { longitude = nil }
        if let value = altitude, !value.isFinite { altitude = nil }
        if let value = heartRate, !value.isFinite || value <= 0 || value > 300 { heartRate = nil }
        if let value = stepsPerMinute, !value.isFinite || value < 0 || value > 600 { stepsPerMinute = nil }
    }

    /// This sample with the values of `later` (of the same time) where it has them: two samples
    /// of one second become one (M50).
    public func merged(with later: ActivitySample) -> ActivitySample {
        ActivitySample(
            seconds: seconds, meters: later.meters ?? meters, metersPerSecond: later.metersPerSecond ?? metersPerSecond,
            latitude: later.latitude ?? latitude, longitude: later.longitude ?? longitude, altitude: later.altitude ?? altitude,
            heartRate: later.heartRate ?? heartRate, stepsPerMinute: later.stepsPerMinute ?? stepsPerMinute)
    }
}
