import Foundation
import Speedwork
@testable import SpeedworkReports
import Testing

/// Issue 7's acceptance table: runners from beginner to sub-5 miler, goals from 800 m to 10K,
/// 3–7 days, 30–120 minute budgets, 6–30 weeks, realistic, ambitious and unrealistic goals. For
/// each, `plan --json` is read by the independent ``PlanChecker`` (not the builder), with today's
/// race times from `predict`, and must show no violation.
@Suite("Plan profiles")
struct PlanProfileTests {
    static let profiles: [RunnerProfile] = [
        // The README example, exactly.
        RunnerProfile(name: "README example: mile 6:40 → 6:00, 5 days, 60 min", results: ["mile=6:40"], goal: "mile=6:00",
                      weeks: 13, days: "mon,tue,thu,sat,sun", maxSession: 60, baseWeeks: 12, raceEarlier: 1),

        // Beginners.
        RunnerProfile(name: "beginner 5K 32:00 → 31:00, 3 days, 30 min", results: ["5k=32:00"], goal: "5k=31:00",
                      weeks: 10, days: "mon,wed,sat", maxSession: 30),
        RunnerProfile(name: "beginner 5K 35:00 → 33:00, 4 days, 45 min", results: ["5k=35:00"], goal: "5k=33:00",
                      weeks: 16, days: "tue,thu,sat,sun", maxSession: 45, weekly: "1h"),
        RunnerProfile(name: "beginner mile 9:30 → 9:00, 3 days, 45 min", results: ["mile=9:30"], goal: "mile=9:00",
                      weeks: 12, days: "mon,wed,fri", maxSession: 45),
        RunnerProfile(name: "beginner 3K 18:00 → 17:00, 3 days, 40 min", results: ["3k=18:00"], goal: "3k=17:00",
                      weeks: 8, days: "tue,thu,sun", maxSession: 40),
        RunnerProfile(name: "new runner 10K 70:00 → 65:00, 4 days, 60 min", results: ["10k=70:00"], goal: "10k=65:00",
                      weeks: 20, days: "mon,wed,fri,sun", maxSession: 60, baseWeeks: 6),
        RunnerProfile(name: "10:00 miler on 3 days, 30 min (cutback weeks keep their runs)", results: ["mile=10:00"], goal: "mile=9:30",
                      weeks: 13, days: "tue,thu,sat", maxSession: 30),
        RunnerProfile(name: "10:00 miler on Fri/Sat/Sun, 60 min", results: ["mile=10:00"], goal: "mile=9:30",
                      weeks: 12, days: "fri,sat,sun", maxSession: 60),
        RunnerProfile(name: "beginner 5K 30:00 → 24:00 (unrealistic), 3 days, 30 min", results: ["5k=30:00"], goal: "5k=24:00",
                      weeks: 10, days: "mon,wed,fri", maxSession: 30),

        // Recreational runners.
        RunnerProfile(name: "mile 6:40 → 5:45 in 6 weeks (unrealistic)", results: ["mile=6:40"], goal: "mile=5:45",
                      weeks: 6, days: "mon,tue,thu,sat,sun", maxSession: 60, baseWeeks: 12),
        RunnerProfile(name: "5K 25:00 → 20:00 in 8 weeks (unrealistic)", results: ["5k=25:00"], goal: "5k=20:00",
                      weeks: 8, days: "mon,wed,fri,sat", maxSession: 60, baseWeeks: 20),
        RunnerProfile(name: "5K 20:00 → 19:00, 5 days, 75 min, 4 h a week", results: ["5k=20:00"], goal: "5k=19:00",
                      weeks: 14, days: "mon,tue,thu,sat,sun", maxSession: 75, baseWeeks: 30, weekly: "4h"),
        RunnerProfile(name: "10K 45:00 → 43:00, 5 days, 90 min, 40 km a week", results: ["10k=45:00"], goal: "10k=43:00",
                      weeks: 16, days: "mon,tue,thu,sat,sun", maxSession: 90, baseWeeks: 40, weekly: "40km"),
        RunnerProfile(name: "5K 24:00 → 23:30 on Fri/Sat/Sun, race Sunday", results: ["5k=24:00"], goal: "5k=23:30",
                      weeks: 10, days: "fri,sat,sun", maxSession: 60, baseWeeks: 20),
        RunnerProfile(name: "5K 28:00 → 25:00 over 30 weeks from no base, 3 h a week", results: ["5k=28:00"], goal: "5k=25:00",
                      weeks: 30, days: "mon,wed,fri,sat,sun", maxSession: 75, weekly: "3h"),
        RunnerProfile(name: "10K 50:00 → 45:00 over 30 weeks, daily, 120 min", results: ["10k=50:00"], goal: "10k=45:00",
                      weeks: 30, days: "mon,tue,wed,thu,fri,sat,sun", maxSession: 120),
        RunnerProfile(name: "mile 7:30 → 7:20 in 6 weeks, 3 days, 30 min", results: ["mile=7:30"], goal: "mile=7:20",
                      weeks: 6, days: "tue,thu,sat", maxSession: 30, baseWeeks: 20),
        RunnerProfile(name: "5K 21:00 from a fresh mile 6:25 beside an older 5K 22:00", results: ["5k=22:00@2026-09-01", "mile=6:25@2026-11-15"],
                      goal: "5k=21:00", weeks: 12, days: "mon,wed,thu,sat,sun", maxSession: 60, baseWeeks: 40),
        RunnerProfile(name: "10K 41:00 from 400 m and 5K results, 4 days, 75 min", results: ["400m=75", "5k=20:00"], goal: "10k=41:00",
                      weeks: 16, days: "tue,wed,fri,sun", maxSession: 75, baseWeeks: 60),
        RunnerProfile(name: "half-marathoner to a 10K, 5 days, 120 min, 50 km a week", results: ["half=1:40:00"], goal: "10k=44:00",
                      weeks: 14, days: "mon,tue,thu,sat,sun", maxSession: 120, baseWeeks: 100, weekly: "50km"),
        RunnerProfile(name: "masters 5K 23:30 → 22:45, 5 days, 45 min", results: ["5k=23:30"], goal: "5k=22:45",
                      weeks: 12, days: "mon,tue,thu,fri,sun", maxSession: 45, baseWeeks: 200, strength: "intermediate"),
        RunnerProfile(name: "10K 55:00 → 54:00, 4 days, 45 min", results: ["10k=55:00"], goal: "10k=54:00",
                      weeks: 10, days: "tue,thu,sat,sun", maxSession: 45, baseWeeks: 30),
        RunnerProfile(name: "10K 48:00 → 46:00 over 24 weeks, 5 days, 60 min, 3 h a week", results: ["10k=48:00"], goal: "10k=46:00",
                      weeks: 24, days: "mon,wed,thu,sat,sun", maxSession: 60, baseWeeks: 12, weekly: "3h"),
        RunnerProfile(name: "5K 19:00 → 18:30, start on a Wednesday, race on a Saturday", results: ["5k=19:00"], goal: "5k=18:30",
                      weeks: 12, days: "mon,wed,fri,sat", maxSession: 60, baseWeeks: 52, start: "2026-12-09", raceEarlier: 3),
        RunnerProfile(name: "mile 6:10 → 5:58, race on a Wednesday, 5 days, 50 min", results: ["mile=6:10"], goal: "mile=5:58",
                      weeks: 10, days: "mon,tue,thu,sat,sun", maxSession: 50, baseWeeks: 40, raceEarlier: 4),
        RunnerProfile(name: "10K 60:00 → 58:00 in 7 weeks from no base, 4 days, 45 min", results: ["10k=60:00"], goal: "10k=58:00",
                      weeks: 7, days: "mon,wed,fri,sat", maxSession: 45),
        RunnerProfile(name: "5K 27:00 → 24:30 over 26 weeks, 3 days, 90 min, 25 km a week", results: ["5k=27:00"], goal: "5k=24:30",
                      weeks: 26, days: "tue,thu,sun", maxSession: 90, baseWeeks: 4, weekly: "25km"),
        RunnerProfile(name: "mile 6:00 → 6:00, the goal already reached", results: ["mile=6:00"], goal: "mile=6:00",
                      weeks: 8, days: "mon,wed,fri,sun", maxSession: 60, baseWeeks: 52),

        // 800 m and 3K.
        RunnerProfile(name: "800 m 2:35 from a lone 400 m, 4 days, 60 min", results: ["400m=70"], goal: "800m=2:35",
                      weeks: 10, days: "mon,wed,fri,sun", maxSession: 60, baseWeeks: 30),
        RunnerProfile(name: "800 m 2:30 → 2:26 with a mile result, 4 days, 75 min", results: ["mile=5:20", "800m=2:30"], goal: "800m=2:26",
                      weeks: 12, days: "tue,thu,sat,sun", maxSession: 75, baseWeeks: 52, strength: "intermediate"),
        RunnerProfile(name: "800 m 3:00 → 2:30 in 6 weeks (unrealistic), 3 days, 45 min", results: ["800m=3:00"], goal: "800m=2:30",
                      weeks: 6, days: "mon,wed,fri", maxSession: 45),
        RunnerProfile(name: "800 m 2:40 → 2:30, 5 days, 60 min", results: ["800m=2:40"], goal: "800m=2:30",
                      weeks: 12, days: "mon,tue,thu,sat,sun", maxSession: 60, baseWeeks: 30),
        RunnerProfile(name: "800 m 2:10 → 2:05, daily, 90 min, 6 h a week", results: ["800m=2:10"], goal: "800m=2:05",
                      weeks: 16, days: "mon,tue,wed,thu,fri,sat,sun", maxSession: 90, baseWeeks: 200, weekly: "6h", strength: "advanced"),
        RunnerProfile(name: "800 m 2:08 from 400 m and 1500 m results, 6 days, 60 min, 5 h a week", results: ["400m=60", "1500m=4:30"],
                      goal: "800m=2:08", weeks: 14, days: "mon,tue,wed,thu,fri,sun", maxSession: 60, baseWeeks: 100, weekly: "5h"),
        RunnerProfile(name: "10K runner to a 3K, 5 days, 100 min, 4 h a week", results: ["10k=42:00"], goal: "3k=11:00",
                      weeks: 12, days: "tue,wed,fri,sat,sun", maxSession: 100, baseWeeks: 80, weekly: "4h"),
        RunnerProfile(name: "3K 10:30 → 10:10, 6 days, 90 min, 5 h a week", results: ["3k=10:30"], goal: "3k=10:10",
                      weeks: 14, days: "mon,tue,wed,thu,sat,sun", maxSession: 90, baseWeeks: 100, weekly: "5h"),
        RunnerProfile(name: "3K 13:00 → 12:00, 4 days, 60 min", results: ["3k=13:00"], goal: "3k=12:00",
                      weeks: 10, days: "mon,wed,fri,sun", maxSession: 60, baseWeeks: 20),
        RunnerProfile(name: "3K 12:00 → 11:30, 3 days, 120 min", results: ["3k=12:00"], goal: "3k=11:30",
                      weeks: 20, days: "mon,wed,sat", maxSession: 120, baseWeeks: 52),
        RunnerProfile(name: "3K 15:00 → 14:40, 5 days, 30 min", results: ["3k=15:00"], goal: "3k=14:40",
                      weeks: 16, days: "mon,tue,thu,fri,sun", maxSession: 30, baseWeeks: 20),

        // Fast runners.
        RunnerProfile(name: "mile 4:10 → 3:58 in 18 weeks, 6 days, 120 min, 8 h a week", results: ["mile=4:10"], goal: "mile=3:58",
                      weeks: 18, days: "mon,tue,wed,thu,fri,sat", maxSession: 120, baseWeeks: 300, weekly: "8h", strength: "advanced"),
        RunnerProfile(name: "sub-5 miler 4:55 → 4:45, 6 days, 90 min, 6 h a week", results: ["mile=4:55"], goal: "mile=4:45",
                      weeks: 16, days: "mon,tue,wed,thu,sat,sun", maxSession: 90, baseWeeks: 150, weekly: "6h", strength: "advanced"),
        RunnerProfile(name: "10K 33:00 → 31:00, daily, 120 min, 7 h a week", results: ["10k=33:00"], goal: "10k=31:00",
                      weeks: 12, days: "mon,tue,wed,thu,fri,sat,sun", maxSession: 120, baseWeeks: 200, weekly: "7h"),
        RunnerProfile(name: "mile 5:30 → 4:55 in 8 weeks (unrealistic)", results: ["mile=5:30"], goal: "mile=4:55",
                      weeks: 8, days: "mon,tue,thu,sat,sun", maxSession: 75, baseWeeks: 60),
        RunnerProfile(name: "mile 5:30 → 5:15, daily, 60 min, 5 h a week", results: ["mile=5:30"], goal: "mile=5:15",
                      weeks: 14, days: "mon,tue,wed,thu,fri,sat,sun", maxSession: 60, baseWeeks: 100, weekly: "5h"),
        RunnerProfile(name: "10K 40:00 → 38:30 in 6 weeks, 5 days, 90 min", results: ["10k=40:00"], goal: "10k=38:30",
                      weeks: 6, days: "mon,tue,thu,sat,sun", maxSession: 90, baseWeeks: 100),
        RunnerProfile(name: "5K 21:00 → 20:30, daily, 30 min, 35 km a week", results: ["5k=21:00"], goal: "5k=20:30",
                      weeks: 12, days: "mon,tue,wed,thu,fri,sat,sun", maxSession: 30, baseWeeks: 80, weekly: "35km"),
        RunnerProfile(name: "5K 17:30 → 17:00, 6 days, 90 min, 6 h a week", results: ["5k=17:30", "400m=62"], goal: "5k=17:00",
                      weeks: 20, days: "mon,tue,wed,fri,sat,sun", maxSession: 90, baseWeeks: 250, weekly: "6h", strength: "intermediate"),
    ]

    @Test(arguments: profiles)
    func checkerFindsNoViolation(_ profile: RunnerProfile) throws {
        let result = profile.check()
        #expect(result.violations.isEmpty, """
            \(profile.name): \(result.violations.count) violation\(result.violations.count == 1 ? "" : "s")
            \(result.violations.joined(separator: "\n"))
            """)
    }

    /// The table spans the space issue 7 names: every goal distance, 3 to 7 days, budgets from
    /// 30 to 120 minutes, 6 to 30 weeks, with and without `--weekly`; race days are the ones named.
    @Test func tableSpansTheSpace() throws {
        let profiles = Self.profiles
        let distances = Set(profiles.map { $0.goal.split(separator: "=")[0] })
        #expect(distances.isSuperset(of: ["800m", "mile", "3k", "5k", "10k"]))
        let dayCounts = Set(profiles.map { $0.days.split(separator: ",").count })
        #expect(dayCounts.isSuperset(of: [3, 4, 5, 6, 7]))
        let budgets = profiles.compactMap(\.maxSession)
        #expect(budgets.min() == 30 && budgets.max() == 120)
        #expect(profiles.map(\.weeks).min() == 6 && profiles.map(\.weeks).max() == 30)
        #expect(profiles.contains { $0.weekly != nil } && profiles.contains { $0.weekly == nil })
        #expect((30...50).contains(profiles.count))
        // The README's own example, and profiles named for their race day, fall on the days named.
        let readme = try #require(profiles.first { $0.name.hasPrefix("README example") })
        #expect(try readme.raceDate == "2027-03-06")
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for profile in profiles {
            let named = weekdays.enumerated().filter { profile.name.lowercased().contains("race on a \($0.element)") || profile.name.lowercased().contains("race \($0.element)") }
            for (index, name) in named {
                #expect(try Day(parsing: profile.raceDate).isoWeekday == index + 1, "\(profile.name): the race is not on a \(name)")
            }
        }
        #expect(profiles.filter { $0.name.lowercased().contains("race on a") || $0.name.lowercased().contains("race sunday") }.count >= 2)
    }

    /// The verdicts the plans give across the table: all three appear, so the checker sees
    /// targets from the goal itself and from a reachable goal.
    @Test func tableCoversEveryVerdict() throws {
        var verdicts: Set<String> = []
        for profile in Self.profiles {
            guard let plan = try? CheckedPlan.decode(try profile.planJSON()) else { continue }
            verdicts.insert(plan.feasibility.verdict)
        }
        #expect(verdicts == ["realistic", "ambitious", "unrealistic"], "verdicts seen: \(verdicts.sorted())")
    }
}
