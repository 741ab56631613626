import Foundation

/// The parts of a stored activity analysis (the `analyze --json` report kept in the log) that the
/// log's views read back: reps, best efforts, the easy-run check. Every field is optional, so an
/// analysis written by an older version, or with a `null` where a number was not finite, still reads.
public struct StoredAnalysis: Decodable, Sendable {
    public struct Rep: Decodable, Sendable {
        public let seconds: Double?
        public let meters: Double?
        public let secondsPerKm: Double?
        public let cadence: Double?
        public let stepLength: Double?
    }

    public struct Effort: Decodable, Sendable {
        public let distance: String?
        public let meters: Double?
        public let seconds: Double?
    }

    public struct EasyRun: Decodable, Sendable {
        public let shareFasterThanEasy: Double?
        public let movingSecondsPerKm: Double?
        public let tooHard: Bool?
    }

    public struct ComplianceSummary: Decodable, Sendable {
        public let rule: String?
        public let summary: String?
    }

    public let sport: String?
    public let analysedAsRun: Bool?
    public let distanceMeters: Double?
    public let durationSeconds: Double?
    public let movingSeconds: Double?
    public let reps: [Rep]?
    public let recoveries: [Rep]?
    public let bestEfforts: [Effort]?
    public let easyRun: EasyRun?
    public let compliance: ComplianceSummary?

    /// Reads a stored analysis; nil when the text is missing or not an analysis.
    public init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(StoredAnalysis.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
