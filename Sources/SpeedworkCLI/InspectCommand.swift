import Foundation
import ArgumentParser
import Speedwork
import SpeedworkFiles

/// `speedwork inspect`: a low-level view of FIT files for bug reports — chained files, message
/// counts by profile name and every decoding error with its byte offset.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what FIT files hold: chained files, message counts and errors (for bug reports).",
        discussion: """
            Counts data messages by FIT profile name (unknown messages by number). CRCs are checked and \
            mismatches reported, but a file with a bad CRC is still counted as far as its bytes allow. \
            Exits non-zero when a file cannot be read at all.

            Example: speedwork inspect morning-run.fit --json
            """)

    @Argument(help: ArgumentHelp("FIT files to inspect.", valueName: "file"))
    var files: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("no file given: name one or more FIT files") }
        if let blank = files.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("'\(blank)' is not a file name")
        }
    }

    func run() async throws {
        let report = InspectReport(paths: files)
        print(try render(report))
        let unreadable = report.files.filter { !$0.wasRead }
        if let first = unreadable.first {
            let more = unreadable.count > 1 ? " (and \(unreadable.count - 1) more)" : ""
            throw InputError("cannot read \(first.path): \(first.errors.first ?? "unknown reason")\(more)")
        }
    }

    /// The report as it is printed.
    func render() throws -> String {
        try render(InspectReport(paths: files))
    }

    func render(_ report: InspectReport) throws -> String {
        if output.json { return try JSONOutput.render(report) }
        return report.files.map(\.text).joined(separator: "\n\n")
    }
}

/// The `inspect --json` contract: `{"files": [{"path", "chained", "messages", "errors"}]}`.
struct InspectReport: Encodable {
    struct File: Encodable {
        /// The path as given on the command line.
        let path: String
        /// Number of chained FIT files whose header was read.
        let chained: Int
        /// Data messages by profile name (unknown ones by number), summed over chained files.
        let messages: [String: Int]
        /// One line per problem, each naming its byte offset (or why the file was not read).
        let errors: [String]
        /// Whether the file's bytes could be read at all.
        let wasRead: Bool

        private enum CodingKeys: String, CodingKey { case path, chained, messages, errors }
    }

    let files: [File]

    init(paths: [String]) {
        files = paths.map(Self.inspect)
    }

    static func inspect(_ path: String) -> File {
        let bytes: Data
        do {
            bytes = try readFile(path)
        } catch {
            return File(path: path, chained: 0, messages: [:], errors: ["\(error)"], wasRead: false)
        }
        let inspection = FITDecoder(verifyCRC: false).inspect(bytes)
        var messages: [String: Int] = [:]
        for file in inspection.files { messages.merge(file.namedCounts, uniquingKeysWith: +) }
        return File(
            path: path, chained: inspection.chainedFileCount, messages: messages,
            errors: inspection.errors.map(\.description), wasRead: true)
    }

    /// The file's bytes, memory-mapped; a one-line reason when it is missing or unreadable.
    static func readFile(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file")
        }
        guard !isDirectory.boolValue else { throw InputError("is a directory, not a FIT file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            guard FileManager.default.isReadableFile(atPath: path) else { throw InputError("permission denied") }
            throw InputError("could not be read")
        }
    }
}

extension InspectReport.File {
    /// A heading, the message table (most frequent first) and the errors.
    var text: String {
        let total = messages.values.reduce(0, +)
        var lines = [path]
        guard wasRead else { return (lines + errors.map { "  error: \($0)" }).joined(separator: "\n") }
        lines.append("  \(chained) chained FIT file\(chained == 1 ? "" : "s"), \(total) data message\(total == 1 ? "" : "s")")
        if !messages.isEmpty {
            var table = TextTable("Message", "Count")
            for (name, count) in messages.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                table.add(name, String(count))
            }
            lines += ["", table.render(indent: "  ")]
        }
        if !errors.isEmpty {
            lines += [""] + errors.map { "  error: \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
