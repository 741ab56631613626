import Foundation
import Speedwork

/// The `progress --json` contract (M52), and its text: the fitness estimate over time, best
/// efforts by season, the same session side by side (M7), stride at comparable paces (M6) and the
/// easy/hard balance per week (M2).
public struct ProgressReport: Encodable {
    /// The text shows at most this many of the latest sessions of a shape and of the latest weeks;
    /// `--json` and `--since` give them all.
    public static let textRows = 12

    public struct FitnessPoint: Encodable {
        public let date: String
        public let source: String
        public let reference: String?
        public let distance: String
        public let meters: Double
        public let seconds: Double
        public let evidenceVdot: Double
        public let vdot: Double
        public let mileSeconds: Double
        public let fiveKSeconds: Double
    }

    public struct SeasonBest: Encodable {
        public let season: String
        public let seconds: Double
        public let date: String
        public let reference: String
        public let source: String
    }

    public struct DistanceBests: Encodable {
        public let distance: String
        public let meters: Double
        public let seasons: [SeasonBest]
    }

    public struct Occurrence: Encodable {
        public let date: String
        public let reference: String
        public let source: String
        public let averageSeconds: Double
        public let fastestSeconds: Double
        public let slowestSeconds: Double
        public let fadePercent: Double?
        public let averageRecoverySeconds: Double?
        public let repSeconds: [Double]
    }

    public struct Session: Encodable {
        public let shape: String
        public let repMeters: [Double]
        public let occurrences: [Occurrence]
    }

    public struct StrideSeason: Encodable {
        public let season: String
        public let reps: Int
        public let secondsPerKm: Double
        public let cadence: Double
        public let stepLength: Double?
    }

    public struct StrideBand: Encodable {
        public let fastSecondsPerKm: Double
        public let slowSecondsPerKm: Double
        public let seasons: [StrideSeason]
    }

    public struct Week: Encodable {
        public let monday: String
        public let easyRuns: Int
        public let hardSessions: Int
        public let checkedEasyRuns: Int
        public let tooHard: Int
        public let tooHardShare: Double?
        public let tooHardDates: [String]
    }

    public struct BalanceTotal: Encodable {
        public let easyRuns: Int
        public let hardSessions: Int
        public let checkedEasyRuns: Int
        public let tooHard: Int
        public let tooHardShare: Double?
    }

    public struct Balance: Encodable {
        public let total: BalanceTotal
        public let weeks: [Week]
    }

    public let seasonLength: String
    public let since: String?
    public let fitness: [FitnessPoint]
    public let bestEfforts: [DistanceBests]
    public let sessions: [Session]
    public let stride: [StrideBand]
    public let balance: Balance

    public init(_ progress: TrainingProgress) {
        seasonLength = progress.seasonLength.rawValue
        since = progress.since?.description
        fitness = progress.fitness.map { point in
            let performance = point.evidence.performance
            return FitnessPoint(date: point.evidence.day.description, source: point.evidence.source.rawValue,
                                reference: point.evidence.reference?.lowercased(), distance: performance.distance.label,
                                meters: rounded(performance.distance.meters), seconds: rounded(performance.time.seconds),
                                evidenceVdot: rounded(point.evidence.vdot), vdot: rounded(point.vdot),
                                mileSeconds: rounded(point.mile.seconds), fiveKSeconds: rounded(point.fiveK.seconds))
        }
        bestEfforts = progress.bests.rows.map { row in
            DistanceBests(distance: row.distance.label, meters: rounded(row.distance.meters, 3), seasons: row.bests.map {
                SeasonBest(season: $0.season.label, seconds: rounded($0.seconds), date: $0.day.description,
                           reference: $0.reference.lowercased(), source: $0.fromResult ? "result" : "activity")
            })
        }
        sessions = progress.sessions.map { session in
            Session(shape: session.shape, repMeters: session.repMeters.map { rounded($0, 3) }, occurrences: session.occurrences.map {
                Occurrence(date: $0.day.description, reference: $0.reference.lowercased(), source: $0.source.rawValue,
                           averageSeconds: rounded($0.averageSeconds, 2), fastestSeconds: rounded($0.fastestSeconds, 2),
                           slowestSeconds: rounded($0.slowestSeconds, 2), fadePercent: $0.fadePercent.map { rounded($0) },
                           averageRecoverySeconds: $0.averageRecoverySeconds.map { rounded($0) },
                           repSeconds: $0.repSeconds.map { rounded($0, 2) })
            })
        }
        stride = progress.stride.bands.map { band in
            StrideBand(fastSecondsPerKm: band.fastSecondsPerKm, slowSecondsPerKm: band.slowSecondsPerKm, seasons: band.seasons.map {
                StrideSeason(season: $0.season.label, reps: $0.reps, secondsPerKm: rounded($0.secondsPerKm),
                             cadence: rounded($0.cadence), stepLength: $0.stepLength.map { rounded($0, 3) })
            })
        }
        let weeks = progress.balance.weeks
        let checked = weeks.reduce(0) { $0 + $1.checkedEasyRuns }, tooHard = weeks.reduce(0) { $0 + $1.tooHard }
        balance = Balance(
            total: BalanceTotal(easyRuns: weeks.reduce(0) { $0 + $1.easyRuns }, hardSessions: weeks.reduce(0) { $0 + $1.hardSessions },
                                checkedEasyRuns: checked, tooHard: tooHard,
                                tooHardShare: checked > 0 ? rounded(Double(tooHard) / Double(checked), 3) : nil),
            weeks: weeks.map {
                Week(monday: $0.monday.description, easyRuns: $0.easyRuns, hardSessions: $0.hardSessions,
                     checkedEasyRuns: $0.checkedEasyRuns, tooHard: $0.tooHard, tooHardShare: $0.tooHardShare.map { rounded($0, 3) },
                     tooHardDates: $0.tooHardDays.map(\.description))
            })
    }

    /// What `progress` prints when the log holds nothing to show.
    public static let emptyText = "The log has no runs or results to show progress from: import your runs with speedwork import PATH, or add a result with speedwork log add --result 5k=20:00."

    /// The report as a runner reads it.
    public var text: String {
        guard !(fitness.isEmpty && bestEfforts.isEmpty && sessions.isEmpty && stride.isEmpty && balance.weeks.isEmpty) else {
            return Self.emptyText
        }
        var parts: [String] = []
        if let since { parts.append("Progress since \(since)") }
        parts.append(fitnessText)
        parts.append(bestsText)
        parts.append(sessionsText)
        parts.append(strideText)
        parts.append(balanceText)
        return parts.joined(separator: "\n\n")
    }

    private var fitnessText: String {
        guard !fitness.isEmpty else { return "Fitness over time (M52)\n  no races, time trials or hard efforts yet: log one with speedwork log add --result 5k=20:00" }
        var table = TextTable("Date", "From", "Result", "VDOT", "Mile", "5K")
        for point in fitness {
            table.add(point.date, point.source, "\(point.distance) \(clock(point.seconds))",
                      point.vdot.text(decimals: 1), clock(point.mileSeconds), clock(point.fiveKSeconds))
        }
        return "Fitness over time (M52): the estimate as of each result\n" + table.render(indent: "  ")
    }

    private var bestsText: String {
        let seasons = Array(Set(bestEfforts.flatMap { $0.seasons.map(\.season) })).sorted()
        guard !seasons.isEmpty else { return "Best efforts by season\n  none yet" }
        var table = TextTable()
        table.header = ["Distance"] + seasons
        for row in bestEfforts {
            let bySeason = Dictionary(row.seasons.map { ($0.season, $0.seconds) }, uniquingKeysWith: min)
            table.rows.append([row.distance] + seasons.map { bySeason[$0].map { clock($0, .rep) } ?? "–" })
        }
        return "Best efforts by season (\(seasonLength == "half" ? "half-years" : "calendar years"))\n" + table.render(indent: "  ")
    }

    private var sessionsText: String {
        guard !sessions.isEmpty else { return "The same session over time (M7)\n  no session run twice yet: repeat a track session to compare it" }
        var lines = ["The same session over time (M7)"]
        for session in sessions {
            lines.append("  \(session.shape), run \(session.occurrences.count) times")
            var table = TextTable("Date", "Average", "Fastest", "Slowest", "Fade", "Recovery", "")
            let shown = session.occurrences.suffix(Self.textRows)
            for item in shown {
                table.add(item.date, clock(item.averageSeconds, .rep), clock(item.fastestSeconds, .rep), clock(item.slowestSeconds, .rep),
                          item.fadePercent.map { "\($0 >= 0 ? "+" : "")\($0.text(decimals: 1)) %" } ?? "–",
                          item.averageRecoverySeconds.map { clock($0) } ?? "–", item.source == "hand-logged" ? "by hand" : "")
            }
            // The last column is empty for recorded sessions: no line ends in spaces.
            lines.append(contentsOf: table.render(indent: "    ").split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " }.reversed())
            })
            if shown.count < session.occurrences.count {
                lines.append("    (\(session.occurrences.count - shown.count) earlier: --since or --json shows them)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private var strideText: String {
        guard !stride.isEmpty else { return "Stride at comparable paces (M6)\n  no reps with cadence yet" }
        var table = TextTable("Pace/km", "Season", "Reps", "Cadence", "Step")
        for band in stride {
            for (index, season) in band.seasons.enumerated() {
                table.add(index == 0 ? "\(clock(band.fastSecondsPerKm))–\(clock(band.slowSecondsPerKm))" : "", season.season, "\(season.reps)",
                          "\(Int(season.cadence.rounded()))", season.stepLength.map { "\($0.text(decimals: 2)) m" } ?? "–")
            }
        }
        return "Stride at comparable paces (M6): reps in the same pace band, season by season\n" + table.render(indent: "  ")
    }

    private var balanceText: String {
        guard !balance.weeks.isEmpty else { return "Easy/hard balance (M2)\n  no runs yet" }
        let total = balance.total
        var lines = ["Easy/hard balance (M2): \(total.easyRuns) easy runs, \(total.hardSessions) hard sessions"
            + (total.tooHardShare.map { ", \(total.tooHard) of \(total.checkedEasyRuns) checked easy runs too hard (\(Int(($0 * 100).rounded())) %)" } ?? "")]
        var table = TextTable("Week of", "Easy", "Hard", "Too hard")
        let shown = balance.weeks.suffix(Self.textRows)
        for week in shown {
            table.add(week.monday, "\(week.easyRuns)", "\(week.hardSessions)",
                      week.checkedEasyRuns == 0 ? "–" : "\(week.tooHard) of \(week.checkedEasyRuns)")
        }
        lines.append(table.render(indent: "  "))
        if shown.count < balance.weeks.count {
            lines.append("  (\(balance.weeks.count - shown.count) earlier weeks: --since or --json shows them)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A time as progress prints it; "–" for one that is not finite.
private func clock(_ seconds: Double, _ style: Duration.Style = .clock) -> String {
    guard seconds.isFinite, abs(seconds) < 1e15 else { return "–" }
    return Duration.seconds(seconds).formatted(style)
}
