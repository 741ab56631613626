import Foundation
import Speedwork
import SpeedworkStore

/// How an activity goes into the log: analysed once (reps, best efforts, the easy-run check when
/// an easy pace is known; M51) and packed with that analysis as the `analyze --json` report, so
/// every later view reads what `analyze` would print.
enum ActivityRecord {
    /// Analyses and packs `activity`; `file` is where it came from, as the runner named it.
    static func pack(_ activity: Activity, file: String, name: String? = nil, easyPace: PaceRange? = nil,
                     track: Bool = false) throws -> PackedActivity {
        let analysis = ActivityAnalysis(activity: activity, workout: nil, easyPace: easyPace, track: track)
        let report = AnalyzeReport(analysis, file: file)
        return try PackedActivity(activity, name: name, source: file, analysisJSON: try JSONOutput.render(report))
    }
}
