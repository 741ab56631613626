import Testing
import Speedwork

struct WorkoutTextTests {
    @Test func stepLines() {
        let rep = PaceRange(fast: Pace(distance: .meters(200), time: .seconds(37.6)),
                            slow: Pace(distance: .meters(200), time: .seconds(38.4)))
        let workout = Workout(rule: "M11", kind: .speed, title: "8 × 200m", blocks: [
            .step(WorkoutStep(.warmup, .time(.minutes(15)), name: "Warm-up")),
            .repeats(count: 8, steps: [
                WorkoutStep(.active, .distance(.meters(200)), target: .pace(rep), name: "200m rep"),
                WorkoutStep(.recovery, .time(.minutes(2)), name: "jog"),
            ]),
            .step(WorkoutStep(.active, .open, target: .effort(4...5), name: "Hill rep")),
            .step(WorkoutStep(.active, .time(.minutes(40)),
                              target: .pace(PaceRange(fast: Pace(secondsPerKilometer: 330), slow: Pace(secondsPerKilometer: 360))),
                              name: "Easy run")),
        ])
        #expect(workout.stepLines == [
            "Warm-up 15:00",
            "8 × 200m rep in 37.6–38.4 s, jog 2:00",
            "Hill rep to the lap button RPE 4–5",
            "Easy run 40:00 at 5:30–6:00/km",
        ])
    }
}
