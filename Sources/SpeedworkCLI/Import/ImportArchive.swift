import Foundation
import SpeedworkReports
import SpeedworkFiles

/// The one place the import reads zip archives (Strava and Garmin Connect bulk exports, issue 9),
/// through ``SpeedworkFiles/ActivityArchive``: each activity member in turn, with a reader the
/// import calls only for members it has not recorded yet, so an unchanged archive is walked
/// without inflating anything.
enum ImportArchive {
    /// Calls `body` for every activity member of the archive at `path`, in the archive's order;
    /// a member's path starts with the archive's file name (`export.zip/activities/1.fit.gz`).
    static func forEachMember(
        in path: String,
        _ body: (ArchiveMember, _ read: () throws(ArchiveError) -> Data) throws -> Void
    ) throws {
        try ActivityArchive(contentsOf: URL(fileURLWithPath: path)).forEachMember(body)
    }
}
