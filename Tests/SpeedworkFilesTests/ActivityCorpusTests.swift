import Foundation
import Speedwork
import Testing
@testable import SpeedworkFiles

/// Reads every GPX, TCX and activity FIT file of the shared corpus through ``ActivityFile`` and
/// checks the counts and totals against MANIFEST.tsv and the files' own session totals.
@Suite("Activity corpus")
struct ActivityCorpusTests {
    @Test func everyGPXAndTCXFileDecodesWithTheManifestCounts() throws {
        guard Corpus.availableOrNote() else { return }
        let rows = try Corpus.manifest().filter { $0.file.hasPrefix("gpx/") || $0.file.hasPrefix("tcx/") }
        #expect(rows.count >= 30)
        for row in rows {
            let expected = row.file.hasPrefix("gpx/") ? row.count("trkpt") : row.count("trackpoints")
            do {
                let activities = try ActivityFile.read(contentsOf: Corpus.url(row.file))
                #expect(!row.isCorrupt, "\(row.file) is corrupt on purpose but was read")
                let samples = activities.reduce(0) { $0 + $1.samples.count }
                #expect(expected == nil || samples == expected, "\(row.file): \(samples) samples, MANIFEST \(expected ?? -1)")
            } catch {
                if row.isCorrupt {
                    #expect(error.line != nil, "\(row.file): \(error)")
                } else if case .noSamples = error.problem {
                    // Waypoint- or route-only files: MANIFEST counts no track points.
                    #expect(expected == 0, "\(row.file): \(error)")
                } else {
                    Issue.record("\(row.file): \(error)")
                }
                #expect(error.description.contains((row.file as NSString).lastPathComponent))
            }
        }
    }

    @Test func tcxLapsAndSportFromTheCorpus() throws {
        guard Corpus.availableOrNote() else { return }
        let activity = try #require(try ActivityFile.read(contentsOf: Corpus.url("tcx/tcxparser__test.tcx")).first)
        #expect(activity.sport == "running")
        #expect(activity.laps.count == 3)
        #expect(activity.device == "Forerunner 410 Software Version 2.20")
        #expect(activity.samples.compactMap(\.heartRate).count == 383)
        // The runtastic export writes the sport in lower case.
        let runtastic = try #require(try ActivityFile.read(contentsOf: Corpus.url("tcx/slither__running.tcx")).first)
        #expect(runtastic.isRun)
    }

    /// Every valid running FIT file with a session total distance: the last sample's distance is
    /// within 0.5 % of the device's total. No valid running file in the corpus disagrees with its
    /// own session; the Forerunner 70 file reaches its total through compressed_speed_distance.
    @Test func fitRunningDistanceMatchesTheSessionTotal() throws {
        guard Corpus.availableOrNote() else { return }
        let sdkErrors = Dictionary(try Corpus.references().map { ($0.file, $0.errorCount) }, uniquingKeysWith: max)
        let rows = try Corpus.manifest().filter { $0.file.hasPrefix("fit/") && !$0.isCorrupt && sdkErrors[$0.file] == 0 }
        var checked: [String] = []
        for row in rows {
            guard row.what.contains("type=activity"), row.what.contains("sport=running") else { continue }
            let activities = try ActivityFile.read(contentsOf: Corpus.url(row.file))
            for activity in activities where activity.isRun {
                guard let total = activity.deviceDistanceMeters, total > 0 else { continue }
                let last = try #require(activity.samples.last(where: { $0.meters != nil })?.meters, "\(row.file)")
                #expect(abs(last - total) <= total * 0.005, "\(row.file): records end at \(last) m, session says \(total) m")
                checked.append(row.file)
            }
        }
        #expect(Set(checked).count >= 10, "\(checked)")
    }

    @Test func fitRunningCadenceIsStepsPerMinute() throws {
        guard Corpus.availableOrNote() else { return }
        for file in ["fit/slither__running.fit", "fit/roznetbench__sample.fit", "fit/gofit__mornindew-broken.fit"] {
            let activity = try #require(try ActivityFile.read(contentsOf: Corpus.url(file)).first)
            #expect(activity.isRun)
            let cadence = activity.samples.compactMap(\.stepsPerMinute).filter { $0 > 0 }.sorted()
            let median = try #require(cadence.isEmpty ? nil : cadence[cadence.count / 2], "\(file)")
            #expect((140...220).contains(median), "\(file): median \(median) steps/min")
        }
    }

    @Test func fitActivityFromTheCorpus() throws {
        guard Corpus.availableOrNote() else { return }
        let activity = try #require(try ActivityFile.read(contentsOf: Corpus.url("fit/slither__running.fit")).first)
        #expect(activity.sport == "running")
        #expect(activity.device == "garmin fr45")
        #expect(activity.samples.count == 718)
        #expect(activity.samples.filter { $0.latitude != nil }.count == 716)
        #expect(activity.samples.first?.seconds == 0)
        #expect(activity.laps.count == 8)
        #expect(activity.laps.prefix(7).allSatisfy { $0.trigger == .distance })
        let trail = try #require(try ActivityFile.read(contentsOf: Corpus.url("fit/roznetbench__sample.fit")).first)
        #expect(trail.sport == "running/trail")
        // Two chained copies give two activities.
        #expect(try ActivityFile.read(contentsOf: Corpus.url("fit/derived__chained_x2.fit")).count == 2)
    }

    @Test func corruptFITFilesGiveTypedErrorsNamingTheFile() throws {
        guard Corpus.availableOrNote() else { return }
        for file in ["fit/derived__bad_file_crc.fit", "fit/derived__random_bytes.fit",
                     "fit/derived__zero_length.fit", "fit/fitparse__Settings.fit"] {
            let error = #expect(throws: ActivityFileError.self) { try ActivityFile.read(contentsOf: Corpus.url(file)) }
            #expect(error?.description.hasPrefix((file as NSString).lastPathComponent + ":") == true, "\(error.map { "\($0)" } ?? "")")
        }
    }

    /// A file cut in half is read up to its last complete record, with a warning: the first half
    /// of the 718 records (MANIFEST.tsv), at least.
    @Test func truncatedFITIsReadUpToTheCut() throws {
        guard Corpus.availableOrNote() else { return }
        let activity = try #require(try ActivityFile.read(contentsOf: Corpus.url("fit/derived__truncated_50pct.fit")).first)
        #expect(activity.samples.count > 300 && activity.samples.count < 718)
        #expect(activity.warnings.contains { $0.contains("cut short") })
    }
}
