import Foundation

extension Corpus {
    /// One row of MANIFEST.tsv: the file, its note (quirks, "CORRUPT ON PURPOSE") and the
    /// measured description (`trkpt=…`, `trackpoints=…`, `records=…`).
    struct ManifestRow {
        let file: String
        let note: String
        let what: String

        /// Whether the corpus marks the file as broken on purpose or by its writer.
        var isCorrupt: Bool { note.contains("CORRUPT") || note.contains("BROKEN") }

        /// The integer after `key=` in the measured description, if any.
        func count(_ key: String) -> Int? {
            guard let range = what.range(of: key + "=") else { return nil }
            return Int(what[range.upperBound...].prefix { $0.isNumber })
        }
    }

    static func manifest() throws -> [ManifestRow] {
        let text = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { return [] }
        let columns = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let iFile = columns.firstIndex(of: "file") ?? 0
        let iNote = columns.firstIndex { $0.hasPrefix("note") } ?? 6
        let iWhat = columns.firstIndex { $0.hasPrefix("what_it_is") } ?? 7
        return lines.compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns.count else { return nil }
            return ManifestRow(file: cells[iFile], note: cells[iNote], what: cells[iWhat])
        }
    }

    static func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// Whether the corpus is here; prints the skip note when it is not.
    static func availableOrNote() -> Bool {
        if !isPresent { print("skipped: ../shared/corpus not found") }
        return isPresent
    }
}
