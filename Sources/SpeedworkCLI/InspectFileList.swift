import Speedwork
import SpeedworkReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files `inspect` reads, from its arguments: a file as given; a folder as the FIT files in
/// it and its subfolders (by the `.fit` extension, any case; hidden entries and linked folders
/// skipped), sorted; `-`, or the `--files-from` list, as paths one a line (or separated by NUL
/// bytes, as `find -print0` writes them). Linear in the number of paths.
struct InspectFileList {
    /// The paths, in argument order, folders expanded.
    private(set) var paths: [String] = []
    /// Folders that held no FIT file, for the message when nothing is left to read.
    private(set) var emptyFolders: [String] = []

    /// Expands `arguments` and the list in `filesFrom` (a file, or `-` for standard input).
    init(arguments: [String], filesFrom: String?, standardInput: () throws(CommandFailure) -> [UInt8] = InputFile.readStandardInput)
        throws(CommandFailure)
    {
        var listed: [String] = []
        var readStandardInput = false
        func list(_ source: String) throws(CommandFailure) -> [String] {
            if source == "-" {
                guard !readStandardInput else { return [] }
                readStandardInput = true
                return Self.lines(try standardInput())
            }
            return Self.lines(Array(try InputFile.read(source)))
        }
        for argument in arguments {
            if argument == "-" { listed += try list("-") } else { listed.append(argument) }
        }
        if let filesFrom { listed += try list(filesFrom) }
        paths.reserveCapacity(listed.count)
        for path in listed {
            if InputFile.isFolder(path) {
                var found: [String] = []
                Self.collectFITFiles(in: path, into: &found)
                if found.isEmpty { emptyFolders.append(path) }
                paths += found.sorted()
            } else {
                paths.append(path)
            }
        }
    }

    /// Paths one a line (CRLF too), or NUL-separated; empty entries dropped.
    static func lines(_ bytes: [UInt8]) -> [String] {
        let separator: UInt8 = bytes.contains(0) ? 0 : UInt8(ascii: "\n")
        return bytes.split(separator: separator).compactMap { line in
            var line = line[...]
            if separator != 0, line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
        }
    }

    /// Appends the FIT files under `folder`, depth first.
    static func collectFITFiles(in folder: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collectFITFiles(in: path, into: &found)
            case S_IFREG, S_IFLNK:
                if name.lowercased().hasSuffix(".fit"), !InputFile.isFolder(path) { found.append(path) }
            default:
                continue
            }
        }
    }
}
