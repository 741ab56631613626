import Foundation
@testable import SpeedworkReports

/// A hand-written six-week plan for a 6:10 miler aiming at 6:00 (race Saturday 2027-02-13),
/// written session by session to meet every check of ``PlanChecker``: the checker's own tests
/// start from it and break one thing at a time. Numbers are chosen by hand: easy pace
/// 5:30–6:10/km, goal pace 6:00 a mile = 3:43.7/km, today's mile 6:10.
struct SamplePlan {
    struct Session {
        var date: String
        var rule: String
        var kind: String
        var title: String
        var hard: Bool
        var minutes: Int
        var goalPace = false
        var longRun = false
        var steps: [[String: Any]]

        var json: [String: Any] {
            ["date": date, "rule": rule, "kind": kind, "title": title, "hard": hard, "minutes": minutes,
             "notes": [String](), "goalPace": goalPace, "longRun": longRun, "steps": steps]
        }
    }

    struct Week {
        var index: Int
        var start: String
        var phase: String
        var cutback = false
        var sessions: [Session]
        /// Written as given instead of the sessions' sum, to break the contract.
        var runningMinutes: Int?

        var json: [String: Any] {
            let running = sessions.filter { ["speed", "hills", "time-trial", "race", "easy", "long"].contains($0.kind) }
            return ["index": index, "start": start, "phase": phase, "cutback": cutback,
                    "runningMinutes": runningMinutes ?? running.reduce(0) { $0 + $1.minutes },
                    "longRunMinutes": sessions.first(where: \.longRun)?.minutes ?? 0,
                    "sessions": sessions.map(\.json)]
        }
    }

    var goal = "mile=6:00"
    var targetGoal = "mile=6:00"
    var verdict = "realistic"
    var raceDate = "2027-02-13"
    var volume: [String: Any] = ["startWeeklyMinutes": 220, "source": "given", "note": "from --weekly 220 min"]
    var relaxed: [[String: Any]] = []
    var weeks: [Week]

    /// The request the sample answers: Mon, Tue, Wed, Fri, Sun; 70 minutes; 220 minutes a week given.
    static let request = PlanChecker.Request(days: [1, 2, 3, 5, 7], maxSessionMinutes: 70, weeklyMinutes: 220, weeklyGiven: true)

    /// Today's race time by Riegel's formula T₂ = T₁ (D₂/D₁)^1.06 (Riegel 1981, "Athletic records
    /// and human endurance", American Scientist 69) from a 6:10 mile: 400 m in 84.6 s, 5K in 20:30.
    static let today: @Sendable (Int) -> Double? = { meters in 370 * pow(Double(meters) / 1609.344, 1.06) }

    var data: Data {
        let object: [String: Any] = [
            "goal": goal, "targetGoal": targetGoal, "targetGoalReason": "the goal is realistic, so the targets use it",
            "raceDate": raceDate, "volume": volume,
            "fitness": ["confidence": "medium"],
            "feasibility": ["verdict": verdict, "message": "mile=6:00 is within reach"],
            "relaxed": relaxed, "weeks": weeks.map(\.json),
        ]
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The checker's findings on this plan.
    var violations: [PlanChecker.Violation] {
        PlanChecker(request: Self.request, todaySeconds: Self.today).violations(json: data)
    }

    // MARK: - Sessions, by hand

    static var easyBand: [String: Any] { ["secondsPerKm": ["fast": 330.0, "slow": 370.0]] }
    static func band(_ fast: Double, _ slow: Double) -> [String: Any] { ["secondsPerKm": ["fast": fast, "slow": slow]] }
    static func rpe(_ low: Int, _ high: Int) -> [String: Any] { ["rpe": ["min": low, "max": high]] }
    static func timed(_ intensity: String, _ seconds: Double, _ target: [String: Any]?, _ name: String) -> [String: Any] {
        ["intensity": intensity, "name": name, "seconds": seconds, "target": target ?? NSNull(), "note": NSNull()]
    }
    static func metered(_ intensity: String, _ meters: Double, _ target: [String: Any]?, _ name: String) -> [String: Any] {
        ["intensity": intensity, "name": name, "meters": meters, "target": target ?? NSNull(), "note": NSNull()]
    }
    static func repeats(_ count: Int, _ steps: [[String: Any]]) -> [String: Any] {
        ["intensity": "repeat", "name": "\(count) ×", "count": count, "steps": steps, "target": NSNull(), "note": NSNull()]
    }
    static var speedWarmUp: [String: Any] { timed("warmup", 900, easyBand, "Warm-up jog") }
    static var coolDown: [String: Any] { timed("cooldown", 600, easyBand, "Cool-down jog") }

    /// An easy run (or the long run): 10 min walk/jog, the run, 5 min cool-down.
    static func easy(_ date: String, _ minutes: Int, long: Bool = false) -> Session {
        Session(date: date, rule: "M20", kind: long ? "long" : "easy", title: "\(long ? "Long easy" : "Easy") run, \(minutes) min",
                hard: false, minutes: minutes, longRun: long,
                steps: [timed("warmup", 600, rpe(1, 1), "Warm-up walk/jog"), timed("active", Double(minutes - 15) * 60, easyBand, "Easy run"),
                        timed("cooldown", 300, rpe(1, 1), "Cool-down")])
    }

    static func strength(_ date: String) -> Session {
        Session(date: date, rule: "M32", kind: "strength", title: "Strength (beginner)", hard: false, minutes: 30,
                steps: [timed("warmup", 600, rpe(1, 2), "Warm-up"),
                        repeats(3, [["intensity": "active", "name": "kettlebell deadlift", "reps": 12, "target": NSNull(), "note": NSNull()],
                                    timed("rest", 90, nil, "Rest")]),
                        repeats(3, [["intensity": "active", "name": "dumbbell reverse lunge", "reps": 10, "target": NSNull(), "note": NSNull()],
                                    timed("rest", 90, nil, "Rest")])])
    }

    static func rest(_ date: String) -> Session {
        Session(date: date, rule: "M9", kind: "rest", title: "Rest", hard: false, minutes: 0, steps: [])
    }

    /// M11: 6 × 200 m in 38–38.8 s, 2 min jog; at least 41 min.
    static func twoHundreds(_ date: String) -> Session {
        Session(date: date, rule: "M11", kind: "speed", title: "6 × 200m", hard: true, minutes: 50,
                steps: [speedWarmUp, repeats(6, [metered("active", 200, band(190, 194), "200m rep"), timed("recovery", 120, easyBand, "Jog")]), coolDown])
    }

    /// M21: a mile time trial, all out with no pace target, 15 min warm-up and 10 min cool-down; 50 min with drills and jogging.
    static func timeTrial(_ date: String) -> Session {
        Session(date: date, rule: "M21", kind: "time-trial", title: "mile time trial", hard: true, minutes: 50,
                steps: [speedWarmUp, metered("active", 1609.344, nil, "Time trial"), coolDown])
    }

    /// M14: 8 × ~100 m uphill at race-pace effort, jog back down; at least 35 min.
    static func hills(_ date: String) -> Session {
        Session(date: date, rule: "M14", kind: "hills", title: "8 × ~100m hill", hard: true, minutes: 50,
                steps: [speedWarmUp, timed("recovery", 600, easyBand, "Jog to the hill"),
                        repeats(8, [metered("active", 100, rpe(4, 5), "~100m up a steep hill"),
                                    ["intensity": "recovery", "name": "Jog back down", "open": true, "target": easyBand, "note": NSNull()]]),
                        coolDown])
    }

    /// M17: 3 × mile at 5K pace (4:03–4:09/km, 6:31–6:41 a mile), 4 min jog; at least 57 min.
    static func miles(_ date: String, fast: Double = 243, slow: Double = 249, minutes: Int = 60) -> Session {
        Session(date: date, rule: "M17", kind: "speed", title: "3 × mile", hard: true, minutes: minutes,
                steps: [speedWarmUp, repeats(3, [metered("active", 1609.344, band(fast, slow), "mile rep"), timed("recovery", 240, easyBand, "Jog")]), coolDown])
    }

    /// M13: 8 × 400 m at goal pace, 88.8–90.2 s a lap (3:42.0–3:45.4/km around 3:43.7), 90 s jog; at least 49 min.
    static func goalLaps(_ date: String, fast: Double = 222, slow: Double = 225.4) -> Session {
        Session(date: date, rule: "M13", kind: "speed", title: "8 × 400m at goal pace", hard: true, minutes: 55, goalPace: true,
                steps: [speedWarmUp, repeats(8, [metered("active", 400, band(fast, slow), "400m at goal pace"), timed("recovery", 90, easyBand, "Jog")]), coolDown])
    }

    /// M10: 4 × 25 s sprints, 5 min easy between (full recovery); at least 47 min.
    static func legSpeed(_ date: String) -> Session {
        Session(date: date, rule: "M10", kind: "speed", title: "4 × 25 s sprints", hard: true, minutes: 50,
                steps: [speedWarmUp, repeats(4, [timed("active", 25, band(205, 215), "Sprint"), timed("recovery", 300, easyBand, "Easy running")]), coolDown])
    }

    /// The race: 15 min warm-up, the mile at goal pace, 10 min cool-down; 31 min.
    static func race(_ date: String) -> Session {
        Session(date: date, rule: "M40", kind: "race", title: "Race: mile=6:00", hard: true, minutes: 31,
                steps: [timed("warmup", 900, rpe(1, 2), "Warm-up jog"), metered("active", 1609.344, band(221.5, 225.9), "Race"),
                        timed("cooldown", 600, rpe(1, 1), "Cool-down")])
    }

    /// A week of the sample: hard Monday and Wednesday, easy Tuesday and Friday with strength,
    /// rest Thursday and Saturday, long run Sunday.
    static func week(_ index: Int, _ start: String, _ phase: String, monday: Session, wednesday: Session,
                     easy: (Int, Int), long: Int, cutback: Bool = false) -> Week {
        let days = (0..<7).map { dayAfter(start, $0) }
        let sessions: [Session] = [
            monday, easyRun(days[1], easy.0), strength(days[1]), wednesday, rest(days[3]),
            easyRun(days[4], easy.1), strength(days[4]), rest(days[5]), SamplePlan.easy(days[6], long, long: true),
        ]
        return Week(index: index, start: start, phase: phase, cutback: cutback, sessions: sessions)
    }

    private static func easyRun(_ date: String, _ minutes: Int) -> Session { easy(date, minutes) }

    /// The day `offset` days after a 2027 date written YYYY-MM-DD (the sample stays in January and February 2027).
    static func dayAfter(_ date: String, _ offset: Int) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var month = parts[1], day = parts[2] + offset
        let length = month == 1 ? 31 : 28
        if day > length { day -= length; month += 1 }
        return String(format: "2027-%02d-%02d", month, day)
    }

    /// The good plan: three speed weeks building 235 → 247 → 253 min, a cutback week (205), a
    /// race-specific week (260) with goal-pace 400s, and a taper week with leg speed four days out.
    static var good: SamplePlan {
        SamplePlan(weeks: [
            week(1, "2027-01-04", "speed", monday: twoHundreds("2027-01-04"), wednesday: hills("2027-01-06"), easy: (40, 35), long: 60),
            week(2, "2027-01-11", "speed", monday: miles("2027-01-11"), wednesday: hills("2027-01-13"), easy: (40, 35), long: 62),
            week(3, "2027-01-18", "speed", monday: twoHundreds("2027-01-18"), wednesday: hills("2027-01-20"), easy: (45, 40), long: 68),
            week(4, "2027-01-25", "speed", monday: twoHundreds("2027-01-25"), wednesday: hills("2027-01-27"), easy: (30, 30), long: 45, cutback: true),
            week(5, "2027-02-01", "race-specific", monday: goalLaps("2027-02-01"), wednesday: twoHundreds("2027-02-03"), easy: (45, 40), long: 70),
            Week(index: 6, start: "2027-02-08", phase: "taper", sessions: [
                easy("2027-02-08", 30), legSpeed("2027-02-09"), easy("2027-02-10", 30), strength("2027-02-10"),
                rest("2027-02-11"), rest("2027-02-12"), race("2027-02-13"),
            ]),
        ])
    }

    /// Replaces the session of `week` on `date` with the given rule (or the first on that date) by `new`.
    mutating func replace(week: Int, date: String, rule: String? = nil, with new: Session) {
        let sessions = weeks[week - 1].sessions
        guard let position = sessions.firstIndex(where: { $0.date == date && (rule == nil || $0.rule == rule) }) else {
            preconditionFailure("the sample has no session on \(date)")
        }
        weeks[week - 1].sessions[position] = new
    }
}
