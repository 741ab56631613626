import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports

/// `speedwork paces`: training zones and the method's per-session targets.
struct PacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paces",
        abstract: "Training paces (Daniels E/M/T/I/R) and the method's session targets (M10–M20).",
        discussion: """
            Goal-pace sessions (M12, M13) use --goal when given; all others use current fitness.
            Example: speedwork paces --from mile=6:30 --goal mile=6:00
            """)

    @OptionGroup var fitness: FitnessOptions

    @Option(
        help: ArgumentHelp("The goal race, DISTANCE=TIME: goal-pace sessions (M12, M13) aim at it.", valueName: "result"),
        transform: { try Performance(parsing: $0) })
    var goal: Performance?

    @OptionGroup var output: OutputOptions

    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        try StandardOutput.write(line: try await render(environment: ProcessInfo.processInfo.environment))
    }

    /// The paces from `--from` or, without it, the log's current fitness.
    func render(environment: [String: String]) async throws -> String {
        try render(try await fitness.current(store: store, environment: environment))
    }

    /// The paces from the `--from` results.
    func render() throws -> String {
        try render(CurrentFitness(estimate: try fitness.estimate(), source: .commandLine))
    }

    private func render(_ current: CurrentFitness) throws -> String {
        let estimate = current.estimate
        let targets = SessionTargets(fitness: estimate, goal: goal)
        let zones = TrainingPaces.zones(vdot: estimate.vdot)
        if output.json {
            var report = PacesReport(estimate: estimate, goal: goal, zones: zones, sessions: targets.all)
            report.fitnessSource = current.json
            return try JSONOutput.render(report)
        }
        var zoneTable = TextTable("Zone", "", "Pace/km", "Pace/mile", "Per 400m")
        for zone in zones {
            let per400 = zone.pace.fast.time(for: .meters(400)).formatted()
            zoneTable.add(zone.code.rawValue, zone.code.name, zone.pace.perKilometerText, zone.pace.perMileText, zone.code == .easy ? "" : per400)
        }
        var sessionTable = TextTable("Rule", "Session", "Per rep", "Pace/km", "Pace/mile")
        for target in targets.all {
            sessionTable.add(target.rule, target.title, PacesCommand.perRep(target), target.pace.perKilometerText, target.pace.perMileText)
        }
        var lines = FitnessSummary.lines(current)
        if let goal { lines.append("Goal        \(goal.written)") }
        lines += ["", "Training zones (Daniels)", zoneTable.render(indent: "  "), "", "Sessions (the method's targets)", sessionTable.render(indent: "  "), ""]
        lines += targets.all.map { "  \($0.rule): \($0.basis)" }
        return lines.joined(separator: "\n")
    }

    /// `200m in 37.6–38.4`, `20–30 s`, or `10:00`.
    static func perRep(_ target: SessionTarget) -> String {
        if let rep = target.repTarget {
            let splits = rep.splits.isEmpty ? "" : " (" + rep.splits.map { "\($0.fast.formatted(.rep))–\($0.slow.formatted(.rep))" }.joined(separator: " then ") + ")"
            return rep.text + splits
        }
        if let duration = target.repDuration {
            let low = duration.lowerBound.formatted(), high = duration.upperBound.formatted()
            let unit = duration.upperBound.seconds < 60 ? " s" : ""
            return (low == high ? low : "\(low)–\(high)") + unit
        }
        return "continuous"
    }
}

/// The `paces --json` contract.
struct PacesReport: Encodable {
    struct Zone: Encodable {
        let code: String
        let name: String
        let secondsPerKm: SecondsRangeJSON
        let secondsPerMile: SecondsRangeJSON
        let secondsPer400m: SecondsRangeJSON
    }

    struct RepTargetJSON: Encodable {
        let meters: Double
        let fast: Double
        let slow: Double
        let splits: [RepTargetJSON]?

        init(_ rep: RepTarget) {
            meters = rounded(rep.distance.meters, 3)
            fast = rounded(rep.fast.seconds)
            slow = rounded(rep.slow.seconds)
            splits = rep.splits.isEmpty ? nil : rep.splits.map(RepTargetJSON.init)
        }
    }

    struct RepSecondsJSON: Encodable {
        let min: Double
        let max: Double
    }

    struct Session: Encodable {
        let rule: String
        let title: String
        let basis: String
        let pace: PaceJSON
        let repTarget: RepTargetJSON?
        let repSeconds: RepSecondsJSON?
    }

    let vdot: Double
    let goal: String?
    let fitness: FitnessJSON
    let zones: [Zone]
    let sessions: [Session]
    /// Where the fitness came from when it was read from the log (absent with `--from`).
    var fitnessSource: FitnessSourceJSON?

    init(estimate: FitnessEstimate, goal: Performance?, zones: [TrainingZone], sessions: [SessionTarget]) {
        fitness = FitnessJSON(estimate)
        vdot = fitness.vdot
        self.goal = goal?.written
        self.zones = zones.map { zone in
            let pace = PaceJSON(zone.pace)
            return Zone(code: zone.code.rawValue, name: zone.code.name, secondsPerKm: pace.secondsPerKm, secondsPerMile: pace.secondsPerMile,
                        secondsPer400m: SecondsRangeJSON(fast: rounded(zone.pace.fast.time(for: .meters(400)).seconds),
                                                         slow: rounded(zone.pace.slow.time(for: .meters(400)).seconds)))
        }
        self.sessions = sessions.map { target in
            Session(rule: target.rule, title: target.title, basis: target.basis, pace: PaceJSON(target.pace),
                    repTarget: target.repTarget.map(RepTargetJSON.init),
                    repSeconds: target.repDuration.map { RepSecondsJSON(min: $0.lowerBound.seconds, max: $0.upperBound.seconds) })
        }
    }
}
