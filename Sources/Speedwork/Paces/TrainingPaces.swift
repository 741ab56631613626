import Foundation

/// Daniels' training zones E, M, T, I, R for a VDOT.
///
/// The convention, each checked against *Daniels' Running Formula* 3rd ed. Table 5.2 for
/// VDOT 30–85 (within 2 %, see `docs/training-paces.md` and `TrainingPacesTests`):
///
/// - **E**: speeds whose oxygen cost is 63 % (slow end) to 73 % (fast end) of VDOT;
/// - **M**: the predicted marathon race pace; for VDOT below 45, where the marathon takes
///   over 3½ hours, the table eases M further, and so does this: the fraction of VDOT is held at
///   `0.8025 + 0.00245 · (VDOT − 40)` when that is lower than the race fraction;
/// - **T**: 88 % of VDOT;
/// - **I**: 97.5 % of VDOT;
/// - **R**: I pace less 8 s per 400 m at VDOT 47 and below, less 6.5 s at VDOT 50 and up,
///   moving linearly between (the table's own relation of its R and I columns).
public enum TrainingPaces {
    /// The fraction of VDOT at the slow and fast ends of E.
    public static let easyFractions = (slow: 0.63, fast: 0.73)
    /// The fraction of VDOT at T.
    public static let thresholdFraction = 0.88
    /// The fraction of VDOT at I.
    public static let intervalFraction = 0.975

    /// All five zones for `vdot`, slowest first.
    public static func zones(vdot: Double) -> [TrainingZone] {
        TrainingZone.Code.allCases.map { TrainingZone(code: $0, pace: pace($0, vdot: vdot)) }
    }

    /// The pace band of one zone at `vdot`.
    public static func pace(_ code: TrainingZone.Code, vdot: Double) -> PaceRange {
        switch code {
        case .easy:
            return PaceRange(fast: paceAt(easyFractions.fast, vdot), slow: paceAt(easyFractions.slow, vdot))
        case .marathon:
            let raceTime = DanielsGilbert.time(for: .marathon, atVDOT: vdot)
            let raceFraction = DanielsGilbert.sustainableFraction(for: raceTime)
            let eased = 0.8025 + 0.00245 * (vdot - 40)
            return PaceRange(eased < raceFraction ? paceAt(eased, vdot) : Pace(distance: .marathon, time: raceTime))
        case .threshold:
            return PaceRange(paceAt(thresholdFraction, vdot))
        case .interval:
            return PaceRange(paceAt(intervalFraction, vdot))
        case .repetition:
            let interval = paceAt(intervalFraction, vdot)
            let offsetPer400 = vdot <= 47 ? 8 : vdot >= 50 ? 6.5 : 8 - (vdot - 47) / 3 * 1.5
            let per400 = interval.time(for: .meters(400)).seconds - offsetPer400
            return PaceRange(Pace(distance: .meters(400), time: .seconds(per400)))
        }
    }

    private static func paceAt(_ fraction: Double, _ vdot: Double) -> Pace {
        Pace(speed: DanielsGilbert.speed(atFraction: fraction, ofVDOT: vdot))
    }
}
