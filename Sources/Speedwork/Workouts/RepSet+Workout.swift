import Foundation

extension RepSet {
    /// The pace a set's reps are run at when the coach names none: the method's pace for reps of
    /// that length, else Daniels' (docs/group-sets.md).
    public enum DefaultPace: String, Sendable, Hashable, CaseIterable {
        /// Under 200 m, or 60 s and under: M10's sprints, about current 400 m race pace (±2.5 %).
        case legSpeed = "M10"
        /// 200 m up to 400 m: M11's 200 m pace, 5 % faster than current 400 m race pace.
        case twoHundreds = "M11"
        /// 400 m up to 800 m: M13's 400 m pace, the current mile a quarter per lap (no goal in a group).
        case fourHundreds = "M13"
        /// 800 m to 1200 m, and over 60 s up to 6 min: Daniels' I pace (*Daniels' Running Formula*,
        /// ch. 4: interval reps of 3–5 min, never over 5 min at I).
        case interval = "I"
        /// Over 1200 m up to 2 km: M17's mile-rep pace, current mile + 30–40 s per mile (about 5K pace).
        case vo2max = "M17"
        /// Over 2 km, and 6 min and longer: M18's threshold, Daniels' T (cruise intervals).
        case threshold = "M18"
    }

    /// The method's pace for reps of this set's length (M10, M11, M13, M17, M18; Daniels' I
    /// between M13 and M17, where the method is silent).
    public var defaultPace: DefaultPace {
        switch rep {
        case .time(let time):
            if time.seconds <= 60 { return .legSpeed }
            return time < .minutes(6) ? .interval : .threshold
        case .distance(let distance):
            switch distance.meters {
            case ..<199.5: return .legSpeed
            case ..<399.5: return .twoHundreds
            case ..<799.5: return .fourHundreds
            case ...1200.5: return .interval
            case ...2000.5: return .vo2max
            default: return .threshold
            }
        default:
            return .threshold
        }
    }

    /// The runner's pace band for the reps (M42) and what it comes from, in words.
    public func band(at targets: SessionTargets) -> (pace: PaceRange, basis: String) {
        let vdot = targets.fitness.vdot
        switch pace {
        case .zone(let code)?:
            let zone = TrainingPaces.pace(code, vdot: vdot)
            if code == .easy { return (zone, "Daniels E pace at VDOT \(vdot.text(decimals: 1))") }
            let tolerance = code == .threshold ? SessionTargets.thresholdTolerance : SessionTargets.repTolerance
            return (PaceRange(around: zone.middle, tolerance: tolerance),
                    "Daniels \(code.rawValue) pace at VDOT \(vdot.text(decimals: 1)) ±\((tolerance * 100).text(decimals: 0)) %")
        case .race(let distance)?:
            let time = targets.fitness.time(for: distance)
            return (PaceRange(around: Pace(distance: distance, time: time), tolerance: SessionTargets.repTolerance),
                    "\(RepPace.race(distance).text) race pace (predicted \(time.formatted(.rep))) ±\((SessionTargets.repTolerance * 100).text(decimals: 0)) %")
        case nil:
            switch defaultPace {
            case .legSpeed: return (targets.legSpeed.pace, "M10: \(targets.legSpeed.basis)")
            case .twoHundreds: return (targets.twoHundreds.pace, "M11: \(targets.twoHundreds.basis)")
            case .fourHundreds:
                let lap = targets.goalPaceFourHundreds
                return (lap.repTarget?.pace ?? lap.pace, "M13: \(lap.basis)")
            case .interval:
                return (PaceRange(around: TrainingPaces.pace(.interval, vdot: vdot).middle, tolerance: SessionTargets.repTolerance),
                        "Daniels I pace at VDOT \(vdot.text(decimals: 1)) ±\((SessionTargets.repTolerance * 100).text(decimals: 0)) %")
            case .vo2max: return (targets.vo2maxMiles.pace, "M17: \(targets.vo2maxMiles.basis)")
            case .threshold: return (targets.threshold.pace, "M18: \(targets.threshold.basis)")
            }
        }
    }
}

extension SessionLibrary {
    /// A free-form set as a session (issue 12, M42): the warm-up and cool-down of a speed session
    /// (M4, M5), then the set's reps at the runner's own band (``RepSet/band(at:)``), each followed by
    /// its recovery (jogs at the runner's E pace, as the library's).
    public func workout(set: RepSet) -> Workout {
        let (band, basis) = set.band(at: targets)
        let rep = WorkoutStep(.active, set.rep, target: .pace(band), name: set.repName)
        var steps = [rep]
        if let recovery = set.recovery {
            // A distance recovery carries its distance in its name, since a step's text shows a time but not a distance.
            let kind = recovery.kind.rawValue.capitalized
            let name: String = switch recovery.length {
            case .open: "\(kind) back"
            case .distance(let distance): "\(RepSet.text(distance)) \(recovery.kind.rawValue)"
            default: kind
            }
            steps.append(WorkoutStep(.recovery, recovery.length, target: recovery.kind == .jog ? easy : .none, name: name))
        }
        let main: [WorkoutBlock] = steps.count == 1 && set.count == 1 ? [.step(rep)] : [.repeats(count: set.count, steps: steps)]
        return framed(RepSet.rule, .speed, set.text, main: main, notes: ["Each rep at your own target: \(basis)."])
    }
}
