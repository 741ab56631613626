import Foundation
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The progress page's charts (M52, issue 11) as pure functions: scales, ticks, dates on the x
/// axis, and inputs with nothing, one point or values not finite. Expected coordinates are worked
/// out by hand from the layout: the plot spans x 64…704 (720 wide, margins 64 and 16) and y
/// 30…256 (300 high, margins 30 and 44).
struct ProgressChartTests {
    static func day(_ text: String) -> Double { Double(try! Day(parsing: text).daysSinceEpoch) }

    static func point(_ x: Double, _ y: Double, _ kind: String = "race") -> ProgressChart.Point {
        ProgressChart.Point(x: x, y: y, kind: kind, note: "note \(y)")
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func aYearOfDatesGetsTicksEveryOtherMonthAndVDOTRunsUp() throws {
        let chart = ProgressChart(id: "fitness-chart", title: "Fitness", xTitle: "Date", yTitle: "VDOT", horizontal: .dates,
                                  style: .number(decimals: 0),
                                  series: [.init(name: "Estimate", points: [Self.point(Self.day("2024-01-01"), 46),
                                                                            Self.point(Self.day("2024-12-31"), 52)])])
        // 365 days padded by 3 % (10.95 days) each side: the middle day of the span is the middle of the plot.
        #expect(abs(chart.xAxis.lower - (Self.day("2024-01-01") - 10.95)) < 1e-9)
        #expect(abs(chart.xAxis.upper - (Self.day("2024-12-31") + 10.95)) < 1e-9)
        #expect(chart.x(chart.xAxis.lower) == 64)
        #expect(chart.x(chart.xAxis.upper) == 704)
        #expect(abs(chart.x((Self.day("2024-01-01") + Self.day("2024-12-31")) / 2) - 384) < 1e-9)
        // 2023-12-21 to 2025-01-10: the first of 13 months; monthly gives 13 ticks, every other month 7.
        #expect(chart.xAxis.ticks == ["2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01", "2024-09-01", "2024-11-01", "2025-01-01"].map(Self.day))
        #expect(chart.label(x: Self.day("2024-03-01")) == "2024-03")
        // VDOT 46 to 52: steps of 1 give 6 intervals; larger is higher.
        #expect(chart.yAxis == ProgressChart.Axis(lower: 46, upper: 52, ticks: [46, 47, 48, 49, 50, 51, 52]))
        #expect(chart.y(52) == 30)
        #expect(chart.y(46) == 256)
        #expect(chart.y(49) == 143)
        let svg = chart.svg
        #expect(svg.hasPrefix(#"<svg id="fitness-chart" class="progress-chart""#))
        #expect(svg.contains(#"<title id="fitness-chart-title">Fitness</title>"#))
        #expect(svg.contains(">Date</text>") && svg.contains(">VDOT</text>"))
        #expect(svg.contains(#"<text class="y-tick" x="58" y="147" text-anchor="end">49</text>"#))
        #expect(svg.contains(">2024-07</text>"))
        #expect(Self.count(#"<circle class="point race""#, in: svg) == 2)
        #expect(svg.contains("<title>note 46.0</title>"))
        #expect(Self.count(#"<path class="line""#, in: svg) == 1)
        #expect(!svg.contains(ProgressChart.emptyText))
    }

    @Test func yearsApartTheTicksFallOnNewYearsDay() {
        let chart = ProgressChart(id: "c", title: "t", xTitle: "Date", yTitle: "y", horizontal: .dates, style: .number(decimals: 0),
                                  series: [.init(name: "s", points: [Self.point(Self.day("2022-01-03"), 1), Self.point(Self.day("2025-12-28"), 2)])])
        // Every 6 months gives 9 ticks, every 12 gives 5.
        // 2021-11-21 to 2026-02-09 (3 % of 1,455 days each side): 50 months from December 2021.
        #expect(chart.xAxis.ticks == ["2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01", "2026-01-01"].map(Self.day))
        #expect(chart.label(x: Self.day("2023-01-01")) == "2023")
    }

    @Test func pacesRunFasterUpOverSeasons() {
        let chart = ProgressChart(id: "best-efforts-chart", title: "Bests", xTitle: "Season", yTitle: "Pace (min/km), faster up",
                                  horizontal: .categories(["2024", "2025", "2026"]), style: .clock, fasterUp: true,
                                  series: [.init(name: "5K", points: [Self.point(0, 300, "best"), Self.point(2, 240, "best")]),
                                           .init(name: "1K", points: [Self.point(1, 270, "best")])])
        // Three columns centred on 0, 1, 2 across -0.5…2.5.
        #expect(abs(chart.x(0) - (64 + 640.0 / 6)) < 1e-9)
        #expect(chart.x(1) == 384)
        #expect(abs(chart.x(2) - (64 + 640.0 * 5 / 6)) < 1e-9)
        // 4:00 to 5:00/km: 5-second steps give 12 intervals, 10-second steps 6.
        #expect(chart.yAxis == ProgressChart.Axis(lower: 240, upper: 300, ticks: [240, 250, 260, 270, 280, 290, 300]))
        #expect(chart.y(240) == 30)
        #expect(chart.y(300) == 256)
        #expect(chart.y(270) == 143)
        #expect(chart.y(100) == 30, "off the axis is drawn at its edge")
        let svg = chart.svg
        #expect(svg.contains(">4:30</text>"))
        #expect(svg.contains(">2025</text>"))
        #expect(Self.count("<circle", in: svg) == 3)
        // Two series: both named in the legend.
        #expect(svg.contains(">5K</text>") && svg.contains(">1K</text>"))
    }

    @Test func sharesAreBarsFromZero() {
        let chart = ProgressChart(id: "balance-chart", title: "Balance", xTitle: "Week", yTitle: "Easy runs too hard (%)",
                                  horizontal: .dates, style: .percent, mark: .bars(width: 5),
                                  series: [.init(name: "Too hard", points: [Self.point(Self.day("2024-01-04"), 0, "easy"),
                                                                             Self.point(Self.day("2024-02-01"), 25, "too-hard"),
                                                                             Self.point(Self.day("2024-03-07"), 50, "too-hard")])])
        // 0 to 50 %: steps of 10 give 5 intervals.
        #expect(chart.yAxis == ProgressChart.Axis(lower: 0, upper: 50, ticks: [0, 10, 20, 30, 40, 50]))
        #expect(chart.y(0) == 256)
        #expect(chart.y(25) == 143)
        #expect(chart.label(y: 20) == "20 %")
        let svg = chart.svg
        #expect(Self.count(#"<rect class="bar"#, in: svg) == 3)
        // The 25 % bar reaches from y 143 down to the zero line at 256; a zero bar is one unit high.
        #expect(svg.contains(#"y="143" width="#) && svg.contains(#"height="113" fill="#))
        #expect(svg.contains(#"y="256" width="#) && svg.contains(#"height="1" fill="#))
        // A bar 5 days wide, centred on its day.
        let bar = chart.x(Self.day("2024-02-01") + 2.5) - chart.x(Self.day("2024-02-01") - 2.5)
        #expect(svg.contains(#"width="\#(PaceChart.number(bar))""#))
    }

    @Test func nothingToDrawSaysSo() {
        for series in [[], [ProgressChart.Series(name: "s", points: [])],
                       [ProgressChart.Series(name: "s", points: [Self.point(.nan, 1), Self.point(Self.day("2024-01-01"), .nan),
                                                                 Self.point(.infinity, 3)])]] {
            let chart = ProgressChart(id: "session-chart", title: "Same session", xTitle: "Date", yTitle: "Average rep (s)",
                                      horizontal: .dates, style: .number(decimals: 1), series: series)
            #expect(chart.isEmpty)
            #expect(chart.xAxis.ticks.isEmpty && chart.yAxis.ticks.isEmpty, "no ticks on an empty chart")
            let svg = chart.svg
            #expect(svg.contains(#"<title id="session-chart-title">Same session</title>"#))
            #expect(svg.contains(">\(ProgressChart.emptyText)</text>"))
            #expect(!svg.contains("<circle") && !svg.contains("<path"))
            #expect(svg.contains(">Date</text>") && svg.contains(">Average rep (s)</text>"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
        let categories = ProgressChart(id: "stride-chart", title: "Stride", xTitle: "Season", yTitle: "Cadence",
                                       horizontal: .categories([]), style: .number(decimals: 0), series: [])
        #expect(categories.svg.contains(ProgressChart.emptyText))
    }

    @Test func onePointSitsInTheMiddle() {
        let chart = ProgressChart(id: "c", title: "t", xTitle: "Date", yTitle: "VDOT", horizontal: .dates, style: .number(decimals: 0),
                                  series: [.init(name: "s", points: [Self.point(Self.day("2024-06-15"), 48),
                                                                     Self.point(Self.day("2024-06-20"), .nan)])])
        // A single day is widened to a month, then padded by 2 days each side (2024-05-29 to 2024-07-02):
        // the point is in the middle, the first of June and of July are ticks.
        #expect(chart.xAxis.lower == Self.day("2024-06-15") - 17)
        #expect(chart.xAxis.upper == Self.day("2024-06-15") + 17)
        #expect(chart.x(Self.day("2024-06-15")) == 384)
        #expect(chart.xAxis.ticks == [Self.day("2024-06-01"), Self.day("2024-07-01")])
        // One value 48 is widened by 5 % each side (45.6…50.4), then to whole ticks.
        #expect(chart.yAxis == ProgressChart.Axis(lower: 45, upper: 51, ticks: [45, 46, 47, 48, 49, 50, 51]))
        #expect(chart.y(48) == 143)
        let svg = chart.svg
        #expect(Self.count("<circle", in: svg) == 1)
        #expect(!svg.contains("<path"), "one point draws no line")
    }

    @Test func titlesAreEscaped() {
        let chart = ProgressChart(id: "c", title: "<b>&", xTitle: "x", yTitle: "y", horizontal: .categories(["<s>"]),
                                  style: .number(decimals: 0), series: [.init(name: "s", points: [ProgressChart.Point(x: 0, y: 1, kind: "k", note: "a<b")])])
        #expect(chart.svg.contains("&lt;b&gt;&amp;"))
        #expect(chart.svg.contains("<title>a&lt;b</title>"))
        #expect(chart.svg.contains(">&lt;s&gt;</text>"))
    }

    /// The page's charts from a log of two 5K races (Daniels' table 5.1: 21:25 is VDOT 46, 19:17
    /// VDOT 52) and nothing else.
    @Test func twoRacesDrawTheFitnessAndBestEffortCharts() throws {
        let races = [try LoggedResult(day: try Day(parsing: "2024-03-02"), kind: .race, distance: .meters(5000), time: .seconds(21 * 60 + 25)),
                     try LoggedResult(day: try Day(parsing: "2025-03-01"), kind: .race, distance: .meters(5000), time: .seconds(19 * 60 + 17))]
        let report = ProgressReport(try LogProgress.build(results: races, activities: [], sessions: [], seasonLength: .year, since: nil))
        let fitness = ProgressCharts.fitness(report).svg
        #expect(Self.count(#"<circle class="point race""#, in: fitness) == 2)
        #expect(fitness.contains("2024-03-02: race 5k 21:25 (VDOT 46.0)") || fitness.contains("2024-03-02: race 5k 21:25 (VDOT 45.9)"))
        #expect(fitness.contains(">race</text>"), "the legend names the kind of evidence")
        let bests = ProgressCharts.bestEfforts(report)
        #expect(bests.horizontal == .categories(["2024", "2025"]))
        // 19:17 over 5 km is 3:51.4/km.
        #expect(bests.series.first?.points.map(\.y) == [257, 231.4])
        #expect(bests.svg.contains("5k, 2025: 19:17 (3:51/km) on 2025-03-01"))
        // Races are hard days but no easy run was checked: the balance has nothing to draw.
        #expect(ProgressCharts.balance(report).svg.contains(ProgressChart.emptyText))
        #expect(ProgressCharts.session(report).isEmpty)
        #expect(ProgressCharts.stride(report).isEmpty)
    }
}
