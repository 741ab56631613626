import Foundation
import Speedwork
import SpeedworkStore

/// How an activity goes into the log: analysed once (reps, best efforts, the easy-run check when
/// an easy pace is known; M51) and packed with that analysis as the `analyze --json` report (one
/// line), so every later view reads what `analyze` would print, with the digest that log and
/// progress read (ActivityDigest) taken from the same report. `import` packs every file this way.
public enum ActivityRecord {
    /// Analyses and packs `activity`; `file` is where it came from, as the runner named it; `track`
    /// says whether it ran on a track, nil to detect it as `analyze` does.
    public static func pack(_ activity: Activity, file: String, name: String? = nil, easyPace: PaceRange? = nil,
                     track: Bool? = nil) throws -> PackedActivity {
        let analysis = ActivityAnalysis(activity: activity, workout: nil, easyPace: easyPace, track: track)
        let report = AnalyzeReport(analysis, file: file)
        return PackedActivity(activity, name: name, source: file, renderedAnalysis: try JSONOutput.render(report, pretty: false),
                              digest: report.digest)
    }
}
