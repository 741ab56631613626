import Foundation
import Testing
import SpeedworkTestSupport
@testable import Speedwork

/// Free-form group sets (issue 12): what a coach types, read into a set, written back in its
/// canonical form, refused in one line when it is not a set, and run at each runner's own targets
/// (M42) — the targets checked against the method's worked examples (METHODOLOGY §2) and Daniels'
/// published tables (*Daniels' Running Formula*, 3rd ed., Tables 5.1 and 5.2).
@Suite("Free-form rep sets")
struct RepSetTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func targets(_ result: String) throws -> SessionTargets {
        SessionTargets(fitness: try FitnessEstimator().estimate(from: [try Performance(parsing: result)], asOf: today))
    }

    // MARK: - Reading what a coach types

    /// The issue's and the method's examples, each read into its parts.
    @Test(arguments: [
        ("8 × 400 m, 90 s jog", 8, StepLength.distance(.meters(400)), nil as RepPace?, SetRecovery.Kind.jog, StepLength.time(.seconds(90))),
        ("8x400m @ mile, 90s jog", 8, .distance(.meters(400)), .race(.mile), .jog, .time(.seconds(90))),
        ("5 × 1000 m @ I, 3 min jog", 5, .distance(.meters(1000)), .zone(.interval), .jog, .time(.seconds(180))),
        ("3 × 10 min @ T, 2 min jog", 3, .time(.seconds(600)), .zone(.threshold), .jog, .time(.seconds(120))),
        ("6 × 200 m @ 800, 200 m jog", 6, .distance(.meters(200)), .race(.meters(800)), .jog, .distance(.meters(200))),
        ("10 x 100m strides, walk back", 10, .distance(.meters(100)), nil, .walk, .open),
        ("4 X 1 mile @ 5k pace, 2:30 rest", 4, .distance(.mile), .race(.meters(5000)), .rest, .time(.seconds(150))),
        ("12*300m @ R, jog 100 m", 12, .distance(.meters(300)), .zone(.repetition), .jog, .distance(.meters(100))),
        ("2 × 1.5km @ 10K, 400 m walk", 2, .distance(.meters(1500)), .race(.meters(10000)), .walk, .distance(.meters(400))),
    ])
    func readsWhatACoachTypes(text: String, count: Int, rep: StepLength, pace: RepPace?, kind: SetRecovery.Kind, recovery: StepLength) throws {
        let set = try RepSet(parsing: text)
        #expect(set.count == count)
        #expect(set.rep == rep)
        #expect(set.pace == pace)
        #expect(set.recovery?.kind == kind)
        #expect(set.recovery?.length == recovery)
    }

    /// The canonical form, by hand, and reading it back gives the same set.
    @Test(arguments: [
        ("8 × 400 m, 90 s jog", "8 × 400 m, 90 s jog"),
        ("8x400m @ r, 90s jog", "8 × 400 m @ R, 90 s jog"),
        ("8x400m @ mile, 90s jog", "8 × 400 m @ mile, 90 s jog"),
        ("5 × 1000 m @ I, 3 min jog", "5 × 1000 m @ I, 3 min jog"),
        ("3 × 10 min @ T, 2 min jog", "3 × 10 min @ T, 2 min jog"),
        ("6 × 200 m @ 800, 200 m jog", "6 × 200 m @ 800, 200 m jog"),
        ("10 x 100m strides, walk back", "10 × 100 m, walk back"),
        ("4 x 1mi @ 5k, 150s rest", "4 × 1 mi @ 5K, 2:30 rest"),
        ("3 x 2 miles @ threshold, 60 seconds jog", "3 × 2 mi @ T, 1 min jog"),
        ("1 × 20 min @ T", "1 × 20 min @ T"),
        ("6 × 45.5 s @ 1500m, 2:45.5 walk", "6 × 45.5 s @ 1500, 2:45.5 walk"),
        ("5 × 1.2 km @ 3000, 0.4 km jog", "5 × 1200 m @ 3K, 400 m jog"),
    ])
    func writesTheCanonicalFormAndReadsItBack(typed: String, canonical: String) throws {
        let set = try RepSet(parsing: typed)
        #expect(set.text == canonical)
        #expect(try RepSet(parsing: set.text) == set)
        #expect(try RepSet(parsing: canonical).text == canonical)
    }

    /// Every set the parts allow reads back as itself from its text (a seeded sweep).
    @Test func everyCanonicalTextReadsBackAsTheSameSet() throws {
        var generator = SeededGenerator(state: 42)
        let reps: [StepLength] = [.distance(.meters(200)), .distance(.meters(333.333)), .distance(.mile), .distance(.miles(2)),
                                  .distance(.meters(1609)), .time(.seconds(30)), .time(.seconds(119.9)), .time(.seconds(150.5)),
                                  .time(.minutes(10))]
        let paces: [RepPace?] = [nil] + TrainingZone.Code.allCases.map { .zone($0) } + RepPace.races.map { .race($0.distance) }
        let recoveries: [SetRecovery] = try [
            SetRecovery(.time(.seconds(90))), SetRecovery(.time(.seconds(61.5)), kind: .walk), SetRecovery(.time(.minutes(3)), kind: .rest),
            SetRecovery(.distance(.meters(200))), SetRecovery(.open, kind: .walk), SetRecovery(.open),
        ]
        for _ in 0..<300 {
            let set = try RepSet(count: Int.random(in: 1...5, using: &generator), rep: reps.randomElement(using: &generator)!,
                                 pace: paces.randomElement(using: &generator)!, recovery: recoveries.randomElement(using: &generator)!)
            #expect(try RepSet(parsing: set.text) == set, "\(set.text)")
        }
    }

    // MARK: - Refusing what is not a set

    /// Each refused in one line that names the set (or its part) and what is allowed.
    @Test(arguments: [
        ("", "give the set"),
        ("   ", "give the set"),
        ("400 m, 90 s jog", "start with the count and ×"),
        ("eight × 400 m, 90 s jog", "start with the count and ×"),
        ("8 400 m, 90 s jog", "start with the count and ×"),
        ("0 × 400 m, 90 s jog", "count 0 is not allowed: a set has 1 to 50 reps"),
        ("51 × 200 m, 90 s jog", "count 51 is not allowed: a set has 1 to 50 reps"),
        ("99999999999999999999 × 400 m, 90 s jog", "a set has 1 to 50 reps"),
        ("-8 × 400 m, 90 s jog", "start with the count and ×"),
        ("8 × , 90 s jog", "give each rep's distance or time"),
        ("8 × strides, walk back", "give each rep's distance or time"),
        ("8 × 400, 90 s jog", "rep '400' has no unit: write 400 m for a distance or 400 s for a time"),
        ("8 × 400 furlongs, 90 s jog", "rep '400 furlongs' is not a distance or a time"),
        ("8 × fast, 90 s jog", "rep 'fast' is not a distance or a time"),
        ("8 × 20 m, 90 s jog", "rep 20 m is not allowed: give 50 m to 10000 m"),
        ("8 × 11 km, 90 s jog", "rep 11000 m is not allowed"),
        ("8 × 5 s, 90 s jog", "rep 5 s is not allowed: give 10 s to 60 min"),
        ("2 × 61 min, 90 s jog", "rep 61 min is not allowed"),
        ("50 × 1000 m, 90 s jog", "is 50k of reps: a set may add up to 20k"),
        ("8 × 400 m", "8 reps need a recovery after each"),
        ("8 × 400 m @ Z, 90 s jog", "pace 'Z' is not allowed: use a zone E, M, T, I or R, or a race pace 400, 800, 1500, mile, 3K, 5K, 10K"),
        ("8 × 400 m @ half, 90 s jog", "pace 'half' is not allowed"),
        ("8 × 400 m @ 600, 90 s jog", "pace '600' is not allowed"),
        ("8 × 400 m @ 4:00/km, 90 s jog", "pace '4:00/km' is not allowed"),
        ("8 × 400 m @, 90 s jog", "give a pace after @"),
        ("8 × 400 m, 90 s jig", "recovery '90 s jig' is not a distance or a time"),
        ("8 × 400 m, jog", "recovery 'jog' is not allowed"),
        ("8 × 400 m, 90 jog", "recovery '90' has no unit"),
        ("8 × 400 m, 25 min jog", "recovery 25 min is not allowed: give at most 20 min"),
        ("8 × 400 m, 3 km jog", "recovery 3000 m is not allowed: give at most 2000 m"),
        ("8 × 400 m, 200 m rest", "a rest of 200 m is not allowed: give a rest as a time"),
        ("8 × 400 m, rest back", "give a rest as a time"),
        ("8 × 400 m, 90 s jog, 5 min walk", "give one comma"),
        ("8 × 400 m,", "a part is empty"),
        ("8 × 400 m, 1:75 jog", "minutes and seconds after a colon must be below 60"),
        ("8 × 0 m, 90 s jog", "is not a positive distance"),
        ("8 × 400 m\n, 90 s jog", "write it on one line"),
    ])
    func refusesWhatIsNotASet(text: String, message: String) {
        do {
            let set = try RepSet(parsing: text)
            Issue.record("'\(text)' was read as \(set.text)")
        } catch let error as InputError {
            #expect(error.description.contains(message), "'\(text)': \(error.description)")
            #expect(!error.description.contains("\n"), "'\(text)': not one line")
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty, !trimmed.contains("\n") {
                #expect(error.description.hasPrefix("set \(InputError.quoted(trimmed))"), "'\(text)': \(error.description)")
            }
        } catch {
            Issue.record("'\(text)': \(error)")
        }
    }

    /// A long paste is refused without repeating it whole.
    @Test func aLongTextIsRefusedInShort() {
        let text = "8 × 400 m, " + String(repeating: "90 s jog ", count: 50)
        do {
            _ = try RepSet(parsing: text)
            Issue.record("a 461-character set was read")
        } catch let error as InputError {
            #expect(error.description.count < 300)
            #expect(error.description.contains("at most 120 characters"))
        } catch {
            Issue.record("\(error)")
        }
    }

    // MARK: - The method's pace for each rep length

    /// The rule for a set without a pace (docs/group-sets.md), by hand.
    @Test(arguments: [
        ("10 × 100 m, walk back", RepSet.DefaultPace.legSpeed),
        ("10 × 150 m, walk back", .legSpeed),
        ("8 × 30 s, 2 min jog", .legSpeed),
        ("8 × 60 s, 2 min jog", .legSpeed),
        ("6 × 200 m, 2 min jog", .twoHundreds),
        ("6 × 300 m, 2 min jog", .twoHundreds),
        ("8 × 400 m, 90 s jog", .fourHundreds),
        ("6 × 600 m, 2 min jog", .fourHundreds),
        ("6 × 800 m, 2 min jog", .interval),
        ("5 × 1000 m, 3 min jog", .interval),
        ("4 × 1200 m, 3 min jog", .interval),
        ("3 × 1 mi, 4 min jog", .vo2max),
        ("3 × 2000 m, 4 min jog", .vo2max),
        ("3 × 3000 m, 3 min jog", .threshold),
        ("6 × 3 min, 2 min jog", .interval),
        ("5 × 5:59, 2 min jog", .interval),
        ("3 × 6 min, 2 min jog", .threshold),
        ("3 × 10 min, 2 min jog", .threshold),
    ])
    func theMethodsPaceForEachRepLength(text: String, expected: RepSet.DefaultPace) throws {
        #expect(try RepSet(parsing: text).defaultPace == expected)
    }

    /// M13's worked example: no goal in a group, so a 6:00 mile runs its 400 m reps in 90 s, ±0.5 %.
    @Test func fourHundredsWithoutAPaceAreTheMileALap() throws {
        let band = try RepSet(parsing: "8 × 400 m, 90 s jog").band(at: Self.targets("mile=6:00")).pace
        #expect(abs(band.fast.time(for: .meters(400)).seconds - 90 * 0.995) < 0.01)
        #expect(abs(band.slow.time(for: .meters(400)).seconds - 90 * 1.005) < 0.01)
    }

    /// M11's worked example: 400 m in 80 s → 200 m in 38 s (±1 %).
    @Test func twoHundredsWithoutAPaceAreM11s() throws {
        let band = try RepSet(parsing: "6 × 200 m, 2 min jog").band(at: Self.targets("400m=80")).pace
        #expect(abs(band.middle.time(for: .meters(200)).seconds - 38) < 0.05)
        #expect(abs(band.fast.time(for: .meters(200)).seconds - 37.62) < 0.01)
    }

    /// M17: a 6:00 miler's mile reps in 6:30–6:40.
    @Test func milesWithoutAPaceAreM17s() throws {
        let band = try RepSet(parsing: "3 × 1 mi, 4 min jog").band(at: Self.targets("mile=6:00")).pace
        #expect(abs(band.fast.time(for: .mile).seconds - 390) < 0.01)
        #expect(abs(band.slow.time(for: .mile).seconds - 400) < 0.01)
    }

    /// Daniels' Table 5.2 at VDOT 50 (a 5:50 mile in Table 5.1): I 3:55/km, T 4:15/km, R 87 s a
    /// 400 m; the bands' middles within the 2 % the zones are checked to (TrainingPacesTests).
    @Test func zonesAreDanielsPublishedPaces() throws {
        let targets = try Self.targets("mile=5:50")
        func middle(_ text: String, per distance: Distance) throws -> Double {
            try RepSet(parsing: text).band(at: targets).pace.middle.time(for: distance).seconds
        }
        #expect(abs(try middle("5 × 1000 m @ I, 3 min jog", per: .kilometers(1)) - 235) / 235 <= 0.02)
        #expect(abs(try middle("5 × 1000 m, 3 min jog", per: .kilometers(1)) - 235) / 235 <= 0.02)
        #expect(abs(try middle("3 × 10 min @ T, 2 min jog", per: .kilometers(1)) - 255) / 255 <= 0.02)
        #expect(abs(try middle("3 × 10 min, 2 min jog", per: .kilometers(1)) - 255) / 255 <= 0.02)
        #expect(abs(try middle("8 × 400 m @ R, 90 s jog", per: .meters(400)) - 87) / 87 <= 0.02)
        // Each band is ±1 % around its middle.
        let band = try RepSet(parsing: "5 × 1000 m @ I, 3 min jog").band(at: targets).pace
        #expect(abs(band.slow.secondsPerKilometer / band.fast.secondsPerKilometer - 1.01 / 0.99) < 1e-9)
    }

    /// A race pace is that race's predicted time at the runner's fitness: from a 5:50 mile, the
    /// mile itself exactly, and Table 5.1's 5K of the same VDOT (19:57) within 2 %.
    @Test func racePacesAreTheRunnersPredictedRaces() throws {
        let targets = try Self.targets("mile=5:50")
        let mile = try RepSet(parsing: "4 × 400 m @ mile, 2 min jog").band(at: targets).pace.middle
        #expect(abs(mile.time(for: .mile).seconds - 350) < 0.5)
        let fiveK = try RepSet(parsing: "5 × 1000 m @ 5K, 2 min jog").band(at: targets).pace.middle
        #expect(abs(fiveK.time(for: .meters(5000)).seconds - 1197) / 1197 <= 0.02)
    }

    // MARK: - The session

    /// Warm-up and cool-down of a speed session (M4: 15 min jog, stretches, 5 min jog; cool-down
    /// jog and stretches), then the reps at the band and a jog at E pace after each.
    @Test func theSetIsFramedAsASpeedSession() throws {
        let targets = try Self.targets("mile=6:00")
        let library = SessionLibrary(targets: targets)
        let set = try RepSet(parsing: "8 × 400 m, 90 s jog")
        let workout = library.workout(set: set)
        #expect(workout.rule == "M42")
        #expect(workout.kind == .speed)
        #expect(workout.title == "8 × 400 m, 90 s jog")
        #expect(workout.mainRepCount == 8)
        let first = try #require(workout.expandedSteps.first)
        #expect(first.intensity == .warmup && first.length == .time(.minutes(15)))
        #expect(workout.expandedSteps.last?.intensity == .cooldown)
        let repeats = workout.blocks.compactMap { block -> (Int, [WorkoutStep])? in
            if case .repeats(let count, let steps) = block { return (count, steps) }
            return nil
        }
        #expect(repeats.count == 1)
        let (count, steps) = try #require(repeats.first)
        #expect(count == 8)
        #expect(steps.map(\.intensity) == [.active, .recovery])
        #expect(steps[0].length == .distance(.meters(400)))
        guard case .pace(let band) = steps[0].target else { Issue.record("the rep has no pace"); return }
        #expect(abs(band.middle.time(for: .meters(400)).seconds - 90) < 0.01)
        #expect(steps[1].length == .time(.seconds(90)))
        #expect(steps[1].target == .pace(TrainingPaces.pace(.easy, vdot: targets.fitness.vdot)))
        // A walk has no pace, and one rep without a recovery is a single step.
        let walked = library.workout(set: try RepSet(parsing: "10 × 100 m, walk back"))
        let walk = walked.expandedSteps.first { $0.intensity == .recovery }
        #expect(walk?.length == .open && walk?.target == StepTarget.none && walk?.name == "Walk back")
        let single = library.workout(set: try RepSet(parsing: "1 × 20 min @ T"))
        #expect(single.blocks.contains { if case .step(let step) = $0 { step.intensity == .active } else { false } })
        #expect(single.mainRepCount == nil)
    }
}
