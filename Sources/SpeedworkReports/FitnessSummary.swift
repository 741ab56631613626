import Speedwork

/// The lines that head every fitness-based text report.
public enum FitnessSummary {
    /// The lines, led by where the fitness came from when it was read from the log.
    public static func lines(_ current: CurrentFitness) -> [String] {
        (current.line.map { [$0] } ?? []) + lines(current.estimate)
    }

    public static func lines(_ estimate: FitnessEstimate) -> [String] {
        var lines = [
            "Fitness     VDOT \(estimate.vdot.text(decimals: 1)), \(estimate.model.title)",
            "From        " + estimate.results.map { result in
                result.performance.written + (estimate.results.count > 1 ? " (weight \(result.weight.text(decimals: 2)))" : "")
            }.joined(separator: ", "),
            "Confidence  \(estimate.confidence.rawValue): " + estimate.confidenceReasons.joined(separator: "; "),
        ]
        switch estimate.model {
        case .riegel(let model):
            lines.append("Model       exponent \(model.exponent.text(decimals: 3))\(model.isPersonal ? ", fitted to your results" : "")")
        case .criticalSpeed(let model):
            lines.append("Model       critical speed \(model.criticalSpeed.pacePerKilometerText), D′ \(Int(model.dPrime.meters.rounded())) m")
        case .vdot, .speedReserve:
            break
        }
        for note in estimate.notes {
            lines.append("Note        " + note)
        }
        return lines
    }
}

extension Speed {
    /// `3:52/km`.
    public var pacePerKilometerText: String { Pace(speed: self).perKilometerText }
}
