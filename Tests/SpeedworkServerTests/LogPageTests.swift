import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// "Your log" (issue 11): the signed-in runner's weeks, activities and results, and nobody else's.
@Suite(.serialized)
struct LogPageTests {
    /// 2026-11-16 was a Monday (ISO week 47 of 2026).
    static func moment(_ day: String, hour: Int = 7) -> Date {
        let parts = day.split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: hour))!
    }

    @Test func weeksRunMondayToSunday() throws {
        let expected = [("2026-11-16", "2026-11-16"), ("2026-11-22", "2026-11-16"), ("2026-11-23", "2026-11-23"),
                        ("1970-01-01", "1969-12-29"), ("2024-02-29", "2024-02-26")]
        for (day, monday) in expected {
            #expect(LogPage.monday(of: try Day(parsing: day)).description == monday, "\(day)")
        }
    }

    @Test(arguments: Engine.available)
    func theLogListsWeeksActivitiesAndResults(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client)
            try await browser.register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            // Week of 16 November: 10 km in 50:00 and 5 km in 25:00; week of 23 November: 8 km in 40:00.
            let runs = [
                try steadyRun(start: Self.moment("2026-11-17"), seconds: 3000, metersPerSecond: 10_000 / 3000.0, name: "Long <b>easy</b>"),
                try steadyRun(start: Self.moment("2026-11-22", hour: 20), seconds: 1500, metersPerSecond: 5_000 / 1500.0),
                try steadyRun(start: Self.moment("2026-11-23"), seconds: 2400, metersPerSecond: 8_000 / 2400.0, name: "Tempo"),
            ]
            _ = try await store.save(ImportBatch(activities: runs), for: ana.athlete)
            let result = try LoggedResult(day: try Day(parsing: "2026-11-21"), kind: .race, distance: .kilometers(5), time: .seconds(1199))
            _ = try await store.add([result], for: ana.athlete)

            let page = try await browser.get("/")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<td>2026-11-16</td><td class=\"n\">2</td><td class=\"n\">15.00 km</td><td class=\"n\">1:15:00</td>"))
            #expect(html.contains("<td>2026-11-23</td><td class=\"n\">1</td><td class=\"n\">8.00 km</td><td class=\"n\">40:00</td>"))
            #expect(html.contains("<td><a class=\"activity-link\" href=\"/activities/\(runs[2].summary.contentHash)\">Tempo</a></td><td class=\"n\">8.00 km</td><td class=\"n\">40:00</td><td class=\"n\">5:00/km</td>"))
            #expect(html.contains("<td>2026-11-21</td><td>race</td><td class=\"n\">5.00 km</td><td class=\"n\">19:59</td>"))
            // A name is text, never markup.
            #expect(html.contains("Long &lt;b&gt;easy&lt;/b&gt;"))
            #expect(!html.contains("<b>easy</b>"))
            // The newest week comes first.
            let newer = try #require(html.range(of: "2026-11-23</td><td class=\"n\">1"))
            let older = try #require(html.range(of: "2026-11-16</td><td class=\"n\">2"))
            #expect(newer.lowerBound < older.lowerBound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.contains(#"<meta name="viewport""#))

            // Another runner sees none of it.
            let bob = Browser(client)
            try await bob.register("bob", goodPassword)
            let theirs = try await bob.get("/")
            #expect(!theirs.text.contains("Tempo"))
            #expect(theirs.text.contains("Nothing is logged yet"))
        }
    }
}
