import Foundation
import Speedwork
@testable import SpeedworkReports
import SpeedworkStore
@testable import SpeedworkCLI

/// A generated four-year training history whose truth is known, for `progress` (M52): every week
/// from Monday 2022-01-03 for 207 weeks (the last one ends on 2025-12-28), so each week's days
/// fall in one calendar year.
///
/// - Every other Tuesday, 6 × 200 m on the track with laps pressed: reps 1–4 in `repSeconds(season)`
///   (0.5 s faster each season), reps 5–6 0.3 s slower (a known fade); 90 s recoveries; cadence
///   190 + 2 spm per season all session (M6), so the reps stay in one 10 s/km band (190–200 s/km).
/// - Every Thursday an easy run of 900 s: in every fourth week run too fast, at
///   `fastEasySpeed(season)` m/s (about 4:20/km), otherwise at 2.7 m/s (6:10/km).
/// - Every Saturday an easy run of 1,000 s at 2.7 m/s.
/// - Every eighth Monday from the first, a 5K race logged as a result, at the time of Daniels'
///   table 5.1 for VDOT 46, 48, 50 and 52 in the four seasons.
/// - One 6 × 200 m session logged by hand on Wednesday 2024-05-15.
struct ProgressHistory {
    static let firstMonday = try! Day(parsing: "2022-01-03")
    static let weeks = 207
    /// Daniels' Running Formula, 3rd ed., table 5.1: the 5K at VDOT 46, 48, 50, 52.
    static let raceVDOT: [Double] = [46, 48, 50, 52]
    static let raceSeconds: [Double] = [21 * 60 + 25, 20 * 60 + 39, 19 * 60 + 57, 19 * 60 + 17]
    /// The same table's mile at VDOT 46.
    static let mileAtVDOT46 = 6.0 * 60 + 17
    static let fade = 0.3
    static let recovery = 90.0
    static let slowEasySpeed = 2.7
    static let handLoggedDay = try! Day(parsing: "2024-05-15")
    /// The Monday of that Wednesday's week.
    static let handLoggedMonday = try! Day(parsing: "2024-05-13")
    static let handLoggedReps = [38.0, 38.2, 38.4, 38.6, 38.8, 39.0]

    static func repSeconds(_ season: Int) -> Double { 39.6 - 0.5 * Double(season) }
    static func cadence(_ season: Int) -> Double { 190 + 2 * Double(season) }
    static func fastEasySpeed(_ season: Int) -> Double { 3.7 + 0.05 * Double(season) }
    static func season(_ day: Day) -> Int { day.year - 2022 }
    static func monday(_ week: Int) -> Day { firstMonday.adding(days: 7 * week) }

    struct TrackSession { let day: Day; let season: Int; let reps: [Double] }
    struct EasyRun { let day: Day; let speed: Double; let tooFast: Bool }

    var sessions: [TrackSession] = []
    var easyRuns: [EasyRun] = []
    var races: [LoggedResult] = []
    var activities: [PackedActivity] = []
    var handLogged: LoggedSession

    init() throws {
        handLogged = try LoggedSession(day: Self.handLoggedDay, session: "M11", rpe: 8,
                                       reps: Self.handLoggedReps.map { try LoggedRep(distance: .meters(200), time: .seconds($0)) })
        for week in 0..<Self.weeks {
            let monday = Self.monday(week)
            if week % 8 == 0 {
                races.append(try LoggedResult(day: monday, kind: .race, distance: .meters(5000),
                                              time: .seconds(Self.raceSeconds[Self.season(monday)])))
            }
            if week % 2 == 0 {
                let day = monday.adding(days: 1), season = Self.season(day)
                let fast = Self.repSeconds(season)
                let reps = [fast, fast, fast, fast, fast + Self.fade, fast + Self.fade]
                sessions.append(TrackSession(day: day, season: season, reps: reps))
                activities.append(try ActivityRecord.pack(Self.trackSession(day, reps: reps, cadence: Self.cadence(season)),
                                                          file: "track-\(day).fit", track: true))
            }
            let thursday = monday.adding(days: 3)
            let tooFast = week % 4 == 0
            let speed = tooFast ? Self.fastEasySpeed(Self.season(thursday)) : Self.slowEasySpeed
            easyRuns.append(EasyRun(day: thursday, speed: speed, tooFast: tooFast))
            activities.append(try ActivityRecord.pack(Self.steadyRun(thursday, seconds: 900, speed: speed), file: "easy-\(thursday).fit"))
            let saturday = monday.adding(days: 5)
            easyRuns.append(EasyRun(day: saturday, speed: Self.slowEasySpeed, tooFast: false))
            activities.append(try ActivityRecord.pack(Self.steadyRun(saturday, seconds: 1000, speed: Self.slowEasySpeed),
                                                      file: "easy-\(saturday).fit"))
        }
    }

    /// Puts the history into `log` for `athlete`.
    func fill(_ log: any TrainingStore, for athlete: AthleteID) async throws {
        _ = try await log.save(ImportBatch(activities: activities), for: athlete)
        _ = try await log.add(races, for: athlete)
        _ = try await log.add([handLogged], for: athlete)
    }

    static func start(_ day: Day, hour: Double = 7) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + hour * 3600)
    }

    /// A steady run at one speed from the first second, one sample a second.
    static func steadyRun(_ day: Day, seconds: Int, speed: Double) -> Activity {
        let samples = (0...seconds).map {
            ActivitySample(seconds: Double($0), meters: speed * Double($0), metersPerSecond: speed, stepsPerMinute: 170)
        }
        return Activity(sport: "running", start: start(day), samples: samples, laps: [], device: "generated")
    }

    /// Warm-up 600 s at the easy 2.7 m/s, the 200 m reps with 90 s recoveries at 2 m/s, cool-down
    /// 300 s at 2.7 m/s; a lap pressed at every part; one cadence throughout. No 400 m of it (a
    /// rep and 200 m of warm-up: 39.6 + 74.1 s) is as fast as a fast easy run's (108.1 s).
    static func trackSession(_ day: Day, reps: [Double], cadence: Double) -> Activity {
        var parts: [(seconds: Double, speed: Double)] = [(600, slowEasySpeed)]
        for (index, rep) in reps.enumerated() {
            parts.append((rep, 200 / rep))
            parts.append(index == reps.count - 1 ? (300, slowEasySpeed) : (recovery, 2))
        }
        var laps: [ActivityLap] = []
        var clock = 0.0
        for part in parts {
            laps.append(ActivityLap(startSeconds: clock, elapsedSeconds: part.seconds, timerSeconds: part.seconds,
                                    meters: part.seconds * part.speed, trigger: .manual))
            clock += part.seconds
        }
        func meters(at time: Double) -> Double {
            var covered = 0.0, start = 0.0
            for part in parts {
                if time <= start + part.seconds { return covered + (time - start) * part.speed }
                covered += part.seconds * part.speed
                start += part.seconds
            }
            return covered
        }
        func speed(at time: Double) -> Double {
            var start = 0.0
            for part in parts {
                if time < start + part.seconds { return part.speed }
                start += part.seconds
            }
            return parts.last!.speed
        }
        let samples = (0...Int(clock)).map {
            ActivitySample(seconds: Double($0), meters: meters(at: Double($0)), metersPerSecond: speed(at: Double($0)), stepsPerMinute: cadence)
        }
        return Activity(sport: "running", start: start(day, hour: 18), samples: samples, laps: laps, device: "generated")
    }
}
