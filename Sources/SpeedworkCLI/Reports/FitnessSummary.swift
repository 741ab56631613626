import Speedwork

/// The lines that head every fitness-based text report.
enum FitnessSummary {
    static func lines(_ estimate: FitnessEstimate) -> [String] {
        var lines = [
            "Fitness     VDOT \(formatNumber(estimate.vdot, 1)), \(estimate.model.title)",
            "From        " + estimate.results.map { result in
                result.performance.written + (estimate.results.count > 1 ? " (weight \(formatNumber(result.weight, 2)))" : "")
            }.joined(separator: ", "),
            "Confidence  \(estimate.confidence.rawValue): " + estimate.confidenceReasons.joined(separator: "; "),
        ]
        switch estimate.model {
        case .riegel(let model):
            lines.append("Model       exponent \(formatNumber(model.exponent, 3))\(model.isPersonal ? ", fitted to your results" : "")")
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

func formatNumber(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    if decimals == 0 { return String(scaled) }
    let whole = scaled / Int(scale)
    let fraction = abs(scaled % Int(scale))
    var fractionText = String(fraction)
    while fractionText.count < decimals { fractionText = "0" + fractionText }
    return (value < 0 && whole == 0 ? "-" : "") + "\(whole).\(fractionText)"
}

extension Speed {
    /// `3:52/km`.
    var pacePerKilometerText: String { Pace(speed: self).perKilometerText }
}
