/// How a session went against its plan (M51): each rep and recovery graded against its target,
/// plus fade and consistency across the session.
public struct Compliance: Sendable {
    /// On target, too fast, or too slow (for recoveries: too short, too long).
    public enum Verdict: String, Sendable, Codable {
        case onTarget = "on-target"
        case fast
        case slow
        case short
        case long
        case missing
        case extra
    }

    /// One rep against its target.
    public struct RepGrade: Sendable {
        public let index: Int
        public let verdict: Verdict
        /// The target time band for the planned distance, or the pace band for a timed rep.
        public let target: String
        /// What was run, on the same terms as the target.
        public let actual: String
        /// How far outside the band (0 when on target): seconds over the planned distance for
        /// distance reps, seconds per km for timed reps.
        public let offBySeconds: Double
        /// How far outside the band, as a share of the band's near end (0 when on target).
        public let offByPercent: Double
    }

    /// One recovery against its planned length.
    public struct RecoveryGrade: Sendable {
        public let index: Int
        public let verdict: Verdict
        public let plannedSeconds: Double?
        public let seconds: Double
    }

    public let rule: String
    public let reps: [RepGrade]
    public let recoveries: [RecoveryGrade]
    /// Last third of the reps against the first third, pace change in per cent (positive: slower).
    public let fadePercent: Double?
    /// Coefficient of variation of the rep paces, per cent.
    public let consistencyPercent: Double?
    /// A line a runner reads first.
    public let summary: String

    /// A recovery within this share of its planned length (and at least 10 s) is on target.
    public static let recoveryTolerance = 0.15

    /// Grades `reps` and `recoveries` (in order) against the main set of `workout`.
    public init(workout: Workout, reps: [Interval], recoveries: [Interval]) {
        let planned = Compliance.plannedReps(workout)
        rule = workout.rule
        var grades: [RepGrade] = []
        for index in 0..<max(planned.reps.count, reps.count) {
            guard index < reps.count else {
                grades.append(RepGrade(index: index + 1, verdict: .missing, target: Compliance.describe(planned.reps[index]), actual: "not run", offBySeconds: 0, offByPercent: 0))
                continue
            }
            guard index < planned.reps.count else {
                grades.append(RepGrade(index: index + 1, verdict: .extra, target: "not planned", actual: Compliance.describe(reps[index]), offBySeconds: 0, offByPercent: 0))
                continue
            }
            grades.append(Compliance.grade(reps[index], against: planned.reps[index], index: index + 1))
        }
        self.reps = grades
        self.recoveries = recoveries.enumerated().map { index, recovery in
            let plan = index < planned.recoveries.count ? planned.recoveries[index] : nil
            guard let plan else {
                return RecoveryGrade(index: index + 1, verdict: .onTarget, plannedSeconds: nil, seconds: recovery.seconds)
            }
            let slack = max(10, Compliance.recoveryTolerance * plan)
            let verdict: Verdict = recovery.seconds < plan - slack ? .short : recovery.seconds > plan + slack ? .long : .onTarget
            return RecoveryGrade(index: index + 1, verdict: verdict, plannedSeconds: plan, seconds: recovery.seconds)
        }
        // A rep without distance has no pace to compare.
        let paces = reps.map(\.pace.secondsPerKilometer).filter(\.isFinite)
        if paces.count >= 3 {
            let third = max(paces.count / 3, 1)
            let first = paces.prefix(third).reduce(0, +) / Double(third), last = paces.suffix(third).reduce(0, +) / Double(third)
            fadePercent = (last / first - 1) * 100
        } else {
            fadePercent = nil
        }
        if paces.count >= 2 {
            let mean = paces.reduce(0, +) / Double(paces.count)
            let variance = paces.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(paces.count - 1)
            consistencyPercent = variance.squareRoot() / mean * 100
        } else {
            consistencyPercent = nil
        }
        summary = Compliance.summarise(grades, fade: fadePercent)
    }

    // MARK: - Plan

    /// A planned rep: its length and its target band.
    enum PlannedRep {
        case distance(Distance, PaceRange)
        case time(Duration, PaceRange)
        case effort(StepLength)
    }

    /// The active steps of the workout's repeat blocks (or all active steps when it has none),
    /// in running order, and the recovery after each.
    static func plannedReps(_ workout: Workout) -> (reps: [PlannedRep], recoveries: [Double]) {
        let hasRepeats = workout.blocks.contains { if case .repeats = $0 { return true } else { return false } }
        var reps: [PlannedRep] = []
        var recoveries: [Double] = []
        for block in workout.blocks {
            if case .step = block, hasRepeats { continue }
            let steps = block.expanded
            for (position, step) in steps.enumerated() where step.intensity == .active {
                switch (step.length, step.target) {
                case (.distance(let distance), .pace(let band)): reps.append(.distance(distance, band))
                case (.time(let time), .pace(let band)): reps.append(.time(time, band))
                default: reps.append(.effort(step.length))
                }
                if position + 1 < steps.count, case .time(let time) = steps[position + 1].length,
                   [.recovery, .rest].contains(steps[position + 1].intensity) {
                    recoveries.append(time.seconds)
                }
            }
        }
        return (reps, recoveries)
    }

    // MARK: - Grading

    static func grade(_ rep: Interval, against plan: PlannedRep, index: Int) -> RepGrade {
        switch plan {
        case .distance(let distance, let band):
            let fast = band.fast.time(for: distance).seconds, slow = band.slow.time(for: distance).seconds
            // On the planned distance: the rep's own pace, over the planned distance.
            let actual = rep.pace.time(for: distance).seconds
            let target = "\(distance.label) in \(Duration.seconds(fast).formatted(.rep))–\(Duration.seconds(slow).formatted(.rep))"
            let ran = "\(Duration.seconds(actual).formatted(.rep))" + (abs(rep.meters - distance.meters) > 0.5 ? " (\(Int(rep.meters.rounded()))m in \(Duration.seconds(rep.seconds).formatted(.rep)))" : "")
            return verdict(actual: actual, fast: fast, slow: slow, index: index, target: target, ran: ran)
        case .time(let time, let band):
            let fast = band.fast.time(for: .kilometers(1)).seconds, slow = band.slow.time(for: .kilometers(1)).seconds
            return verdict(actual: rep.pace.secondsPerKilometer, fast: fast, slow: slow, index: index,
                           target: "\(time.formatted()) at \(band.perKilometerText)", ran: rep.pace.perKilometerText)
        case .effort:
            return RepGrade(index: index, verdict: .onTarget, target: "by effort", actual: describe(rep), offBySeconds: 0, offByPercent: 0)
        }
    }

    static func verdict(actual: Double, fast: Double, slow: Double, index: Int, target: String, ran: String) -> RepGrade {
        if actual < fast {
            return RepGrade(index: index, verdict: .fast, target: target, actual: ran, offBySeconds: fast - actual, offByPercent: (fast - actual) / fast * 100)
        }
        if actual > slow {
            return RepGrade(index: index, verdict: .slow, target: target, actual: ran, offBySeconds: actual - slow, offByPercent: (actual - slow) / slow * 100)
        }
        return RepGrade(index: index, verdict: .onTarget, target: target, actual: ran, offBySeconds: 0, offByPercent: 0)
    }

    static func describe(_ plan: PlannedRep) -> String {
        switch plan {
        case .distance(let distance, let band): "\(distance.label) at \(band.perKilometerText)"
        case .time(let time, let band): "\(time.formatted()) at \(band.perKilometerText)"
        case .effort: "by effort"
        }
    }

    static func describe(_ rep: Interval) -> String {
        "\(Int(rep.meters.rounded()))m in \(Duration.seconds(rep.seconds).formatted(.rep))"
    }

    static func summarise(_ grades: [RepGrade], fade: Double?) -> String {
        let counted = grades.filter { [.onTarget, .fast, .slow].contains($0.verdict) }
        let on = counted.filter { $0.verdict == .onTarget }.count
        var parts = ["\(on) of \(counted.count) reps on target"]
        for verdict in [Verdict.fast, .slow] {
            let off = counted.filter { $0.verdict == verdict }
            if !off.isEmpty {
                let by = off.map { Duration.seconds($0.offBySeconds).formatted(.rep) + " s" }.joined(separator: ", ")
                parts.append("\(off.count) too \(verdict == .fast ? "fast" : "slow") (by \(by))")
            }
        }
        let missing = grades.filter { $0.verdict == .missing }.count
        if missing > 0 { parts.append("\(missing) not run") }
        if let fade, abs(fade) >= 2 {
            parts.append(fade > 0 ? "the last reps were \(fade.text(decimals: 1)) % slower than the first" : "the last reps were \((-fade).text(decimals: 1)) % faster than the first")
        }
        return parts.joined(separator: "; ") + "."
    }
}
