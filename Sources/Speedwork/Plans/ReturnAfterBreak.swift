/// How the plan resumes after a pause (issue 10; M8, M9, M43): a short break needs nothing, a
/// longer one an easier week, a long one two weeks of easy running before speed (base before
/// speed, M8). The method is silent on the lengths; they follow Daniels' guidance on returning
/// after time off (*Daniels' Running Formula*): up to about five days off needs no change, a longer
/// break a period of reduced training, and after a month or more the return starts with easy
/// running only. All lengths are settings (docs/active-plan.md).
public struct ReturnAfterBreak: Sendable, Hashable {
    /// Pauses up to this many days resume the plan as it was.
    public static let noReEntryUpToDays = 5
    /// Pauses of this many days or more are long: base before speed.
    public static let longBreakFromDays = 28
    /// Days of the re-entry after a break longer than ``noReEntryUpToDays``: an easier week.
    public static let easierWeekDays = 7
    /// Days of the re-entry after a long break: two weeks of easy running before speed.
    public static let baseFirstDays = 14

    /// The kind of re-entry.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The plan resumes as it was.
        case none
        /// An easier week: its hard sessions become easy runs of the same length.
        case easierWeek = "easier-week"
        /// Base before speed (M8): two weeks of easy running only.
        case baseFirst = "base-first"
    }

    public let pause: PlanPause
    public let kind: Kind

    /// The re-entry after `pause`.
    public init(after pause: PlanPause) {
        self.pause = pause
        if pause.days >= Self.longBreakFromDays {
            kind = .baseFirst
        } else if pause.days > Self.noReEntryUpToDays {
            kind = .easierWeek
        } else {
            kind = .none
        }
    }

    /// The days of the re-entry, from the day after the pause; empty for ``Kind/none``.
    public var days: [Day] {
        let count = switch kind {
        case .none: 0
        case .easierWeek: Self.easierWeekDays
        case .baseFirst: Self.baseFirstDays
        }
        return count > 0 ? (1...count).map { pause.to.adding(days: $0) } : []
    }

    /// Whether `day` is in the re-entry.
    public func contains(_ day: Day) -> Bool {
        guard kind != .none else { return false }
        let after = pause.to.days(until: day)
        return after >= 1 && after <= days.count
    }

    /// `session` as the re-entry has it: a hard session other than the race becomes an easy run
    /// (M20) of the same minutes at `easy` pace; the rest stays.
    public func reEntry(_ session: Plan.Session, easy: PaceRange) -> Plan.Session {
        guard contains(session.day), session.workout.isHard, session.workout.kind != .race else { return session }
        let main = max(5, session.minutes - 10)
        let why = kind == .baseFirst
            ? "Back after \(pause.days) days off: easy running before speed (M8); \(session.workout.title) returns later."
            : "Back after \(pause.days) days off: an easier week; \(session.workout.title) becomes an easy run (M9)."
        let workout = Workout(
            rule: "M20", kind: .easy, title: "Easy run \(main + 10) min (re-entry)",
            blocks: [
                .step(WorkoutStep(.warmup, .time(.minutes(5)), target: .effort(1...1), name: "Warm-up walk/jog", note: "brisk walk or easy jog (M4)")),
                .step(WorkoutStep(.active, .time(.minutes(Double(main))), target: .pace(easy), name: "Easy run", note: "conversational (M2)")),
                .step(WorkoutStep(.cooldown, .time(.minutes(5)), target: .effort(1...1), name: "Cool-down", note: "then stretch while warm (M5)")),
            ],
            notes: [why])
        return Plan.Session(day: session.day, workout: workout, minutes: main + 10)
    }
}
