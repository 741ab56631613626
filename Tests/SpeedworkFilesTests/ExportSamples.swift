import Foundation
import Speedwork
import SpeedworkFiles

/// Hand-built sessions covering what the exporters must handle: distance reps with pace bands in
/// a repeat block (M11, M17), open steps with RPE targets (M14) and a plain timed run (M20).
enum ExportSamples {
    static func band(_ distance: Distance, _ fast: Double, _ slow: Double) -> PaceRange {
        PaceRange(fast: Pace(distance: distance, time: .seconds(fast)), slow: Pace(distance: distance, time: .seconds(slow)))
    }

    static let warmup = WorkoutStep(.warmup, .time(.minutes(15)), name: "Warm-up", note: "easy jog, then stretch")
    static let cooldown = WorkoutStep(.cooldown, .time(.minutes(10)), name: "Cool-down")

    /// M11: 8 × 200 m in 37.6–38.4 s, 2:00 jog.
    static let repeats200 = Workout(rule: "M11", kind: .speed, title: "8 × 200m", blocks: [
        .step(warmup),
        .repeats(count: 8, steps: [
            WorkoutStep(.active, .distance(.meters(200)), target: .pace(band(.meters(200), 37.6, 38.4)), name: "200m rep"),
            WorkoutStep(.recovery, .time(.minutes(2)), name: "jog"),
        ]),
        .step(cooldown),
    ], notes: ["Hard, not an all-out sprint."])

    /// M17: 3 × mile at 5K pace, 4:00 jog.
    static let mileRepeats = Workout(rule: "M17", kind: .speed, title: "3 × mile", blocks: [
        .step(warmup),
        .repeats(count: 3, steps: [
            WorkoutStep(.active, .distance(.mile), target: .pace(band(.mile, 380, 390)), name: "Mile rep"),
            WorkoutStep(.recovery, .time(.minutes(4)), name: "jog"),
        ]),
        .step(cooldown),
    ])

    /// M14: hill repeats, open steps with RPE.
    static let hills = Workout(rule: "M14", kind: .hills, title: "Hill repeats", blocks: [
        .step(WorkoutStep(.warmup, .time(.minutes(30)), name: "Easy jog")),
        .repeats(count: 6, steps: [
            WorkoutStep(.active, .open, target: .effort(4...5), name: "Hill rep", note: "~100 m up a steep hill; race-pace effort"),
            WorkoutStep(.recovery, .open, target: .effort(1...1), name: "Jog down"),
        ]),
        .step(cooldown),
    ])

    /// M20: an easy run by time, with an easy pace band.
    static let easyRun = Workout(rule: "M20", kind: .easy, title: "Easy run; 40 min, conversational", blocks: [
        .step(WorkoutStep(.active, .time(.minutes(40)),
                          target: .pace(PaceRange(fast: Pace(secondsPerKilometer: 330), slow: Pace(secondsPerKilometer: 360))),
                          name: "Easy run")),
    ])

    static let all: [(file: String, workout: Workout)] = [
        ("m11-8x200", repeats200),
        ("m17-3xmile", mileRepeats),
        ("m14-hills", hills),
        ("m20-easy", easyRun),
    ]

    /// 2026-12-01T09:00:00Z, the fixed creation time of sample files.
    static let created = Date(timeIntervalSince1970: 1_796_115_600)

    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    static let calendar: [CalendarEntry] = [
        CalendarEntry(day: day("2026-12-08"), workout: repeats200, minutes: 55),
        CalendarEntry(day: day("2026-12-10"), workout: easyRun, minutes: 40),
        CalendarEntry(day: day("2026-12-12"), workout: hills, minutes: 60),
        CalendarEntry(day: day("2026-12-15"), workout: mileRepeats, minutes: 65),
    ]
}
