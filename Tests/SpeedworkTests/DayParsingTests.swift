import Speedwork
import Testing

/// Dates as runners and the API type them (`YYYY-MM-DD`): the plain form read from its bytes and
/// every other text through the general path give the same days, and the same refusals. Days since
/// 1970-01-01 are from Python's `datetime.date` subtraction.
struct DayParsingTests {
    @Test(arguments: [("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("2026-11-22", 20_779),
                      (" 2026-11-22 ", 20_779), ("\t2000-03-01", 11_017)])
    func aDateIsTheDayItNames(text: String, days: Int) throws {
        #expect(try Day(parsing: text).daysSinceEpoch == days)
    }

    @Test(arguments: ["2026-13-01", "2026-02-29", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-01", "2026-01-0a",
                      "2026/01/01", "２０２６-01-01", "+026-01-01", "2026-01-01x", "", "1899-12-31"])
    func anythingElseIsRefusedNamingTheText(text: String) {
        #expect(throws: InputError.self) { try Day(parsing: text) }
    }
}
