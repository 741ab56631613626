import Foundation
import Speedwork

/// One chart of the progress page (M52), drawn server-side as SVG: points (joined per series) or
/// bars over dates or over named categories (seasons), with labelled axes, ticks, a legend and a
/// `<title>` on every mark for its numbers. Times and paces run faster-up, as runners read them.
/// A pure value: the same input gives the same SVG; nothing not finite is drawn, and a chart with
/// nothing to draw says "not enough data yet".
struct ProgressChart: Sendable {
    /// What the x axis is.
    enum Horizontal: Sendable, Equatable {
        /// Days, as ``Speedwork/Day/daysSinceEpoch``; ticks fall on the first of a month.
        case dates
        /// Named columns (seasons), at x = 0, 1, 2, …
        case categories([String])
    }

    /// How the y axis writes its values.
    enum Style: Sendable, Equatable {
        /// A number with this many decimals.
        case number(decimals: Int)
        /// `m:ss` (a time or a pace).
        case clock
        /// A share already in per cent, `25 %`.
        case percent
    }

    /// How the marks are drawn.
    enum Mark: Sendable, Equatable {
        /// A dot per point, joined by a line within a series.
        case points
        /// A bar per point from zero, this wide in x units (days or categories).
        case bars(width: Double)
    }

    /// One mark: where it is, the class naming what it is (`race`, `time-trial`…), and what its
    /// `<title>` says.
    struct Point: Sendable, Equatable {
        var x: Double
        var y: Double
        var kind: String
        var note: String
    }

    /// A line of points of one colour, named in the legend.
    struct Series: Sendable, Equatable {
        var name: String
        var points: [Point]
    }

    /// One axis: its value range and the ticks to label.
    typealias Axis = ChartAxis

    /// The drawing's size and the plot's margins inside it, in SVG units.
    static let width = 720.0
    static let height = 300.0
    static let left = 64.0
    static let right = 16.0
    static let top = 30.0
    static let bottom = 44.0
    static let mostTicks = 8
    /// Month steps tried on a date axis: the first that gives at most ``mostTicks`` ticks.
    static let monthSteps = [1, 2, 3, 6, 12, 24, 60, 120]
    /// Steps tried on a clock axis, seconds.
    static let clockSteps: [Double] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600]
    /// Series colours in order; marks of a kind in ``kindColours`` take that colour instead.
    static let colours = ["#2563eb", "#c2410c", "#15803d", "#7c3aed", "#b45309", "#0e7490", "#be123c", "#4d7c0f"]
    /// Colours of the kinds of evidence on the fitness chart.
    static let kindColours = ["race": "#be123c", "time-trial": "#c2410c", "effort": "#7c3aed", "activity": "#15803d",
                              "hand-logged": "#b45309"]
    /// What an empty chart says.
    static let emptyText = "Not enough data yet"

    let id: String
    let title: String
    let xTitle: String
    let yTitle: String
    let horizontal: Horizontal
    let style: Style
    let mark: Mark
    /// Smaller values drawn higher (times, paces).
    let fasterUp: Bool
    /// The series with only their finite points; series left empty are dropped.
    let series: [Series]
    /// The legend's entries beyond the series (the kinds of mark), label and colour.
    let legend: [(label: String, colour: String)]
    let xAxis: Axis
    let yAxis: Axis

    init(id: String, title: String, xTitle: String, yTitle: String, horizontal: Horizontal, style: Style,
         mark: Mark = .points, fasterUp: Bool = false, series: [Series], legend: [(label: String, colour: String)] = []) {
        self.id = id
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.horizontal = horizontal
        self.style = style
        self.mark = mark
        self.fasterUp = fasterUp
        self.series = series.map { Series(name: $0.name, points: $0.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }) }
            .filter { !$0.points.isEmpty }
        self.legend = legend
        let points = self.series.flatMap(\.points)
        var barWidth: Double? = nil
        if case .bars(let width) = mark { barWidth = width }
        xAxis = Self.xAxis(points.map(\.x), horizontal, barWidth: barWidth)
        yAxis = Self.yAxis(points.map(\.y), style, fromZero: barWidth != nil)
    }

    /// Whether there is nothing to draw.
    var isEmpty: Bool { series.isEmpty }

    // MARK: Scales

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    /// The x of a value on the x axis.
    func x(_ value: Double) -> Double {
        Self.left + (value - xAxis.lower) / (xAxis.upper - xAxis.lower) * plotWidth
    }

    /// The y of a value, clamped to the plot: larger is higher, or smaller when ``fasterUp``.
    func y(_ value: Double) -> Double {
        let clamped = min(max(value, yAxis.lower), yAxis.upper)
        let share = (clamped - yAxis.lower) / (yAxis.upper - yAxis.lower)
        return Self.top + (fasterUp ? share : 1 - share) * plotHeight
    }

    /// The x axis over `values` (no ticks without any): dates padded by a few days each side (a month around a single
    /// day), ticks on the first of a month; categories one column each.
    static func xAxis(_ values: [Double], _ horizontal: Horizontal, barWidth: Double?) -> Axis {
        switch horizontal {
        case .categories(let names):
            let count = max(names.count, 1)
            return Axis(lower: -0.5, upper: Double(count) - 0.5, ticks: (0..<names.count).map(Double.init))
        case .dates:
            guard var lower = values.min(), var upper = values.max() else { return Axis(lower: 0, upper: 1, ticks: []) }
            let half = (barWidth ?? 0) / 2
            lower -= half
            upper += half
            if upper - lower < 30 {
                let middle = (upper + lower) / 2
                (lower, upper) = (middle - 15, middle + 15)
            }
            let pad = max((upper - lower) * 0.03, 2)
            lower -= pad
            upper += pad
            return Axis(lower: lower, upper: upper, ticks: monthTicks(from: lower, to: upper))
        }
    }

    /// First days of months between two days, every 1, 2, 3, 6, 12… months (the first step that
    /// gives at most ``mostTicks``), aligned to January.
    static func monthTicks(from lower: Double, to upper: Double) -> [Double] {
        let first = Day(daysSinceEpoch: Int(lower.rounded(.up)))
        let last = Day(daysSinceEpoch: Int(upper.rounded(.down)))
        let firstMonth = first.year * 12 + first.month - 1 + (first.day == 1 ? 0 : 1)
        let lastMonth = last.year * 12 + last.month - 1
        guard lastMonth >= firstMonth else { return [] }
        let step = monthSteps.first { (lastMonth - firstMonth) / $0 + 1 <= mostTicks } ?? monthSteps.last!
        let start = (firstMonth + step - 1) / step * step
        return stride(from: start, through: lastMonth, by: step).compactMap { month in
            (try? Day(year: month / 12, month: month % 12 + 1, day: 1)).map { Double($0.daysSinceEpoch) }
        }
    }

    /// The y axis over `values`, widened to round ticks: steps of 1, 2 or 5 × 10ⁿ for numbers and
    /// shares, of whole seconds and minutes for times; from zero for bars; no ticks without values.
    static func yAxis(_ values: [Double], _ style: Style, fromZero: Bool) -> Axis {
        guard var lower = values.min(), var upper = values.max() else { return Axis(lower: 0, upper: 1, ticks: []) }
        if fromZero { lower = min(lower, 0) }
        if upper - lower < 1e-9 {
            let pad = fromZero ? max(abs(upper), 1) : max(abs(upper) * 0.05, 1)
            if fromZero { upper = lower + pad } else { (lower, upper) = (lower - pad, upper + pad) }
        }
        if style == .percent, fromZero, upper < 10 { upper = 10 }
        let steps: [Double]
        switch style {
        case .clock: steps = clockSteps
        case .number, .percent: steps = (-3...6).flatMap { power in [1.0, 2, 5].map { $0 * pow(10, Double(power)) } }
        }
        let step = steps.first { (upper / $0).rounded(.up) - (lower / $0).rounded(.down) <= Double(mostTicks - 1) } ?? steps.last!
        let first = (lower / step).rounded(.down) * step
        let last = (upper / step).rounded(.up) * step
        return Axis(from: first, to: last, every: step)
    }

    // MARK: Labels

    /// A y value as the axis writes it.
    func label(y value: Double) -> String {
        switch style {
        case .number(let decimals): String(format: "%.\(max(decimals, 0))f", value)
        case .clock: Speedwork.Duration(seconds: value).formatted()
        case .percent: "\(Int(value.rounded())) %"
        }
    }

    /// An x tick as the axis writes it: `2024` on a yearly axis, `2024-03` on a monthly one, the
    /// category's name.
    func label(x value: Double) -> String {
        switch horizontal {
        case .categories(let names):
            let index = Int(value.rounded())
            return names.indices.contains(index) ? names[index] : ""
        case .dates:
            let day = Day(daysSinceEpoch: Int(value.rounded()))
            let yearly = xAxis.ticks.count < 2 || xAxis.ticks[1] - xAxis.ticks[0] > 360
            return yearly ? "\(day.year)" : String(day.description.prefix(7))
        }
    }

    // MARK: Drawing

    /// The colour of a series by its position, or of a point by its kind.
    func colour(series index: Int, kind: String) -> String {
        Self.kindColours[kind] ?? Self.colours[index % Self.colours.count]
    }

    /// The chart as an `<svg id="…">` element.
    var svg: String {
        var parts: [String] = []
        let titleID = "\(id)-title"
        parts.append(#"<svg id="\#(Self.escape(id))" class="progress-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.number(Self.width)) \#(Self.number(Self.height))" role="img" aria-labelledby="\#(Self.escape(titleID))">"#)
        parts.append(#"<title id="\#(Self.escape(titleID))">\#(Self.escape(title))</title>"#)
        let bottomY = Self.top + plotHeight
        parts.append(#"<g class="axis" font-size="12" fill="currentColor">"#)
        let labelEvery = max(1, Int((Double(xAxis.ticks.count) / Double(Self.mostTicks)).rounded(.up)))
        for (position, tick) in xAxis.ticks.enumerated() {
            let tickX = x(tick)
            parts.append(#"<line x1="\#(Self.number(tickX))" y1="\#(Self.number(bottomY))" x2="\#(Self.number(tickX))" y2="\#(Self.number(bottomY + 5))" stroke="currentColor"/>"#)
            if position % labelEvery == 0 {
                parts.append(#"<text class="x-tick" x="\#(Self.number(tickX))" y="\#(Self.number(bottomY + 18))" text-anchor="middle">\#(Self.escape(label(x: tick)))</text>"#)
            }
        }
        for tick in yAxis.ticks {
            let tickY = y(tick)
            parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(tickY))" x2="\#(Self.number(Self.left + plotWidth))" y2="\#(Self.number(tickY))" stroke="currentColor" stroke-opacity="0.15"/>"#)
            parts.append(#"<text class="y-tick" x="\#(Self.number(Self.left - 6))" y="\#(Self.number(tickY + 4))" text-anchor="end">\#(Self.escape(label(y: tick)))</text>"#)
        }
        parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(bottomY))" x2="\#(Self.number(Self.left + plotWidth))" y2="\#(Self.number(bottomY))" stroke="currentColor"/>"#)
        parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(Self.top))" x2="\#(Self.number(Self.left))" y2="\#(Self.number(bottomY))" stroke="currentColor"/>"#)
        parts.append(#"<text class="axis-title" x="\#(Self.number(Self.left + plotWidth / 2))" y="\#(Self.number(Self.height - 6))" text-anchor="middle">\#(Self.escape(xTitle))</text>"#)
        parts.append(#"<text class="axis-title" transform="translate(14 \#(Self.number(Self.top + plotHeight / 2))) rotate(-90)" text-anchor="middle">\#(Self.escape(yTitle))</text>"#)
        parts.append("</g>")
        if isEmpty {
            parts.append(#"<text class="empty" x="\#(Self.number(Self.left + plotWidth / 2))" y="\#(Self.number(Self.top + plotHeight / 2))" text-anchor="middle" fill="currentColor">\#(Self.emptyText)</text>"#)
        } else {
            parts.append(contentsOf: marks)
            parts.append(contentsOf: legendMarks)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private var marks: [String] {
        var parts: [String] = []
        for (index, line) in series.enumerated() {
            let seriesColour = Self.colours[index % Self.colours.count]
            switch mark {
            case .points:
                if line.points.count > 1 {
                    let path = line.points.enumerated().map { position, point in
                        (position == 0 ? "M" : "L") + Self.number(x(point.x)) + " " + Self.number(y(point.y))
                    }.joined(separator: " ")
                    parts.append(#"<path class="line" d="\#(path)" fill="none" stroke="\#(seriesColour)" stroke-width="1.5" stroke-opacity="0.7"/>"#)
                }
                for point in line.points {
                    parts.append(#"<circle class="point \#(Self.escape(point.kind))" cx="\#(Self.number(x(point.x)))" cy="\#(Self.number(y(point.y)))" r="4" fill="\#(colour(series: index, kind: point.kind))"><title>\#(Self.escape(point.note))</title></circle>"#)
                }
            case .bars(let width):
                let base = y(max(yAxis.lower, 0))
                for point in line.points {
                    let left = x(point.x - width / 2), top = y(point.y)
                    let barWidth = max(x(point.x + width / 2) - left, 1)
                    parts.append(#"<rect class="bar \#(Self.escape(point.kind))" x="\#(Self.number(left))" y="\#(Self.number(min(top, base)))" width="\#(Self.number(barWidth))" height="\#(Self.number(max(abs(base - top), 1)))" fill="\#(colour(series: index, kind: point.kind))"><title>\#(Self.escape(point.note))</title></rect>"#)
                }
            }
        }
        return parts
    }

    /// The legend along the top: each series (when there are several) and each kind of mark.
    private var legendMarks: [String] {
        var entries: [(String, String)] = series.count > 1 ? series.enumerated().map { ($0.element.name, Self.colours[$0.offset % Self.colours.count]) } : []
        entries += legend.map { ($0.label, $0.colour) }
        guard !entries.isEmpty else { return [] }
        var parts = [#"<g class="legend" font-size="11" fill="currentColor">"#]
        var cursor = Self.left
        for (label, colour) in entries {
            parts.append(#"<rect x="\#(Self.number(cursor))" y="10" width="10" height="10" fill="\#(colour)"/>"#)
            parts.append(#"<text x="\#(Self.number(cursor + 14))" y="19">\#(Self.escape(label))</text>"#)
            cursor += 24 + Double(label.count) * 6.5
        }
        parts.append("</g>")
        return parts
    }

    /// A coordinate with at most one decimal, `-0` written `0`.
    static func number(_ value: Double) -> String { PaceChart.number(value) }

    /// Text made safe inside SVG markup.
    static func escape(_ text: String) -> String { PaceChart.escape(text) }
}
