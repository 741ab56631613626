import Foundation
import Testing
import Speedwork
@testable import SpeedworkReports
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
        #expect(result.status == ExitStatus.noInput.rawValue)
        #expect(result.error.split(separator: "\n") == ["Error: cannot read \(InputError.quoted(missing)): does not exist"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let files = try #require(object?["files"] as? [[String: Any]])
        #expect((files.first?["errors"] as? [String]) == ["does not exist"])
    }

    /// A minimal FIT file with `records` record messages (one uint32 timestamp each) and a
    /// correct header and file CRC, by the FIT protocol's CRC-16 (the SDK's nibble table).
    static func fitFile(records: Int) -> [UInt8] {
        func crc(_ bytes: [UInt8]) -> UInt16 {
            let table: [UInt16] = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                   0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
            var value: UInt16 = 0
            for byte in bytes {
                var tmp = table[Int(value & 0xF)]
                value = (value >> 4) & 0x0FFF
                value = value ^ tmp ^ table[Int(byte & 0xF)]
                tmp = table[Int(value & 0xF)]
                value = (value >> 4) & 0x0FFF
                value = value ^ tmp ^ table[Int((byte >> 4) & 0xF)]
            }
            return value
        }
        var data: [UInt8] = [0x40, 0, 0, 20, 0, 1, 253, 4, 0x86]
        for index in 0..<records { data += [0, UInt8(index), 0, 0, 0x40] }
        var file: [UInt8] = [14, 0x20, 0x54, 0x08] + withUnsafeBytes(of: UInt32(data.count).littleEndian, Array.init) + Array(".FIT".utf8)
        file += withUnsafeBytes(of: crc(file).littleEndian, Array.init)
        file += data
        return file + withUnsafeBytes(of: crc(file).littleEndian, Array.init)
    }

    /// 2,000 generated FIT files in nested folders, read as a folder, as a list on standard
    /// input and as 2,000 arguments: every file once, sorted, with the record counts written
    /// (file i holds i % 5 + 1 records: 6,000 in all). Counts, not timings.
    @Test func readsThousandsOfFilesFromFoldersAndLists() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-many-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var paths: [String] = []
        for index in 0..<2_000 {
            let folder = root.appendingPathComponent(String(format: "%02d", index % 7))
            if index < 7 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let url = folder.appendingPathComponent(String(format: "run-%04d.%@", index, index % 3 == 0 ? "FIT" : "fit"))
            try Data(Self.fitFile(records: index % 5 + 1)).write(to: url)
            paths.append(url.path)
        }
        try Data("not a workout".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data([0, 1, 2]).write(to: root.appendingPathComponent("00/.hidden.fit"))

        func check(_ files: [[String: Any]], _ how: String) {
            #expect(files.count == 2_000, "\(how)")
            #expect(files.compactMap { $0["path"] as? String } == paths.sorted(), "\(how)")
            #expect(files.reduce(0) { $0 + (($1["messages"] as? [String: Int])?["record"] ?? 0) } == 6_000, "\(how)")
            #expect(files.allSatisfy { ($0["errors"] as? [String])?.isEmpty == true }, "\(how)")
        }
        check(try Self.files([root.path]), "folder")

        let list = (paths.sorted().joined(separator: "\n") + "\n").utf8
        let fromList = try InspectFileList(arguments: ["-"], filesFrom: nil, standardInput: { Array(list) })
        #expect(fromList.paths == paths.sorted())
        let listFile = root.appendingPathComponent("list.txt")
        try Data(list).write(to: listFile)
        let fromFile = try InspectFileList(arguments: [], filesFrom: listFile.path)
        #expect(fromFile.paths == paths.sorted())

        let command = try #require(try CommandLineRun.parse(["inspect"] + paths.sorted() + ["--json"]) as? InspectCommand)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try command.render().utf8)) as? [String: Any])
        check(try #require(object["files"] as? [[String: Any]]), "arguments")
    }

    @Test func emptyFolderIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let command = try #require(try SpeedworkCommand.parseAsRoot(["inspect", root.path]) as? InspectCommand)
        #expect(throws: CommandFailure(.noInput, "no .fit file in \(InputError.quoted(root.path)) or its subfolders")) { try command.render() }
    }

    /// `inspect -` and `--files-from -` read the list from standard input in the executable;
    /// a list file that is missing exits 66.
    @Test(.enabled(if: ExecutableErrorTests.binary != nil, "the speedwork executable is built beside the tests"))
    func executableReadsPathsFromStandardInput() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-stdin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var paths: [String] = []
        for index in 0..<30 {
            let url = root.appendingPathComponent("run \(index).fit")
            try Data(Self.fitFile(records: 2)).write(to: url)
            paths.append(url.path)
        }
        for arguments in [["inspect", "-", "--json"], ["inspect", "--files-from", "-", "--json"]] {
            let process = Process()
            process.executableURL = try #require(ExecutableErrorTests.binary)
            process.arguments = arguments
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data(paths.joined(separator: "\r\n").utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments)")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let files = try #require(object["files"] as? [[String: Any]])
            #expect(files.compactMap { $0["path"] as? String } == paths, "\(arguments)")
            #expect(files.allSatisfy { ($0["messages"] as? [String: Int]) == ["record": 2] })
        }
        // A pipe is read, not mapped: `inspect <(gunzip -c run.fit.gz)` as a shell writes it.
        let pipeProcess = Process()
        pipeProcess.executableURL = try #require(ExecutableErrorTests.binary)
        pipeProcess.arguments = ["inspect", "/dev/stdin", "--json"]
        let fitInput = Pipe(), fitOutput = Pipe()
        pipeProcess.standardInput = fitInput
        pipeProcess.standardOutput = fitOutput
        try pipeProcess.run()
        fitInput.fileHandleForWriting.write(Data(Self.fitFile(records: 3)))
        try fitInput.fileHandleForWriting.close()
        let piped = fitOutput.fileHandleForReading.readDataToEndOfFile()
        pipeProcess.waitUntilExit()
        #expect(pipeProcess.terminationStatus == 0)
        let pipedFiles = try #require((try JSONSerialization.jsonObject(with: piped) as? [String: Any])?["files"] as? [[String: Any]])
        #expect(pipedFiles.first?["messages"] as? [String: Int] == ["record": 3])

        let missing = try ExecutableErrorTests.run(["inspect", "--files-from", root.appendingPathComponent("list.txt").path])
        #expect(missing.status == ExitStatus.noInput.rawValue)
        #expect(missing.error.hasSuffix("does not exist\n"), "\(missing.error)")
    }
}
