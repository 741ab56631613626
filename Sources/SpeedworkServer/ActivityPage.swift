import Foundation
import Hummingbird
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// One activity (issue 11, activity): its summary, the pace chart with the reps and their target
/// bands, the rep table graded on target / fast / slow (M51) against the planned session of the
/// active plan the activity fulfils (``PlannedSessionGrade``), else from the stored compliance,
/// best efforts and warnings, read from the log's stored analysis (the `analyze --json` report);
/// and the same analysis as JSON for the API, with the planned session. Another runner's activity
/// is 404.
struct ActivityPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    /// The folder uploads are written to, taken out of file names shown.
    let uploadsFolder: String
    /// The JSON answers computed, kept until the runner's log changes.
    var reads = LogReadCache()

    /// Registers the page on `pages`; its JSON is ``CachedRead/activity``.
    func addRoutes(pages site: RouterGroup<ServerContext>) {
        site.get("/activities/{id}") { _, context in try await show(context) }
    }

    /// The same for a runner seen by handle (a coach's athlete).
    func addAthleteRoutes(coached: RouterGroup<ServerContext>, athletes: RouterGroup<ServerContext>) {
        addRoutes(pages: coached)
        athletes.get("/activities/{id}") { _, context in try await analysis(context) }
    }

    /// The activity named by the route's `id` (its content hash), when it is the viewed runner's.
    private func activity(_ context: ServerContext) async throws -> StoredActivity {
        let athlete = try await context.viewedAthlete(store).id
        let id = context.parameters.get("id") ?? ""
        guard Self.isContentHash(id), let stored = try await store.activity(id, for: athlete) else {
            throw ServerError(.notFound, "no activity of yours has the id \(InputError.quoted(id))")
        }
        return stored
    }

    /// 64 lower-case hex digits, as ``SpeedworkStore/PackedActivity`` makes them.
    static func isContentHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `GET /api/v1/activities/{id}`: the stored analysis, the `analyze --json` contract, with the
    /// key `plannedSession`: the planned session the activity fulfils, graded (null when none).
    func analysis(_ context: ServerContext) async throws -> Response {
        let answer = try await reads.answer("activity/\(context.parameters.get("id") ?? "")", athlete: try context.requireAccount().athlete,
                                            store: store) { try await analysisText(context) }
        return JSONBody.response(bytes: answer)
    }

    /// The answer of `GET /api/v1/activities/{id}`, computed.
    private func analysisText(_ context: ServerContext) async throws -> String {
        let athlete = try await context.viewedAthlete(store).id
        let id = context.parameters.get("id") ?? ""
        guard Self.isContentHash(id), let summary = try await store.activitySummary(id, for: athlete) else {
            throw ServerError(.notFound, "no activity of yours has the id \(InputError.quoted(id))")
        }
        // The samples are read only when a plan is active: the grade against it re-reads the reps.
        var planned: PlannedSessionGrade?
        do {
            if let start = summary.start,
               let standing = try await PlanAsItStands.load(from: max(Day(Date()), Day(start)), log: store, for: athlete),
               let stored = try await store.activity(id, for: athlete) {
                planned = PlannedSessionGrade(stored, in: standing)
            }
        } catch is InputError {
            planned = nil
        }
        let plannedJSON = try planned.map { try JSONOutput.render($0.json(file: summary.source ?? ""), pretty: false) } ?? "null"
        return Self.withoutUploadFolder(try Self.withPlannedSession(plannedJSON, analysis: summary.analysisJSON, activity: summary.contentHash),
                                        source: summary.source, uploadsFolder: uploadsFolder)
    }

    /// The stored report with the key `plannedSession` (JSON text) added in its sorted place. The
    /// report is stored as the encoder writes it (sorted keys, no spaces), so the key goes in as
    /// text; a report that is not such an object is decoded and written again.
    static func withPlannedSession(_ planned: String, analysis: String?, activity: String) throws -> String {
        if let analysis, let text = JSONText.inserting("plannedSession", json: planned, into: analysis) { return text }
        guard let analysis, case .object(var keys)? = JSONValue(json: analysis) else {
            throw ServerError(.notFound, "activity \(activity.prefix(12)) has no stored analysis: import its file again")
        }
        keys["plannedSession"] = JSONValue(json: planned) ?? .null
        return try JSONOutput.render(JSONValue.object(keys), pretty: false)
    }

    /// The planned session of the runner's active plan that `stored` fulfils, graded as of today
    /// (M51); nil when none, or when the active plan cannot be read back (the page then shows the
    /// stored grades, and the plan's own pages say what is wrong with it).
    private func plannedSession(_ stored: StoredActivity, context: ServerContext) async throws -> PlannedSessionGrade? {
        let athlete = try await context.viewedAthlete(store).id
        do {
            return try await PlannedSessionGrade.load(for: stored, log: store, athlete: athlete, today: Day(Date()))
        } catch is InputError {
            return nil
        }
    }

    /// `text` with the server's upload folder of `source` (`…/uploads/<upload id>/`) taken out, so
    /// an uploaded file is named as the runner named it.
    static func withoutUploadFolder(_ text: String, source: String?, uploadsFolder: String) -> String {
        let root = uploadsFolder.hasSuffix("/") ? uploadsFolder : uploadsFolder + "/"
        guard let source, source.hasPrefix(root),
              let upload = source.dropFirst(root.count).split(separator: "/", maxSplits: 1).first else { return text }
        // Byte-wise: a whole UTF-8 sequence never matches from inside another character.
        return String(decoding: JSONOutput.replacing(Array((root + upload + "/").utf8), with: [], in: Array(text.utf8)), as: UTF8.self)
    }

    private func show(_ context: ServerContext) async throws -> Response {
        let stored = try await activity(context)
        let summary = stored.summary
        let report = StoredAnalysis(json: summary.analysisJSON)
        let planned = try await plannedSession(stored, context: context)
        // Reps and grades from the analysis against the planned session when there is one (M51),
        // else from the stored analysis.
        let graded = try planned?.report(file: summary.source ?? "").flatMap { StoredAnalysis(json: try JSONOutput.render($0, pretty: false)) }
        let reading = graded ?? report
        let title = summary.name ?? summary.sport.capitalized
        var values: [String: Any] = ["title": title, "id": summary.contentHash]

        var facts: [[String: Any]] = []
        if let start = summary.start { facts.append(["label": "Started", "value": Self.moment(start)]) }
        facts.append(["label": "Sport", "value": summary.sport])
        let meters = report?.distanceMeters ?? summary.distanceMeters
        let seconds = report?.durationSeconds ?? summary.durationSeconds
        if let meters { facts.append(["label": "Distance", "value": LogPage.kilometers(meters)]) }
        if let seconds { facts.append(["label": "Time", "value": Speedwork.Duration(seconds: seconds).formatted()]) }
        if let moving = report?.movingSeconds {
            facts.append(["label": "Moving", "value": Speedwork.Duration(seconds: moving).formatted()])
        }
        if let meters, let time = report?.movingSeconds ?? seconds, meters > 0, time > 0 {
            facts.append(["label": "Pace", "value": Pace(secondsPerKilometer: time / (meters / 1000)).perKilometerText])
        }
        if let device = summary.device { facts.append(["label": "Device", "value": device]) }
        if let source = summary.source {
            let shown = Self.withoutUploadFolder(source, source: source, uploadsFolder: uploadsFolder)
            facts.append(["label": "File", "value": shown.hasPrefix("/") ? (shown as NSString).lastPathComponent : shown])
        }
        values["facts"] = facts
        if let planned {
            values["planned"] = true
            values["plannedTitle"] = planned.title
            values["plannedNote"] = Self.plannedNote(planned)
        }

        let grades = Dictionary((reading?.compliance?.reps ?? []).compactMap { grade in grade.index.map { ($0, grade) } },
                                uniquingKeysWith: { first, _ in first })
        let reps = (reading?.reps ?? []).enumerated().map { position, rep -> (PaceChart.Rep?, [String: Any]) in
            let index = rep.index ?? position + 1
            let grade = grades[index]
            let verdict = grade?.verdict
            var row: [String: Any] = [
                "index": index,
                "start": rep.startSeconds.map(Self.clock) ?? "–",
                "time": rep.seconds.map { Speedwork.Duration(seconds: $0).formatted(.rep) } ?? "–",
                "distance": rep.meters.map { "\(Int($0.rounded())) m" } ?? "–",
                "pace": rep.secondsPerKm.map { Self.clock($0) + "/km" } ?? "–",
                "cadence": rep.cadence.map { "\(Int($0.rounded()))" } ?? "–",
                "target": grade?.target ?? "–",
                "grade": verdict.map(Self.verdictText) ?? "not graded",
                "gradeClass": verdict ?? "ungraded",
            ]
            if let actual = grade?.actual { row["actual"] = actual }
            guard let start = rep.startSeconds, let length = rep.seconds else { return (nil, row) }
            let band = grade?.target.flatMap(TargetBand.paceBand(target:))
            return (PaceChart.Rep(index: index, startSeconds: start, endSeconds: start + length,
                                  secondsPerKm: rep.secondsPerKm ?? .nan, verdict: verdict, target: band), row)
        }
        values["reps"] = reps.map { $0.1 }
        values["hasReps"] = !reps.isEmpty
        if let compliance = reading?.compliance, let summary = compliance.summary {
            values["compliance"] = [compliance.rule, summary].compactMap { $0 }.joined(separator: ": ")
        }
        if reading?.trackSnapped == true { values["trackSnapped"] = true }

        let points = SpeedSeries(stored.activity).map { PaceChart.points($0) } ?? []
        let chart = PaceChart(points: points, reps: reps.compactMap { $0.0 }, title: "Pace over time: \(title)")
        values["chart"] = chart.svg

        let efforts = (report?.bestEfforts ?? []).compactMap { effort -> [String: Any]? in
            guard let distance = effort.distance, let seconds = effort.seconds else { return nil }
            var row: [String: Any] = ["distance": distance, "time": Speedwork.Duration(seconds: seconds).formatted(.rep), "pace": "–"]
            if let meters = effort.meters, meters > 0 {
                row["pace"] = Self.clock(seconds / (meters / 1000)) + "/km"
            }
            return row
        }
        values["efforts"] = efforts
        values["hasEfforts"] = !efforts.isEmpty
        let warnings = reading?.warnings ?? []
        values["warnings"] = warnings
        values["hasWarnings"] = !warnings.isEmpty
        if report == nil { values["noAnalysis"] = true }
        return pages.page("activity", title: title, values: values, context: context, csrf: context.session?.csrfToken ?? "")
    }

    /// Where the planned session's targets come from: `targets at VDOT 44.0 (your plan's results)`.
    static func plannedNote(_ planned: PlannedSessionGrade) -> String {
        let source = planned.fitness.source == .plan ? "your plan's results" : "your newest results"
        let graded = planned.analysis == nil ? "" : "reps graded against its targets at "
        let moved = planned.movedFrom.map { ", moved from \(PlannedSessionGrade.shortDay($0))" } ?? ""
        return "\(graded)VDOT \(planned.fitness.estimate.vdot.text(decimals: 1)) (\(source))\(moved)"
    }

    /// `on target`, `fast`, `slow`… from the compliance's verdict (M51).
    static func verdictText(_ verdict: String) -> String {
        verdict.replacingOccurrences(of: "-", with: " ")
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        Speedwork.Duration(seconds: seconds).formatted()
    }

    /// `2026-11-17 07:00 UTC`.
    static func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }
}
