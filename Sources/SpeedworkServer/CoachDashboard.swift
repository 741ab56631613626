import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// One row of the coach's dashboard (issue 12): an athlete's week planned against done (from
/// ``SpeedworkReports/PlanDayReport``), compliance over the last weeks (the share of decided planned
/// sessions that were done, from ``SpeedworkReports/PlanAsItStands``), easy runs run too hard (M2,
/// from the weekly easy/hard balance of ``SpeedworkReports/LogProgress``) and the fitness trend (VDOT
/// now against some weeks ago, from ``SpeedworkReports/LogFitness``); `GET /api/v1/coach/athletes`
/// answers these rows as JSON.
struct CoachDashboardRow: Encodable, Sendable {
    /// How many weeks back compliance and the easy/hard balance are counted: four, a training block
    /// (Pfitzinger and Douglas, *Advanced Marathoning*: mesocycles of 3 to 6 weeks; docs/server.md).
    static let recentWeeks = 4
    /// How far back the fitness trend compares: six weeks, about the time a change of training shows
    /// in race fitness (Daniels, *Daniels' Running Formula*: a phase of training is about 6 weeks).
    static let trendWeeks = 6

    /// This week's planned sessions (rest days left out) and how many are done or partly done.
    struct Week: Encodable, Sendable {
        var monday: String
        var planned: Int
        var done: Int
    }

    /// Planned sessions of the last ``recentWeeks`` weeks whose outcome is decided (done, or missed
    /// once their day and the next have passed, as PlanMatching says), and the share done.
    struct Compliance: Encodable, Sendable {
        var since: String
        var planned: Int
        var done: Int
        /// `done / planned`, null when nothing was planned.
        var share: Double?
    }

    /// Easy runs checked against the easy pace in the last ``recentWeeks`` weeks and those run too hard (M2).
    struct EasyRuns: Encodable, Sendable {
        var since: String
        var checked: Int
        var tooHard: Int
        /// Whether any easy run was too hard: the coach's flag.
        var flagged: Bool
    }

    /// VDOT now and ``trendWeeks`` weeks ago, from the log's evidence (null without any).
    struct Trend: Encodable, Sendable {
        var now: Double?
        var before: Double?
        var beforeDate: String
        /// `now − before`, null unless both are known.
        var change: Double?
    }

    var handle: String
    var name: String
    var login: String
    var since: Date
    /// The active plan's name, null without one.
    var plan: String?
    var week: Week
    var compliance: Compliance
    var easyRuns: EasyRuns
    var fitness: Trend

    /// The row for `athlete` as of `today`, read from the athlete's log.
    static func load(_ coached: CoachedAthlete, log: any TrainingStore, today: Day) async throws -> CoachDashboardRow {
        let athlete = coached.athlete.id
        let weekReport = try await PlanDayReport.make(log: log, athlete: athlete, date: today, wholeWeek: true)
        let planned = weekReport.days.flatMap(\.planned).filter { $0.status != "rest" }
        let done = planned.filter { $0.status == PlanMatching.Status.done.rawValue || $0.status == PlanMatching.Status.partlyDone.rawValue }
        let monday = WeeklyBalance.monday(of: today)

        let from = monday.adding(days: -7 * (recentWeeks - 1))
        var compliance = Compliance(since: from.description, planned: 0, done: 0, share: nil)
        var planName: String?
        do {
            if let standing = try await PlanAsItStands.load(from: today, log: log, for: athlete) {
                planName = standing.active.saved.name
                // The sessions as built, each by its place (a session moved after a miss keeps its
                // ref): done when work fulfilled it, missed once its day and the next have passed.
                let undecidedFrom = today.adding(days: -PlanMatching.neighbourDays)
                let refs = PlanMatching(sessions: standing.active.plan.sessions).sessions.map(\.ref).filter { $0.day >= from && $0.day <= today }
                let matched = refs.filter { standing.outcome.matched[$0] != nil }.count
                let missed = refs.filter { standing.outcome.matched[$0] == nil && $0.day < undecidedFrom }.count
                compliance.planned = matched + missed
                compliance.done = matched
                compliance.share = compliance.planned > 0 ? Double(matched) / Double(compliance.planned) : nil
            }
        } catch is InputError {
            // A stored plan that no longer rebuilds: its own page says why; the row shows no compliance.
        }

        let progress = try await LogProgress.load(from: log, for: athlete, seasonLength: .standard, since: from)
        let recent = progress.balance.weeks.filter { $0.monday >= from }
        let checked = recent.reduce(0) { $0 + $1.checkedEasyRuns }
        let tooHard = recent.reduce(0) { $0 + $1.tooHard }

        let fitness = try await LogFitness.load(from: log, for: athlete)
        let beforeDay = today.adding(days: -7 * trendWeeks)
        let now = try fitness.estimate(asOf: today)?.vdot
        let before = try fitness.estimate(asOf: beforeDay)?.vdot
        return CoachDashboardRow(
            handle: coached.athlete.handle, name: coached.athlete.name, login: coached.login, since: coached.since, plan: planName,
            week: Week(monday: monday.description, planned: planned.count, done: done.count),
            compliance: compliance,
            easyRuns: EasyRuns(since: from.description, checked: checked, tooHard: tooHard, flagged: tooHard > 0),
            fitness: Trend(now: now, before: before, beforeDate: beforeDay.description,
                           change: now.flatMap { now in before.map { now - $0 } }))
    }

    /// The row as the dashboard's template reads it.
    var values: [String: Any] {
        var values: [String: Any] = [
            "handle": handle, "name": name, "login": login, "link": ViewedAthlete.pagePrefix(handle: handle),
            "plan": plan ?? "no plan",
            "week": planned(week.planned, done: week.done),
            "compliance": compliance.share.map { "\(Int(($0 * 100).rounded())) % (\(compliance.done) of \(compliance.planned))" } ?? "–",
            "easy": easyRuns.checked == 0 ? "–" : "\(easyRuns.tooHard) of \(easyRuns.checked) too hard",
            "flagged": easyRuns.flagged,
        ]
        switch (fitness.now, fitness.before) {
        case let (now?, before?):
            let change = now - before
            values["trend"] = "\(now.text(decimals: 1)) (\(change >= 0 ? "+" : "−")\(abs(change).text(decimals: 1)) in \(Self.trendWeeks) weeks)"
        case let (now?, nil):
            values["trend"] = now.text(decimals: 1)
        default:
            values["trend"] = "–"
        }
        return values
    }

    private func planned(_ planned: Int, done: Int) -> String {
        planned == 0 ? "nothing planned" : "\(done) of \(planned) done"
    }
}
