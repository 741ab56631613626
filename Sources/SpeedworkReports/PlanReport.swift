import Speedwork

/// The `plan --json` contract: feasibility, relaxed rules, and the weeks with their sessions.
public struct PlanReport: Encodable {
    public struct Feasibility: Encodable {
        public let verdict: String
        public let message: String
        public let currentVDOT: Double
        public let goalVDOT: Double
        public let weeks: Double
        public let currentPredictionSeconds: Double
        public let realisticGain: Double
        public let ambitiousGain: Double
    }

    public struct Relaxed: Encodable {
        public let rule: String
        public let why: String
        public let week: Int?
    }

    /// The weekly running the plan builds from.
    public struct Volume: Encodable {
        public let startWeeklyMinutes: Int
        public let source: String
        public let note: String
    }

    /// A session of the plan: the session object of `workout show --json` plus its `date`,
    /// `goalPace` and `longRun`.
    public struct Session: Encodable {
        public let date: String
        public let session: SessionJSON
        public var goalPace = false
        public var longRun = false

        private enum Key: String, CodingKey { case date, goalPace, longRun }

        public func encode(to encoder: Encoder) throws {
            try session.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(date, forKey: .date)
            try container.encode(goalPace, forKey: .goalPace)
            try container.encode(longRun, forKey: .longRun)
        }

        /// A day without training (M9: work, rest, recover).
        public static func rest(_ day: Day) -> Session {
            let workout = Workout(rule: "M9", kind: .rest, title: "Rest", blocks: [],
                                  notes: ["Rest is part of training: sleep and eat well (M9)."])
            return Session(date: day.description, session: SessionJSON(workout, minutes: 0))
        }
    }

    public struct Week: Encodable {
        public let index: Int
        public let start: String
        public let phase: String
        public let runningMinutes: Int
        public let cutback: Bool
        public let longRunMinutes: Int
        public let sessions: [Session]
    }

    public let goal: String
    public let targetGoal: String
    public let targetGoalReason: String
    public let raceDate: String
    public let volume: Volume
    public let fitness: FitnessJSON
    public let feasibility: Feasibility
    public let relaxed: [Relaxed]
    public let weeks: [Week]
    /// Where the fitness came from when it was read from the log (absent with `--from`).
    public var fitnessSource: FitnessSourceJSON?

    public init(_ plan: Plan) {
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
