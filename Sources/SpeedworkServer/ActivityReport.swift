import Foundation
import Speedwork

/// The stored analysis of one activity as the activity page reads it: the `analyze --json` report
/// the import keeps in the log (README, "JSON"; M51). Every field is optional, so an analysis
/// written by an older version, or with `null` where a number was not finite, still reads.
struct ActivityReport: Decodable, Sendable {
    struct Rep: Decodable, Sendable {
        let index: Int?
        let startSeconds: Double?
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
        let startSeconds: Double?
    }

    struct RepGrade: Decodable, Sendable {
        let index: Int?
        let verdict: String?
        let target: String?
        let actual: String?
    }

    struct Compliance: Decodable, Sendable {
        let rule: String?
        let summary: String?
        let reps: [RepGrade]?
    }

    let file: String?
    let sport: String?
    let device: String?
    let start: String?
    let distanceMeters: Double?
    let durationSeconds: Double?
    let movingSeconds: Double?
    let repSource: String?
    let trackSnapped: Bool?
    let reps: [Rep]?
    let bestEfforts: [Effort]?
    let compliance: Compliance?
    let warnings: [String]?

    /// Reads a stored analysis; nil when the text is missing or not an analysis.
    init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(ActivityReport.self, from: Data(json.utf8)) else { return nil }
        self = value
    }

    /// The pace band, seconds per kilometre (fast end first), of a graded rep's target as the
    /// compliance writes it (M51): `400m in 1:28.0–1:32.0` (a distance in a time band) or
    /// `3:00 at 3:40–3:50/km` (a time at a pace band). Nil for `by effort`, `not planned` or
    /// anything else.
    static func paceBand(target: String) -> ClosedRange<Double>? {
        if let range = target.range(of: " at "), target.hasSuffix("/km") {
            let band = target[range.upperBound...].dropLast(3)
            guard let (fast, slow) = times(String(band)) else { return nil }
            return fast...slow
        }
        if let range = target.range(of: " in ") {
            guard let distance = try? Distance(parsing: String(target[..<range.lowerBound])), distance.meters > 0,
                  let (fast, slow) = times(String(target[range.upperBound...])) else { return nil }
            return (fast / distance.kilometers)...(slow / distance.kilometers)
        }
        return nil
    }

    /// `1:28.0–1:32.0` (or one time) as seconds, the smaller first.
    private static func times(_ text: String) -> (Double, Double)? {
        let ends = text.split(separator: "–").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(ends.count),
              let first = try? Speedwork.Duration(parsing: ends[0]),
              let last = try? Speedwork.Duration(parsing: ends[ends.count - 1]) else { return nil }
        return (min(first.seconds, last.seconds), max(first.seconds, last.seconds))
    }
}
