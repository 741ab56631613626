import Foundation

/// A stored activity analysis read back: the `analyze --json` report (README, "JSON"; M51) the
/// import keeps in the log, the one reading of it that the digest, the log's views and the
/// activity page share. Every field is optional, so an analysis written by an older version, or
/// with a `null` where a number was not finite, still reads.
public struct StoredAnalysis: Decodable, Sendable {
    /// A rep or a recovery as the analysis found it.
    public struct Rep: Decodable, Sendable {
        public let index: Int?
        public let startSeconds: Double?
        public let seconds: Double?
        public let meters: Double?
        public let secondsPerKm: Double?
        /// Steps per minute.
        public let cadence: Double?
        /// Metres per step.
        public let stepLength: Double?
    }

    /// A best effort inside the activity (M43): the fastest stretch of `distance`.
    public struct Effort: Decodable, Sendable {
        public let distance: String?
        public let meters: Double?
        public let seconds: Double?
        public let startSeconds: Double?
    }

    /// The easy-run check (M2).
    public struct EasyRun: Decodable, Sendable {
        public let shareFasterThanEasy: Double?
        public let movingSecondsPerKm: Double?
        public let tooHard: Bool?
    }

    /// One rep against its planned target (M51).
    public struct RepGrade: Decodable, Sendable {
        public let index: Int?
        /// `on-target`, `fast`, `slow`, `missing`, `extra`.
        public let verdict: String?
        /// The target as written, e.g. `400m in 1:28.0–1:32.0` or `3:00 at 3:40–3:50/km`.
        public let target: String?
        public let actual: String?
    }

    /// The session graded against its plan (M51), when it was.
    public struct Compliance: Decodable, Sendable {
        public let rule: String?
        public let summary: String?
        public let reps: [RepGrade]?
    }

    public let file: String?
    public let sport: String?
    public let device: String?
    public let start: String?
    public let analysedAsRun: Bool?
    public let distanceMeters: Double?
    public let durationSeconds: Double?
    public let movingSeconds: Double?
    /// `laps` or `speed`: where the reps were found.
    public let repSource: String?
    public let trackSnapped: Bool?
    public let reps: [Rep]?
    public let recoveries: [Rep]?
    public let bestEfforts: [Effort]?
    public let easyRun: EasyRun?
    public let compliance: Compliance?
    public let warnings: [String]?

    /// Reads a stored analysis; nil when the text is missing or not an analysis (not JSON, or a
    /// key of the wrong type).
    public init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(StoredAnalysis.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
