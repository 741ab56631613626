/// A straight line `y = intercept + slope · x` fitted by weighted least squares.
///
/// Shared by the personal Riegel fit (log–log) and the critical-speed fit (distance–time).
struct WeightedLine: Sendable, Hashable {
    let slope: Double
    let intercept: Double

    /// Fits the line, or returns `nil` when the points do not spread along x.
    init?(points: [(x: Double, y: Double, w: Double)]) {
        let total = points.reduce(0) { $0 + $1.w }
        guard total > 0 else { return nil }
        let meanX = points.reduce(0) { $0 + $1.w * $1.x } / total
        let meanY = points.reduce(0) { $0 + $1.w * $1.y } / total
        let sxx = points.reduce(0) { $0 + $1.w * ($1.x - meanX) * ($1.x - meanX) }
        let sxy = points.reduce(0) { $0 + $1.w * ($1.x - meanX) * ($1.y - meanY) }
        guard sxx > 1e-12 * total else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
    }
}
