import Foundation

/// One activity file inside a zip archive (a Strava or Garmin Connect bulk export, M50), as its
/// central directory lists it, before its bytes are read.
public struct ArchiveMember: Sendable, Hashable {
    /// Where the member sits, from the archive's file name down: `export.zip/activities/123.fit.gz`;
    /// a member of a nested zip chains both paths:
    /// `garmin.zip/DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0.zip/x.fit`.
    public var path: String
    /// The uncompressed size the archive declares (reading checks it).
    public var sizeBytes: Int64
    /// The entry's modification time (the extended timestamp when the entry has one, else its
    /// MS-DOS date and time read as UTC).
    public var modifiedAt: Date
    /// The "Activity Name" that Strava's `activities.csv` gives this file, if any.
    public var name: String?
    /// The "Activity Type" that Strava's `activities.csv` gives this file (e.g. "Run"), if any.
    public var sport: String?

    /// Creates a member; see the properties.
    public init(path: String, sizeBytes: Int64, modifiedAt: Date, name: String? = nil, sport: String? = nil) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.modifiedAt = modifiedAt
        self.name = name
        self.sport = sport
    }
}
