import Foundation
import Speedwork
import SpeedworkStore

/// A group session's splits side by side (issue 12, M51): a row per member, a cell per rep, each
/// rep graded on target, fast or slow against that member's own target (``GroupSessionTargets``).
/// A member's reps come from their activity of the session's day (uploaded by them or by the
/// coach) graded like `analyze`, or, without one, from the session they or the coach logged by
/// hand for that day (M50). Graded when read, like ``PlannedSessionGrade``.
public struct GroupSplits: Sendable {
    /// The session.
    public let session: GroupSession
    /// A row per member, in the order the coach listed them.
    public let rows: [Row]

    /// Where a member's reps come from.
    public enum Source: Sendable, Hashable {
        /// An activity of the day, by content hash, with the name of the file it came from.
        case file(hash: String, name: String?)
        /// A session logged by hand (M50).
        case hand(UUID)
        /// Nothing logged for the day yet.
        case none
    }

    /// One member's row.
    public struct Row: Sendable {
        /// The member's session and targets.
        public let targets: GroupSessionTargets
        /// Where the reps come from.
        public let source: Source
        /// A cell per planned rep (and per extra rep run), in order.
        public let cells: [Cell]
        /// The grading's one-line summary (M51), when there is something graded.
        public let summary: String?

        /// The member.
        public var athlete: Athlete { targets.athlete }
    }

    /// One rep of one member.
    public struct Cell: Sendable {
        /// The rep's number, from 1.
        public let rep: Int
        /// The planned distance, for a rep of a distance.
        public let distance: Distance?
        /// The target band's fast end: seconds over the planned distance for a rep of a distance,
        /// seconds per km for a timed rep; nil without a pace target.
        public let fast: Double?
        /// The target band's slow end, on the same terms as ``fast``.
        public let slow: Double?
        /// The target as `analyze` writes it (`400m in 1:29.5–1:30.5`), or `no target`.
        public let target: String
        /// What was run on the target's terms (seconds over the distance, or per km); nil when not run.
        public let seconds: Double?
        /// What was run as `analyze` writes it, or `not run`.
        public let actual: String
        /// The grade; nil when nothing is logged for the member yet.
        public let verdict: Compliance.Verdict?

        /// Whether ``fast``, ``slow`` and ``seconds`` are per km (timed reps) rather than over the distance.
        public var perKilometer: Bool { distance == nil }
    }

    /// The most reps any row has: the table's columns.
    public var repColumns: Int { rows.map(\.cells.count).max() ?? 0 }

    /// The splits read from each member's log.
    public static func load(_ session: GroupSession, log: any TrainingStore) async throws -> GroupSplits {
        var rows: [Row] = []
        for member in session.members {
            let targets = try await GroupSessionTargets.load(session, athlete: member, log: log)
            rows.append(try await row(session, targets: targets, log: log))
        }
        return GroupSplits(session: session, rows: rows)
    }

    /// Makes the value from its parts.
    public init(session: GroupSession, rows: [Row]) {
        self.session = session
        self.rows = rows
    }

    /// The moments of the session's day (UTC, as ``Day`` reads a moment).
    public static func interval(of day: Day) -> DateInterval {
        DateInterval(start: Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400), duration: 86_400)
    }

    /// One member's row: their best-graded activity of the day, else their hand-logged session of it.
    static func row(_ session: GroupSession, targets: GroupSessionTargets, log: any TrainingStore) async throws -> Row {
        guard let workout = targets.workout else {
            return Row(targets: targets, source: .none, cells: [], summary: nil)
        }
        let planned = GroupSessionTargets.plannedReps(workout)
        var best: (source: Source, compliance: Compliance, reps: [Interval], graded: Int)?
        for summary in try await log.activities(for: targets.athlete.id, in: interval(of: session.day)) {
            guard let stored = try await log.activity(summary.contentHash, for: targets.athlete.id) else { continue }
            let analysis = ActivityAnalysis(activity: stored.activity, workout: workout)
            guard analysis.isRun, let compliance = analysis.compliance else { continue }
            let graded = compliance.reps.filter { ![.missing, .extra].contains($0.verdict) }.count
            if graded > 0, graded > (best?.graded ?? 0) {
                let file = summary.source.map { ($0 as NSString).lastPathComponent } ?? summary.name
                best = (.file(hash: summary.contentHash, name: file), compliance, analysis.reps, graded)
            }
        }
        if best == nil, let hand = try await handSession(session, athlete: targets.athlete.id, log: log),
           let graded = try? handIntervals(hand.reps, planned: planned) {
            best = (.hand(hand.id), Compliance(workout: workout, reps: graded, recoveries: []), graded, graded.count)
        }
        guard let best else {
            let cells = planned.enumerated().map { index, rep in
                cell(index + 1, planned: rep, interval: nil, grade: nil)
            }
            return Row(targets: targets, source: .none, cells: cells, summary: nil)
        }
        let cells = best.compliance.reps.map { grade in
            let index = grade.index - 1
            return cell(grade.index, planned: index < planned.count ? planned[index] : nil,
                        interval: index < best.reps.count ? best.reps[index] : nil, grade: grade)
        }
        return Row(targets: targets, source: best.source, cells: cells, summary: best.compliance.summary)
    }

    /// The member's latest session logged by hand on the session's day for the session's rule, with reps.
    public static func handSession(_ session: GroupSession, athlete: AthleteID, log: any TrainingStore) async throws -> LoggedSession? {
        try await log.sessions(for: athlete, since: session.day).last {
            $0.day == session.day && $0.session == session.rule && !$0.reps.isEmpty
        }
    }

    /// Hand-timed reps as intervals end to end, each over its given distance or the planned one
    /// (as ``HandGrading`` grades them); throws when a rep has neither.
    public static func handIntervals(_ reps: [LoggedRep], planned: [GroupSessionTargets.PlannedRep]) throws -> [Interval] {
        var start = 0.0
        return try reps.enumerated().map { index, rep in
            let meters: Double
            if let distance = rep.distance {
                meters = distance.meters
            } else if index < planned.count, case .distance(let distance) = planned[index].length {
                meters = distance.meters
            } else {
                throw InputError("rep \(index + 1) has no distance and the session plans none for it")
            }
            defer { start += rep.time.seconds }
            return Interval(startSeconds: start, seconds: rep.time.seconds, meters: meters)
        }
    }

    /// A cell from the planned rep, the rep as run and its grade.
    static func cell(_ rep: Int, planned: GroupSessionTargets.PlannedRep?, interval: Interval?, grade: Compliance.RepGrade?) -> Cell {
        var distance: Distance?
        if case .distance(let length)? = planned?.length { distance = length }
        var fast: Double?, slow: Double?, seconds: Double?
        if let band = planned?.band {
            fast = distance.map { band.fast.time(for: $0).seconds } ?? band.fast.secondsPerKilometer
            slow = distance.map { band.slow.time(for: $0).seconds } ?? band.slow.secondsPerKilometer
        }
        if let interval, let verdict = grade?.verdict, verdict != .missing {
            seconds = distance.map { interval.pace.time(for: $0).seconds } ?? interval.pace.secondsPerKilometer
        }
        let target = grade?.target ?? planned.map(describe) ?? "not planned"
        return Cell(rep: rep, distance: distance, fast: fast, slow: slow, target: target,
                    seconds: seconds, actual: grade?.actual ?? "not run", verdict: grade?.verdict)
    }

    /// A planned rep's target before anything is run, on the terms ``Compliance`` grades it.
    static func describe(_ planned: GroupSessionTargets.PlannedRep) -> String {
        switch (planned.length, planned.band) {
        case (.distance(let distance), let band?):
            "\(distance.label) in \(band.fast.time(for: distance).formatted(.rep))–\(band.slow.time(for: distance).formatted(.rep))"
        case (.time(let time), let band?): "\(time.formatted()) at \(band.perKilometerText)"
        default: "by effort"
        }
    }
}
