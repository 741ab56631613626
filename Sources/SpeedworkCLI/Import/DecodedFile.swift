import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore

/// One file as the import's workers leave it: its activities packed for the store, or the one-line
/// reason it was skipped.
struct DecodedFile: Sendable {
    /// The file.
    var candidate: ImportCandidate
    /// Its bytes, for the progress display.
    var bytes: Int64
    /// Every activity with samples, each its own row, analysed and packed.
    var activities: [PackedActivity]
    /// Why nothing was imported from it; nil when ``activities`` holds at least one.
    var skipReason: String?

    /// Reads, decodes (``ActivityFile``), analyses (``ActivityAnalysis`` with no planned workout;
    /// its `analyze --json` report is stored so reps, best efforts, the easy/hard check, cadence
    /// and step length can be read back, M51–M52) and packs one file. Never throws: a file that
    /// cannot be read is a reason.
    static func decode(_ candidate: ImportCandidate, _ source: ImportWork.Source, name: String?, sport: String?) -> DecodedFile {
        var decoded = DecodedFile(candidate: candidate, bytes: candidate.sizeBytes, activities: [], skipReason: nil)
        let data: Data
        switch source {
        case .bytes(let bytes):
            data = bytes
        case .unreadable(let reason):
            decoded.skipReason = "\(candidate.path): \(reason)"
            return decoded
        case .disk:
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: candidate.path), options: .mappedIfSafe)
            } catch {
                decoded.skipReason = "\(candidate.path): cannot be read"
                return decoded
            }
        }
        let activities: [Activity]
        do {
            activities = try ActivityFile.read(data)
        } catch {
            decoded.skipReason = error.naming(candidate.path).description
            return decoded
        }
        let recorded = activities.filter { !$0.samples.isEmpty }
        guard !recorded.isEmpty else {
            decoded.skipReason = "\(candidate.path): holds no recorded samples"
            return decoded
        }
        do {
            for var activity in recorded {
                if let sport, !sport.isEmpty, ["", "generic", "unknown"].contains(activity.sport.lowercased()) {
                    activity.sport = sport
                }
                decoded.activities.append(try ActivityRecord.pack(activity, file: candidate.path, name: name))
            }
        } catch {
            decoded.activities = []
            decoded.skipReason = "\(candidate.path): cannot be stored: \(error)"
        }
        return decoded
    }
}
