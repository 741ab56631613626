import Foundation
import Speedwork

/// The `analyze --json` contract, and its text.
public struct AnalyzeReport: Encodable {
    public struct Lap: Encodable {
        public let startSeconds: Double
        public let seconds: Double
        public let meters: Double?
        public let trigger: String
    }

    public struct Rep: Encodable {
        public let index: Int
        public let startSeconds: Double
        public let seconds: Double
        public let meters: Double
        public let measuredMeters: Double
        public let snapped: Bool
        public let secondsPerKm: Double
        public let cadence: Double?
        public let stepLength: Double?
    }

    public struct Effort: Encodable {
        public let distance: String
        public let meters: Double
        public let seconds: Double
        public let startSeconds: Double
    }

    public struct CurvePoint: Encodable {
        public let seconds: Double
        public let meters: Double
        public let secondsPerKm: Double
    }

    public struct RepGrade: Encodable {
        public let index: Int
        public let verdict: String
        public let target: String
        public let actual: String
        public let offBySeconds: Double
        public let offByPercent: Double
    }

    public struct RecoveryGrade: Encodable {
        public let index: Int
        public let verdict: String
        public let plannedSeconds: Double?
        public let seconds: Double
    }

    public struct ComplianceJSON: Encodable {
        public let rule: String
        public let summary: String
        public let reps: [RepGrade]
        public let recoveries: [RecoveryGrade]
        public let fadePercent: Double?
        public let consistencyPercent: Double?
    }

    public struct EasyRunJSON: Encodable {
        public let shareFasterThanEasy: Double
        public let easySecondsPerKm: SecondsRangeJSON
        public let movingSecondsPerKm: Double?
        public let tooHard: Bool
    }

    /// What cleaning the samples changed (docs/activity-analysis.md, "Cleaning the samples").
    public struct CleaningJSON: Encodable {
        public let samplesReordered: Int
        public let samplesMerged: Int
        public let samplesDropped: Int
        public let excludedMeters: Double
        public let excludedSeconds: Double
    }

    public let file: String
    public let sport: String
    public let device: String?
    public let start: String?
    public let distanceMeters: Double
    public let deviceDistanceMeters: Double?
    public let durationSeconds: Double
    public let movingSeconds: Double?
    public let hasTimestamps: Bool
    public let analysedAsRun: Bool
    public let cleaning: CleaningJSON
    public let repSource: String
    public let trackSnapped: Bool
    public let laps: [Lap]
    public let reps: [Rep]
    public let recoveries: [Rep]
    public let bestEfforts: [Effort]
    public let paceCurve: [CurvePoint]
    public let compliance: ComplianceJSON?
    public let easyRun: EasyRunJSON?
    public var warnings: [String]

    public init(_ analysis: ActivityAnalysis, file: String) {
        let activity = analysis.activity
        self.file = file
        sport = activity.sport
        device = activity.device
        start = activity.start.map { UTCTimestamp.text($0) }
        distanceMeters = rounded(analysis.distanceMeters)
        deviceDistanceMeters = activity.deviceDistanceMeters.map { rounded($0) }
        durationSeconds = rounded(analysis.durationSeconds)
        movingSeconds = analysis.movingSeconds.map { rounded($0) }
        hasTimestamps = analysis.cleaning.hasTimes
        analysedAsRun = analysis.isRun
        cleaning = CleaningJSON(
            samplesReordered: analysis.cleaning.reordered, samplesMerged: analysis.cleaning.duplicates,
            samplesDropped: analysis.cleaning.dropped, excludedMeters: rounded(analysis.cleaning.excludedMeters),
            excludedSeconds: rounded(analysis.cleaning.excludedSeconds))
        repSource = analysis.repSource.rawValue
        trackSnapped = analysis.trackSnapped
        laps = activity.laps.map { Lap(startSeconds: rounded($0.startSeconds), seconds: rounded($0.timerSeconds ?? $0.elapsedSeconds), meters: $0.meters.map { rounded($0) }, trigger: $0.trigger.rawValue) }
        func rep(_ index: Int, _ interval: Interval) -> Rep {
            Rep(index: index + 1, startSeconds: rounded(interval.startSeconds), seconds: rounded(interval.seconds), meters: rounded(interval.meters),
                measuredMeters: rounded(interval.measuredMeters), snapped: interval.snapped,
                secondsPerKm: rounded(interval.pace.secondsPerKilometer), cadence: interval.stepsPerMinute.map { rounded($0) },
                stepLength: interval.stepLength.map { rounded($0.meters, 2) })
        }
        reps = analysis.reps.enumerated().map(rep)
        recoveries = analysis.recoveries.enumerated().map(rep)
        bestEfforts = analysis.bestEfforts.map { Effort(distance: $0.distance.label, meters: rounded($0.distance.meters, 3), seconds: rounded($0.seconds), startSeconds: rounded($0.startSeconds)) }
        paceCurve = analysis.paceCurve.map { CurvePoint(seconds: $0.seconds, meters: rounded($0.meters), secondsPerKm: rounded($0.pace.secondsPerKilometer)) }
        compliance = analysis.compliance.map { c in
            ComplianceJSON(
                rule: c.rule, summary: c.summary,
                reps: c.reps.map { RepGrade(index: $0.index, verdict: $0.verdict.rawValue, target: $0.target, actual: $0.actual, offBySeconds: rounded($0.offBySeconds), offByPercent: rounded($0.offByPercent)) },
                recoveries: c.recoveries.map { RecoveryGrade(index: $0.index, verdict: $0.verdict.rawValue, plannedSeconds: $0.plannedSeconds, seconds: rounded($0.seconds)) },
                fadePercent: c.fadePercent.map { rounded($0) }, consistencyPercent: c.consistencyPercent.map { rounded($0) })
        }
        easyRun = analysis.easyRun.map { check in
            EasyRunJSON(shareFasterThanEasy: rounded(check.shareTooFast, 3),
                        easySecondsPerKm: SecondsRangeJSON(fast: rounded(check.easyPace.fast.secondsPerKilometer), slow: rounded(check.easyPace.slow.secondsPerKilometer)),
                        movingSecondsPerKm: check.movingPace.map { rounded($0.secondsPerKilometer) }, tooHard: check.tooHard)
        }
        warnings = analysis.warnings
    }

    /// The report as a runner reads it.
    public var text: String {
        var lines = [
            "File        \(file)",
            "Activity    \(sport)\(device.map { " on \($0)" } ?? "")\(start.map { ", \($0)" } ?? "")",
            "Distance    \((distanceMeters / 1000).text(decimals: 2)) km" + (hasTimestamps ? " in \(clock(durationSeconds))" : ", no timestamps")
                + (hasTimestamps ? movingSeconds.map { " (moving \(clock($0)))" } ?? "" : "")
                + (deviceDistanceMeters.map { " (device: \(($0 / 1000).text(decimals: 2)) km)" } ?? ""),
        ]
        if reps.isEmpty {
            lines.append("Reps        none found")
        } else {
            lines.append("Reps        \(reps.count), from \(repSource == "laps" ? "lap presses" : "speed")\(trackSnapped ? "; distances snapped to the track (M7)" : "")")
            var table = TextTable("#", "Time", "Distance", "Pace/km", "Cadence", "Step", "Grade")
            for rep in reps {
                let grade = compliance?.reps.first { $0.index == rep.index }
                table.add("\(rep.index)", clock(rep.seconds, .rep),
                          "\(Int(rep.meters.rounded()))m" + (rep.snapped ? " (\(Int(rep.measuredMeters.rounded())))" : ""),
                          clock(rep.secondsPerKm), rep.cadence.map { "\(Int($0.rounded()))" } ?? "–",
                          rep.stepLength.map { "\($0.text(decimals: 2)) m" } ?? "–",
                          grade.map { $0.verdict == "on-target" ? "on target (\($0.target))" : "\($0.verdict) (\($0.target))" } ?? "")
            }
            lines.append(table.render(indent: "  "))
            if !recoveries.isEmpty {
                lines.append("Recoveries  " + recoveries.map { clock($0.seconds) }.joined(separator: ", "))
            }
        }
        if let compliance {
            lines.append("Session     \(compliance.rule): \(compliance.summary)")
        }
        if let easyRun {
            lines.append("Easy run    \(Int((easyRun.shareFasterThanEasy * 100).rounded())) % faster than easy pace\(easyRun.tooHard ? " — too hard" : "")")
        }
        if !bestEfforts.isEmpty {
            lines.append("Best        " + bestEfforts.map { "\($0.distance) \(clock($0.seconds, .rep))" }.joined(separator: ", "))
        }
        for warning in warnings {
            lines.append("Warning     \(warning)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A time as the report prints it; "–" for one that has no finite value (the pace of a stretch
/// without distance) or is too large to write as hours.
private func clock(_ seconds: Double, _ style: Duration.Style = .clock) -> String {
    guard seconds.isFinite, abs(seconds) < 1e15 else { return "–" }
    return Duration.seconds(seconds).formatted(style)
}
