import Foundation
import Testing
import SpeedworkFiles
@testable import SpeedworkCLI

/// `speedwork inspect`: the JSON contract against Garmin's SDK counts for the shared corpus,
/// errors with byte offsets for damaged files, and a non-zero exit for a file that is not there.
@Suite("Inspect command")
struct InspectCommandTests {
    /// The shared corpus beside the package (`../shared/corpus`), absent in users' clones.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    static var corpusIsPresent: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("fit_reference.tsv").path)
    }

    /// `inspect --json` for `paths`, parsed.
    static func files(_ paths: [String]) throws -> [[String: Any]] {
        let command = try #require(try SpeedworkCommand.parseAsRoot(["inspect"] + paths + ["--json"]) as? InspectCommand)
        let text = try command.render()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["files"])
        return try #require(object["files"] as? [[String: Any]])
    }

    /// (file, n_chained, counts by name) for the rows of fit_reference.tsv the SDK read
    /// without an error.
    static func references() throws -> [(file: String, chained: Int, counts: [String: Int])] {
        let text = try String(contentsOf: corpus.appendingPathComponent("fit_reference.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let columns = lines.removeFirst()
        let file = try #require(columns.firstIndex(of: "file"))
        let chained = try #require(columns.firstIndex(of: "n_chained"))
        let counts = try #require(columns.firstIndex(of: "mesg_counts"))
        let errors = try #require(columns.firstIndex(of: "n_errors"))
        return lines.filter { $0.count == columns.count && $0[errors] == "0" && $0[chained] != "0" }.map { row in
            var named: [String: Int] = [:]
            for pair in row[counts].split(separator: ";") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let n = Int(parts[1]) { named[String(parts[0])] = n }
            }
            return (row[file], Int(row[chained]) ?? 0, named)
        }
    }

    @Test func countsMatchGarminSDKOnTheCorpus() throws {
        guard Self.corpusIsPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        let references = try Self.references()
        #expect(references.count > 30)
        let files = try Self.files(references.map { Self.corpus.appendingPathComponent($0.file).path })
        #expect(files.count == references.count)
        for (reference, file) in zip(references, files) {
            let messages = try #require(file["messages"] as? [String: Int], "\(reference.file)")
            #expect(file["chained"] as? Int == reference.chained, "\(reference.file)")
            #expect((file["errors"] as? [String])?.isEmpty == true, "\(reference.file): \(file["errors"] ?? "")")
            for name in ["record", "lap", "session"] {
                #expect(messages[name] ?? 0 == reference.counts[name] ?? 0, "\(reference.file) \(name)")
            }
        }
    }

    @Test func corruptCorpusFilesReportWhatWasRead() throws {
        guard Self.corpusIsPresent else {
            print("skipped: ../shared/corpus not found")
            return
        }
        let names = ["fit/derived__bitflip_mid.fit", "fit/derived__truncated_50pct.fit", "fit/derived__random_bytes.fit"]
        let files = try Self.files(names.map { Self.corpus.appendingPathComponent($0).path })
        let records = files.map { ($0["messages"] as? [String: Int])?["record"] ?? 0 }
        #expect(records == [718, 345, 0])
        for (name, file) in zip(names, files) {
            let errors = try #require(file["errors"] as? [String])
            #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("at byte ") }, "\(name): \(errors)")
        }
    }

    @Test func badBytesGiveErrorsWithOffsets() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A 14-byte header (CRC 0: not computed) announcing 40 bytes of data; a record
        // definition (one uint32 field, 253 timestamp) and one whole record, then the end.
        var header: [UInt8] = [14, 0x20, 0x54, 0x08, 40, 0, 0, 0] + Array(".FIT".utf8) + [0, 0]
        let records: [UInt8] = [0x40, 0, 0, 20, 0, 1, 253, 4, 0x86, 0x00, 1, 2, 3, 4]
        header += records
        let cut = directory.appendingPathComponent("cut.fit")
        try Data(header).write(to: cut)
        let noise = directory.appendingPathComponent("noise.fit")
        try Data((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: noise)

        let files = try Self.files([cut.path, noise.path])
        #expect(files[0]["chained"] as? Int == 1)
        #expect((files[0]["messages"] as? [String: Int]) == ["record": 1])
        let cutErrors = try #require(files[0]["errors"] as? [String])
        #expect(cutErrors == ["FIT data ends at byte 28; expected 40 bytes of data and a 2-byte CRC after the header at byte 0"])
        #expect(files[1]["chained"] as? Int == 0)
        let noiseErrors = try #require(files[1]["errors"] as? [String])
        #expect(noiseErrors.count == 1 && noiseErrors[0].hasPrefix("not a FIT file header at byte 0: "), "\(noiseErrors)")

        let command = try #require(try SpeedworkCommand.parseAsRoot(["inspect", cut.path]) as? InspectCommand)
        let text = try command.render()
        #expect(text.contains("1 chained FIT file, 1 data message"))
        #expect(text.contains("error: FIT data ends at byte 28"))
    }

    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"))
    func missingFileExitsNonZero() throws {
        let missing = "/nonexistent/speedwork-\(UUID().uuidString).fit"
        let result = try ExecutableErrorTests.run(["inspect", missing, "--json"])
        #expect(result.status != 0 && result.status < 128)
        #expect(result.error.split(separator: "\n") == ["Error: cannot read \(missing): no such file"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let files = try #require(object?["files"] as? [[String: Any]])
        #expect((files.first?["errors"] as? [String]) == ["no such file"])
    }
}
