import Foundation
import Speedwork
import SpeedworkReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thing `speedwork import` was given or found: an activity file on disk, or a zip archive
/// whose members are read in turn (issue 9, Import).
enum ImportInput: Sendable, Equatable {
    /// A file read whole; `named` when it was on the command line (then any extension is tried).
    case file(ImportCandidate, named: Bool)
    /// A `.zip` archive (a Strava or Garmin Connect bulk export).
    case archive(ImportCandidate)
}

/// A file the import may read: where it is and how it is recognised next time (path, size and
/// modification time, as ``SpeedworkStore/ImportedFile`` records it).
struct ImportCandidate: Sendable, Equatable {
    /// The absolute path (an archive member as `archive.zip/member`).
    var path: String
    /// Its size in bytes.
    var sizeBytes: Int64
    /// Its modification time.
    var modifiedAt: Date
}

/// The inputs of an import from its arguments: files as named, folders walked depth first with
/// their entries in byte order of their names (so every run sees the same order), linked folders
/// followed once (a link loop ends), hidden entries left out, and only files that look like
/// activities kept (``looksLikeActivity(_:)``).
enum ImportInputs {
    /// The extensions a folder's files are imported by, any case; each also gzip-compressed.
    static let activityExtensions = ["fit", "gpx", "tcx"]

    /// Every input under `arguments`, in argument order, each file once.
    ///
    /// - Throws: ``CommandFailure`` with ``ExitStatus/noInput`` naming the first argument that
    ///   does not exist or cannot be opened, before anything is read or written.
    static func collect(_ arguments: [String], currentFolder: String = FileManager.default.currentDirectoryPath)
        throws(CommandFailure) -> [ImportInput]
    {
        var inputs: [ImportInput] = []
        var visited = Set<FolderIdentity>()
        for argument in arguments {
            guard !argument.isEmpty else { throw CommandFailure(.usage, "an empty path was given") }
            let path = absolute(argument, from: currentFolder)
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw CommandFailure(.noInput, "\(InputError.quoted(argument)) \(InputFile.reason(errno))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard access(path, R_OK | X_OK) == 0 else {
                    throw CommandFailure(.noInput, "\(InputError.quoted(argument)) cannot be opened: permission denied")
                }
                walk(path, info: info, visited: &visited, into: &inputs)
            case S_IFREG:
                guard access(path, R_OK) == 0 else {
                    throw CommandFailure(.noInput, "\(InputError.quoted(argument)) cannot be opened: permission denied")
                }
                let candidate = ImportCandidate(path: path, sizeBytes: Int64(info.st_size), modifiedAt: modified(info))
                inputs.append(isArchive(path) ? .archive(candidate) : .file(candidate, named: true))
            default:
                throw CommandFailure(.noInput, "\(InputError.quoted(argument)) is not a file or folder")
            }
        }
        var seen = Set<String>()
        return inputs.filter { input in
            switch input {
            case .file(let candidate, _), .archive(let candidate): seen.insert(candidate.path).inserted
            }
        }
    }

    /// Whether a file found in a folder is read: `.fit`, `.gpx`, `.tcx`, each optionally `.gz`, any case.
    static func looksLikeActivity(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return activityExtensions.contains { lower.hasSuffix("." + $0) }
    }

    /// Whether a file is read as a zip archive: by its `.zip` extension, any case.
    static func isArchive(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".zip")
    }

    /// `path` made absolute against `folder`, with `.` and `..` resolved by name (links are kept,
    /// so the recorded path is the one the runner gave).
    static func absolute(_ path: String, from folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A folder by device and inode, so a folder reached twice (through a link) is walked once.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static func walk(_ folder: String, info: stat, visited: inout Set<FolderIdentity>, into inputs: inout [ImportInput]) {
        guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = prefix + name
            var entry = stat()
            guard stat(path, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, info: entry, visited: &visited, into: &inputs)
            case S_IFREG:
                let candidate = ImportCandidate(path: path, sizeBytes: Int64(entry.st_size), modifiedAt: modified(entry))
                if isArchive(name) {
                    inputs.append(.archive(candidate))
                } else if looksLikeActivity(name) {
                    inputs.append(.file(candidate, named: false))
                }
            default:
                continue
            }
        }
    }

    private static func modified(_ info: stat) -> Date {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}
