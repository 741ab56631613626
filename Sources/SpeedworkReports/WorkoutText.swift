import Foundation
import Speedwork

/// A workout as text a runner reads at a glance: phases, one line per step, repeats on one line
/// (`8 × (200m in 37.6–38.4, 1:30 jog)`), stretches grouped.
public enum WorkoutText {
    public static func lines(_ workout: Workout) -> [String] {
        var lines: [String] = []
        var phase = ""
        var pendingStretches: [WorkoutStep] = []

        func flushStretches() {
            guard let first = pendingStretches.first else { return }
            let names = pendingStretches.map { $0.name.replacingOccurrences(of: "Stretch ", with: "") }
            lines.append("  Stretch \(names.joined(separator: ", ")): \(length(first.length)) each — \(first.note ?? Stretch.cue)")
            pendingStretches = []
        }

        for block in workout.blocks {
            let heading = self.heading(block)
            if heading != phase {
                flushStretches()
                lines.append(heading)
                phase = heading
            }
            switch block {
            case .step(let step) where step.name.hasPrefix("Stretch "):
                pendingStretches.append(step)
            case .step(let step):
                flushStretches()
                lines.append("  " + text(step) + (step.note.map { " — \($0)" } ?? ""))
            case .repeats(let count, let steps):
                flushStretches()
                lines.append("  \(count) × (" + steps.map(text).joined(separator: ", ") + ")")
                for note in Set(steps.compactMap(\.note)).sorted() {
                    lines.append("    · \(note)")
                }
            }
        }
        flushStretches()
        if !workout.notes.isEmpty {
            lines.append("Notes")
            lines += workout.notes.map { "  - \($0)" }
        }
        return lines
    }

    private static func heading(_ block: WorkoutBlock) -> String {
        switch block {
        case .step(let step) where step.intensity == .warmup: "Warm-up"
        case .step(let step) where step.intensity == .cooldown: "Cool-down"
        default: "Main set"
        }
    }

    /// `200m in 37.6–38.4`, `1:30 jog`, `10:00 threshold at 3:50–3:56/km (6:10–6:20/mi)`.
    public static func text(_ step: WorkoutStep) -> String {
        let name = step.name.prefix(1).lowercased() + step.name.dropFirst()
        switch (step.length, step.target) {
        case (.distance(let distance), .pace(let band)):
            let fast = band.fast.time(for: distance).formatted(.rep), slow = band.slow.time(for: distance).formatted(.rep)
            return "\(distance.label) in \(fast == slow ? fast : "\(fast)–\(slow)")"
        case (.distance, let target), (.open, let target):
            let lap = step.length == .open ? " (until lap)" : ""
            return name + lap + (step.intensity == .recovery ? "" : self.target(target))
        case (.time(let time), let target):
            return "\(length(.time(time))) \(name)" + (step.intensity == .recovery ? "" : self.target(target))
        case (.reps(let count), _):
            return "\(count) \(step.name)"
        }
    }

    private static func target(_ target: StepTarget) -> String {
        switch target {
        case .pace(let band): " at \(band.perKilometerText) (\(band.perMileText))"
        case .effort(let range): " at RPE \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)")"
        case .none: ""
        }
    }

    /// `0:30` → `30 s`, `1:30`, `200m`, `12 reps`, `open`.
    public static func length(_ length: StepLength) -> String {
        switch length {
        case .time(let time): time.seconds < 60 ? "\(time.formatted()) s" : time.formatted()
        case .distance(let distance): distance.label
        case .open: "open"
        case .reps(let count): "\(count) reps"
        }
    }
}
