/// One axis of a chart drawn on the server (PaceChart, ProgressChart): its value range and the
/// values labelled on it.
struct ChartAxis: Sendable, Equatable {
    var lower: Double
    var upper: Double
    var ticks: [Double]

    init(lower: Double, upper: Double, ticks: [Double]) {
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }

    /// The axis from `first` to `last`, both already on the step, with a tick every `step`.
    init(from first: Double, to last: Double, every step: Double) {
        self.init(lower: first, upper: last, ticks: stride(from: first, through: last + step / 2, by: step).map { $0 })
    }
}
