/// The running sessions of the library (M10–M21), each framed by warm-up and cool-down (M4, M5).
extension SessionLibrary {
    /// M10's one-hour option: the whole session, warm-up and cool-down included.
    public static let oneHour = Duration.minutes(60)
    /// M10's full recovery between sprints: always kept; the count gives way instead.
    public static let fullSprintRecovery = Duration.minutes(5)
    /// M10's own easy running before and after the sprints (the method's table: 10 min easy).
    public static let legSpeedEasy = Duration.minutes(10)
    /// M14's jogging before the first hill (the warm-up jogs count towards it).
    public static let jogBeforeHills = Duration.minutes(30)
    /// M14 and M15's rep length.
    public static let hillRep = Distance.meters(100)
    /// M14's race-pace effort on the method's RPE scale (4–5 is a hard sprint effort at 90 %).
    public static let hillEffort = 4...5
    /// M16's near sprint and M19's near-maximal effort.
    public static let nearMaximal = 4...5

    /// Warm-up, main set, cool-down.
    func framed(_ rule: String, _ kind: SessionKind, _ title: String, main: [WorkoutBlock], notes: [String],
                frame: WarmUp.Frame = .full) -> Workout {
        Workout(rule: rule, kind: kind, title: title,
                blocks: WarmUp.blocks(before: kind, easy: easy, frame: frame) + main + WarmUp.coolDown(easy: easy, frame: frame),
                notes: notes + (frame == .short ? [Self.shortFrameNote] : []))
    }

    /// The cue a shortened session carries.
    static let shortFrameNote = "Shortened for your time budget: a 5 min warm-up jog, stretches, 2 min jog; 5 min cool-down and stretches (M4, M5)."

    /// A recovery jog at easy pace.
    func jog(_ length: Duration, name: String = "Jog") -> WorkoutStep {
        WorkoutStep(.recovery, .time(length), target: easy, name: name)
    }

    /// A rep of a fixed distance at its per-rep target (M42).
    func rep(_ target: RepTarget, name: String, note: String? = nil) -> WorkoutStep {
        WorkoutStep(.active, .distance(target.distance), target: .pace(target.pace), name: name, note: note)
    }

    /// The rep count of a session sized down to `size.maxReps`.
    private func capped(_ count: Int, _ size: SessionSize) -> Int {
        size.maxReps.map { min(count, $0) } ?? count
    }

    /// M10: 6 → 10 sprints of 20 → 30 s at about 400 m race pace with the full 5 min recovery
    /// (the method's table), 10 min easy before and after; the count stops at what fits the hour
    /// (the one-hour option) or a shorter budget, and recovery is never cut.
    func legSpeed(week: Int, size: SessionSize = .full) throws -> Workout {
        let planned = try progression.count(from: 6, to: 10, week: week)
        let sprint = try progression.duration(from: .seconds(20), to: .seconds(30), week: week, step: 1)
        let frameSeconds = Workout(rule: "M10", kind: .speed, title: "", blocks: legSpeedFrame(size.frame)).estimatedDuration(openPace: openPace).seconds
        let hour = Int(((Self.oneHour.seconds - frameSeconds) / (sprint.seconds + Self.fullSprintRecovery.seconds)).rounded(.down))
        let count = max(1, capped(min(planned, hour), size))
        let sprintStep = WorkoutStep(.active, .time(sprint), target: .pace(targets.legSpeed.pace), name: "Sprint",
                                     note: "90 % effort, smooth technique, not an effort session")
        let frame = legSpeedFrame(size.frame)
        let split = frame.firstIndex { if case .step(let step) = $0 { return step.intensity == .cooldown }; return false } ?? frame.count
        return Workout(rule: "M10", kind: .speed, title: "\(count) × \(sprint.formatted()) s sprints",
                       blocks: Array(frame[..<split])
                           + [.repeats(count: count, steps: [sprintStep, jog(Self.fullSprintRecovery, name: "Easy running")])]
                           + Array(frame[split...]),
                       notes: ["Best with a tailwind or a slight downhill: 100–200m on a track or 20–30 s across a park.",
                               "Full recovery between sprints (5 min easy); the whole session fits in an hour (one-hour option).",
                               "Year-round; the last speed session in the 5 days before a race."]
                           + (size.frame == .short ? [Self.shortFrameNote] : []))
    }

    /// M10's frame: 10 min easy and the stretches before, 10 min easy and the stretches after
    /// (the method's table); the short frame as every session's.
    private func legSpeedFrame(_ frame: WarmUp.Frame) -> [WorkoutBlock] {
        switch frame {
        case .full:
            return [.step(WorkoutStep(.warmup, .time(Self.legSpeedEasy), target: easy, name: "Warm-up jog", note: "10 min easy, RPE 1 (M10)"))]
                + Stretch.steps(.warmup)
                + WarmUp.coolDown(easy: easy, jog: Self.legSpeedEasy)
        case .short:
            return WarmUp.blocks(before: .speed, easy: easy, frame: .short) + WarmUp.coolDown(easy: easy, frame: .short)
        }
    }

    /// M11: 6 → 10 × 200 m about 5 % faster than 400 m pace, then 2:00 → 0:30 jog (reps first,
    /// then recovery: ``BlockProgression/repsThenRecovery(count:recovery:week:step:)``).
    func twoHundreds(week: Int, size: SessionSize = .full) throws -> Workout {
        let (planned, recovery) = try progression.repsThenRecovery(count: (6, 10), recovery: (.minutes(2), .seconds(30)), week: week)
        let count = capped(planned, size)
        let target = try required(targets.twoHundreds.repTarget)
        return framed("M11", .speed, "\(count) × 200m",
                      main: [.repeats(count: count, steps: [rep(target, name: "200m rep"), jog(recovery)])],
                      notes: ["Hard, not an all-out sprint."], frame: size.frame)
    }

    /// M12: 5 → 6 × 400 m run as two 200 m halves, the second faster than goal mile pace and the
    /// first 5 s slower; then recovery 2:00 → 1:00 (the method says only that it shortens).
    func negativeSplits(week: Int, size: SessionSize = .full) throws -> Workout {
        let (planned, recovery) = try progression.repsThenRecovery(count: (5, 6), recovery: (.minutes(2), .minutes(1)), week: week)
        let count = capped(planned, size)
        let target = try required(targets.negativeSplitFourHundreds.repTarget)
        guard target.splits.count == 2 else { throw InputError("M12 needs a two-part split target") }
        let halves = [rep(target.splits[0], name: "400m rep, first 200m", note: "5 s slower than the second 200m"),
                      rep(target.splits[1], name: "400m rep, second 200m", note: "faster than goal mile pace")]
        return framed("M12", .speed, "\(count) × 400m negative split",
                      main: [.repeats(count: count, steps: halves + [jog(recovery)])],
                      notes: ["Each 400m: \(target.text) (\(target.splits[0].fast.formatted(.rep))–\(target.splits[0].slow.formatted(.rep)) then \(target.splits[1].fast.formatted(.rep))–\(target.splits[1].slow.formatted(.rep)))."],
                      frame: size.frame)
    }

    /// M13: 6 → 8 × 400 m at exactly goal mile pace per lap, then 2:00 → 0:30 jog.
    func goalPace(week: Int, size: SessionSize = .full) throws -> Workout {
        let (planned, recovery) = try progression.repsThenRecovery(count: (6, 8), recovery: (.minutes(2), .seconds(30)), week: week)
        let count = capped(planned, size)
        let target = try required(targets.goalPaceFourHundreds.repTarget)
        return framed("M13", .speed, "\(count) × 400m at goal pace",
                      main: [.repeats(count: count, steps: [rep(target, name: "400m at goal pace"), jog(recovery)])],
                      notes: ["Exactly goal mile pace per lap: \(targets.goalPaceFourHundreds.basis)."], frame: size.frame)
    }

    /// M14: after 30 min of jogging, 6 → 10 × ~100 m up a steep hill at race-pace effort, jog back down.
    func hills(week: Int, size: SessionSize = .full) throws -> Workout {
        try slope("M14", count: capped(progression.count(from: 6, to: 10, week: week), size), up: true, frame: size.frame)
    }

    /// M15: M14's shape on a gentler descent, fast and controlled, walk or jog back up.
    func downhillStrides(week: Int, size: SessionSize = .full) throws -> Workout {
        try slope("M15", count: capped(progression.count(from: 6, to: 10, week: week), size), up: false, frame: size.frame)
    }

    /// Hills after M14's 30 min of jogging; the short frame goes to the hill after its warm-up.
    private func slope(_ rule: String, count: Int, up: Bool, frame: WarmUp.Frame) -> Workout {
        let warmJogs = WarmUp.firstJog(before: .hills) + WarmUp.secondJog
        let toHill: [WorkoutBlock] = frame == .short ? [] : [.step(jog(Self.jogBeforeHills - warmJogs, name: "Jog to the hill"))]
        let repStep = up
            ? WorkoutStep(.active, .distance(Self.hillRep), target: .effort(Self.hillEffort), name: "~100m up a steep hill",
                          note: "race-pace effort, not race pace")
            : WorkoutStep(.active, .distance(Self.hillRep), target: .effort(Self.hillEffort), name: "~100m down a gentle slope",
                          note: "fast and controlled, quick stride rate; never lose control downhill")
        let back = up
            ? WorkoutStep(.recovery, .open, target: easy, name: "Jog back down")
            : WorkoutStep(.recovery, .open, name: "Walk or jog back up")
        return framed(rule, .hills, up ? "\(count) × ~100m hill" : "\(count) × ~100m downhill strides",
                      main: toHill + [.repeats(count: count, steps: [repStep, back])],
                      notes: up ? ["After 30 min of jogging, warm-up included.", "At most one hill session a week (M41)."]
                                : ["Never lose control downhill.", "At most one hill session a week (M41)."], frame: frame)
    }

    /// M16: 6 → 8 repeats of 3 min at normal pace then a 30 → 60 s near sprint; the fast part and
    /// its share of the run both grow.
    func fartlek(week: Int, size: SessionSize = .full) throws -> Workout {
        let count = capped(try progression.count(from: 6, to: 8, week: week), size)
        let fast = try progression.duration(from: .seconds(30), to: .seconds(60), week: week)
        let normal = WorkoutStep(.recovery, .time(.minutes(3)), target: easy, name: "Normal pace")
        let burst = WorkoutStep(.active, .time(fast), target: .effort(Self.nearMaximal), name: "Near sprint", note: "near-maximal")
        return framed("M16", .speed, "\(count) × (3:00 normal, \(fast.formatted()) s fast)",
                      main: [.repeats(count: count, steps: [normal, burst])],
                      notes: ["Speed drills within a longer run: the fast part grows over the weeks."], frame: size.frame)
    }

    /// M17: 3 → 6 × 1 mile at 5K pace, then 4:00 → 0:45 jog (never 6 reps with the shortest jog).
    func vo2max(week: Int, size: SessionSize = .full) throws -> Workout {
        let (planned, recovery) = try progression.repsThenRecovery(count: (3, 6), recovery: (.minutes(4), .seconds(45)), week: week)
        let count = capped(planned, size)
        let target = try required(targets.vo2maxMiles.repTarget)
        return framed("M17", .speed, "\(count) × 1 mile",
                      main: [.repeats(count: count, steps: [rep(target, name: "Mile rep", note: "5K race pace"), jog(recovery)])],
                      notes: ["5K race pace: \(targets.vo2maxMiles.basis)."], frame: size.frame)
    }

    /// M18: 3 → 4 × 10 min at mile pace + 40–50 s/mile, 2 min jog (product default).
    func threshold(week: Int, size: SessionSize = .full) throws -> Workout {
        let count = capped(try progression.count(from: 3, to: 4, week: week), size)
        let work = WorkoutStep(.active, .time(.minutes(10)), target: .pace(targets.threshold.pace), name: "10 min threshold")
        return framed("M18", .speed, "\(count) × 10 min threshold",
                      main: [.repeats(count: count, steps: [work, jog(.minutes(2))])],
                      notes: ["Lactate threshold: \(targets.threshold.basis)."], frame: size.frame)
    }

    /// M19: one run at near-maximal sustainable effort, as long as it can be held (lap button ends it).
    func speedRun(size: SessionSize = .full) -> Workout {
        let run = WorkoutStep(.active, .open, target: .effort(Self.nearMaximal), name: "Speed run",
                              note: "near-maximal sustainable effort; press lap when the pace can no longer be held")
        return framed("M19", .speed, "Speed run", main: [.step(run)],
                      notes: ["One or two a week at most, counted as a speed session (M3)."], frame: size.frame)
    }

    /// M20: an easy run at E pace, 30 → 45 min over the block (the method: duration grows gently).
    func easyRun(week: Int, size: SessionSize = .full) throws -> Workout {
        let length = try progression.duration(from: .minutes(30), to: .minutes(45), week: week, step: 60)
        let run = WorkoutStep(.active, .time(length), target: easy, name: "Easy run", note: "conversational; walking is fine")
        return framed("M20", .easy, "Easy run \(Int(length.minutes)) min", main: [.step(run)],
                      notes: ["Easy days easy (M2): slower than the target is fine, faster is not."], frame: size.frame)
    }

    /// M21: a 400 m or mile all-out on a track; the result re-estimates fitness and every target.
    func timeTrialSession(size: SessionSize = .full) -> Workout {
        let distance = timeTrial.distance
        let prediction = targets.fitness.time(for: distance)
        let trial = WorkoutStep(.active, .distance(distance), name: "\(distance.label) time trial",
                                note: "all-out; current prediction \(prediction.formatted(.rep))")
        return framed("M21", .timeTrial, "\(distance.label) time trial", main: [.step(trial)],
                      notes: ["On a track (M7); every 4–6 weeks.", "Log the result: it updates every pace (M43)."], frame: size.frame)
    }

    private func required(_ target: RepTarget?) throws -> RepTarget {
        guard let target else { throw InputError("no rep target") }
        return target
    }
}
