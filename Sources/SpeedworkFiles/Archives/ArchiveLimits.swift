/// How much a zip archive may make the reader hold, so that a hostile archive (a zip bomb, a
/// directory of millions of entries, zips nested without end) is refused with a clear line instead
/// of exhausting memory. The reasons for each figure are in docs/activity-files.md, "Archives".
public struct ArchiveLimits: Sendable, Equatable {
    /// The most one activity member may hold uncompressed: 256 MiB, as for a gzip file
    /// (``Gzip/Limits/standard``), 17 times a 48-hour GPX.
    public var maxMemberBytes: Int
    /// The most a member may expand relative to its compressed size: 200×. Real activity files
    /// deflate 3× (FIT) to about 25× (pretty-printed XML); deflate itself tops out near 1032×.
    public var maxRatio: Int
    /// Members declaring at most this many bytes (1 MiB) are not held to ``maxRatio``: a small
    /// file of repeated white space may deflate past 200× and costs nothing.
    public var ratioFloorBytes: Int
    /// The most a compressed zip inside the zip (Garmin's `UploadedFiles_*.zip`) may hold, since it
    /// is read into memory: 1 GiB. A stored (uncompressed) nested zip is read in place and costs
    /// no memory.
    public var maxNestedZipBytes: Int
    /// The most entries one central directory may list: 500,000 (a 10-year export holds about
    /// 5,000 activities and as many photos).
    public var maxMembers: Int
    /// The most bytes one central directory may take, as it is read whole: 64 MiB.
    public var maxDirectoryBytes: Int
    /// The most bytes Strava's `activities.csv` may hold: 64 MiB, about ten times the index of
    /// 5,000 activities with Strava's 80-odd columns; a larger one is passed over with a warning.
    public var maxIndexBytes: Int
    /// How deep zips may nest: 1, a zip inside the zip as Garmin Connect ships them; deeper ones
    /// are refused.
    public var maxNestingDepth: Int

    /// The limits ``ActivityArchive`` reads with unless told otherwise.
    public static let standard = ArchiveLimits()

    /// Creates limits; every value defaults to the standard one.
    public init(
        maxMemberBytes: Int = 256 << 20,
        maxRatio: Int = 200,
        ratioFloorBytes: Int = 1 << 20,
        maxNestedZipBytes: Int = 1 << 30,
        maxMembers: Int = 500_000,
        maxDirectoryBytes: Int = 64 << 20,
        maxIndexBytes: Int = 64 << 20,
        maxNestingDepth: Int = 1
    ) {
        self.maxMemberBytes = maxMemberBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxNestedZipBytes = maxNestedZipBytes
        self.maxMembers = maxMembers
        self.maxDirectoryBytes = maxDirectoryBytes
        self.maxIndexBytes = maxIndexBytes
        self.maxNestingDepth = maxNestingDepth
    }
}
