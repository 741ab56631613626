import Foundation
import Speedwork
import SpeedworkFiles
import SpeedworkReports
import SpeedworkStore
import Testing

/// The import takes an activity's digest straight from its `analyze` report; it must equal what
/// the store derives by reading the stored JSON back (``ActivityDigest/init(analysisJSON:)``), the
/// reading that older logs were migrated with.
@Suite("Report digest")
struct ReportDigestTests {
    private func expectSameDigest(_ packed: PackedActivity, _ name: String) throws {
        let json = try #require(packed.summary.analysisJSON, "\(name): no analysis")
        let read = try #require(ActivityDigest(analysisJSON: json), "\(name): the stored JSON does not read back")
        #expect(packed.summary.digest == read, "\(name)")
    }

    @Test func theGeneratedHistoryDigestsAsItsJSONReadsBack() throws {
        let history = try ProgressHistory()
        #expect(history.activities.contains { !($0.summary.digest?.reps.isEmpty ?? true) })
        for packed in history.activities { try expectSameDigest(packed, packed.summary.source ?? "?") }
    }

    @Test func everyCorpusActivityDigestsAsItsJSONReadsBack() throws {
        let files = AnalyzeCorpusTests.files()
        guard !files.isEmpty else {
            print("skipped: ../shared/corpus not found")
            return
        }
        var compared = 0
        for file in files {
            guard let activities = try? ActivityFile.read(contentsOf: file) else { continue }
            for activity in activities {
                try expectSameDigest(try ActivityRecord.pack(activity, file: file.lastPathComponent), file.lastPathComponent)
                compared += 1
            }
        }
        #expect(compared > 50)
    }
}
