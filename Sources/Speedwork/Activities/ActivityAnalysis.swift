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
    /// From the first to the last sample, seconds.
    public let durationSeconds: Double

    /// - Parameters:
    ///   - workout: the planned session, to grade against (M51).
    ///   - easyPace: the runner's easy band, to check easy runs against (M2).
    ///   - track: `true` or `false` to say whether the session ran on a track; `nil` to detect it.
    public init(activity: Activity, workout: Workout? = nil, easyPace: PaceRange? = nil, track: Bool? = nil) {
        self.activity = activity
        let series = SpeedSeries(activity)
        var warnings = activity.warnings
        if series == nil {
            warnings.append("the file has neither distance nor speed: no reps, pace or best efforts")
        }
        // Reps, grades and easy-run checks are for runs; a ride's speed follows the hills.
        let isRun = activity.isRun || ["generic", "unknown", ""].contains(activity.sport.lowercased())
        if !isRun {
            warnings.append("this is a \(activity.sport) activity, not a run: no reps or grades, only distances and best efforts")
        }
        let detection = isRun ? RepDetection(activity: activity, series: series, planned: workout?.kind.isHard ?? false) : RepDetection.none
        let plannedDistances = workout.map { Compliance.plannedReps($0).reps.map { plan -> Distance? in
            if case .distance(let distance, _) = plan { return distance } else { return nil }
        } } ?? []
        let onTrack = track ?? TrackSnapping.ranOnTrack(activity, reps: detection.reps)
        reps = onTrack ? TrackSnapping.snap(detection.reps, planned: plannedDistances) : detection.reps
        trackSnapped = reps.contains(where: \.snapped)
        recoveries = detection.recoveries
        repSource = detection.source
        bestEfforts = series.map { BestEfforts.efforts($0) } ?? []
        paceCurve = series.map { BestEfforts.curve($0) } ?? []
        distanceMeters = series.map { ($0.meters.last ?? 0) - ($0.meters.first ?? 0) } ?? 0
        durationSeconds = (activity.samples.map(\.seconds).max() ?? 0) - (activity.samples.map(\.seconds).min() ?? 0)

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
}
