#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a plan's exports so that a failure never leaves half a file: each file is written to
/// a temporary file in its own folder and renamed over the old one (POSIX `rename` replaces
/// atomically), and a folder of FIT workouts holds one plan at a time.
public enum ExportFiles {
    /// The file in a workouts folder that lists the workouts the last export wrote there, one
    /// name a line, so the next export removes those and nothing else.
    public static let manifestName = ".speedwork-workouts"

    /// Replaces the file at `path` with `bytes`. The folder must exist (none is created); on any
    /// failure the previous file is left as it was and no temporary file remains.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(FileWriteError) {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "the file name is empty") }
        let (folder, name) = split(linkTarget(path) ?? path)
        try requireFolder(folder, for: path)
        if kind(of: path) == S_IFDIR { throw FileWriteError(path: path, reason: "it is a folder") }
        let temporary = temporaryPath(in: folder, for: name)
        try write(bytes, to: temporary, reportedAs: path)
        try syncFile(temporary, reportedAs: path)
        guard rename(temporary, folder + "/" + name) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, code: code)
        }
        syncFolder(folder)
    }

    /// Writes `files` into the folder `path` and removes the workouts the previous export wrote
    /// there (listed in ``manifestName``), so the folder holds exactly this plan. Creates the
    /// folder's last level only. The files are written first and made durable with one sync of
    /// the file system, not one per file; when writing fails, the folder is left as it was.
    ///
    /// - Returns: how many files of an earlier export were removed.
    @discardableResult
    public static func replaceWorkouts(in path: String, with files: [(name: String, bytes: [UInt8])]) throws(FileWriteError) -> Int {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "the folder name is empty") }
        let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var created = false
        switch kind(of: folder) {
        case S_IFDIR: break
        case nil:
            let parent = split(folder).folder
            try requireFolder(parent, for: path, note: " (only the last level of --fit-dir is created)")
            guard mkdir(folder, 0o777) == 0 else { throw FileWriteError(path: path, code: errno) }
            created = true
        default:
            throw FileWriteError(path: path, reason: "it is a file, not a folder")
        }
        let manifest = folder + "/" + manifestName
        let previous = previousWorkouts(manifest)
        let names = files.map(\.name)

        var temporaries: [String] = []
        /// Removes what this export wrote before any file was moved into place, and the folder
        /// when this export made it, so a failure leaves things as they were.
        func discard() {
            for temporary in temporaries { unlink(temporary) }
            if created { rmdir(folder) }
        }
        for file in files {
            let temporary = temporaryPath(in: folder, for: file.name)
            do {
                try write(file.bytes, to: temporary, reportedAs: folder + "/" + file.name)
            } catch {
                discard()
                throw error
            }
            temporaries.append(temporary)
        }
        guard syncAll(temporaries, folder: folder) else {
            let code = errno
            discard()
            throw FileWriteError(path: path, code: code)
        }
        // The list names old and new until the old ones are gone, so a crash in between leaves
        // nothing unlisted for the next export to clean up.
        let union = previous + names.filter { !previous.contains($0) }
        do {
            try replace(manifest, with: manifestBytes(union))
        } catch {
            discard()
            throw error
        }
        for (index, (temporary, name)) in zip(temporaries, names).enumerated() {
            guard rename(temporary, folder + "/" + name) == 0 else {
                let code = errno
                for left in temporaries[index...] { unlink(left) }
                throw FileWriteError(path: folder + "/" + name, code: code)
            }
        }
        let current = Set(names)
        var removed = 0
        for old in previous where !current.contains(old) {
            let file = folder + "/" + old
            if kind(of: file) == S_IFREG, unlink(file) == 0 { removed += 1 }
        }
        try replace(manifest, with: manifestBytes(names))
        return removed
    }

    // MARK: - Pieces

    /// The workout names listed in a manifest; names that are not plain `.fit` file names in the
    /// folder itself (a path, a hidden file) are ignored, so an edited list cannot remove
    /// anything else.
    static func previousWorkouts(_ manifest: String) -> [String] {
        guard let bytes = readSmallFile(manifest) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter { name in
            !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && name.lowercased().hasSuffix(".fit")
        }
    }

    /// The manifest's text: one name a line.
    static func manifestBytes(_ names: [String]) -> [UInt8] {
        Array(names.map { $0 + "\n" }.joined().utf8)
    }

    /// The folder part (`.` when there is none) and the name of `path`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Throws unless `folder` exists and is a folder.
    static func requireFolder(_ folder: String, for path: String, note: String = "") throws(FileWriteError) {
        switch kind(of: folder) {
        case S_IFDIR: return
        case nil: throw FileWriteError(path: path, reason: "the folder \(folder) does not exist\(note)")
        default: throw FileWriteError(path: path, reason: "\(folder) is not a folder")
        }
    }

    /// Where the symbolic link at `path` leads, so a linked calendar is replaced where it lives
    /// and the link kept; nil when `path` is not a link (or leads nowhere).
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file type bits of `path` (`S_IFDIR`, `S_IFREG` …), nil when it does not exist.
    static func kind(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// A new name beside `name` in `folder`, hidden and unlikely to exist.
    static func temporaryPath(in folder: String, for name: String) -> String {
        let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return folder + "/." + name + "." + tag + ".tmp"
    }

    /// Creates `temporary` (never an existing file) and writes all of `bytes`; removes it and
    /// throws on failure.
    static func write(_ bytes: [UInt8], to temporary: String, reportedAs path: String) throws(FileWriteError) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Self.systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw FileWriteError(path: path, code: code)
            }
            offset += written
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, code: code)
        }
    }

    /// Flushes one file to the disk; removes it and throws on failure.
    static func syncFile(_ temporary: String, reportedAs path: String) throws(FileWriteError) {
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, code: code)
        }
    }

    /// Makes every file in `files` durable: on Linux one `syncfs` of the folder's file system,
    /// elsewhere one `fsync` a file. False (with `errno` set) on failure.
    static func syncAll(_ files: [String], folder: String) -> Bool {
        #if os(Linux)
        if let syncfs = linuxSyncFS {
            let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            return syncfs(descriptor) == 0
        }
        #endif
        for file in files {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { return false }
        }
        return true
    }

    #if os(Linux)
    /// Linux's `syncfs(2)` (glibc 2.14 and later), looked up at run time because the C library's
    /// module map hides it behind `_GNU_SOURCE`.
    private static let linuxSyncFS: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()
    #endif

    /// Makes a folder's entries (a rename) durable; best effort, as some file systems refuse
    /// `fsync` on a folder.
    static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The bytes of a small file, nil when it cannot be read.
    static func readSmallFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < 16 << 20 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
        #else
        Darwin.write(descriptor, pointer, count)
        #endif
    }
}
