import Foundation
import Speedwork
@testable import SpeedworkCLI
import SpeedworkReports
import Testing

/// PlanOptions, the checks `speedwork plan` and the web app's plan form share: values read as the
/// option help describes them, refusals as one line naming the value and what is allowed.
struct PlanOptionsTests {
    @Test func theSessionBudgetIsWholeMinutesFrom30To600() throws {
        #expect(try PlanOptions.maxSession("45m") == 45)
        #expect(try PlanOptions.maxSession("1h") == 60)
        #expect(try PlanOptions.maxSession("75") == 75)
        #expect(try PlanOptions.maxSession("30") == 30)
        #expect(try PlanOptions.maxSession("600") == 600)
        #expect(throws: InputError("session budget '29' must be whole minutes from 30 to 600 (a shortened warm-up, a few reps and a cool-down take half an hour)")) {
            try PlanOptions.maxSession("29")
        }
        #expect(throws: InputError.self) { try PlanOptions.maxSession("601") }
        #expect(throws: InputError.self) { try PlanOptions.maxSession("lots") }
    }

    @Test func baseWeeksAreAWholeNumberUpToTenYears() throws {
        #expect(try PlanOptions.baseWeeks("0") == 0)
        #expect(try PlanOptions.baseWeeks("520") == 520)
        for bad in ["521", "-1", "3.5", "", "twelve"] {
            #expect(throws: InputError("base weeks '\(bad)' must be a whole number from 0 to 520")) { try PlanOptions.baseWeeks(bad) }
        }
    }

    @Test func theStrengthLevelIsOneOfThree() throws {
        #expect(try PlanOptions.strength("beginner") == .beginner)
        #expect(try PlanOptions.strength(" Advanced ") == .advanced)
        #expect(throws: InputError("strength level 'heroic' must be one of beginner, intermediate, advanced")) { try PlanOptions.strength("heroic") }
    }

    @Test func resultsAreSeparatedByCommasSpacesOrLines() throws {
        let results = try PlanOptions.results("5k=20:00, mile=6:00@2026-10-04\n10k=42:00")
        #expect(results.map(\.distance.meters) == [5000, 1609.344, 10000])
        #expect(results.map(\.time.seconds) == [1200, 360, 2520])
        #expect(results[1].date == (try Day(parsing: "2026-10-04")))
        #expect(try PlanOptions.results("  ").isEmpty)
        #expect(throws: InputError.self) { try PlanOptions.results("5k=20:00, fast") }
    }

    /// The command line reads its options through the same checks: the same refusal line.
    @Test func theCommandLineRefusesWithTheSameLines() throws {
        let base = ["plan", "--from", "5k=22:30", "--goal", "5k=21:30", "--race-date", "2027-03-01", "--start", "2026-12-07",
                    "--days", "tue,thu,sat,sun", "--as-of", "2026-12-01"]
        for (option, value, line) in [("--max-session", "29", "session budget '29' must be whole minutes from 30 to 600"),
                                      ("--base-weeks", "521", "base weeks '521' must be a whole number from 0 to 520")] {
            do {
                _ = try SpeedworkCommand.parseAsRoot(base + [option, value])
                Issue.record("\(option) \(value) was taken")
            } catch {
                #expect(SpeedworkCommand.message(for: error).contains(line))
            }
        }
    }
}
