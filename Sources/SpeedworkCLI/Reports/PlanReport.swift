import Speedwork

/// The `plan --json` contract: feasibility, relaxed rules, and the weeks with their sessions.
struct PlanReport: Encodable {
    struct Feasibility: Encodable {
        let verdict: String
        let message: String
        let currentVDOT: Double
        let goalVDOT: Double
        let weeks: Double
        let currentPredictionSeconds: Double
        let realisticGain: Double
        let ambitiousGain: Double
    }

    struct Relaxed: Encodable {
        let rule: String
        let why: String
        let week: Int?
    }

    /// The weekly running the plan builds from.
    struct Volume: Encodable {
        let startWeeklyMinutes: Int
        let source: String
        let note: String
    }

    /// A session of the plan: the session object of `workout show --json` plus its `date`,
    /// `goalPace` and `longRun`.
    struct Session: Encodable {
        let date: String
        let session: SessionJSON
        var goalPace = false
        var longRun = false

        private enum Key: String, CodingKey { case date, goalPace, longRun }

        func encode(to encoder: Encoder) throws {
            try session.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(date, forKey: .date)
            try container.encode(goalPace, forKey: .goalPace)
            try container.encode(longRun, forKey: .longRun)
        }

        /// A day without training (M9: work, rest, recover).
        static func rest(_ day: Day) -> Session {
            let workout = Workout(rule: "M9", kind: .rest, title: "Rest", blocks: [],
                                  notes: ["Rest is part of training: sleep and eat well (M9)."])
            return Session(date: day.description, session: SessionJSON(workout, minutes: 0))
        }
    }

    struct Week: Encodable {
        let index: Int
        let start: String
        let phase: String
        let runningMinutes: Int
        let cutback: Bool
        let longRunMinutes: Int
        let sessions: [Session]
    }

    let goal: String
    let targetGoal: String
    let targetGoalReason: String
    let raceDate: String
    let volume: Volume
    let fitness: FitnessJSON
    let feasibility: Feasibility
    let relaxed: [Relaxed]
    let weeks: [Week]
    /// Where the fitness came from when it was read from the log (absent with `--from`).
    var fitnessSource: FitnessSourceJSON?

    init(_ plan: Plan) {
        let request = plan.request
        goal = request.goal.written
        targetGoal = plan.targetGoal.written
        targetGoalReason = plan.targetGoalReason
        raceDate = request.raceDay.description
        volume = Volume(startWeeklyMinutes: request.volume.startMinutes, source: request.volume.source.rawValue, note: request.volume.note)
        fitness = FitnessJSON(request.fitness)
        let f = plan.feasibility
        feasibility = Feasibility(
            verdict: f.verdict.rawValue, message: f.message, currentVDOT: rounded(f.currentVDOT), goalVDOT: rounded(f.goalVDOT),
            weeks: rounded(f.weeks), currentPredictionSeconds: rounded(f.currentPrediction.seconds),
            realisticGain: rounded(f.realisticGain), ambitiousGain: rounded(f.ambitiousGain))
        relaxed = plan.relaxed.map { Relaxed(rule: $0.rule, why: $0.why, week: $0.week) }
        weeks = plan.weeks.map { week in
            let sessions = week.days(until: request.raceDay).flatMap { day -> [Session] in
                let today = week.sessions.filter { $0.day == day }
                return today.isEmpty ? [.rest(day)]
                    : today.map { Session(date: day.description, session: SessionJSON($0.workout, minutes: $0.minutes),
                                          goalPace: $0.goalPace, longRun: $0.workout.kind == .long) }
            }
            return Week(index: week.index, start: week.start.description, phase: week.phase.rawValue, runningMinutes: week.runningMinutes,
                        cutback: week.cutback, longRunMinutes: week.longRunMinutes, sessions: sessions)
        }
    }
}
