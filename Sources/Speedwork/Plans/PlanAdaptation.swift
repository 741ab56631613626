/// The plan's sessions as the log has changed them (M43): matched to the logged work, each missed
/// key session moved or dropped by ``MissedSessionRule`` in day order, then matched again, until
/// nothing is left to decide. Deterministic: a miss is decided on the day it becomes known, from
/// the plan alone, so the same log gives the same plan whichever later day it is read on.
public struct PlanAdaptation: Sendable {
    /// A session where it now stands.
    public struct Placed: Sendable, Hashable {
        /// Its place in the plan as built: what `plan link` names and what links point at.
        public let ref: PlanMatching.SessionRef
        /// The session, on the day it now falls on.
        public let session: Plan.Session
        /// The day the plan had it on, when it moved.
        public let movedFrom: Day?
    }

    /// Every session of the plan as it now stands, in day order (sessions left out for a pause or
    /// that gave way are not in it; missed and dropped ones stay on their day).
    public let placed: [Placed]
    /// What changed, in the order it was decided.
    public let adjustments: [PlanAdjustment]
    /// The matching of the log's work to ``placed``.
    public let outcome: PlanMatching.Outcome

    /// Adapts `plan` to `work` (and the runner's `links`) as of `today`. Days in `pauses` take no
    /// session: what the plan has on them is left out, and the days after each pause are its
    /// re-entry (``ReturnAfterBreak``).
    public init(plan: Plan, work: [PlanMatching.Work], links: [PlanMatching.SessionRef: String] = [:], today: Day,
                pauses: [PlanPause] = []) {
        let rule = MissedSessionRule(days: plan.request.days, raceDay: plan.request.raceDay)
        var placed = PlanMatching(sessions: plan.sessions).sessions.map { Placed(ref: $0.ref, session: $0.session, movedFrom: nil) }
        var adjustments: [PlanAdjustment] = []
        let closed = Set(pauses.flatMap(\.allDays))
        for pause in pauses.sorted() {
            for item in placed where pause.contains(item.session.day) {
                adjustments.append(PlanAdjustment(session: item.ref, rule: item.session.workout.rule, title: item.session.workout.title,
                                                  change: .paused, decidedOn: pause.from,
                                                  reason: "it falls in your pause \(pause.from) to \(pause.to)"))
            }
        }
        placed.removeAll { closed.contains($0.session.day) }
        let easy = TrainingPaces.pace(.easy, vdot: plan.request.fitness.vdot)
        for pause in pauses.sorted() {
            let reEntry = ReturnAfterBreak(after: pause)
            placed = placed.map { item in
                let eased = reEntry.reEntry(item.session, easy: easy)
                guard eased != item.session else { return item }
                adjustments.append(PlanAdjustment(session: item.ref, rule: item.session.workout.rule, title: item.session.workout.title,
                                                  change: .reEntry, decidedOn: pause.from,
                                                  reason: eased.workout.notes.first ?? "the return after your pause"))
                return Placed(ref: item.ref, session: eased, movedFrom: item.movedFrom)
            }
        }
        // Each session is decided once on each day it stands on: its own, then the day it moved to.
        var decided: [PlanMatching.SessionRef: Day] = [:]
        let match = { (placed: [Placed]) in
            PlanMatching(placed: placed.map { ($0.ref, $0.session) }).match(work, links: links, today: today)
        }
        var outcome = match(placed)
        while let next = Self.nextToDecide(placed, missed: Set(outcome.missed), decided: decided) {
            decided[next.ref] = next.session.day
            let known = next.session.day.adding(days: PlanMatching.neighbourDays + 1)
            let title = next.session.workout.title
            if let from = next.movedFrom {
                adjustments.append(Self.adjustment(next, .dropped, decidedOn: known,
                                                   "missed again on \(next.session.day) after moving from \(from): a session moves once and is never stacked (M43)"))
                continue
            }
            guard let week = plan.weeks.last(where: { $0.start <= next.session.day }) else { continue }
            switch rule.place(next.session, among: placed.map(\.session), week: week.days(until: plan.request.raceDay), from: known, closed: closed) {
            case .drop(let reason):
                adjustments.append(Self.adjustment(next, .dropped, decidedOn: known, reason))
            case .move(let day, let replacing):
                let moved = Plan.Session(day: day, workout: next.session.workout, minutes: next.session.minutes, goalPace: next.session.goalPace)
                placed.removeAll { $0.ref == next.ref }
                placed.append(Placed(ref: next.ref, session: moved, movedFrom: next.session.day))
                if let replacing, let easy = placed.first(where: { $0.session == replacing }) {
                    placed.removeAll { $0 == easy }
                    adjustments.append(PlanAdjustment(session: easy.ref, rule: easy.session.workout.rule, title: easy.session.workout.title,
                                                      change: .gaveWay, decidedOn: known,
                                                      reason: "it made room for \(title) moved from \(next.session.day)"))
                }
                let room = replacing == nil ? "the next free day of its week" : "the next day of its week whose easy run gives way"
                adjustments.append(Self.adjustment(next, .moved, to: day, decidedOn: known,
                                                   "missed on \(next.session.day); \(Weekday(day).shortName) \(day) is \(room) that keeps the weekly rules (M41, M43)"))
                placed.sort { ($0.session.day, $0.ref) < ($1.session.day, $1.ref) }
                outcome = match(placed)
            }
        }
        self.placed = placed
        self.adjustments = adjustments
        self.outcome = outcome
    }

    /// The first missed key session not yet decided on the day it now stands on.
    private static func nextToDecide(_ placed: [Placed], missed: Set<PlanMatching.SessionRef>,
                                     decided: [PlanMatching.SessionRef: Day]) -> Placed? {
        placed.first { missed.contains($0.ref) && decided[$0.ref] != $0.session.day && MissedSessionRule.isKey($0.session) }
    }

    /// What happened to the missed session `next`, and why.
    private static func adjustment(_ next: Placed, _ change: PlanAdjustment.Change, to day: Day? = nil, decidedOn known: Day,
                                   _ reason: String) -> PlanAdjustment {
        PlanAdjustment(session: next.ref, rule: next.session.workout.rule, title: next.session.workout.title, change: change,
                       to: day, decidedOn: known, reason: reason)
    }
}

extension PlanMatching {
    /// Matching for sessions already placed: each keeps the ref it was given (a moved session keeps
    /// the ref of its day in the plan as built), matched on the day it now falls on.
    public init(placed: [(ref: SessionRef, session: Plan.Session)]) {
        sessions = placed.sorted { ($0.session.day, $0.ref) < ($1.session.day, $1.ref) }
    }
}
