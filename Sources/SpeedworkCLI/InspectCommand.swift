import Foundation
import ArgumentParser
import Speedwork
import SpeedworkReports
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
            A folder is read with its subfolders (the .fit files, sorted); - or --files-from - reads \
            paths from standard input, one a line. Exits non-zero (65, 66) when a file is not FIT or \
            cannot be read at all.

            Example: speedwork inspect morning-run.fit --json
            """)

    /// Options that take a value, so the command line can hand the paths around the parser.
    static let optionsWithValue: Set<String> = ["--files-from"]

    @Argument(help: ArgumentHelp("FIT files or folders to inspect; - reads paths from standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Also inspect the paths listed in this file, one a line (- for standard input).", valueName: "list"))
    var filesFrom: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let blank = files.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("'\(blank)' is not a file name")
        }
        if let filesFrom, filesFrom.isEmpty {
            throw ValidationError("--files-from needs a file name, or - for standard input")
        }
    }

    func run() async throws {
        let report = InspectReport(paths: try paths())
        try StandardOutput.write(line: try render(report))
        if let failure = report.failure { throw failure }
    }

    /// The files to read: arguments and lists expanded, never empty.
    func paths() throws(CommandFailure) -> [String] {
        if let blank = files.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw CommandFailure(.usage, "'\(blank)' is not a file name")
        }
        let list = try InspectFileList(arguments: files, filesFrom: filesFrom)
        guard !list.paths.isEmpty else {
            if let folder = list.emptyFolders.first {
                throw CommandFailure(.noInput, "no .fit file in \(InputError.quoted(folder)) or its subfolders")
            }
            throw CommandFailure(.usage, "no file given: name FIT files or folders, or list them with --files-from")
        }
        return list.paths
    }

    /// The report as it is printed.
    func render() throws -> String {
        try render(InspectReport(paths: try paths()))
    }

    func render(_ report: InspectReport) throws -> String {
        if output.json { return try JSONOutput.render(report) }
        return report.files.map(\.text).joined(separator: "\n\n")
    }
}

/// The `inspect --json` contract: `{"files": [{"path", "chained", "messages", "errors"}]}`.
struct InspectReport: Encodable {
    struct File: Encodable {
        /// The path as given on the command line (or found in a folder or list).
        let path: String
        /// Number of chained FIT files whose header was read.
        let chained: Int
        /// Data messages by profile name (unknown ones by number), summed over chained files.
        let messages: [String: Int]
        /// One line per problem, each naming its byte offset (or why the file was not read).
        let errors: [String]
        /// Why the command fails for this file: it could not be read, or holds no FIT file.
        let failure: ExitStatus?

        /// Whether the file's bytes could be read at all.
        var wasRead: Bool { failure != .noInput }

        private enum CodingKeys: String, CodingKey { case path, chained, messages, errors }
    }

    let files: [File]

    init(paths: [String]) {
        files = paths.map(Self.inspect)
    }

    /// The failure the command exits with after printing: a file that could not be read (66)
    /// before one that is not FIT (65), naming the first and counting the others.
    var failure: CommandFailure? {
        for status in [ExitStatus.noInput, .dataError] {
            let failed = files.filter { $0.failure == status }
            guard let first = failed.first else { continue }
            let more = failed.count > 1 ? " (and \(failed.count - 1) more)" : ""
            return CommandFailure(status, "cannot read \(InputError.quoted(first.path)): \(first.errors.first ?? "unknown reason")\(more)")
        }
        return nil
    }

    static func inspect(_ path: String) -> File {
        let bytes: Data
        do {
            bytes = try InputFile.read(path)
        } catch {
            let reason = error.description.hasPrefix(InputError.quoted(path) + " ")
                ? String(error.description.dropFirst(InputError.quoted(path).count + 1)) : error.description
            return File(path: path, chained: 0, messages: [:], errors: [reason], failure: .noInput)
        }
        let inspection = FITDecoder(verifyCRC: false).inspect(bytes)
        var messages: [String: Int] = [:]
        for file in inspection.files { messages.merge(file.namedCounts, uniquingKeysWith: +) }
        var errors = inspection.errors.map(\.description)
        if inspection.chainedFileCount == 0, errors.isEmpty { errors = ["not a FIT file"] }
        return File(
            path: path, chained: inspection.chainedFileCount, messages: messages, errors: errors,
            failure: inspection.chainedFileCount == 0 ? .dataError : nil)
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
