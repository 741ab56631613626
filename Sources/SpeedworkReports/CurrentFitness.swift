import Foundation
import Speedwork
import SpeedworkStore

/// The fitness a command plans or grades with, and where it came from: the results given with
/// `--from`, or, without them, the training log's current fitness (M43: logged results move every
/// target), which the command then names so the runner knows what its paces rest on.
public struct CurrentFitness: Sendable {
    /// Makes the value from its parts.
    public init(estimate: FitnessEstimate, source: Source) {
        self.estimate = estimate
        self.source = source
    }

    /// Where the estimate came from.
    public enum Source: Sendable {
        /// The `--from` results; the log was not opened.
        case commandLine
        /// The log's evidence of the year before the day (``LogFitness``), newest first.
        case log(evidence: [FitnessEvidence])
    }

    /// How many pieces of evidence the text line names before "and N more".
    public static let evidenceNamedInText = 4

    /// The estimate.
    public let estimate: FitnessEstimate
    /// Where it came from.
    public let source: Source

    /// `Fitness from your log: 5k 19:30 on 2026-02-01 (a run's best effort), mile 6:05 on
    /// 2026-01-10 (time trial)`, or nil when the results came from the command line.
    public var line: String? {
        guard case .log(let evidence) = source else { return nil }
        let named = evidence.prefix(Self.evidenceNamedInText).map(Self.describe)
        let more = evidence.count > Self.evidenceNamedInText ? ", and \(evidence.count - Self.evidenceNamedInText) more" : ""
        return "Fitness from your log: " + named.joined(separator: ", ") + more
    }

    /// The `fitnessSource` JSON key: present only when the fitness came from the log.
    public var json: FitnessSourceJSON? {
        guard case .log(let evidence) = source else { return nil }
        return FitnessSourceJSON(kind: "log", evidence: evidence.map(FitnessSourceJSON.Evidence.init))
    }

    /// `5k 19:30 on 2026-02-01 (a run's best effort)`.
    public static func describe(_ evidence: FitnessEvidence) -> String {
        let what = switch evidence.source {
        case .race: "race"
        case .timeTrial: "time trial"
        case .effort: "effort"
        case .activity: "a run's best effort"
        }
        return "\(evidence.performance.distance.label) \(evidence.performance.time.formatted(.rep)) on \(evidence.day) (\(what))"
    }

    /// The line an empty log and no `--from` give.
    public static let nothingToGoOn = "no result in the log or on the command line: give one with --from 5k=22:30, or log one with speedwork log add --result 5k=22:30"
}

/// `fitnessSource` in the JSON of predict, paces, plan and workout show when no `--from` was given.
public struct FitnessSourceJSON: Encodable, Sendable {
    public struct Evidence: Encodable, Sendable {
        public let date: String
        public let source: String
        public let distance: String
        public let meters: Double
        public let seconds: Double
        public let vdot: Double

        public init(_ evidence: FitnessEvidence) {
            date = evidence.day.description
            source = evidence.source.rawValue
            distance = evidence.performance.distance.label
            meters = rounded(evidence.performance.distance.meters, 3)
            seconds = rounded(evidence.performance.time.seconds)
            vdot = rounded(evidence.vdot)
        }
    }

    /// `log`.
    public let kind: String
    /// The evidence the estimate was made from, newest first.
    public let evidence: [Evidence]
}
