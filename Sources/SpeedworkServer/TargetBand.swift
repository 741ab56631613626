import Foundation
import Speedwork

/// A graded rep's target as a pace band for the activity page's chart (M51): read from the target
/// as the compliance writes it, stored or graded against the plan.
enum TargetBand {
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
