import Testing
@testable import Speedwork

/// The session library (M4, M5, M10–M21, M32): frame, targets, progression bounds.
@Suite("Session library")
struct SessionLibraryTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func library(_ results: [String] = ["400m=80"], goal: String? = nil) throws -> SessionLibrary {
        let estimate = try FitnessEstimator().estimate(from: results.map { try Performance(parsing: $0) }, asOf: today)
        return SessionLibrary(targets: SessionTargets(fitness: estimate, goal: try goal.map { try Performance(parsing: $0) }))
    }

    static let runningRules = (10...21).map { "M\($0)" }
    static let weeks = Array(1...20)

    /// The first repeat block of the main set.
    static func mainRepeat(_ workout: Workout) throws -> (count: Int, steps: [WorkoutStep]) {
        for block in workout.blocks {
            if case .repeats(let count, let steps) = block { return (count, steps) }
        }
        throw InputError("\(workout.rule) has no repeat block")
    }

    @Test(arguments: runningRules)
    func framedByWarmUpAndCoolDown(_ rule: String) throws {
        let library = try Self.library()
        for week in [1, 4, 8, 20] {
            let workout = try library.workout(rule: rule, week: week)
            #expect(workout.rule == rule)
            let steps = workout.expandedSteps
            let first = try #require(steps.first)
            #expect(first.intensity == .warmup)
            guard case .time(let jog) = first.length else { Issue.record("\(rule) warm-up is not timed"); continue }
            #expect(jog >= .minutes(10))
            // M10's own row: 10 min easy before and after the sprints.
            if rule == "M10" { #expect(jog == .minutes(10)) }
            else if workout.kind.isHard { #expect(jog == .minutes(15), "\(rule) is a speed session: 15 min warm-up (M4)") }
            #expect(steps.last?.intensity == .cooldown)
            let names = Set(Stretch.allCases.map { "Stretch \($0.rawValue)" })
            let warmStretches = steps.filter { $0.intensity == .warmup && names.contains($0.name) }
            let coolStretches = steps.filter { $0.intensity == .cooldown && names.contains($0.name) }
            #expect(warmStretches.count == 6 && coolStretches.count == 6)
            #expect(warmStretches.allSatisfy { $0.length == .time(.seconds(30)) && $0.note == "hold each stretch 30 s" })
            // After the stretches, 5 more min of jogging (M4); M10 goes from its stretches to the
            // sprints, the first of which start easier.
            let lastWarm = try #require(steps.last { $0.intensity == .warmup })
            #expect(lastWarm.length == (rule == "M10" ? .time(Stretch.hold) : .time(.minutes(5))))
        }
    }

    /// The progression bounds of the method's table, for every week 1…20.
    @Test(arguments: weeks)
    func progressionStaysWithinTheMethod(_ week: Int) throws {
        let library = try Self.library()
        func check(_ rule: String, reps: ClosedRange<Int>, recovery: ClosedRange<Double>? = nil, repIndex: Int = 0) throws {
            let (count, steps) = try Self.mainRepeat(try library.workout(rule: rule, week: week))
            #expect(reps.contains(count), "\(rule) week \(week): \(count) reps")
            if let recovery, case .time(let time) = try #require(steps.last).length {
                #expect(recovery.contains(time.seconds), "\(rule) week \(week): \(time.seconds) s recovery")
            }
        }
        try check("M10", reps: 6...10, recovery: 300...300)
        try check("M11", reps: 6...10, recovery: 30...120)
        try check("M12", reps: 5...6, recovery: 60...120)
        try check("M13", reps: 6...8, recovery: 30...120)
        try check("M14", reps: 6...10)
        try check("M15", reps: 6...10)
        try check("M17", reps: 3...6, recovery: 45...240)
        try check("M18", reps: 3...4, recovery: 120...120)
        let sprint = try Self.mainRepeat(try library.workout(rule: "M10", week: week)).steps[0]
        guard case .time(let sprintTime) = sprint.length else { Issue.record("M10 sprint not timed"); return }
        #expect((20...30).contains(sprintTime.seconds))
        let burst = try Self.mainRepeat(try library.workout(rule: "M16", week: week)).steps[1]
        guard case .time(let burstTime) = burst.length else { Issue.record("M16 fast part not timed"); return }
        #expect((30...60).contains(burstTime.seconds))
    }

    struct Ends: Sendable, CustomTestStringConvertible {
        let rule: String
        let first: (reps: Int, recovery: Double)
        let peak: (reps: Int, recovery: Double)
        let second: (reps: Int, recovery: Double)
        let last: (reps: Int, recovery: Double)
        var testDescription: String { rule }
    }

    /// Week 1 gets the method's starting values; the reps reach their peak in week 4 of 8 (the
    /// last week at or before mid-block) with the starting recovery; from week 5 the recovery
    /// shortens with one rep fewer than the peak, reaching its end in week 8 and keeping it
    /// (issue: never the most reps with the shortest recovery). Week 5 is a quarter of the way
    /// down: M17 4:00 − 3:15 / 4 = 3:11.25 → 3:10, M11 2:00 − 1:30 / 4 = 1:37.5 → 1:40 (nearest 5 s).
    @Test(arguments: [
        Ends(rule: "M11", first: (6, 120), peak: (10, 120), second: (9, 100), last: (9, 30)),
        Ends(rule: "M12", first: (5, 120), peak: (6, 120), second: (5, 105), last: (5, 60)),
        Ends(rule: "M13", first: (6, 120), peak: (8, 120), second: (7, 100), last: (7, 30)),
        Ends(rule: "M17", first: (3, 240), peak: (6, 240), second: (5, 190), last: (5, 45)),
        Ends(rule: "M18", first: (3, 120), peak: (3, 120), second: (4, 120), last: (4, 120)),  // M18: reps only, linear: 3 + 4/7 → 4 in week 5
    ])
    func startAndEndOfTheBlock(_ ends: Ends) throws {
        let library = try Self.library()
        for (week, expected) in [(1, ends.first), (4, ends.peak), (5, ends.second), (8, ends.last), (20, ends.last)] {
            let (count, steps) = try Self.mainRepeat(try library.workout(rule: ends.rule, week: week))
            #expect(count == expected.reps)
            #expect(steps.last?.length == .time(.seconds(expected.recovery)))
        }
    }

    @Test func legSpeedEndsAndSprints() throws {
        let library = try Self.library()
        let first = try Self.mainRepeat(try library.workout(rule: "M10", week: 1))
        let last = try Self.mainRepeat(try library.workout(rule: "M10", week: 8))
        // The hour holds 10 + 3 + 10 + 3 min of easy running and stretches and 34 min of sprints
        // with their full 5 min recovery: 34:00 / 5:20 = 6.4 and 34:00 / 5:30 = 6.2 sprints.
        #expect(first.count == 6 && first.steps[0].length == .time(.seconds(20)))
        #expect(last.count == 6 && last.steps[0].length == .time(.seconds(30)))
        #expect(last.steps[1].length == .time(.minutes(5)) && first.steps[1].length == .time(.minutes(5)))
        let fartlek = (try Self.mainRepeat(try library.workout(rule: "M16", week: 1)), try Self.mainRepeat(try library.workout(rule: "M16", week: 8)))
        #expect(fartlek.0.steps[1].length == .time(.seconds(30)) && fartlek.1.steps[1].length == .time(.seconds(60)))
        let hills = (try Self.mainRepeat(try library.workout(rule: "M14", week: 1)), try Self.mainRepeat(try library.workout(rule: "M14", week: 8)))
        #expect(hills.0.count == 6 && hills.1.count == 10)
    }

    /// M10's one-hour option: warm-up and cool-down included, every week, for slow and fast runners.
    @Test(arguments: weeks)
    func legSpeedFitsInAnHour(_ week: Int) throws {
        for results in [["400m=80"], ["5k=35:00"], ["mile=4:30"]] {
            let library = try Self.library(results)
            let workout = try library.workout(rule: "M10", week: week)
            #expect(workout.estimatedDuration(openPace: library.openPace) <= .minutes(60))
            let recovery = try Self.mainRepeat(workout).steps[1]
            guard case .time(let time) = recovery.length else { Issue.record("recovery not timed"); return }
            #expect(time == .minutes(5), "full recovery, always (M10)")
        }
    }

    /// M42: every rep carries the runner's own target; M11 from 400 m in 80 s is 200 m in 37.6–38.4.
    @Test func repsCarryTheirTargets() throws {
        let library = try Self.library(["mile=6:40"], goal: "mile=6:00")
        let sources: [(String, RepTarget?)] = [
            ("M11", library.targets.twoHundreds.repTarget),
            ("M13", library.targets.goalPaceFourHundreds.repTarget),
            ("M17", library.targets.vo2maxMiles.repTarget),
        ]
        for (rule, target) in sources {
            let target = try #require(target)
            let reps = try library.workout(rule: rule, week: 3).expandedSteps.filter { $0.intensity == .active }
            #expect(!reps.isEmpty)
            for rep in reps {
                #expect(rep.length == .distance(target.distance))
                #expect(rep.target == .pace(target.pace))
            }
        }
        let m12 = try #require(library.targets.negativeSplitFourHundreds.repTarget)
        let halves = try Self.mainRepeat(try library.workout(rule: "M12", week: 1)).steps.filter { $0.intensity == .active }
        #expect(halves.map(\.target) == m12.splits.map { .pace($0.pace) })
        let m18 = try Self.mainRepeat(try library.workout(rule: "M18", week: 1)).steps[0]
        #expect(m18.target == .pace(library.targets.threshold.pace))

        let eighty = try Self.library().workout(rule: "M11", week: 1)
        let rep = try #require(eighty.expandedSteps.first { $0.intensity == .active })
        guard case .pace(let band) = rep.target else { Issue.record("M11 rep has no pace"); return }
        #expect(abs(band.fast.time(for: .meters(200)).seconds - 37.62) < 0.01)
        #expect(abs(band.slow.time(for: .meters(200)).seconds - 38.38) < 0.01)
    }

    @Test func hillsAndNotes() throws {
        let library = try Self.library()
        let hills = try library.workout(rule: "M14", week: 1)
        let (_, steps) = try Self.mainRepeat(hills)
        #expect(steps[0].target == .effort(4...5) && steps[0].length == .distance(.meters(100)))
        #expect(steps[1].length == .open)
        // 30 min of jogging before the first hill, warm-up jogs included.
        let jogs = hills.expandedSteps.prefix { $0.intensity != .active }.filter { $0.name.contains("og") }
        #expect(jogs.reduce(0) { total, step in
            if case .time(let time) = step.length { return total + time.seconds }
            return total
        } == 30 * 60)
        let downhill = try library.workout(rule: "M15", week: 1)
        #expect(downhill.notes.contains { $0.contains("never lose control downhill") || $0.contains("Never lose control downhill") })
        let legSpeed = try library.workout(rule: "M10", week: 1)
        #expect(legSpeed.notes.contains { $0.contains("tailwind or a slight downhill") })
        #expect(legSpeed.expandedSteps.contains { $0.note?.contains("smooth technique, not an effort session") == true })
        #expect(try library.workout(rule: "M20", week: 1).kind == .easy)
        #expect(try library.workout(rule: "M21", week: 1).kind == .timeTrial)
    }

    struct RoutineRow: Sendable, CustomTestStringConvertible {
        let level: StrengthRoutine.Level
        let exercises: [(String, Int, Bool)]
        var testDescription: String { level.rawValue }
    }

    /// M32's table, exactly.
    @Test(arguments: [
        RoutineRow(level: .beginner, exercises: [("kettlebell deadlift", 12, false), ("dumbbell reverse lunge", 10, true), ("barbell clean", 5, false)]),
        RoutineRow(level: .intermediate, exercises: [("single-leg deadlift", 10, true), ("dumbbell Bulgarian split squat", 10, true), ("barbell clean", 5, false)]),
        RoutineRow(level: .advanced, exercises: [("two-hand kettlebell swing", 15, false), ("pistol squat", 10, true), ("barbell snatch", 5, false)]),
    ])
    func strengthRoutinesMatchTheTable(_ row: RoutineRow) throws {
        let routine = StrengthRoutine(level: row.level)
        #expect(routine.exercises.map(\.name) == row.exercises.map(\.0))
        #expect(routine.exercises.map(\.reps) == row.exercises.map(\.1))
        #expect(routine.exercises.map(\.eachSide) == row.exercises.map(\.2))
        #expect(routine.exercises.allSatisfy { $0.sets == 3 })
        let workout = routine.workout
        #expect(workout.kind == .strength && workout.rule == "M32")
        let sets = workout.blocks.compactMap { block -> (Int, [WorkoutStep])? in
            if case .repeats(let count, let steps) = block { return (count, steps) }
            return nil
        }
        #expect(sets.count == 3)
        for ((count, steps), exercise) in zip(sets, routine.exercises) {
            #expect(count == 3)
            #expect(steps[0].length == .reps(exercise.reps))
            #expect(steps[0].name.hasPrefix(exercise.name))
            #expect(steps[0].name.hasSuffix("(each side)") == exercise.eachSide)
            #expect(steps[1].intensity == .rest)
            guard case .time(let rest) = steps[1].length else { Issue.record("rest not timed"); continue }
            #expect((exercise.isOlympicLift ? 120...180 : 60...120).contains(rest.seconds))
        }
        #expect(workout.notes.contains { $0.contains("form") && $0.contains("M33") })
        let library = SessionLibrary(targets: try Self.library().targets, strengthLevel: row.level)
        #expect(try library.workout(rule: "M32", week: 1) == workout)
    }

    @Test func mobility() throws {
        let workout = try Self.library().workout(rule: "m5", week: 1)
        #expect(workout.kind == .mobility)
        #expect(workout.expandedSteps.filter { $0.name.hasPrefix("Stretch") }.count == 6)
        #expect(workout.notes.contains { $0.contains("Yoga or pilates") })
    }

    @Test(arguments: ["M9", "M22", "X", "", "M1O"])
    func unknownRule(_ rule: String) throws {
        let library = try Self.library()
        let error = #expect(throws: InputError.self) { try library.workout(rule: rule, week: 1) }
        #expect(error?.description.contains("'\(rule)'") == true)
        #expect(error?.description.contains("M10, M11") == true)
    }

    @Test(arguments: [0, -1, Int.min])
    func badWeek(_ week: Int) throws {
        let library = try Self.library()
        #expect(throws: InputError("week \(week) is not a week of the block: use 1 or more")) { try library.workout(rule: "M11", week: week) }
    }

    @Test func progressionCurve() throws {
        let eight = BlockProgression.standard
        #expect(try (1...10).map { try eight.count(from: 6, to: 10, week: $0) } == [6, 7, 7, 8, 8, 9, 9, 10, 10, 10])
        let four = try BlockProgression(blockWeeks: 4)
        #expect(try four.duration(from: .minutes(2), to: .seconds(30), week: 4) == .seconds(30))
        #expect(try BlockProgression(blockWeeks: 1).fraction(week: 5) == 0)
        #expect(throws: InputError.self) { try BlockProgression(blockWeeks: 0) }
        #expect(throws: InputError.self) { try BlockProgression(blockWeeks: 53) }
    }

    @Test func entriesCoverEveryRule() {
        #expect(SessionLibrary.rules == ["M5"] + Self.runningRules + ["M32"])
        #expect(Set(SessionLibrary.entries.map(\.title)).count == SessionLibrary.entries.count)
    }
}
