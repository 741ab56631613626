import Foundation
import Speedwork

/// What the log keeps of one recorded activity besides its samples: the summary that weeks and
/// progress are built from (M50–M52) and the analysis as the JSON report the CLI prints.
public struct ActivitySummary: Sendable, Hashable {
    /// SHA-256 of the decoded data (sport, start, samples, laps): the activity's identity, so the
    /// same run read from `.fit` and from `.fit.gz` is one activity (issue 9).
    public var contentHash: String
    /// When it started, if the file said (whole milliseconds).
    public var start: Date?
    /// The device's sport name: `running`, `cycling`, …
    public var sport: String
    /// A name for it (from Strava's `activities.csv`, say).
    public var name: String?
    /// The device, as the file names it.
    public var device: String?
    /// Distance covered, metres: the device's total, else the last sample's distance.
    public var distanceMeters: Double?
    /// Duration, seconds: the device's timer total, else the last sample's time.
    public var durationSeconds: Double?
    /// How many samples the blob holds.
    public var sampleCount: Int
    /// The file it was imported from, for the runner's reference.
    public var source: String?
    /// The analysis (reps, best efforts, easy/hard check; M51) as JSON text, when it was run. Nil
    /// in what ``TrainingStore/activityDigests(for:in:)`` returns, which reads the digest only.
    public var analysisJSON: String?
    /// The compact record of the analysis that log, progress and the log's fitness read (M52).
    public var digest: ActivityDigest?

    /// A summary as stored; without a `digest`, the digest is derived from `analysisJSON`.
    public init(contentHash: String, start: Date?, sport: String, name: String? = nil, device: String? = nil,
                distanceMeters: Double?, durationSeconds: Double?, sampleCount: Int, source: String? = nil,
                analysisJSON: String? = nil, digest: ActivityDigest? = nil) {
        self.contentHash = contentHash
        self.start = start
        self.sport = sport
        self.name = name
        self.device = device
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.sampleCount = sampleCount
        self.source = source
        self.analysisJSON = analysisJSON
        self.digest = digest ?? analysisJSON.flatMap(ActivityDigest.init(analysisJSON:))
    }
}

/// An activity made ready for the store: summary, content hash and sample blob computed up front,
/// so an import can pack on every core and leave only the writing to the single writer (issue 9).
public struct PackedActivity: Sendable, Hashable {
    /// What lists and progress read.
    public var summary: ActivitySummary
    /// The samples and laps as a ``SampleBlob``.
    public var samples: Data

    /// Packs an activity: encodes its samples and laps once, hashes the result with the sport and
    /// start, and sums it up.
    public init(_ activity: Activity, name: String? = nil, source: String? = nil, analysisJSON: String? = nil) throws {
        if let analysisJSON { try PackedActivity.checkJSON(analysisJSON, what: "the activity analysis") }
        self.init(activity, name: name, source: source, analysisJSON: analysisJSON, digest: nil)
    }

    /// Packs an activity with an analysis its caller rendered as JSON and digested from the same
    /// report, so the text is neither checked nor parsed back (the import's path: one JSON
    /// encoding per activity, no decoding).
    public init(_ activity: Activity, name: String? = nil, source: String? = nil, renderedAnalysis: String,
                digest: ActivityDigest) {
        self.init(activity, name: name, source: source, analysisJSON: renderedAnalysis, digest: digest)
    }

    private init(_ activity: Activity, name: String?, source: String?, analysisJSON: String?, digest analysisDigest: ActivityDigest?) {
        let (payload, parts) = SampleBlob.payloadParts(of: activity)
        let start = activity.start.map(StoredTime.rounded)
        var identity = ByteWriter()
        identity.varint(UInt64(activity.sport.utf8.count))
        identity.bytes.append(contentsOf: activity.sport.utf8)
        identity.byte(start == nil ? 0 : 1)
        identity.signedVarint(start.map(StoredTime.milliseconds) ?? 0)
        var hash = SHA256()
        hash.update(identity.bytes)
        hash.update(payload)
        let digest = SHA256.hex(hash.finalize())
        summary = ActivitySummary(
            contentHash: digest, start: start, sport: activity.sport, name: name, device: activity.device,
            distanceMeters: activity.deviceDistanceMeters ?? activity.samples.last(where: { $0.meters != nil })?.meters,
            durationSeconds: activity.deviceTimerSeconds ?? activity.samples.last?.seconds,
            sampleCount: activity.samples.count, source: source, analysisJSON: analysisJSON, digest: analysisDigest)
        samples = SampleBlob.pack(payload, parts: parts)
    }

    static func checkJSON(_ text: String, what: String) throws {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            throw InputError("\(what) is not valid JSON: '\(text.prefix(40))'")
        }
    }
}

/// A stored activity read back whole: its summary and the activity rebuilt from the blob.
public struct StoredActivity: Sendable, Hashable {
    /// The stored summary.
    public var summary: ActivitySummary
    /// Sport, start, device, samples and laps as they were packed.
    public var activity: Activity

    /// Pairs a summary with its decoded activity.
    public init(summary: ActivitySummary, activity: Activity) {
        self.summary = summary
        self.activity = activity
    }
}
