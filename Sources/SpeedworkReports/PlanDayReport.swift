import Foundation
import Speedwork
import SpeedworkStore

/// The `today --json` and `week --json` contract (issue 10): the active plan's sessions of the days
/// asked for with every target at the runner's current fitness (M43), what the log holds for those
/// days matched to the sessions it fulfils and graded (M51), and the coach's notes (M2, M9, M21).
public struct PlanDayReport: Encodable {
    /// The active plan.
    public struct PlanInfo: Encodable {
        public let id: String
        public let name: String
        public let goal: String
        public let raceDate: String
        public let start: String
        public let savedAt: String
    }

    /// The plan's week holding the date.
    public struct WeekInfo: Encodable {
        public let index: Int
        public let of: Int
        public let start: String
        public let phase: String
        public let cutback: Bool
    }

    /// Where the targets of the date come from: `plan` (the plan's own results) or `log` (newer evidence).
    public struct Fitness: Encodable {
        /// Makes the value from its parts.
        public init(source: String, vdot: Double, asOf: String, newer: [String], lowered: Lowered? = nil) {
            self.source = source
            self.vdot = vdot
            self.asOf = asOf
            self.newer = newer
            self.lowered = lowered
        }

        public let source: String
        public let vdot: Double
        public let asOf: String
        /// The log's results and efforts newer than the plan's, as DISTANCE=TIME@DATE.
        public let newer: [String]
        /// When a run of key sessions well below target eased the estimate (UnderTargetRule): by how
        /// much and why; null otherwise.
        public let lowered: Lowered?

        /// The easing of the estimate.
        public struct Lowered: Encodable {
            /// Every predicted time this much slower, per cent.
            public let percent: Double
            /// The sessions that eased it, as DATE.
            public let sessions: [String]
            public let reason: String
        }

        private enum CodingKeys: String, CodingKey { case source, vdot, asOf, newer, lowered }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(vdot, forKey: .vdot)
            try container.encode(asOf, forKey: .asOf)
            try container.encode(newer, forKey: .newer)
            try container.encode(lowered, forKey: .lowered)
        }
    }

    /// A planned session: the session object of `plan --json` (with `date`, `goalPace`, `longRun`)
    /// plus where it stands. A rest day is the M9 rest session with status `rest`.
    public struct Planned: Encodable {
        public let session: PlanReport.Session
        /// `2026-12-08`, or `2026-12-08/2` for the day's second session: what `plan link` names.
        public let ref: String?
        /// `done`, `partly-done`, `missed`, `planned` or `rest`.
        public let status: String
        /// The activity's content hash or the hand-logged session's id that fulfils it.
        public let doneBy: String?
        /// Whether `doneBy` was set with `plan link` rather than matched.
        public let linked: Bool
        public let grade: PlanProgress.Grade?
        /// The day the plan as built had it on, when a miss moved it (M43); null otherwise.
        public let movedFrom: String?

        private enum Key: String, CodingKey { case ref, status, doneBy, linked, grade, movedFrom }

        public func encode(to encoder: Encoder) throws {
            try session.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(status, forKey: .status)
            try container.encode(doneBy, forKey: .doneBy)
            try container.encode(linked, forKey: .linked)
            try container.encode(grade, forKey: .grade)
            try container.encode(movedFrom, forKey: .movedFrom)
        }
    }

    /// A recorded activity of the day.
    public struct Activity: Encodable {
        public let id: String
        public let name: String?
        public let sport: String
        public let meters: Double?
        public let seconds: Double?
        /// The easy-run check's verdict (M2) when the activity was checked as an easy run.
        public let easyRunTooHard: Bool?
        /// The planned session it fulfils, as `ref`; nil when none.
        public let fulfils: String?
        /// A run that fulfils no planned session.
        public let extra: Bool
    }

    /// A session logged by hand on the day.
    public struct HandSession: Encodable {
        public let id: String
        public let session: String?
        public let rpe: Int?
        public let reps: Int
        public let strengthSets: Int
        public let fulfils: String?
        public let extra: Bool
    }

    /// One day: what the plan has on it and, up to the date asked for, what was done.
    public struct DayEntry: Encodable {
        public let date: String
        public let planned: [Planned]
        public let activities: [Activity]
        public let sessions: [HandSession]
        /// The planned sessions as text lines (not in the JSON).
        public var plannedLines: [String] = []

        private enum CodingKeys: String, CodingKey { case date, planned, activities, sessions }
    }

    public let date: String
    public let plan: PlanInfo?
    public let week: WeekInfo?
    public let fitness: Fitness?
    public let days: [DayEntry]
    public let notes: [String]
    /// What the plan changed in the days shown, as of the date (M43).
    public var adjustments: [Adjustment] = []
    /// The race-date verdict re-checked as of the date from current fitness and the days left to
    /// train, pauses ahead not counted (M44); null outside the plan.
    public var verdict: Verdict?
    /// The plan's pauses (`plan pause`), earliest first.
    public var pauses: [Pause] = []

    private enum CodingKeys: String, CodingKey { case date, plan, week, fitness, days, notes, adjustments, verdict, pauses }

    /// The race-date verdict (GoalFeasibility, M44).
    public struct Verdict: Encodable {
        /// `realistic`, `ambitious` or `unrealistic`.
        public let verdict: String
        public let message: String
        /// Weeks left to train.
        public let weeks: Double
    }

    /// A pause and the return after it (ReturnAfterBreak).
    public struct Pause: Encodable {
        public let from: String
        public let to: String
        public let days: Int
        /// `none`, `easier-week` or `base-first`.
        public let reEntry: String
        /// The re-entry's last day; null for `none`.
        public let reEntryUntil: String?
    }

    /// A change the plan made to itself (``PlanAdjustment``): `moved`, `dropped`, `gave-way` or `paused`.
    public struct Adjustment: Encodable {
        /// The session's ref in the plan as built.
        public let session: String
        public let rule: String
        public let title: String
        public let change: String
        /// The day it moved to, for `moved`; null otherwise.
        public let to: String?
        public let decidedOn: String
        public let reason: String

        public init(_ adjustment: PlanAdjustment) {
            session = adjustment.session.description
            rule = adjustment.rule
            title = adjustment.title
            change = adjustment.change.rawValue
            to = adjustment.to?.description
            decidedOn = adjustment.decidedOn.description
            reason = adjustment.reason
        }
    }

    /// The coach's note for an adjustment.
    public static func note(_ adjustment: PlanAdjustment) -> String {
        switch adjustment.change {
        case .moved: "Moved: \(adjustment.title) from \(adjustment.session.day) to \(adjustment.to.map(\.description) ?? "?"): \(adjustment.reason)."
        case .dropped: "Dropped: \(adjustment.title) of \(adjustment.session.day): \(adjustment.reason)."
        case .gaveWay: "Gave way: \(adjustment.title) of \(adjustment.session.day): \(adjustment.reason)."
        case .paused: "Paused: \(adjustment.title) of \(adjustment.session.day): \(adjustment.reason)."
        case .reEntry: "Re-entry: \(adjustment.title) of \(adjustment.session.day) is an easy run: \(adjustment.reason)"
        }
    }

    /// Writes `plan`, `week` and `fitness` as null when there are none, as the README states.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(plan, forKey: .plan)
        try container.encode(week, forKey: .week)
        try container.encode(fitness, forKey: .fitness)
        try container.encode(days, forKey: .days)
        try container.encode(notes, forKey: .notes)
        try container.encode(adjustments, forKey: .adjustments)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(pauses, forKey: .pauses)
    }

    /// How many of the latest easy-run checks the coach's note looks at (M2; product setting).
    public static let easyRunsChecked = 5

    /// The report as of `date`: that day (today) or the plan's week holding it (week).
    public static func make(log: any TrainingStore, athlete: AthleteID, date: Day, wholeWeek: Bool) async throws -> PlanDayReport {
        let active = try await ActivePlan.load(from: log, for: athlete)
        let week = active?.week(holding: date)
        let days: [Day]
        if !wholeWeek {
            days = [date]
        } else if let week, let active {
            days = week.days(until: active.plan.request.raceDay)
        } else {
            let monday = date.adding(days: 1 - date.isoWeekday)
            days = (0..<7).map { monday.adding(days: $0) }
        }
        let standing: PlanAsItStands? = if let active, week != nil {
            try await PlanAsItStands(active, today: date, log: log, for: athlete)
        } else {
            nil
        }
        let activities: [ActivitySummary]
        let handSessions: [LoggedSession]
        if let standing {
            activities = standing.activities
            handSessions = standing.handSessions
        } else {
            // The digests carry every verdict read here (M2, reps): no analysis text to decode.
            activities = try await log.activityDigests(for: athlete, in: nil)
            handSessions = try await log.sessions(for: athlete, since: nil)
        }
        let dayOf = { (summary: ActivitySummary) in summary.start.map { Day($0) } }
        var notes: [String] = []

        // Each day's sessions as the plan now stands, at the fitness of that day (a past day keeps
        // the targets it was run against; days ahead take today's), matched to the log's work up to the date.
        let fitness = standing?.fitness
        var planned: [Day: [PlanAsItStands.Session]] = [:]
        let outcome = standing?.outcome
        var adjustments: [PlanAdjustment] = []
        if let standing, let active {
            for session in standing.sessions where days.contains(session.session.day) {
                planned[session.session.day, default: []].append(session)
            }
            if let current = fitness, current.source == .log {
                let newest = current.newer.map { "\($0.performance.written) (\($0.source.rawValue))" }.suffix(3).joined(separator: ", ")
                notes.append("Targets follow your newer result\(current.newer.count == 1 ? "" : "s") in the log: \(newest); VDOT \(rounded(current.estimate.vdot, 1)) instead of the plan's \(rounded(active.plan.request.fitness.vdot, 1)) (M21, M43).")
            }
            if let pause = standing.pauses.last(where: { $0.from <= date.adding(days: 7) }) {
                notes.append("After your pause \(pause.from) to \(pause.to), the race-date check (M44): \(standing.verdict.verdict.rawValue): \(standing.verdict.message)")
            }
            if let lowering = fitness?.lowering {
                notes.append("Targets eased: \(lowering.reason).")
            }
            let shown = Set(days)
            // A pause is known ahead; a miss from the day it becomes known.
            adjustments = standing.adjustments.filter { adjustment in
                (adjustment.decidedOn <= date || adjustment.change == .paused || adjustment.change == .reEntry)
                    && (shown.contains(adjustment.session.day) || adjustment.to.map(shown.contains) == true)
            }
            notes += adjustments.filter { $0.change != .paused }.map(Self.note)
            for pause in standing.pauses where days.contains(where: pause.contains) {
                let left = adjustments.filter { $0.change == .paused && pause.contains($0.session.day) }.count
                notes.append("Paused from \(pause.from) to \(pause.to): \(left) session\(left == 1 ? "" : "s") of these days left out; rest and get well first.")
            }
        } else if let active {
            if date < active.plan.request.start {
                notes.append("Your plan '\(active.saved.name)' starts on \(active.plan.request.start).")
            } else {
                notes.append("Your plan '\(active.saved.name)' ended on race day \(active.plan.request.raceDay): save a new one with speedwork plan … --save.")
            }
        } else {
            notes.append("No plan saved: speedwork plan … --save makes one your active plan.")
        }

        let fulfilled = Dictionary(outcome?.matched.map { ($0.value.id, $0.key) } ?? [], uniquingKeysWith: { first, _ in first })
        var missedShown: [String] = []
        var entries: [DayEntry] = []
        for day in days {
            let onDay = planned[day] ?? []
            var plannedJSON: [Planned] = []
            var lines: [String] = []
            if week != nil, onDay.isEmpty {
                plannedJSON = [Planned(session: .rest(day), ref: nil, status: "rest", doneBy: nil, linked: false, grade: nil, movedFrom: nil)]
                lines = ["Rest (M9)"]
            }
            for standingSession in onDay {
                let ref = standingSession.ref
                let session = standingSession.session
                var status = PlanMatching.Status.planned
                var grade: PlanProgress.Grade?
                let work = outcome?.matched[ref]
                if let work {
                    if let logged = handSessions.first(where: { $0.id.uuidString.lowercased() == work.id }) {
                        let graded = PlanProgress.grade(logged, against: session)
                        status = graded.0
                        grade = graded.1
                    } else if let stored = try await log.activity(work.id, for: athlete) {
                        let graded = PlanProgress.grade(stored, against: session)
                        status = graded.0
                        grade = graded.1
                    }
                } else if outcome?.missed.contains(ref) == true {
                    status = .missed
                    missedShown.append("\(session.workout.title) on \(ref)")
                }
                plannedJSON.append(Planned(
                    session: PlanReport.Session(date: day.description, session: SessionJSON(session.workout, minutes: session.minutes),
                                                goalPace: session.goalPace, longRun: session.workout.kind == .long),
                    ref: ref.description, status: status.rawValue, doneBy: work?.id, linked: outcome?.linked.contains(ref) == true, grade: grade,
                    movedFrom: standingSession.movedFrom?.description))
                let mark = (status == .planned ? "" : " [\(status.rawValue)\(work.map { " by \($0.id.prefix(8))" } ?? "")]")
                    + (standingSession.movedFrom.map { " (moved from \($0))" } ?? "")
                let title = session.workout.title.hasSuffix(" min") ? session.workout.title : "\(session.workout.title), \(session.minutes) min"
                lines.append("\(session.workout.isHard ? "● " : "")\(title): \(PlanText.mainTarget(session.workout))\(mark)")
            }
            guard day <= date else {
                entries.append(DayEntry(date: day.description, planned: plannedJSON, activities: [], sessions: [], plannedLines: lines))
                continue
            }
            let done = activities.filter { dayOf($0) == day }.map { summary in
                let ref = fulfilled[summary.contentHash]
                return Activity(id: summary.contentHash, name: summary.name, sport: summary.sport, meters: summary.distanceMeters.map { rounded($0, 1) },
                                seconds: summary.durationSeconds.map { rounded($0, 1) },
                                easyRunTooHard: summary.digest?.easyRunTooHard,
                                fulfils: ref?.description, extra: outcome != nil && ref == nil && PlanProgress.work(summary) != nil)
            }
            let logged = handSessions.filter { $0.day == day }.map { session in
                let id = session.id.uuidString.lowercased()
                let ref = fulfilled[id]
                return HandSession(id: id, session: session.session, rpe: session.rpe, reps: session.reps.count,
                                   strengthSets: session.strengthSets.count, fulfils: ref?.description, extra: outcome != nil && ref == nil)
            }
            entries.append(DayEntry(date: day.description, planned: plannedJSON, activities: done, sessions: logged, plannedLines: lines))
        }
        if week != nil, (planned[date] ?? []).isEmpty {
            notes.append("\(wholeWeek ? "\(date) is a" : "Today is a") rest day: sleep and eat well, it is part of training (M9).")
        }
        if !missedShown.isEmpty {
            notes.append("Missed: \(missedShown.joined(separator: ", ")). Missed sessions are not made up by doubling up (M43).")
        }
        if let note = easyRunNote(activities.filter { (dayOf($0) ?? date) <= date }) { notes.append(note) }

        return PlanDayReport(
            date: date.description,
            plan: active.map { active in
                PlanInfo(id: active.saved.id.uuidString.lowercased(), name: active.saved.name, goal: active.request.goal,
                         raceDate: active.request.raceDate, start: active.request.start,
                         savedAt: UTCTimestamp.text(active.saved.createdAt))
            },
            week: week.flatMap { week in
                active.map { WeekInfo(index: week.index, of: $0.plan.weeks.count, start: week.start.description, phase: week.phase.rawValue,
                                      cutback: week.cutback) }
            },
            fitness: fitness.map {
                Fitness(source: $0.source.rawValue, vdot: rounded($0.estimate.vdot, 1), asOf: $0.estimate.asOf.description,
                        newer: $0.newer.map(\.performance.written),
                        lowered: $0.lowering.map { Fitness.Lowered(percent: rounded($0.percent, 1), sessions: $0.sessions.map(\.day.description),
                                                                    reason: $0.reason) })
            },
            days: entries, notes: notes, adjustments: adjustments.map(Adjustment.init),
            verdict: standing.map { Verdict(verdict: $0.verdict.verdict.rawValue, message: $0.verdict.message, weeks: rounded($0.verdict.weeks, 1)) },
            pauses: (standing?.pauses ?? []).map { pause in
                let reEntry = ReturnAfterBreak(after: pause)
                return Pause(from: pause.from.description, to: pause.to.description, days: pause.days, reEntry: reEntry.kind.rawValue,
                             reEntryUntil: reEntry.days.last?.description)
            })
    }

    /// "k of your last n easy runs were too fast (M2)" from the latest stored easy-run checks.
    public static func easyRunNote(_ activities: [ActivitySummary]) -> String? {
        let checks = activities.sorted { ($0.start ?? .distantPast, $0.contentHash) < ($1.start ?? .distantPast, $1.contentHash) }
            .compactMap { $0.digest?.easyRunTooHard }
            .suffix(easyRunsChecked)
        guard !checks.isEmpty else { return nil }
        let fast = checks.filter { $0 }.count
        let runs = checks.count == 1 ? "easy run" : "\(checks.count) easy runs"
        if fast == 0 { return "Your last \(runs) stayed easy: keep them conversational (M2)." }
        return "\(fast) of your last \(runs) \(checks.count == 1 ? "was" : "were") too fast: easy days keep the hard days hard (M2)."
    }

    /// The report as text: the week line, the planned sessions with their targets and status, what
    /// was done, and the notes.
    public var text: String {
        var lines: [String] = []
        if let plan {
            let weekText = week.map { " · week \($0.index) of \($0.of) · \($0.phase)\($0.cutback ? " (cutback)" : "")" } ?? ""
            lines.append("\(date)\(weekText) · plan \(plan.name)")
        } else {
            lines.append(date)
        }
        if let fitness {
            lines.append("Targets from \(fitness.source == "log" ? "your log" : "the plan's fitness"): VDOT \(fitness.vdot.text(decimals: 1))")
        }
        for day in days {
            lines.append("")
            lines.append(day.date)
            for line in day.plannedLines {
                lines.append("  planned  \(line)")
            }
            for activity in day.activities {
                let distance = activity.meters.map { " \(($0 / 1000).text(decimals: 2)) km" } ?? ""
                let time = activity.seconds.map { " in \(Duration.seconds($0).formatted(.rep))" } ?? ""
                let easy = activity.easyRunTooHard == true ? " (too fast for an easy run)" : ""
                let role = activity.extra ? " [extra]" : ""
                lines.append("  done     \(activity.name ?? activity.sport)\(distance)\(time)\(easy)\(role)  (\(activity.id.prefix(8)))")
            }
            for session in day.sessions {
                let what = session.session ?? "session"
                let detail = [session.reps > 0 ? "\(session.reps) rep\(session.reps == 1 ? "" : "s")" : nil,
                              session.strengthSets > 0 ? "\(session.strengthSets) set\(session.strengthSets == 1 ? "" : "s")" : nil,
                              session.rpe.map { "RPE \($0)" }].compactMap { $0 }.joined(separator: ", ")
                lines.append("  logged   \(what)\(detail.isEmpty ? "" : " (\(detail))")\(session.extra ? " [extra]" : "")  (\(session.id.prefix(8)))")
            }
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
