import Foundation
import Speedwork
import SpeedworkReports

/// The five charts of the progress page (M52), each drawn from the `progress --json` report the
/// command line prints: the fitness estimate over time, best efforts by season, the same session
/// across months (M7), cadence at comparable paces (M6) and the easy/hard balance per week (M2).
enum ProgressCharts {
    /// The fitness estimate (VDOT) as of each piece of evidence, each dot coloured and titled by
    /// what it came from (race, time trial, effort, activity).
    static func fitness(_ report: ProgressReport) -> ProgressChart {
        let points = report.fitness.compactMap { point -> ProgressChart.Point? in
            guard let day = try? Day(parsing: point.date) else { return nil }
            let note = "\(point.date): \(sourceText(point.source)) \(point.distance) \(clock(point.seconds, .rep)) "
                + "(VDOT \(decimal(point.evidenceVdot))), estimate VDOT \(decimal(point.vdot)): mile \(clock(point.mileSeconds)), 5K \(clock(point.fiveKSeconds))"
            return ProgressChart.Point(x: Double(day.daysSinceEpoch), y: point.vdot, kind: point.source, note: note)
        }
        let kinds = ["race", "time-trial", "effort", "activity"].filter { kind in points.contains { $0.kind == kind } }
        return ProgressChart(id: "fitness-chart", title: "Fitness over time: the VDOT estimate as of each result (M52)",
                             xTitle: "Date", yTitle: "VDOT", horizontal: .dates, style: .number(decimals: 0),
                             series: [ProgressChart.Series(name: "Estimate", points: points)],
                             legend: kinds.map { (sourceText($0), ProgressChart.kindColours[$0] ?? ProgressChart.colours[0]) })
    }

    /// The seasons the best efforts were run in, oldest first.
    static func seasons(_ report: ProgressReport) -> [String] {
        Array(Set(report.bestEfforts.flatMap { $0.seasons.map(\.season) })).sorted()
    }

    /// Each distance's best of each season as a pace per kilometre (so 400 m and 10K share one
    /// axis), one series per distance.
    static func bestEfforts(_ report: ProgressReport) -> ProgressChart {
        let seasons = seasons(report)
        let column = Dictionary(uniqueKeysWithValues: seasons.enumerated().map { ($1, Double($0)) })
        let series = report.bestEfforts.map { row in
            ProgressChart.Series(name: row.distance, points: row.seasons.compactMap { best in
                guard let x = column[best.season], row.meters > 0 else { return nil }
                let pace = best.seconds / (row.meters / 1000)
                return ProgressChart.Point(x: x, y: pace, kind: "best",
                                           note: "\(row.distance), \(best.season): \(clock(best.seconds, .rep)) (\(clock(pace))/km) on \(best.date)")
            })
        }
        return ProgressChart(id: "best-efforts-chart", title: "Best efforts by season, as pace per kilometre (M52)",
                             xTitle: "Season", yTitle: "Pace (min/km), faster up", horizontal: .categories(seasons),
                             style: .clock, fasterUp: true, series: series)
    }

    /// The session shape the chart shows: the one run most often (the latest of a tie).
    static func chartedSession(_ report: ProgressReport) -> ProgressReport.Session? {
        report.sessions.enumerated().max { a, b in
            (a.element.occurrences.count, a.offset) < (b.element.occurrences.count, b.offset)
        }?.element
    }

    /// The average rep time of each time the most-run session was run, with its fade in each
    /// dot's title (M7).
    static func session(_ report: ProgressReport) -> ProgressChart {
        let session = chartedSession(report)
        let points = (session?.occurrences ?? []).compactMap { item -> ProgressChart.Point? in
            guard let day = try? Day(parsing: item.date) else { return nil }
            let fade = item.fadePercent.map { ", fade \(signed($0)) %" } ?? ""
            return ProgressChart.Point(x: Double(day.daysSinceEpoch), y: item.averageSeconds, kind: item.source,
                                       note: "\(item.date): average \(clock(item.averageSeconds, .rep)), fastest \(clock(item.fastestSeconds, .rep)), slowest \(clock(item.slowestSeconds, .rep))\(fade)")
        }
        let kinds = Set(points.map(\.kind))
        return ProgressChart(id: "session-chart",
                             title: session.map { "The same session over time (M7): \($0.shape), average rep time" }
                                 ?? "The same session over time (M7)",
                             xTitle: "Date", yTitle: "Average rep (s), faster up", horizontal: .dates, style: .number(decimals: 1),
                             fasterUp: true, series: [ProgressChart.Series(name: session?.shape ?? "", points: points)],
                             legend: kinds.count > 1 ? [("recorded", ProgressChart.colours[0]), ("by hand", ProgressChart.kindColours["hand-logged"]!)] : [])
    }

    /// The seasons of the stride bands, oldest first.
    static func strideSeasons(_ report: ProgressReport) -> [String] {
        Array(Set(report.stride.flatMap { $0.seasons.map(\.season) })).sorted()
    }

    /// Mean cadence per season within each pace band (M6), one series per band, the step length
    /// in each dot's title.
    static func stride(_ report: ProgressReport) -> ProgressChart {
        let seasons = strideSeasons(report)
        let column = Dictionary(uniqueKeysWithValues: seasons.enumerated().map { ($1, Double($0)) })
        let series = report.stride.map { band in
            let name = bandText(band)
            return ProgressChart.Series(name: name, points: band.seasons.compactMap { season in
                guard let x = column[season.season] else { return nil }
                let step = season.stepLength.map { ", step \(String(format: "%.2f", $0)) m" } ?? ""
                return ProgressChart.Point(x: x, y: season.cadence, kind: "stride",
                                           note: "\(name), \(season.season): \(Int(season.cadence.rounded())) spm\(step), \(season.reps) reps")
            })
        }
        return ProgressChart(id: "stride-chart", title: "Cadence at comparable paces, season by season (M6)",
                             xTitle: "Season", yTitle: "Cadence (steps/min)", horizontal: .categories(seasons),
                             style: .number(decimals: 0), series: series)
    }

    /// The share of each week's checked easy runs that were run too hard (M2), a bar per week
    /// that had one.
    static func balance(_ report: ProgressReport) -> ProgressChart {
        let points = report.balance.weeks.compactMap { week -> ProgressChart.Point? in
            guard let share = week.tooHardShare, let monday = try? Day(parsing: week.monday) else { return nil }
            return ProgressChart.Point(x: Double(monday.daysSinceEpoch) + 3.5, y: share * 100, kind: share > 0 ? "too-hard" : "easy",
                                       note: "Week of \(week.monday): \(week.tooHard) of \(week.checkedEasyRuns) easy runs too hard (\(Int((share * 100).rounded())) %), \(week.hardSessions) hard sessions")
        }
        return ProgressChart(id: "balance-chart", title: "Easy runs run too hard, share per week (M2)",
                             xTitle: "Week", yTitle: "Easy runs too hard (%)", horizontal: .dates, style: .percent,
                             mark: .bars(width: 5), series: [ProgressChart.Series(name: "Too hard", points: points)])
    }

    // MARK: Words and numbers

    /// `race`, `time trial`, …
    static func sourceText(_ source: String) -> String { source.replacingOccurrences(of: "-", with: " ") }

    /// `4:20–4:30/km`.
    static func bandText(_ band: ProgressReport.StrideBand) -> String {
        "\(clock(band.fastSecondsPerKm))–\(clock(band.slowSecondsPerKm))/km"
    }

    /// A time as the page writes it; "–" for one that is not finite.
    static func clock(_ seconds: Double, _ style: Speedwork.Duration.Style = .clock) -> String {
        guard seconds.isFinite else { return "–" }
        return Speedwork.Duration(seconds: seconds).formatted(style)
    }

    /// One decimal.
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `+1.5` or `-0.4`.
    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + String(format: "%.1f", value) }
}
