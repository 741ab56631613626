import Foundation

/// An activity inside a bulk export's zip archive, as the import records it: its path inside the
/// archive, its size and time, and the name and sport Strava's `activities.csv` gives it.
struct ImportArchiveMember: Sendable {
    /// The member's path inside the archive.
    var path: String
    /// Its uncompressed size in bytes.
    var sizeBytes: Int64
    /// Its modification time in the archive.
    var modifiedAt: Date
    /// The activity's name from the export's index (Strava's `activities.csv`), when it has one.
    var name: String?
    /// The activity's sport from the export's index, when it has one.
    var sport: String?
}

/// Why a zip archive could not be read: one line naming the archive.
struct ImportArchiveFailure: Error, CustomStringConvertible {
    /// The line.
    let description: String
}

/// The one place the import reads zip archives (Strava and Garmin Connect bulk exports, issue 9):
/// each activity member in turn, with a reader the import calls only for members it has not
/// recorded yet, so an unchanged archive is walked without inflating anything.
enum ImportArchive {
    /// Calls `body` for every activity member of the archive at `path`, in the archive's order.
    static func forEachMember(
        in path: String,
        _ body: (ImportArchiveMember, _ read: () throws -> Data) throws -> Void
    ) throws {
        throw ImportArchiveFailure(description: "\(path): zip archives are not supported yet")
    }
}
