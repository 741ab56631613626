extension Workout {
    /// The session as lines a runner reads (calendar descriptions, the terminal): one line per
    /// step, a repeat block on one line — `Warm-up 15:00`, `8 × 200m rep in 37.6–38.4 s, jog 2:00`.
    /// Targets follow the method's way of giving them (M42): rep times for distance reps, pace per
    /// kilometre for timed steps, RPE where no pace is known.
    public var stepLines: [String] {
        blocks.compactMap { block in
            switch block {
            case .step(let step):
                return step.text
            case .repeats(let count, let steps):
                guard count > 0, !steps.isEmpty else { return nil }
                let body = steps.map(\.text).joined(separator: ", ")
                return count == 1 ? body : "\(count) × \(body)"
            }
        }
    }
}

extension WorkoutStep {
    /// `200m rep in 37.6–38.4 s`, `Warm-up 15:00`, `Hill rep to the lap button, RPE 4–5`.
    public var text: String {
        var parts = [name]
        let length = lengthText
        if !name.localizedLowercaseContains(length) { parts.append(length) }
        if let target = targetText { parts.append(target) }
        return parts.joined(separator: " ")
    }

    private var lengthText: String {
        switch length {
        case .time(let time): time.formatted()
        case .distance(let distance): distance.label
        case .open: "to the lap button"
        case .reps(let count): "\(count) reps"
        }
    }

    private var targetText: String? {
        switch target {
        case .pace(let band):
            if case .distance(let distance) = length {
                let fast = band.fast.time(for: distance)
                let slow = band.slow.time(for: distance)
                let a = fast.formatted(.rep), b = slow.formatted(.rep)
                let unit = slow.seconds < 59.95 ? " s" : ""
                return "in " + (a == b ? a : "\(a)–\(b)") + unit
            }
            return "at \(band.perKilometerText)"
        case .effort(let rpe):
            return rpe.lowerBound == rpe.upperBound ? "RPE \(rpe.lowerBound)" : "RPE \(rpe.lowerBound)–\(rpe.upperBound)"
        case .none:
            return nil
        }
    }
}

private extension String {
    func localizedLowercaseContains(_ other: String) -> Bool {
        lowercased().contains(other.lowercased())
    }
}
