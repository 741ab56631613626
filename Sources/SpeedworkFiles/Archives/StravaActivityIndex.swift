import Foundation

/// The names and types that a Strava bulk export's `activities.csv` gives its activity files,
/// keyed by the file's path in the archive. Strava repeats some header names, so columns are
/// found once by the first header of each name and rows are read by position.
struct StravaActivityIndex: Sendable {
    /// What the csv says about one file.
    struct Entry: Sendable, Equatable {
        var name: String?
        var sport: String?
    }

    /// The file name Strava gives the index, at the root of the export.
    static let fileName = "activities.csv"
    /// The headers read, first occurrence of each.
    static let nameHeader = "Activity Name", typeHeader = "Activity Type", fileHeader = "Filename"

    /// Each activity file's name and type, by its path in the archive.
    private(set) var entries: [String: Entry] = [:]
    /// Why some or all of the csv could not be used; the import goes on without those names.
    private(set) var problems: [String] = []

    /// Reads `data`, the csv at `folder` in the archive ("" at the root, else ending in "/"),
    /// whose Filename column is relative to that folder.
    init(_ data: Data, folder: String) {
        let csv = CSVReader(data)
        if let first = csv.problems.first {
            let more = csv.problems.count > 1 ? " (and \(csv.problems.count - 1) more)" : ""
            problems.append("\(Self.fileName) is not well-formed CSV at \(first)\(more)")
        }
        guard let header = csv.records.first else {
            problems.append("\(Self.fileName) is empty")
            return
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        func position(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let fileColumn = position(Self.fileHeader) else {
            problems.append("\(Self.fileName) has no \"\(Self.fileHeader)\" column")
            return
        }
        let nameColumn = position(Self.nameHeader)
        let typeColumn = position(Self.typeHeader)
        var short = 0
        for row in csv.records.dropFirst() {
            guard fileColumn < row.count else { short += 1; continue }
            var file = row[fileColumn].trimmingCharacters(in: .whitespaces)
            guard !file.isEmpty else { continue }  // an activity logged without a file
            while file.hasPrefix("./") || file.hasPrefix("/") { file.removeFirst(file.hasPrefix("/") ? 1 : 2) }
            func field(_ column: Int?) -> String? {
                guard let column, column < row.count, !row[column].isEmpty else { return nil }
                return row[column]
            }
            let key = folder + file
            if entries[key] == nil { entries[key] = Entry(name: field(nameColumn), sport: field(typeColumn)) }
        }
        if short > 0 {
            problems.append("\(Self.fileName) has \(short) row\(short == 1 ? "" : "s") shorter than its header")
        }
    }
}
