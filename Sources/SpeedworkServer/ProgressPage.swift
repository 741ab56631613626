import Foundation
import Hummingbird
import Speedwork
import SpeedworkReports
import SpeedworkStore

/// Progress over time (M52, issue 11): the page `/progress` with five server-drawn charts, each
/// with its numbers in a table under it, and `GET /api/v1/progress`, the `progress --json`
/// report; both read the signed-in runner's log with ``SpeedworkReports/LogProgress``, as the
/// command line does, and take its options as `?since=YYYY-MM-DD&season=year|half`.
struct ProgressPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer

    func addRoutes(pages site: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        site.get("/progress") { request, context in try await show(request, context) }
        api.get("/progress") { request, context in try await json(request, context) }
    }

    /// The same for a runner seen by handle (a coach's athlete).
    func addAthleteRoutes(coached: RouterGroup<ServerContext>, athletes: RouterGroup<ServerContext>) {
        addRoutes(pages: coached, api: athletes)
    }

    /// The report's options, as the command line's `--since` and `--season`.
    struct Options: Equatable, Sendable {
        var since: Day?
        var season: Season.Length = .standard

        /// The options in a query; a value that is not a day or a season length is refused with a
        /// line naming it and what is allowed. The page's form sends a field left blank as empty,
        /// which `blankIsNone` reads as no option; the API refuses it, as the command line does.
        init(query: [String: String], blankIsNone: Bool = true) throws {
            if !blankIsNone {
                for name in ["since", "season"] where query[name]?.isEmpty == true {
                    throw ServerError(.badRequest, name == "since" ? "since must be a day written YYYY-MM-DD, not ''" : "season must be year or half, not ''")
                }
            }
            if let text = query["since"], !text.isEmpty {
                guard let day = try? Day(parsing: text) else {
                    throw ServerError(.badRequest, "since must be a day written YYYY-MM-DD, not \(InputError.quoted(text))")
                }
                since = day
            }
            if let text = query["season"], !text.isEmpty {
                guard let length = Season.Length(rawValue: text) else {
                    throw ServerError(.badRequest, "season must be year or half, not \(InputError.quoted(text))")
                }
                season = length
            }
        }

        init(since: Day? = nil, season: Season.Length = .standard) {
            self.since = since
            self.season = season
        }
    }

    static func query(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for name in ["since", "season"] {
            if let value = request.uri.queryParameters.get(name) { query[name] = value }
        }
        return query
    }

    /// The runner's progress report with `options`.
    private func report(_ context: ServerContext, _ options: Options) async throws -> ProgressReport {
        let athlete = try await context.viewedAthlete(store).id
        return ProgressReport(try await LogProgress.load(from: store, for: athlete, seasonLength: options.season,
                                                         since: options.since))
    }

    /// `GET /api/v1/progress`: the `progress --json` report, byte for byte.
    private func json(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try await context.viewedAthlete(store)
        let options = try Options(query: Self.query(request), blankIsNone: false)
        let text = try JSONOutput.render(try await report(context, options))
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func show(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try await context.viewedAthlete(store)
        let query = Self.query(request)
        let csrf = context.session?.csrfToken ?? ""
        let options: Options
        do {
            options = try Options(query: query)
        } catch let error as ServerError {
            let values: [String: Any] = ["error": error.message, "since": query["since"] ?? "",
                                         "yearSelected": query["season"] != "half", "halfSelected": query["season"] == "half"]
            return pages.page("progress", title: "Progress", values: values, context: context, status: error.status, csrf: csrf)
        }
        let report = try await report(context, options)
        return pages.page("progress", title: "Progress", values: Self.values(report, options), context: context, csrf: csrf)
    }

    /// The page's values: the options, the charts and the tables under them.
    static func values(_ report: ProgressReport, _ options: Options) -> [String: Any] {
        var values: [String: Any] = [
            "since": options.since?.description ?? "", "shown": true,
            "yearSelected": options.season == .year, "halfSelected": options.season == .half,
            "fitnessChart": ProgressCharts.fitness(report).svg,
            "bestEffortsChart": ProgressCharts.bestEfforts(report).svg,
            "sessionChart": ProgressCharts.session(report).svg,
            "strideChart": ProgressCharts.stride(report).svg,
            "balanceChart": ProgressCharts.balance(report).svg,
        ]
        values["empty"] = report.fitness.isEmpty && report.bestEfforts.isEmpty && report.sessions.isEmpty
            && report.stride.isEmpty && report.balance.weeks.isEmpty

        values["fitness"] = report.fitness.reversed().map { point -> [String: Any] in
            ["date": point.date, "source": ProgressCharts.sourceText(point.source),
             "result": "\(point.distance) \(ProgressCharts.clock(point.seconds, .rep))",
             "evidenceVdot": ProgressCharts.decimal(point.evidenceVdot), "vdot": ProgressCharts.decimal(point.vdot),
             "mile": ProgressCharts.clock(point.mileSeconds), "fiveK": ProgressCharts.clock(point.fiveKSeconds)]
        }
        values["hasFitness"] = !report.fitness.isEmpty

        let seasons = ProgressCharts.seasons(report)
        values["bestSeasons"] = seasons
        values["bestRows"] = report.bestEfforts.map { row -> [String: Any] in
            let bySeason = Dictionary(row.seasons.map { ($0.season, $0.seconds) }, uniquingKeysWith: min)
            return ["distance": row.distance,
                    "times": seasons.map { bySeason[$0].map { ProgressCharts.clock($0, .rep) } ?? "–" }]
        }
        values["hasBests"] = !report.bestEfforts.isEmpty

        values["sessions"] = report.sessions.map { session -> [String: Any] in
            ["shape": session.shape, "count": session.occurrences.count,
             "charted": session.shape == ProgressCharts.chartedSession(report)?.shape,
             "occurrences": session.occurrences.reversed().map { item -> [String: Any] in
                 ["date": item.date, "average": ProgressCharts.clock(item.averageSeconds, .rep),
                  "fastest": ProgressCharts.clock(item.fastestSeconds, .rep), "slowest": ProgressCharts.clock(item.slowestSeconds, .rep),
                  "fade": item.fadePercent.map { ProgressCharts.signed($0) + " %" } ?? "–",
                  "recovery": item.averageRecoverySeconds.map { ProgressCharts.clock($0) } ?? "–",
                  "source": item.source == "hand-logged" ? "by hand" : "recorded"]
             }]
        }
        values["hasSessions"] = !report.sessions.isEmpty

        values["strideRows"] = report.stride.flatMap { band in
            band.seasons.map { season -> [String: Any] in
                ["band": ProgressCharts.bandText(band), "season": season.season, "reps": season.reps,
                 "cadence": "\(Int(season.cadence.rounded()))",
                 "step": season.stepLength.map { String(format: "%.2f m", $0) } ?? "–"]
            }
        }
        values["hasStride"] = !report.stride.isEmpty

        let total = report.balance.total
        values["balanceTotal"] = "\(total.easyRuns) easy runs, \(total.hardSessions) hard sessions"
            + (total.tooHardShare.map { "; \(total.tooHard) of \(total.checkedEasyRuns) checked easy runs too hard (\(Int(($0 * 100).rounded())) %)" } ?? "")
        values["weeks"] = report.balance.weeks.reversed().map { week -> [String: Any] in
            ["monday": week.monday, "easy": week.easyRuns, "hard": week.hardSessions,
             "tooHard": week.checkedEasyRuns == 0 ? "–" : "\(week.tooHard) of \(week.checkedEasyRuns)",
             "share": week.tooHardShare.map { "\(Int(($0 * 100).rounded())) %" } ?? "–"]
        }
        values["hasWeeks"] = !report.balance.weeks.isEmpty
        return values
    }
}
