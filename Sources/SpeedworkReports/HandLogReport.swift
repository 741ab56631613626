import Foundation
import Speedwork
import SpeedworkStore

/// What logging an entry by hand answers (M50): the entry as stored, in the shape `log --json`
/// lists it, and for a session with reps the grade of each rep against its target (M51).
public struct HandLogReport: Encodable {
    /// The result stored, as in `log --json`'s `results`; null for a session.
    public let result: LogReport.Result?
    /// The session stored, as in `log --json`'s `sessions`; null for a result.
    public let session: LogReport.Session?
    /// The reps graded; null when nothing could be graded (see `note`).
    public let grades: Grades?
    /// Why the reps were not graded, when they were not; null otherwise.
    public let note: String?

    /// The grades of a session's reps (HandGrading, M51).
    public struct Grades: Encodable {
        public let rule: String
        public let title: String
        public let summary: String
        /// Where the targets came from: `log` (the log's fitness on the day) or `from` (results given).
        public let fitnessFrom: String
        public let vdot: Double
        public let reps: [Rep]
    }

    /// One rep's grade: `on-target`, `fast`, `slow` …, with its target and time as text.
    public struct Rep: Encodable {
        public let index: Int
        public let verdict: String
        public let target: String
        public let actual: String
        public let offBySeconds: Double
        public let offByPercent: Double
    }

    private enum CodingKeys: String, CodingKey { case result, session, grades, note }

    /// Writes every key, null when there is no value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result, forKey: .result)
        try container.encode(session, forKey: .session)
        try container.encode(grades, forKey: .grades)
        try container.encode(note, forKey: .note)
    }

    /// The report of a stored entry, graded against `fitness` (nil: the log had none).
    public init(_ entry: HandLog.Entry, fitness: HandGrading.Fitness?) {
        switch entry {
        case .result(let result):
            self.result = LogReport(results: [result], sessions: []).results.first
            session = nil
            grades = nil
            note = nil
        case .session(let logged):
            result = nil
            session = LogReport(results: [], sessions: [logged]).sessions.first
            guard let rule = logged.session, !logged.reps.isEmpty else {
                grades = nil
                note = nil
                return
            }
            guard let fitness else {
                grades = nil
                note = "Not graded: the log has no result from the year before \(logged.day); log a result first, or give from (e.g. 400m=80)."
                return
            }
            guard let compliance = HandGrading.grade(logged, fitness: fitness.estimate) else {
                grades = nil
                note = "Not graded: \(rule) has no rep targets."
                return
            }
            grades = Grades(
                rule: rule, title: SessionLibrary.entries.first { $0.rule == rule }?.title ?? rule, summary: compliance.summary,
                fitnessFrom: fitness.fromLog ? "log" : "from", vdot: rounded(fitness.estimate.vdot, 1),
                reps: compliance.reps.map {
                    Rep(index: $0.index, verdict: $0.verdict.rawValue, target: $0.target, actual: $0.actual,
                        offBySeconds: rounded($0.offBySeconds), offByPercent: rounded($0.offByPercent))
                })
            note = nil
        }
    }
}
