import Foundation

/// The parts of a stored activity analysis (the `analyze --json` report kept in the log) that the
/// log's views read back: reps, best efforts, the easy-run check. Every field is optional, so an
/// analysis written by an older version, or with a `null` where a number was not finite, still reads.
struct StoredAnalysis: Decodable, Sendable {
    struct Rep: Decodable, Sendable {
        let seconds: Double?
        let meters: Double?
        let secondsPerKm: Double?
        let cadence: Double?
        let stepLength: Double?
    }

    struct Effort: Decodable, Sendable {
        let distance: String?
        let meters: Double?
        let seconds: Double?
    }

    struct EasyRun: Decodable, Sendable {
        let shareFasterThanEasy: Double?
        let movingSecondsPerKm: Double?
        let tooHard: Bool?
    }

    struct ComplianceSummary: Decodable, Sendable {
        let rule: String?
        let summary: String?
    }

    let sport: String?
    let analysedAsRun: Bool?
    let distanceMeters: Double?
    let durationSeconds: Double?
    let movingSeconds: Double?
    let reps: [Rep]?
    let recoveries: [Rep]?
    let bestEfforts: [Effort]?
    let easyRun: EasyRun?
    let compliance: ComplianceSummary?

    /// Reads a stored analysis; nil when the text is missing or not an analysis.
    init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(StoredAnalysis.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
