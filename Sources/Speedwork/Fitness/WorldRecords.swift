import Foundation

/// The fastest times ever run at standard distances, used to reject impossible inputs.
///
/// Men's outdoor world records and road world records ratified by World Athletics (the 2-mile
/// figure is a world best), as of 2025. A result or goal faster than record pace for its distance
/// is an input error (METHODOLOGY, end of section 5). Between two record distances the limit
/// follows the power law through both records, so an unusual distance such as 600 m gets a
/// limit too.
public enum WorldRecords {
    /// One record: where, how fast, by whom.
    public struct Record: Sendable, Hashable {
        public let distance: Distance
        public let time: Duration
        public let holder: String
        public let year: Int
    }

    /// The records, shortest distance first.
    public static let records: [Record] = [
        Record(distance: .meters(100), time: .seconds(9.58), holder: "Usain Bolt", year: 2009),
        Record(distance: .meters(200), time: .seconds(19.19), holder: "Usain Bolt", year: 2009),
        Record(distance: .meters(400), time: .seconds(43.03), holder: "Wayde van Niekerk", year: 2016),
        Record(distance: .meters(800), time: .seconds(100.91), holder: "David Rudisha", year: 2012),
        Record(distance: .meters(1000), time: .seconds(131.96), holder: "Noah Ngeny", year: 1999),
        Record(distance: .meters(1500), time: .seconds(206.00), holder: "Hicham El Guerrouj", year: 1998),
        Record(distance: .mile, time: .seconds(223.13), holder: "Hicham El Guerrouj", year: 1999),
        Record(distance: .meters(2000), time: .seconds(283.13), holder: "Jakob Ingebrigtsen", year: 2023),
        Record(distance: .meters(3000), time: .seconds(437.55), holder: "Jakob Ingebrigtsen", year: 2024),
        Record(distance: .miles(2), time: .seconds(474.10), holder: "Jakob Ingebrigtsen", year: 2024),
        Record(distance: .meters(5000), time: .seconds(755.36), holder: "Joshua Cheptegei", year: 2020),
        Record(distance: .meters(10000), time: .seconds(1571.00), holder: "Joshua Cheptegei", year: 2020),
        Record(distance: .meters(15000), time: .seconds(2465), holder: "Joshua Cheptegei", year: 2018),
        Record(distance: .halfMarathon, time: .seconds(3402), holder: "Jacob Kiplimo", year: 2025),
        Record(distance: .marathon, time: .seconds(7235), holder: "Kelvin Kiptum", year: 2023),
    ]

    /// The fastest plausible time for a distance and how to explain it.
    public struct Limit: Sendable {
        public let time: Duration
        /// The record itself, or the two records the distance lies between.
        private let records: (Record, Record?)

        init(time: Duration, exact record: Record) {
            self.time = time
            records = (record, nil)
        }

        init(time: Duration, between lower: Record, and upper: Record) {
            self.time = time
            records = (lower, upper)
        }

        /// `43.03 s`, or for an unusual distance the two records it lies between; written only
        /// when asked, since limits are checked for every result a log holds.
        public var explanation: String {
            guard let upper = records.1 else { return WorldRecords.describe(records.0) }
            return "\(time.formatted(.rep)) by record pace between \(WorldRecords.describe(records.0)) and \(WorldRecords.describe(upper))"
        }
    }

    /// The record, or record pace between the two nearest records, for `distance`;
    /// `nil` outside 100 m to the marathon.
    public static func limit(for distance: Distance) -> Limit? {
        if let exact = records.first(where: { abs($0.distance.meters - distance.meters) < 0.5 }) {
            return Limit(time: exact.time, exact: exact)
        }
        guard let upperIndex = records.firstIndex(where: { $0.distance > distance }), upperIndex > 0 else {
            return nil
        }
        let lower = records[upperIndex - 1]
        let upper = records[upperIndex]
        let exponent = log(upper.time.seconds / lower.time.seconds) / log(upper.distance.meters / lower.distance.meters)
        let seconds = lower.time.seconds * pow(distance.meters / lower.distance.meters, exponent)
        return Limit(time: .seconds(seconds), between: lower, and: upper)
    }

    /// `400m 43.03 s, Wayde van Niekerk 2016`; track times to the hundredth, road times whole.
    fileprivate static func describe(_ record: Record) -> String {
        let seconds = record.time.seconds
        let text: String
        if seconds < 60 {
            text = "\(seconds.trimmedText(maxDecimals: 2)) s"
        } else if seconds < 1800 {
            let minutes = Int(seconds / 60)
            let hundredths = Int(((seconds - Double(minutes * 60)) * 100).rounded())
            let whole = hundredths / 100, fraction = hundredths % 100
            text = "\(minutes):\(whole < 10 ? "0" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
        } else {
            text = record.time.formatted()
        }
        return "\(record.distance.label) \(text), \(record.holder) \(record.year)"
    }
}
