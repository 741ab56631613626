/// Which race model a runner asks for (`--model`).
public enum FitnessModelChoice: String, CaseIterable, Sendable, Codable {
    /// Let the estimate pick from the results (see ``FitnessEstimator``).
    case auto
    /// Daniels–Gilbert VDOT.
    case vdot
    /// Riegel's power law, personal exponent when the results allow.
    case riegel
    /// Critical speed and D′.
    case cs
    /// The anaerobic speed reserve model, for 400 m and 800 m results.
    case speedReserve = "speed-reserve"
}

/// The model an estimate predicts races with, and its fitted parameters.
public enum FitnessModel: Sendable, Hashable {
    case vdot
    case riegel(RiegelModel)
    case criticalSpeed(CriticalSpeedModel)
    case speedReserve

    /// The short name used in JSON and in `--model`: `vdot`, `riegel`, `cs`, `speed-reserve`.
    public var name: String {
        switch self {
        case .vdot: "vdot"
        case .riegel: "riegel"
        case .criticalSpeed: "cs"
        case .speedReserve: "speed-reserve"
        }
    }

    /// The model's name with its authors, for people.
    public var title: String {
        switch self {
        case .vdot: "Daniels–Gilbert VDOT"
        case .riegel(let model): model.isPersonal ? "Riegel, personal exponent" : "Riegel"
        case .criticalSpeed: "critical speed and D′"
        case .speedReserve: "anaerobic speed reserve (Bundle–Hoyt–Weyand) bridged to VDOT"
        }
    }
}

/// How far an estimate can be trusted.
public enum Confidence: String, Sendable, Codable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}

/// One predicted race: the distance, the time, and the model that gave it.
public struct RacePrediction: Sendable, Hashable {
    public let distance: Distance
    public let time: Duration
    /// The model the time comes from: the estimate's own, or `vdot`/`speed-reserve` where the
    /// estimate's model does not reach (Riegel under 1500 m, critical speed outside 2–30 min).
    public let model: String

    /// The average pace of the predicted race.
    public var pace: Pace { Pace(distance: distance, time: time) }
}
