import Foundation
import Speedwork
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `analyze --json` over every real file of the shared corpus (`../shared/corpus`, skipped with a
/// note when absent): each gives JSON that parses, with plausible totals or a warning, or a
/// one-line error naming the file (settings, workouts, monitoring files, bytes that are not an
/// activity, corrupt on purpose).
@Suite("analyze corpus")
struct AnalyzeCorpusTests {
    static func files() -> [URL] {
        ["fit", "gpx", "tcx"].flatMap { folder -> [URL] in
            let directory = AnalyzeCommandTests.corpus.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test func everyCorpusFileGivesJSONOrAClearError() throws {
        let files = Self.files()
        guard !files.isEmpty else {
            print("skipped: ../shared/corpus not found")
            return
        }
        var reports = 0, errors = 0
        for file in files {
            let command = try #require(try SpeedworkCommand.parseAsRoot(["analyze", file.path, "--json"]) as? AnalyzeCommand)
            let text: String
            do {
                text = try command.render()
            } catch {
                errors += 1
                let message = "\(error)"
                #expect(message.contains(file.lastPathComponent) && !message.contains("\n"), "\(file.lastPathComponent): \(message)")
                continue
            }
            reports += 1
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(file.lastPathComponent)")
            Self.checkPlausible(object, file: file.lastPathComponent)
        }
        print("analyze corpus: \(reports) reports, \(errors) clear errors of \(files.count) files")
        // Most of the corpus holds activities; settings, workouts and corrupt files give errors.
        #expect(reports >= 60)
    }

    /// Totals a runner, a rider or a swimmer can have, or a warning saying why not.
    static func checkPlausible(_ report: [String: Any], file: String) {
        let warnings = report["warnings"] as? [String] ?? []
        let distance = report["distanceMeters"] as? Double ?? -1
        let duration = report["durationSeconds"] as? Double ?? -1
        #expect(distance >= 0 && duration >= 0, "\(file)")
        let moving = report["movingSeconds"] as? Double
        if let moving { #expect(moving <= duration + 1, "\(file): moving \(moving) of \(duration)") }
        let asRun = report["analysedAsRun"] as? Bool ?? false
        let seconds = moving ?? duration
        if seconds > 0, distance / seconds > (asRun ? SampleCleaning.fastestOnFoot : SampleCleaning.fastestAnySport) {
            #expect(!warnings.isEmpty, "\(file): \(distance) m in \(seconds) s with no warning")
        }
        if duration > 48 * 3600 {
            #expect(warnings.contains { $0.hasPrefix("no sample for") }, "\(file): \(duration) s with no warning")
        }
        for effort in report["bestEfforts"] as? [[String: Any]] ?? [] {
            let meters = effort["meters"] as? Double ?? 0, time = effort["seconds"] as? Double ?? 0
            if let limit = WorldRecords.limit(for: .meters(meters)) {
                #expect(time >= limit.time.seconds - 0.05, "\(file): \(meters) m in \(time) s")
            }
        }
        if !asRun { #expect((report["bestEfforts"] as? [Any])?.isEmpty == true, "\(file)") }
    }
}
