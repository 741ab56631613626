import Foundation

/// Everything Speedwork reads from one activity (M51, M52, M2, M6, M7): the reps and recoveries
/// with pace, cadence and step length, the grade of each against a planned session, best
/// efforts, the pace–duration curve and plain warnings.
public struct ActivityAnalysis: Sendable {
    public let activity: Activity
    public let reps: [Interval]
    public let recoveries: [Interval]
    public let repSource: RepDetection.Source
    /// Whether rep distances were snapped to nominal track distances (M7).
    public let trackSnapped: Bool
    public let bestEfforts: [BestEfforts.Effort]
    public let paceCurve: [BestEfforts.CurvePoint]
    public let compliance: Compliance?
    public let easyRun: EasyRunCheck?
    public let warnings: [String]
    /// Distance from the samples, metres.
    public let distanceMeters: Double
    /// From the first to the last sample, seconds: the elapsed time, pauses included.
    public let durationSeconds: Double
    /// Time spent moving, seconds, as watches report moving time; nil without distance or speed.
    public let movingSeconds: Double?
    /// What cleaning the samples changed: order, duplicates, impossible speeds, missing times.
    public let cleaning: SampleCleaning
    /// Whether the analysis took the activity for a run (reps, grades, running best efforts),
    /// judged from the sport the device recorded and from its speed.
    public let isRun: Bool

    /// - Parameters:
    ///   - workout: the planned session, to grade against (M51).
    ///   - easyPace: the runner's easy band, to check easy runs against (M2).
    ///   - track: `true` or `false` to say whether the session ran on a track; `nil` to detect it.
    public init(activity original: Activity, workout: Workout? = nil, easyPace: PaceRange? = nil, track: Bool? = nil) {
        self.activity = original
        // A ride or a swim is analysed as what it is; so is a "run" whose moving speed beats the
        // world record pace for its distance (a ride tagged as a run): its samples are then cleaned
        // with the limits of any sport rather than those of running.
        var onFoot = SampleCleaning.isOnFoot(original.sport)
        var cleaning = SampleCleaning(original, onFoot: onFoot)
        var sportWarning: String?
        let namedRun = original.isRun || ["generic", "unknown", ""].contains(original.sport.lowercased())
        if !onFoot || !namedRun {
            sportWarning = "the sport is \"\(original.sport)\", not running: no reps, grades or running best efforts, only distances"
        } else if let vehicle = ActivityAnalysis.fasterThanRunning(meters: cleaning.meters, movingSeconds: cleaning.movingSeconds) {
            onFoot = false
            cleaning = SampleCleaning(original, onFoot: false)
            sportWarning = "this activity moved \(vehicle): analysed as a ride or a drive, not a run, with no reps, grades or running best efforts"
        }
        isRun = onFoot && namedRun
        self.cleaning = cleaning
        let activity = cleaning.activity
        var warnings = activity.warnings + cleaning.warnings
        if let sportWarning { warnings.append(sportWarning) }
        let series = cleaning.hasTimes ? SpeedSeries(activity) : nil
        if series == nil, cleaning.hasTimes {
            warnings.append("the file has neither distance nor speed: no reps, pace or best efforts")
        }
        distanceMeters = series.map { ($0.meters.last ?? 0) - ($0.meters.first ?? 0) } ?? cleaning.meters
        durationSeconds = cleaning.elapsedSeconds
        movingSeconds = cleaning.movingSeconds

        // Reps, grades, easy-run checks and best efforts are for runs.
        let detection = isRun ? RepDetection(activity: activity, series: series, planned: workout?.kind.isHard ?? false) : RepDetection.none
        let plannedDistances = workout.map { Compliance.plannedReps($0).reps.map { plan -> Distance? in
            if case .distance(let distance, _) = plan { return distance } else { return nil }
        } } ?? []
        let onTrack = track ?? TrackSnapping.ranOnTrack(activity, reps: detection.reps)
        reps = onTrack ? TrackSnapping.snap(detection.reps, planned: plannedDistances) : detection.reps
        trackSnapped = reps.contains(where: \.snapped)
        recoveries = detection.recoveries
        repSource = detection.source
        let efforts = isRun ? series.map { BestEfforts.efforts($0) } ?? [] : []
        let plausible = BestEfforts.withinWorldRecords(efforts)
        bestEfforts = plausible.kept
        if let fastest = plausible.rejected.first {
            let names = plausible.rejected.map(\.distance.label).joined(separator: ", ")
            warnings.append("best efforts faster than the world record left out (\(names)): \(fastest.distance.label) in "
                + "\(Duration.seconds(fastest.seconds).formatted(.rep)) would beat \(WorldRecords.limit(for: fastest.distance)?.explanation ?? "the record")")
        }
        paceCurve = series.map { BestEfforts.curve($0) } ?? []

        if let workout, workout.kind.isHard, isRun {
            let graded = Compliance(workout: workout, reps: reps, recoveries: recoveries)
            compliance = graded
            let counted = graded.reps.filter { [.onTarget, .fast, .slow].contains($0.verdict) }
            let slow = counted.filter { $0.verdict == .slow }.count
            if counted.count >= 2, slow * 2 > counted.count {
                warnings.append("This hard session was run too slow: \(slow) of \(counted.count) reps slower than target. Hard days hard (M2) — or, if you were tired, one session means little (M3).")
            }
            if reps.isEmpty {
                warnings.append("No reps found in this file: press the lap button at each rep, or check that this is the \(workout.rule) session.")
            }
        } else {
            compliance = nil
        }
        let easyDay = isRun && (workout.map { [.easy, .long].contains($0.kind) } ?? reps.isEmpty)
        if easyDay, let easyPace, let series {
            let check = EasyRunCheck(series: series, easyPace: easyPace)
            easyRun = check
            if let warning = check.warning { warnings.append(warning) }
        } else {
            easyRun = nil
        }
        if let device = activity.deviceDistanceMeters, device > 0, distanceMeters > 0, abs(distanceMeters - device) / device > 0.02 {
            warnings.append("the samples add up to \(Int(distanceMeters.rounded())) m but the device reported \(Int(device.rounded())) m")
        }
        self.warnings = warnings
    }

    /// "13.4 km at 42.1 km/h while moving, faster than …" when moving `meters` in `movingSeconds`
    /// beats the world record pace for that distance (WorldRecords; beyond the marathon, the
    /// marathon's); nil for anything a runner could do, or under 400 m.
    static func fasterThanRunning(meters: Double, movingSeconds: Double?) -> String? {
        guard let moving = movingSeconds, moving > 0, meters >= 400 else { return nil }
        let distance = Distance.meters(min(meters, Distance.marathon.meters))
        guard let limit = WorldRecords.limit(for: distance) else { return nil }
        let recordSpeed = distance.meters / limit.time.seconds
        let speed = meters / moving
        guard speed > recordSpeed else { return nil }
        return "\(SampleCleaning.distanceText(meters)) at \((speed * 3.6).text(decimals: 1)) km/h while moving, faster than world record pace "
            + "(\((recordSpeed * 3.6).text(decimals: 1)) km/h: \(limit.explanation))"
    }
}
