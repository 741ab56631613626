import Foundation
import Testing
@testable import SpeedworkFiles

/// Checks the decoder against the shared corpus and the counts Garmin's SDK reported for it
/// (`fit_reference.tsv`). The corpus lives beside the package in the project's workspace only;
/// elsewhere these tests print a note and return.
@Suite("FIT corpus")
struct FITCorpusTests {
    @Test func countsMatchGarminSDKForReadableFiles() throws {
        guard Corpus.isPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        // Rows with no SDK error; the empty file's row has none either, as the SDK's reader
        // raised an exception instead (it is checked with the unreadable files below).
        let references = try Corpus.references().filter { $0.errorCount == 0 && $0.chained > 0 }
        #expect(references.count > 30)
        for reference in references {
            let bytes = try Corpus.bytes(reference.file)
            let (files, counts) = try countMessages(bytes)
            #expect(files == reference.chained, "\(reference.file)")
            for (name, number) in [("record", UInt16(20)), ("lap", 19), ("session", 18)] {
                #expect(counts[number] ?? 0 == reference.counts[name] ?? 0, "\(reference.file) \(name)")
            }
            let inspection = FITDecoder().inspect(bytes)
            #expect(inspection.errors.isEmpty, "\(reference.file): \(inspection.errors)")
            #expect(inspection.chainedFileCount == reference.chained, "\(reference.file)")
            #expect(inspection.messageCounts == counts, "\(reference.file)")
            // Every message the SDK named or numbered is counted the same.
            var named: [String: Int] = [:]
            for file in inspection.files { named.merge(file.namedCounts, uniquingKeysWith: +) }
            for (name, count) in reference.counts where name.first?.isNumber == true || FITProfile.messageNames.values.contains(name) {
                #expect(named[name] == count, "\(reference.file) \(name)")
            }
        }
    }

    /// What decoding must do for each file Garmin's SDK could not read, per its MANIFEST note.
    struct Expectation: Sendable, CustomStringConvertible {
        let file: String
        /// The error kind with CRC checking on.
        let strict: Kind
        /// Records read with CRC checking off (before any error), and the error then, if any.
        let lenientRecords: Int
        let lenient: Kind?
        var description: String { file }
    }

    enum Kind: Sendable, Equatable {
        case crc, truncated, badHeader, undefinedLocal, none

        init(_ error: FITDecodeError) {
            switch error {
            case .headerCRCMismatch, .fileCRCMismatch: self = .crc
            case .truncated: self = .truncated
            case .badHeader: self = .badHeader
            case .undefinedLocalMessage: self = .undefinedLocal
            case .invalidFieldSize, .badDefinition: self = .none
            }
        }
    }

    static let unreadable: [Expectation] = [
        // Data intact, CRC damaged: reported, and readable with CRC checking off.
        .init(file: "fit/derived__bad_file_crc.fit", strict: .crc, lenientRecords: 718, lenient: nil),
        .init(file: "fit/derived__bad_header_crc.fit", strict: .crc, lenientRecords: 718, lenient: nil),
        .init(file: "fit/derived__bitflip_mid.fit", strict: .crc, lenientRecords: 718, lenient: nil),
        .init(file: "fit/fitparse__activity-filecrc.fit", strict: .crc, lenientRecords: 14, lenient: nil),
        .init(file: "fit/fitparse__activity-activity-filecrc.fit", strict: .crc, lenientRecords: 28, lenient: nil),
        // Cut short or not FIT.
        .init(file: "fit/derived__header_only.fit", strict: .truncated, lenientRecords: 0, lenient: .truncated),
        .init(file: "fit/derived__zero_length.fit", strict: .truncated, lenientRecords: 0, lenient: .truncated),
        .init(file: "fit/derived__random_bytes.fit", strict: .badHeader, lenientRecords: 0, lenient: .badHeader),
        .init(file: "fit/derived__truncated_50pct.fit", strict: .truncated, lenientRecords: 345, lenient: .truncated),
        .init(file: "fit/derived__truncated_no_crc.fit", strict: .truncated, lenientRecords: 718, lenient: .truncated),
        .init(file: "fit/fitparse__activity-unexpected-eof.fit", strict: .truncated, lenientRecords: 14, lenient: .truncated),
        // Chained with a broken second file: the first file's 14 records are read first.
        .init(file: "fit/fitparse__activity-settings-corruptheader.fit", strict: .badHeader, lenientRecords: 14, lenient: .badHeader),
        .init(file: "fit/fitparse__activity-settings-nodata.fit", strict: .truncated, lenientRecords: 14, lenient: .truncated),
        // Header data size / CRC inconsistent (Sigma Sport): CRC error; records readable.
        .init(file: "fit/fitparse__nick.fit", strict: .crc, lenientRecords: 14391, lenient: .truncated),
        // Header data size larger than the file (Strava); garbage where the SDK also stops.
        .init(file: "fit/fitparse__strava-android-app-201.10-b1218918.fit", strict: .truncated, lenientRecords: 473, lenient: .undefinedLocal),
        // Compressed-timestamp headers, which the SDK does not support: valid for us.
        .init(file: "fit/fitparse__antfs-dump.63.fit", strict: .none, lenientRecords: 686, lenient: nil),
        .init(file: "fit/fitparse__compressed-speed-distance.fit", strict: .none, lenientRecords: 755, lenient: nil),
    ]

    @Test(arguments: unreadable)
    func unreadableFilesFailAsTheirNoteSays(_ expectation: Expectation) throws {
        guard Corpus.isPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        let bytes = try Corpus.bytes(expectation.file)
        do {
            _ = try countMessages(bytes)
            #expect(expectation.strict == .none, "\(expectation.file) decoded without error")
        } catch let error as FITDecodeError {
            #expect(Kind(error) == expectation.strict, "\(expectation.file): \(error)")
            #expect(error.offset >= 0 && error.offset <= bytes.count)
        }
        var records = 0
        do {
            try FITDecoder(verifyCRC: false).decode(bytes) { if $0.globalMessageNumber == 20 { records += 1 } }
            #expect(expectation.lenient == nil, "\(expectation.file) decoded without error")
        } catch let error as FITDecodeError {
            #expect(Kind(error) == expectation.lenient, "\(expectation.file): \(error)")
        }
        #expect(records == expectation.lenientRecords, "\(expectation.file)")
    }

    @Test func compressedTimestampsAdvanceMonotonically() throws {
        guard Corpus.isPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        for name in ["fit/fitparse__antfs-dump.63.fit", "fit/fitparse__compressed-speed-distance.fit"] {
            var last: UInt32 = 0
            var compressed = 0
            try FITDecoder().decode(try Corpus.bytes(name)) { m in
                guard m.globalMessageNumber == 20, let t = m.timestamp else { return }
                if m.headerTimestamp != nil { compressed += 1 }
                #expect(t >= last, "\(name) at byte \(m.offset)")
                last = t
            }
            #expect(compressed > 600, "\(name)")
        }
    }

    @Test func runningFileFieldsLookRight() throws {
        guard Corpus.isPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        var firstFix: (Double, Double)?
        var maxDistance = 0.0
        var sessionSport: UInt8?
        var fileType: UInt8?
        var heartRates = 0
        try FITDecoder().decode(try Corpus.bytes("fit/slither__running.fit")) { m in
            if firstFix == nil, let lat = m.latitude, let lon = m.longitude { firstFix = (lat, lon) }
            if let d = m.distance { maxDistance = max(maxDistance, d.meters) }
            if m.heartRate != nil { heartRates += 1 }
            if let sport = m.sport { sessionSport = sport }
            if let type = m.fileType { fileType = type }
        }
        let fix = try #require(firstFix)
        #expect(abs(fix.0) <= 90 && abs(fix.1) <= 180)
        #expect(maxDistance > 1000)
        #expect(heartRates > 0)
        #expect(sessionSport == 1)  // running
        #expect(fileType == 4)  // activity
    }
}

/// Files with compressed-timestamp record headers, which Garmin's Python SDK cannot read: their
/// record counts must agree with fitdecode's, as MANIFEST.tsv records them
/// (`fitdecode(crc off): records=N`).
@Suite("Compressed timestamps against fitdecode")
struct CompressedTimestampTests {
    @Test func recordCountsAgreeWithFitdecode() throws {
        guard Corpus.isPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        let manifest = try String(contentsOf: Corpus.root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let compressed = rows.filter { $0.count >= 8 && $0[6].contains("COMPRESSED-TIMESTAMP") }
        #expect(compressed.count >= 2)
        for row in compressed {
            let note = row[7]
            guard let range = note.range(of: "fitdecode(crc off): records=") else {
                Issue.record("\(row[0]): no fitdecode count in MANIFEST")
                continue
            }
            let expected = Int(note[range.upperBound...].prefix { $0.isNumber }) ?? -1
            var records = 0
            try FITDecoder(verifyCRC: false).decode(try Corpus.bytes(row[0])) { if $0.globalMessageNumber == 20 { records += 1 } }
            #expect(records == expected, "\(row[0]): \(records) records, fitdecode \(expected)")
        }
    }
}
