import Foundation
import Speedwork

/// The activity page's chart (issue 11, activity): pace over time as server-drawn SVG, with the
/// reps highlighted and their target bands (M51). Pace runs upside down, faster higher, as
/// runners read pace charts; time is in minutes from the start. A pure value: the same input
/// always gives the same SVG, and nothing not finite reaches it.
struct PaceChart: Sendable {
    /// One point of the line: seconds from the start and the pace there. A pace that is not
    /// finite breaks the line (a stop, a gap in the recording).
    struct Point: Sendable, Equatable {
        var seconds: Double
        var secondsPerKm: Double
    }

    /// A rep to highlight, with its target band when the plan gave one.
    struct Rep: Sendable, Equatable {
        var index: Int
        var startSeconds: Double
        var endSeconds: Double
        var secondsPerKm: Double
        /// `on-target`, `fast`, `slow`, … (the stored compliance's verdict), when graded.
        var verdict: String?
        /// The target pace band, seconds per kilometre (fast end first).
        var target: ClosedRange<Double>?
    }

    /// One axis: its value range and the ticks to label.
    typealias Axis = ChartAxis

    /// The drawing's size and the plot's margins inside it, in SVG units.
    static let width = 720.0
    static let height = 300.0
    static let left = 60.0
    static let right = 16.0
    static let top = 16.0
    static let bottom = 44.0
    /// The paces shown leave out this share of the slowest and fastest points, so one GPS jump or
    /// a stop does not flatten the rest.
    static let outlierShare = 0.02
    /// The pace axis never spans more than this, seconds per kilometre (10 min/km).
    static let widestPaceSpan = 600.0
    /// Tick steps tried on the time axis, minutes; the first that gives at most ``mostTicks``.
    static let timeSteps: [Double] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 240]
    /// Tick steps tried on the pace axis, seconds per kilometre.
    static let paceSteps: [Double] = [5, 10, 15, 20, 30, 60, 120, 300]
    static let mostTicks = 8

    let points: [Point]
    let reps: [Rep]
    let title: String
    /// Minutes.
    let timeAxis: Axis
    /// Seconds per kilometre; `lower` is the fast end, drawn at the top.
    let paceAxis: Axis

    /// A chart of `points` (any order) with `reps`, titled `title`.
    init(points: [Point], reps: [Rep], title: String) {
        let timed = points.filter { $0.seconds.isFinite }.sorted { $0.seconds < $1.seconds }
        self.points = timed
        self.reps = reps.filter { $0.startSeconds.isFinite && $0.endSeconds.isFinite && $0.endSeconds >= $0.startSeconds }
        self.title = title
        timeAxis = Self.timeAxis(timed, reps: self.reps)
        paceAxis = Self.paceAxis(timed, reps: self.reps)
    }

    // MARK: Scales

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    /// The x of `seconds` from the start.
    func x(seconds: Double) -> Double {
        let minutes = seconds / 60
        return Self.left + (minutes - timeAxis.lower) / (timeAxis.upper - timeAxis.lower) * plotWidth
    }

    /// The y of a pace, clamped to the plot: faster is higher.
    func y(secondsPerKm pace: Double) -> Double {
        let clamped = min(max(pace, paceAxis.lower), paceAxis.upper)
        return Self.top + (clamped - paceAxis.lower) / (paceAxis.upper - paceAxis.lower) * plotHeight
    }

    static func timeAxis(_ points: [Point], reps: [Rep]) -> Axis {
        let end = max(points.last?.seconds ?? 0, reps.map(\.endSeconds).max() ?? 0)
        let start = min(points.first?.seconds ?? 0, reps.map(\.startSeconds).min() ?? 0, 0)
        var upperMinutes = end / 60
        let lowerMinutes = start / 60
        if upperMinutes - lowerMinutes < 1 { upperMinutes = lowerMinutes + 1 }
        let step = timeSteps.first { ((upperMinutes - lowerMinutes) / $0).rounded(.up) <= Double(mostTicks) } ?? timeSteps.last!
        let first = (lowerMinutes / step).rounded(.down) * step
        let last = (upperMinutes / step).rounded(.up) * step
        return Axis(from: first, to: last, every: step)
    }

    static func paceAxis(_ points: [Point], reps: [Rep]) -> Axis {
        var paces = points.map(\.secondsPerKm).filter { $0.isFinite && $0 > 0 }.sorted()
        if !paces.isEmpty {
            let cut = Int(Double(paces.count) * outlierShare)
            paces = Array(paces[cut..<(paces.count - cut)])
        }
        var lower = paces.first ?? .infinity
        var upper = paces.last ?? -.infinity
        for rep in reps {
            for value in [rep.secondsPerKm, rep.target?.lowerBound, rep.target?.upperBound].compactMap({ $0 }) where value.isFinite && value > 0 {
                lower = min(lower, value)
                upper = max(upper, value)
            }
        }
        if !lower.isFinite || !upper.isFinite {
            (lower, upper) = (240, 420)
        }
        if upper - lower > widestPaceSpan { upper = lower + widestPaceSpan }
        if upper - lower < 30 {
            let middle = (upper + lower) / 2
            (lower, upper) = (middle - 15, middle + 15)
        }
        let step = paceSteps.first { ((upper - lower) / $0).rounded(.up) + 1 <= Double(mostTicks) } ?? paceSteps.last!
        let first = max(0, (lower / step).rounded(.down) * step)
        let last = (upper / step).rounded(.up) * step
        return Axis(from: first, to: last, every: step)
    }

    // MARK: Drawing

    /// The line's path: `M` at the first point and after every break (a pace not finite), `L` to
    /// the next.
    var linePath: String {
        var path = ""
        var joined = false
        for point in points {
            guard point.secondsPerKm.isFinite, point.secondsPerKm > 0 else {
                joined = false
                continue
            }
            path += (path.isEmpty ? "" : " ") + (joined ? "L" : "M") + Self.number(x(seconds: point.seconds)) + " " + Self.number(y(secondsPerKm: point.secondsPerKm))
            joined = true
        }
        return path
    }

    /// A rep's rectangle: x from its start to its end, the plot's whole height.
    func rectangle(_ rep: Rep) -> (x: Double, y: Double, width: Double, height: Double) {
        let start = x(seconds: rep.startSeconds)
        return (start, Self.top, max(x(seconds: rep.endSeconds) - start, 1), plotHeight)
    }

    /// A target band's rectangle over its rep: y from the fast end to the slow end.
    func band(_ rep: Rep) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let target = rep.target, target.lowerBound.isFinite, target.upperBound.isFinite else { return nil }
        let box = rectangle(rep)
        let fast = y(secondsPerKm: target.lowerBound)
        let slow = y(secondsPerKm: target.upperBound)
        return (box.x, fast, box.width, max(slow - fast, 1.5))
    }

    /// The chart as an `<svg id="pace-chart">` element.
    var svg: String {
        var parts: [String] = []
        parts.append(#"<svg id="pace-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.number(Self.width)) \#(Self.number(Self.height))" role="img" aria-labelledby="pace-chart-title">"#)
        parts.append(#"<title id="pace-chart-title">\#(Self.escape(title))</title>"#)
        let bottomY = Self.top + plotHeight
        for rep in reps {
            let box = rectangle(rep)
            let verdict = rep.verdict.map { ", \($0.replacingOccurrences(of: "-", with: " "))" } ?? ""
            parts.append(##"<rect class="rep" x="\##(Self.number(box.x))" y="\##(Self.number(box.y))" width="\##(Self.number(box.width))" height="\##(Self.number(box.height))" fill="#c2410c" fill-opacity="0.14"><title>Rep \##(rep.index): \##(Self.clock(rep.endSeconds - rep.startSeconds)) at \##(Self.clock(rep.secondsPerKm))/km\##(Self.escape(verdict))</title></rect>"##)
            if let band = band(rep), let target = rep.target {
                parts.append(##"<rect class="target-band" x="\##(Self.number(band.x))" y="\##(Self.number(band.y))" width="\##(Self.number(band.width))" height="\##(Self.number(band.height))" fill="#15803d" fill-opacity="0.35"><title>Rep \##(rep.index) target: \##(Self.clock(target.lowerBound))–\##(Self.clock(target.upperBound))/km</title></rect>"##)
            }
        }
        // Axes and grid.
        parts.append(#"<g class="axis" font-size="12" fill="currentColor">"#)
        for tick in timeAxis.ticks {
            let tickX = x(seconds: tick * 60)
            parts.append(#"<line x1="\#(Self.number(tickX))" y1="\#(Self.number(bottomY))" x2="\#(Self.number(tickX))" y2="\#(Self.number(bottomY + 5))" stroke="currentColor"/>"#)
            parts.append(#"<text x="\#(Self.number(tickX))" y="\#(Self.number(bottomY + 18))" text-anchor="middle">\#(Self.number(tick))</text>"#)
        }
        for tick in paceAxis.ticks {
            let tickY = y(secondsPerKm: tick)
            parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(tickY))" x2="\#(Self.number(Self.left + plotWidth))" y2="\#(Self.number(tickY))" stroke="currentColor" stroke-opacity="0.15"/>"#)
            parts.append(#"<text x="\#(Self.number(Self.left - 6))" y="\#(Self.number(tickY + 4))" text-anchor="end">\#(Self.clock(tick))</text>"#)
        }
        parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(bottomY))" x2="\#(Self.number(Self.left + plotWidth))" y2="\#(Self.number(bottomY))" stroke="currentColor"/>"#)
        parts.append(#"<line x1="\#(Self.number(Self.left))" y1="\#(Self.number(Self.top))" x2="\#(Self.number(Self.left))" y2="\#(Self.number(bottomY))" stroke="currentColor"/>"#)
        parts.append(#"<text class="axis-title" x="\#(Self.number(Self.left + plotWidth / 2))" y="\#(Self.number(Self.height - 6))" text-anchor="middle">Time (min)</text>"#)
        parts.append(#"<text class="axis-title" transform="translate(14 \#(Self.number(Self.top + plotHeight / 2))) rotate(-90)" text-anchor="middle">Pace (min/km), faster up</text>"#)
        parts.append("</g>")
        let path = linePath
        if path.isEmpty {
            parts.append(#"<text x="\#(Self.number(Self.left + plotWidth / 2))" y="\#(Self.number(Self.top + plotHeight / 2))" text-anchor="middle" fill="currentColor">No pace was recorded</text>"#)
        } else {
            parts.append(##"<path class="pace" d="\##(path)" fill="none" stroke="#2563eb" stroke-width="1.5" stroke-linejoin="round"/>"##)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A coordinate with at most one decimal, `-0` written `0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// `m:ss` for a pace or a time.
    static func clock(_ seconds: Double) -> String {
        Speedwork.Duration(seconds: seconds).formatted()
    }

    /// Text made safe inside SVG markup.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: From an activity

    /// The chart's points from a speed series: the smoothed speed averaged over buckets of whole
    /// seconds so at most `most` points are drawn; a bucket slower than ``slowestSpeed`` (a stop)
    /// and the gap after each recorded stretch are breaks in the line.
    static func points(_ series: SpeedSeries, most: Int = 600) -> [Point] {
        let bucket = max(1, Int((Double(series.count) / Double(max(most, 1))).rounded(.up)))
        var points: [Point] = []
        for segment in series.segments {
            var index = segment.range.lowerBound
            while index < segment.range.upperBound {
                let end = min(index + bucket, segment.range.upperBound)
                let speeds = series.speed[index..<end]
                let speed = speeds.reduce(0, +) / Double(speeds.count)
                let middle = Double(index + end - 1) / 2
                let pace = speed >= slowestSpeed ? 1000 / speed : .nan
                points.append(Point(seconds: series.seconds(at: middle), secondsPerKm: pace))
                index = end
            }
            if let last = points.last { points.append(Point(seconds: last.seconds, secondsPerKm: .nan)) }
        }
        return points
    }

    /// Below this speed the runner is standing or walking slowly, metres per second (1 m/s is
    /// 16:40/km, slower than any running pace).
    static let slowestSpeed = 1.0
}
