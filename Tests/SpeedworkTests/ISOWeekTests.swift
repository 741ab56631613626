import Testing
@testable import Speedwork

/// ISO 8601 week numbers, checked against Python's `datetime.date.isocalendar()` (an independent
/// implementation) for the days where weeks cross a year: years with 53 weeks (2015, 2020, 2026)
/// and a week 1 that starts in December (2024-12-30, 2025-12-29).
@Suite struct ISOWeekTests {
    @Test(arguments: [
        ("2026-12-31", "2026-W53", "2026-12-28"),
        ("2027-01-03", "2026-W53", "2026-12-28"),
        ("2027-01-04", "2027-W01", "2027-01-04"),
        ("2024-12-30", "2025-W01", "2024-12-30"),
        ("2021-01-03", "2020-W53", "2020-12-28"),
        ("2021-01-04", "2021-W01", "2021-01-04"),
        ("2026-11-29", "2026-W48", "2026-11-23"),
        ("2026-11-30", "2026-W49", "2026-11-30"),
        ("2026-01-01", "2026-W01", "2025-12-29"),
        ("2025-12-29", "2026-W01", "2025-12-29"),
        ("2015-12-31", "2015-W53", "2015-12-28"),
        ("2016-01-03", "2015-W53", "2015-12-28"),
    ])
    func weekOfADay(day: String, week: String, monday: String) throws {
        let found = ISOWeek(containing: try Day(parsing: day))
        #expect(found.description == week)
        #expect(found.monday == (try Day(parsing: monday)))
        #expect(found.sunday == found.monday.adding(days: 6))
        #expect(found.contains(try Day(parsing: day)))
    }

    @Test func everyDayOfADecadeFallsInTheWeekOfItsMonday() throws {
        var day = try Day(parsing: "2019-12-30")
        var week = ISOWeek(containing: day)
        var weeksIn2020 = 0
        while day.year < 2030 {
            let found = ISOWeek(containing: day)
            if day.isoWeekday == 1 {
                #expect(found == week.next || found == week)
                week = found
                if found.year == 2020 { weeksIn2020 += 1 }
            }
            #expect(found.monday.isoWeekday == 1 && found.contains(day))
            day = day.adding(days: 1)
        }
        #expect(weeksIn2020 == 53, "2020 began on a Wednesday and was a leap year: 53 ISO weeks")
    }
}
