import Foundation
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import Testing

/// The activity page's pace chart (issue 11, activity) as a pure function: scales, ticks, a rep's
/// rectangle and target band where they belong, and inputs with nothing or too little to draw.
/// Expected coordinates are worked out by hand from the chart's layout: the plot spans x 60…704
/// (720 wide, margins 60 and 16) and y 16…256 (300 high, margins 16 and 44).
struct PaceChartTests {
    /// 21 points a minute apart over 20 minutes, pace 4:00/km slowing by 3 s a minute to 5:00/km.
    static let twentyMinutes = (0...20).map { PaceChart.Point(seconds: Double($0 * 60), secondsPerKm: 240 + Double($0 * 3)) }

    @Test func timeRunsInMinutesAndPaceUpsideDown() {
        let chart = PaceChart(points: Self.twentyMinutes, reps: [], title: "Tempo")
        // 20 minutes: steps of 1 and 2 minutes give more than 8 ticks, 5 minutes gives 4 intervals.
        #expect(chart.timeAxis == PaceChart.Axis(lower: 0, upper: 20, ticks: [0, 5, 10, 15, 20]))
        // 4:00 to 5:00/km is 60 s: 5-second steps give 13 ticks, 10-second steps 7.
        #expect(chart.paceAxis == PaceChart.Axis(lower: 240, upper: 300, ticks: [240, 250, 260, 270, 280, 290, 300]))
        #expect(chart.x(seconds: 0) == 60)
        #expect(chart.x(seconds: 1200) == 704)
        #expect(chart.x(seconds: 600) == 382)
        // Faster is higher: 4:00/km at the top of the plot, 5:00/km at its bottom.
        #expect(chart.y(secondsPerKm: 240) == 16)
        #expect(chart.y(secondsPerKm: 300) == 256)
        #expect(chart.y(secondsPerKm: 270) == 136)
        // Off the axis is drawn at its edge.
        #expect(chart.y(secondsPerKm: 100) == 16)
        #expect(chart.y(secondsPerKm: 900) == 256)
        let svg = chart.svg
        #expect(svg.hasPrefix(#"<svg id="pace-chart""#))
        #expect(svg.contains("<title id=\"pace-chart-title\">Tempo</title>"))
        #expect(svg.contains(">Time (min)</text>"))
        #expect(svg.contains(">Pace (min/km), faster up</text>"))
        // Tick labels: minutes on x, m:ss on y.
        #expect(svg.contains(#"<text x="382" y="274" text-anchor="middle">10</text>"#))
        #expect(svg.contains(#"<text x="54" y="140" text-anchor="end">4:30</text>"#))
        #expect(chart.linePath.hasPrefix("M60 16 L92.2 28"))
    }

    @Test func aRepsRectangleSpansItsStartToItsEndAndItsBandItsTarget() {
        // A rep from 5:00 to 10:00 at 4:15/km with a 4:10–4:20/km target.
        let rep = PaceChart.Rep(index: 1, startSeconds: 300, endSeconds: 600, secondsPerKm: 255, verdict: "on-target", target: 250...260)
        let chart = PaceChart(points: Self.twentyMinutes, reps: [rep], title: "Reps")
        let box = chart.rectangle(rep)
        // 5 and 10 minutes of 20 over 644 units: x 221 and 382.
        #expect(box.x == 221)
        #expect(box.width == 161)
        #expect(box.y == 16)
        #expect(box.height == 240)
        let band = try! #require(chart.band(rep))
        // 4:10/km is 10 s below the top of a 60 s axis over 240 units: y 56; 4:20/km y 96.
        #expect(band.y == 56)
        #expect(band.height == 40)
        #expect(band.x == 221)
        let svg = chart.svg
        #expect(svg.contains(#"<rect class="rep" x="221" y="16" width="161" height="240""#))
        #expect(svg.contains(#"<rect class="target-band" x="221" y="56" width="161" height="40""#))
        #expect(svg.contains("<title>Rep 1: 5:00 at 4:15/km, on target</title>"))
        // A rep without a target has no band.
        let untargeted = PaceChart(points: Self.twentyMinutes, reps: [PaceChart.Rep(index: 1, startSeconds: 300, endSeconds: 600,
                                                                                      secondsPerKm: 255, verdict: nil, target: nil)], title: "")
        #expect(!untargeted.svg.contains("target-band"))
    }

    @Test func aTargetOutsideTheRunsPacesWidensTheAxis() {
        // Reps at 3:20/km with a 3:15–3:25/km target, on a run otherwise between 4:00 and 5:00/km.
        let rep = PaceChart.Rep(index: 1, startSeconds: 60, endSeconds: 140, secondsPerKm: 200, verdict: "fast", target: 195...205)
        let chart = PaceChart(points: Self.twentyMinutes, reps: [rep], title: "")
        // 3:15 to 5:00/km is 105 s: 15-second steps give 8 ticks from 3:15 to 5:00.
        #expect(chart.paceAxis.lower == 195)
        #expect(chart.paceAxis.upper == 300)
        #expect(chart.paceAxis.ticks.count == 8)
    }

    @Test func nothingToDrawStillGivesAChartWithAxesAndNoNaN() {
        let empty = PaceChart(points: [], reps: [], title: "Nothing")
        #expect(empty.timeAxis == PaceChart.Axis(lower: 0, upper: 1, ticks: [0, 1]))
        #expect(empty.linePath.isEmpty)
        let svg = empty.svg
        #expect(svg.contains("No pace was recorded"))
        #expect(svg.contains("<title id=\"pace-chart-title\">Nothing</title>"))
        for bad in ["nan", "NaN", "inf"] { #expect(!svg.contains(bad), "\(bad)") }

        let garbage = PaceChart(points: [PaceChart.Point(seconds: .nan, secondsPerKm: 300), PaceChart.Point(seconds: 10, secondsPerKm: .infinity),
                                         PaceChart.Point(seconds: 20, secondsPerKm: -5)],
                                reps: [PaceChart.Rep(index: 1, startSeconds: .nan, endSeconds: 10, secondsPerKm: .nan, verdict: nil, target: nil)],
                                title: "Bad")
        #expect(garbage.linePath.isEmpty)
        #expect(garbage.reps.isEmpty)
        for bad in ["nan", "NaN", "inf"] { #expect(!garbage.svg.contains(bad), "\(bad)") }
    }

    @Test func onePointIsDrawnOnAnAxisAroundIt() {
        let chart = PaceChart(points: [PaceChart.Point(seconds: 30, secondsPerKm: 300)], reps: [], title: "")
        #expect(chart.timeAxis.lower == 0 && chart.timeAxis.upper == 1)
        // A single pace gets 15 s either side: 4:45 to 5:15/km.
        #expect(chart.paceAxis.lower == 285 && chart.paceAxis.upper == 315)
        // Half a minute of one: x 382; 5:00/km in the middle of the plot: y 136.
        #expect(chart.linePath == "M382 136")
        #expect(!chart.svg.contains("nan"))
    }

    @Test func stopsBreakTheLine() {
        var points = Self.twentyMinutes
        points[5].secondsPerKm = .nan
        points[12].secondsPerKm = .nan
        let path = PaceChart(points: points, reps: [], title: "").linePath
        // Three stretches: 5, 6 and 8 points, each one move and the rest lines.
        #expect(path.components(separatedBy: "M").count - 1 == 3)
        #expect(path.components(separatedBy: "L").count - 1 == 4 + 5 + 7)
    }

    @Test func pointsFromASpeedSeriesAverageBucketsAndBreakAtStops() throws {
        // 10 minutes at 4 m/s (4:10/km), 2 minutes standing, 10 minutes at 4 m/s.
        var samples: [ActivitySample] = []
        var meters = 0.0
        for second in 0...1320 {
            let speed = (600..<720).contains(second) ? 0.0 : 4.0
            if second > 0 { meters += speed }
            samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: speed))
        }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        let points = PaceChart.points(series, most: 100)
        #expect(points.count <= 101 + series.segments.count)
        let paces = points.map(\.secondsPerKm)
        // Steady stretches read 4:10/km; the stop breaks the line.
        #expect(paces.contains { $0.isNaN })
        #expect(paces.contains { abs($0 - 250) < 0.5 })
        #expect(points.first { abs($0.seconds - 900) < 15 }.map { abs($0.secondsPerKm - 250) < 0.5 } == true)
        #expect(points.first { abs($0.seconds - 660) < 7 }.map { $0.secondsPerKm.isNaN } == true)
    }

    @Test func targetsAsTheComplianceWritesThemAreReadAsPaceBands() throws {
        // 400 m in 1:28–1:32 is 3:40–3:50/km (88 s / 0.4 km = 220 s/km).
        #expect(TargetBand.paceBand(target: "400m in 1:28.0–1:32.0") == 220...230)
        #expect(TargetBand.paceBand(target: "mile in 6:00–6:10") == (360 / 1.609344)...(370 / 1.609344))
        #expect(TargetBand.paceBand(target: "3:00 at 3:40–3:50/km") == 220...230)
        #expect(TargetBand.paceBand(target: "20:00 at 4:15/km") == 255...255)
        for other in ["by effort", "not planned", "", "400m in soon", "x at y/km"] {
            #expect(TargetBand.paceBand(target: other) == nil, "\(other)")
        }
    }
}
