import Foundation
import Speedwork
import SpeedworkStore

/// A ten-year running history shaped like a keen runner's: a track session every week (the
/// method's 200s, 400s and 1,000s in turn), a tempo run, a long run and easy runs, a race every
/// six weeks, and now and then a session timed by hand. Seeded, so every run fills the same log.
struct GeneratedLog {
    enum Kind { case track(reps: Int, meters: Double), easy(minutes: Double), long(minutes: Double), tempo }

    struct Plan {
        let day: Day
        let kind: Kind
        let fitness: Double   // m/s at threshold this day
        let seed: UInt64

        /// The analysis of this activity at 1 Hz, as an import stores it.
        func analysisJSON(index: Int) throws -> String {
            var random = Random(seed)
            let activity = samples(&random)
            let easy = PaceRange(fast: Pace(speed: Speed(metersPerSecond: fitness * 0.78)),
                                 slow: Pace(speed: Speed(metersPerSecond: fitness * 0.66)))
            let checked: PaceRange? = index % 2 == 0 ? easy : nil
            let track: Bool = if case .track = kind { true } else { false }
            let analysis = ActivityAnalysis(activity: activity, workout: nil, easyPace: checked, track: track)
            return try StoredReport(analysis, file: "activity-\(index).fit").json()
        }

        /// The activity packed with `analysisJSON`, with a minute of samples: `progress` reads
        /// the summaries and analyses only, never the sample blobs (their own table).
        func packed(index: Int, analysisJSON: String) throws -> PackedActivity {
            var random = Random(seed)
            var activity = samples(&random)
            activity.samples = Array(activity.samples.prefix(60))
            return try PackedActivity(activity, source: "activity-\(index).fit", analysisJSON: analysisJSON)
        }

        private func samples(_ random: inout Random) -> Activity {
            var parts: [(seconds: Double, speed: Double, lap: Bool)] = []
            let easy = fitness * 0.72
            switch kind {
            case .track(let reps, let meters):
                parts.append((900, easy, true))
                let speed = fitness * (meters <= 400 ? 1.22 : 1.08)
                for rep in 0..<reps {
                    parts.append((meters / (speed * random.uniform(0.97, 1.02)), speed, true))
                    parts.append(rep == reps - 1 ? (600, easy, true) : (meters <= 400 ? 90 : 180, 1.8, true))
                }
            case .easy(let minutes):
                parts.append((minutes * 60, easy * random.uniform(0.9, 1.15), false))
            case .long(let minutes):
                parts.append((minutes * 60, easy * 0.95, false))
            case .tempo:
                parts.append((900, easy, false))
                parts.append((1200, fitness, false))
                parts.append((600, easy, false))
            }
            var samples: [ActivitySample] = []
            var laps: [ActivityLap] = []
            var meters = 0.0, time = 0.0, cadence = 172.0
            for part in parts {
                if part.lap { laps.append(ActivityLap(startSeconds: time, elapsedSeconds: part.seconds, trigger: .manual)) }
                let end = time + part.seconds
                while time < end {
                    let speed = max(0.5, part.speed + random.uniform(-0.15, 0.15))
                    cadence = min(205, max(150, 150 + 8 * speed + random.uniform(-2, 2)))
                    samples.append(ActivitySample(seconds: time.rounded(), meters: meters, metersPerSecond: speed,
                                                  latitude: 51.5 + meters * 1e-6, longitude: -0.12, heartRate: 120 + 10 * speed,
                                                  stepsPerMinute: cadence))
                    meters += speed
                    time += 1
                }
            }
            let start = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 7 * 3600)
            return Activity(sport: "running", start: start, samples: samples, laps: laps, device: "generated",
                            deviceDistanceMeters: meters, deviceTimerSeconds: time)
        }
    }

    let activities: [Plan]
    let results: [LoggedResult]
    let sessions: [LoggedSession]

    init(activities count: Int, seed: UInt64) {
        let first = try! Day(year: 2016, month: 1, day: 4)
        let days = 3652
        let perWeek = Double(count) / (Double(days) / 7)
        var random = Random(seed)
        var plans: [Plan] = []
        var results: [LoggedResult] = []
        var sessions: [LoggedSession] = []
        let shapes: [(Int, Double)] = [(6, 200), (8, 400), (5, 1000), (10, 200)]
        for week in 0..<(days / 7) {
            let monday = first.adding(days: 7 * week)
            let fitness = 4.0 + 0.6 * Double(week) / Double(days / 7) + 0.1 * sin(Double(week) / 8)
            let shape = shapes[week % shapes.count]
            // Tuesday track, Thursday tempo, Sunday long, easy runs on the other days as the count asks.
            var week: [(Int, Kind)] = [(1, .track(reps: shape.0, meters: shape.1)), (3, .tempo), (6, .long(minutes: 75))]
            let easyDays = [0, 2, 4, 5, 0, 2, 4]
            let easyCount = Int((perWeek - 3 + random.uniform(0, 1)).rounded(.down))
            for slot in 0..<max(0, min(easyCount, easyDays.count)) { week.append((easyDays[slot], .easy(minutes: 35))) }
            for (offset, kind) in week where plans.count < count {
                plans.append(Plan(day: monday.adding(days: offset), kind: kind, fitness: fitness, seed: random.next()))
            }
            if (monday.daysSinceEpoch / 7) % 6 == 0 {
                let seconds = 5000 / (fitness * 1.05)
                results.append(try! LoggedResult(day: monday.adding(days: 5), kind: .race, distance: .meters(5000), time: .seconds(seconds)))
            }
            if (monday.daysSinceEpoch / 7) % 10 == 3 {
                let reps = (0..<6).map { _ in try! LoggedRep(distance: .meters(200), time: .seconds(200 / (fitness * 1.22) + random.uniform(-0.5, 0.5))) }
                sessions.append(try! LoggedSession(day: monday.adding(days: 2), session: "M11", rpe: 7, reps: reps))
            }
        }
        self.activities = plans
        self.results = results
        self.sessions = sessions
    }
}

/// A small seeded generator (SplitMix64), so every run fills the same log.
struct Random {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
}
