import Foundation
import Speedwork
import SpeedworkStore

/// The log read by ISO weeks, Monday to Sunday, oldest first (M2, M50): each week's activities,
/// hand-logged sessions and results, what kind of day each was, and the week's running totals.
/// Only weeks with something in them are listed. docs/log.md gives the rules.
public struct LogWeek: Encodable {
    /// What kind of day an entry was (M2: hard days hard, easy days easy).
    public enum Kind: String, Encodable {
        case hard
        case easy
        /// A strength session (M32), counted apart from the runs.
        case strength
        /// Another sport: listed, not in the running totals.
        case other
    }

    /// A hand session's rep grades (M51), recomputed from the log's fitness for its day.
    public struct Grades: Encodable {
        public struct Rep: Encodable {
            public let index: Int
            public let verdict: String
            public let target: String
            public let actual: String
            public let offBySeconds: Double
        }

        public let rule: String
        public let summary: String
        public let vdot: Double
        public let reps: [Rep]

        public init(_ compliance: Compliance, vdot: Double) {
            rule = compliance.rule
            summary = compliance.summary
            self.vdot = rounded(vdot)
            reps = compliance.reps.map {
                Rep(index: $0.index, verdict: $0.verdict.rawValue, target: $0.target, actual: $0.actual, offBySeconds: rounded($0.offBySeconds))
            }
        }
    }

    /// One thing in the week.
    public struct Entry: Encodable {
        /// `YYYY-MM-DD`.
        public let date: String
        /// `HH:MM` in UTC, for activities with a start time.
        public let time: String?
        /// `activity`, `session` (logged by hand) or `result` (logged by hand, no activity).
        public let source: String
        /// The activity's content hash, or the session's or result's id.
        public let id: String
        /// The activity's name or sport, the session's rule, or the result's kind and distance.
        public let title: String
        public let sport: String?
        public let kind: Kind
        /// Why it is that kind: `reps`, `race`, `time-trial`, `effort` (a result logged for it), `rpe`,
        /// `session` (a hard session of the method), `easy-run`, `strength`, `sport`.
        public let why: String
        /// Whether it counts in the running totals.
        public let running: Bool
        public let meters: Double?
        public let seconds: Double?
        public let secondsPerKm: Double?
        /// For an easy run: the stored easy-run check said it was run too hard (M2).
        public let tooHard: Bool?
        /// Reps detected in the activity, or reps logged by hand.
        public let reps: Int?
        public let rpe: Int?
        /// Hand sessions: the rep times, seconds.
        public let repSeconds: [Double]?
        /// Hand sessions: the strength sets as `exercise reps × load kg`.
        public let strength: [String]?
        public let grades: Grades?
        public let notes: String?

        /// Day, time of day (entries without one after those with), activities then sessions then
        /// results, then title and id, so the order never depends on how the engine returned rows.
        fileprivate func isBefore(_ other: Entry) -> Bool {
            func rank(_ entry: Entry) -> Int { entry.source == "activity" ? 0 : entry.source == "session" ? 1 : 2 }
            return (date, time ?? "99:99", rank(self), title, id) < (other.date, other.time ?? "99:99", rank(other), other.title, other.id)
        }
    }

    /// The week's totals; running counts runs, hand sessions' timed reps and hand results.
    public struct Totals: Encodable, Equatable {
        public var runningSeconds = 0.0
        public var runningMeters = 0.0
        public var hard = 0
        public var easy = 0
        /// Easy runs the easy-run check flagged as run too hard (M2).
        public var easyTooHard = 0
        public var strength = 0
        public var other = 0
    }

    /// `2026-W53`.
    public let week: String
    public let monday: String
    public let sunday: String
    public let totals: Totals
    public let entries: [Entry]

    /// A hand session at or above this RPE (Borg CR-10: 7 is "very hard") was a hard day.
    public static let hardRPE = 7

    /// The weeks of the log from `since` on: `results` and `activities` are the whole log (the
    /// fitness evidence that says which activities were hard efforts and grades hand sessions
    /// needs their history); `sessions` may start at `since`.
    public static func weeks(results: [LoggedResult], sessions: [LoggedSession], activities: [ActivitySummary], since: Day?) -> [LogWeek] {
        let fitness = LogFitness(results: results, activities: activities)
        var estimates = fitness.estimates()
        let inLog = Set(activities.map(\.contentHash))
        var resultKinds: [String: String] = [:]
        for result in results {
            if let hash = result.activityHash, inLog.contains(hash) { resultKinds[hash] = result.kind.rawValue }
        }
        func shown(_ day: Day) -> Bool { since.map { day >= $0 } ?? true }

        var entries: [(day: Day, entry: Entry)] = []
        for summary in activities {
            guard let start = summary.start else { continue }
            let day = Day(start)
            guard shown(day) else { continue }
            entries.append((day, activityEntry(summary, start: start, day: day, resultKind: resultKinds[summary.contentHash])))
        }
        for session in sessions where shown(session.day) {
            entries.append((session.day, sessionEntry(session, estimates: &estimates)))
        }
        for result in results where shown(result.day) && !(result.activityHash.map(inLog.contains) ?? false) {
            entries.append((result.day, resultEntry(result)))
        }
        let byWeek = Dictionary(grouping: entries) { ISOWeek(containing: $0.day) }
        return byWeek.keys.sorted().map { week in
            let list = byWeek[week, default: []].map(\.entry).sorted { $0.isBefore($1) }
            var totals = Totals()
            for entry in list {
                if entry.running {
                    totals.runningSeconds += entry.seconds ?? 0
                    totals.runningMeters += entry.meters ?? 0
                }
                switch entry.kind {
                case .hard: totals.hard += 1
                case .easy:
                    totals.easy += 1
                    if entry.tooHard == true { totals.easyTooHard += 1 }
                case .strength: totals.strength += 1
                case .other: totals.other += 1
                }
            }
            totals.runningSeconds = rounded(totals.runningSeconds)
            totals.runningMeters = rounded(totals.runningMeters)
            return LogWeek(week: week.description, monday: week.monday.description, sunday: week.sunday.description, totals: totals, entries: list)
        }
    }

    private static func activityEntry(_ summary: ActivitySummary, start: Date, day: Day, resultKind: String?) -> Entry {
        let analysis = summary.digest
        let running = analysis?.analysedAsRun ?? (summary.sport == "running")
        let reps = analysis?.reps.count ?? 0
        let classified: (kind: Kind, why: String)
        if !running {
            classified = (.other, "sport")
        } else if let resultKind {
            classified = (.hard, resultKind)
        } else if reps > 0 {
            classified = (.hard, "reps")
        } else {
            classified = (.easy, "easy-run")
        }
        let (kind, why) = classified
        let meters = summary.distanceMeters.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        let seconds = summary.durationSeconds.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        let secondsIntoDay = Int((start.timeIntervalSince1970 - Double(day.daysSinceEpoch) * 86_400).rounded(.down))
        let time = String(format: "%02d:%02d", secondsIntoDay / 3600, secondsIntoDay % 3600 / 60)
        return Entry(date: day.description, time: time, source: "activity", id: summary.contentHash, title: summary.name ?? summary.sport,
                     sport: summary.sport, kind: kind, why: why, running: running, meters: meters.map { rounded($0) },
                     seconds: seconds.map { rounded($0) }, secondsPerKm: pace(meters, seconds),
                     tooHard: kind == .easy ? analysis?.easyRunTooHard : nil, reps: reps > 0 ? reps : nil,
                     rpe: nil, repSeconds: nil, strength: nil, grades: nil, notes: nil)
    }

    private static func sessionEntry(_ session: LoggedSession, estimates: inout LogFitness.DayEstimates) -> Entry {
        let ruleIsHard = session.session.flatMap { rule in SessionLibrary.entries.first { $0.rule == rule } }?.kind.isHard ?? false
        let classified: (kind: Kind, why: String)
        if session.reps.isEmpty, !session.strengthSets.isEmpty {
            classified = (.strength, "strength")
        } else if let rpe = session.rpe {
            classified = (rpe >= hardRPE ? .hard : .easy, "rpe")
        } else if ruleIsHard {
            classified = (.hard, "session")
        } else if !session.reps.isEmpty {
            classified = (.hard, "reps")
        } else {
            classified = (.easy, "session")
        }
        let (kind, why) = classified
        let running = !session.reps.isEmpty
        let meters = session.reps.compactMap(\.distance?.meters).reduce(0, +)
        let seconds = session.reps.map(\.time.seconds).reduce(0, +)
        var grades: Grades?
        if session.session != nil, !session.reps.isEmpty, let estimate = try? estimates.estimate(asOf: session.day),
           let compliance = HandGrading.grade(session, fitness: estimate) {
            grades = Grades(compliance, vdot: estimate.vdot)
        }
        let sets = session.strengthSets.map { set in
            "\(set.exercise) \(set.reps)" + (set.loadKilograms.map { " × \($0.trimmedText()) kg" } ?? "") + (set.formWasGood ? "" : " (form poor)")
        }
        return Entry(date: session.day.description, time: nil, source: "session", id: session.id.uuidString.lowercased(),
                     title: session.session ?? (kind == .strength ? "strength" : "session"), sport: nil, kind: kind, why: why,
                     running: running, meters: running && meters > 0 ? rounded(meters) : nil, seconds: running ? rounded(seconds) : nil,
                     secondsPerKm: nil, tooHard: nil, reps: session.reps.isEmpty ? nil : session.reps.count, rpe: session.rpe,
                     repSeconds: session.reps.isEmpty ? nil : session.reps.map { rounded($0.time.seconds) },
                     strength: sets.isEmpty ? nil : sets, grades: grades, notes: session.notes)
    }

    private static func resultEntry(_ result: LoggedResult) -> Entry {
        let kind = result.kind == .timeTrial ? "time trial" : result.kind.rawValue
        return Entry(date: result.day.description, time: nil, source: "result", id: result.id.uuidString.lowercased(),
                     title: "\(kind) \(result.distance.label)", sport: nil, kind: .hard, why: result.kind.rawValue, running: true,
                     meters: rounded(result.distance.meters, 3), seconds: rounded(result.time.seconds),
                     secondsPerKm: pace(result.distance.meters, result.time.seconds), tooHard: nil, reps: nil, rpe: nil,
                     repSeconds: nil, strength: nil, grades: nil, notes: result.notes)
    }

    private static func pace(_ meters: Double?, _ seconds: Double?) -> Double? {
        guard let meters, let seconds, meters > 0, seconds > 0 else { return nil }
        return rounded(seconds / meters * 1000)
    }
}

extension LogWeek {
    /// The week as text: a heading with the totals, then one row per entry.
    public var text: String {
        let km = (totals.runningMeters / 1000).text(decimals: 1)
        var counts = ["\(totals.hard) hard", "\(totals.easy) easy" + (totals.easyTooHard > 0 ? " (\(totals.easyTooHard) too hard)" : "")]
        if totals.strength > 0 { counts.append("\(totals.strength) strength") }
        if totals.other > 0 { counts.append("\(totals.other) other") }
        let heading = "\(week)  \(monday) to \(sunday)  running \(Duration(seconds: totals.runningSeconds).formatted()), \(km) km · "
            + counts.joined(separator: ", ")
        var table = TextTable("Day", "Time", "What", "Kind", "Distance", "Duration", "Pace", "Details")
        for entry in entries {
            let day = (try? Day(parsing: entry.date)).map { Self.weekdayNames[$0.isoWeekday - 1] + " " + entry.date.suffix(2) } ?? entry.date
            let kind = entry.kind.rawValue + (entry.tooHard == true ? " (too hard)" : "") + (entry.why == "sport" || entry.why == "strength" ? "" : ": " + entry.why)
            table.add(day, entry.time ?? "", entry.title, kind,
                      entry.meters.map { $0 >= 1000 ? ($0 / 1000).text(decimals: 1) + " km" : "\(Int($0.rounded())) m" } ?? "",
                      entry.seconds.map { Duration(seconds: $0).formatted(entry.source == "session" ? .rep : .clock) } ?? "",
                      entry.secondsPerKm.map { Duration(seconds: $0).formatted() + "/km" } ?? "",
                      details(entry))
        }
        return heading + "\n" + table.render(indent: "  ")
    }

    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private func details(_ entry: Entry) -> String {
        var parts: [String] = []
        if entry.source == "activity", let reps = entry.reps { parts.append("\(reps) reps") }
        if let times = entry.repSeconds {
            if let grades = entry.grades {
                parts.append(zip(times, grades.reps).map { time, grade in
                    Duration(seconds: time).formatted(.rep) + (grade.verdict == "on-target" ? "" : " \(grade.verdict)")
                }.joined(separator: ", "))
                let graded = grades.reps.filter { ["on-target", "fast", "slow"].contains($0.verdict) }
                parts.append("\(graded.filter { $0.verdict == "on-target" }.count) of \(graded.count) on target")
            } else {
                parts.append(times.map { Duration(seconds: $0).formatted(.rep) }.joined(separator: ", "))
            }
        }
        if let sets = entry.strength { parts.append(sets.joined(separator: ", ")) }
        if let rpe = entry.rpe { parts.append("RPE \(rpe)") }
        if let notes = entry.notes { parts.append("(\(notes))") }
        return parts.joined(separator: " · ")
    }
}
