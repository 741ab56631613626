import Foundation
import Speedwork
import SpeedworkReports

/// The group session's chart (issue 12), drawn on the server as SVG: a lane per athlete, a column
/// per rep, each athlete's target band shaded in their lane and each rep a dot placed by how far
/// its time is from the middle of that athlete's own target (per cent: up is faster), so runners
/// of every speed share one scale.
struct GroupSplitsChart: Sendable {
    let splits: GroupSplits

    init(_ splits: GroupSplits) { self.splits = splits }

    /// The vertical scale of each lane: this many per cent either side of the target's middle;
    /// reps further off are drawn at the edge (their title says by how much).
    static let percentRange = 8.0
    static let laneHeight = 56.0
    static let columnWidth = 44.0
    static let labelWidth = 120.0

    /// The chart, or an empty string when no athlete has planned reps.
    var svg: String {
        let columns = splits.repColumns
        guard columns > 0, !splits.rows.isEmpty else { return "" }
        let width = Self.labelWidth + Double(columns) * Self.columnWidth + 16
        let height = Double(splits.rows.count) * Self.laneHeight + 28
        var parts = [##"<svg class="group-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(PaceChart.number(width)) \##(PaceChart.number(height))" width="\##(PaceChart.number(width))" height="\##(PaceChart.number(height))" role="img" aria-label="Each athlete's reps against their own target band">"##]
        for column in 0..<columns {
            let x = Self.labelWidth + (Double(column) + 0.5) * Self.columnWidth
            parts.append(##"<text class="rep-number" x="\##(PaceChart.number(x))" y="\##(PaceChart.number(height - 8))" text-anchor="middle" font-size="11">\##(column + 1)</text>"##)
        }
        for (lane, row) in splits.rows.enumerated() {
            let top = Double(lane) * Self.laneHeight + 4
            let middle = top + Self.laneHeight / 2 - 2
            parts.append(##"<g class="athlete-lane" data-athlete="\##(PaceChart.escape(row.athlete.handle))">"##)
            parts.append(##"<text x="4" y="\##(PaceChart.number(middle + 4))" font-size="12">\##(PaceChart.escape(row.athlete.name))</text>"##)
            parts.append(##"<line x1="\##(PaceChart.number(Self.labelWidth))" x2="\##(PaceChart.number(width - 8))" y1="\##(PaceChart.number(middle))" y2="\##(PaceChart.number(middle))" stroke="#8886" stroke-width="0.5"/>"##)
            for (column, cell) in row.cells.enumerated() {
                guard let fast = cell.fast, let slow = cell.slow, fast > 0, slow > 0 else { continue }
                let centre = (fast + slow) / 2
                let x = Self.labelWidth + Double(column) * Self.columnWidth
                let yFast = y(percent: (fast / centre - 1) * 100, middle: middle)
                let ySlow = y(percent: (slow / centre - 1) * 100, middle: middle)
                parts.append(##"<rect class="target-band" x="\##(PaceChart.number(x + 4))" y="\##(PaceChart.number(min(yFast, ySlow)))" width="\##(PaceChart.number(Self.columnWidth - 8))" height="\##(PaceChart.number(max(abs(ySlow - yFast), 1)))" fill="#15803d" fill-opacity="0.3"><title>\##(PaceChart.escape(row.athlete.name)), rep \##(cell.rep) target: \##(PaceChart.escape(cell.target))</title></rect>"##)
                guard let seconds = cell.seconds else { continue }
                let percent = (seconds / centre - 1) * 100
                let verdict = cell.verdict?.rawValue ?? "none"
                parts.append(##"<circle class="rep-dot \##(verdict)" cx="\##(PaceChart.number(x + Self.columnWidth / 2))" cy="\##(PaceChart.number(y(percent: percent, middle: middle)))" r="4" fill="\##(Self.colour(cell.verdict))"><title>\##(PaceChart.escape(row.athlete.name)), rep \##(cell.rep): \##(PaceChart.escape(cell.actual)), \##(verdict) (\##(percent >= 0 ? "+" : "")\##(percent.text(decimals: 1)) % against the target's middle)</title></circle>"##)
            }
            parts.append("</g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A lane's y for `percent` off the target's middle: slower (positive) down, clamped to the lane.
    private func y(percent: Double, middle: Double) -> Double {
        let clamped = min(max(percent, -Self.percentRange), Self.percentRange)
        return middle + clamped / Self.percentRange * (Self.laneHeight / 2 - 6)
    }

    static func colour(_ verdict: Compliance.Verdict?) -> String {
        switch verdict {
        case .onTarget?: "#15803d"
        case .fast?: "#2563eb"
        case .slow?: "#c2410c"
        default: "#6b7280"
        }
    }
}
