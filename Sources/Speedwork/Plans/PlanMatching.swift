/// Which logged run or session fulfils which planned session (M43, M51): each piece of work is
/// matched to a planned session of its kind on the same or a neighbouring day, so a session run a
/// day late still counts, and what nothing fulfils is missed once its days have passed. Work that
/// fulfils no planned session is extra. Ties are broken the same way every time; links the runner
/// set (`speedwork plan link`) come first.
public struct PlanMatching: Sendable {
    /// A run or session from the log, as matching sees it.
    public struct Work: Sendable, Hashable {
        /// What kind of work it was.
        public enum Shape: String, Sendable, Hashable, Codable {
            /// A run with reps (detected or laps pressed, or reps logged by hand): a hard session.
            case reps
            /// A continuous run without reps: an easy or long run, or a time trial or race.
            case steady
            /// Strength or mobility work logged by hand.
            case strength
        }

        /// The activity's content hash or the hand-logged session's id.
        public let id: String
        public let day: Day
        public let shape: Shape
        /// The method's rule the runner named for it (`M11`), when logged by hand with one.
        public let rule: String?

        public init(id: String, day: Day, shape: Shape, rule: String? = nil) {
            self.id = id
            self.day = day
            self.shape = shape
            self.rule = rule
        }
    }

    /// A planned session's place in the plan: its day and its position among that day's sessions (from 1).
    public struct SessionRef: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let day: Day
        public let position: Int

        public init(day: Day, position: Int = 1) {
            self.day = day
            self.position = position
        }

        /// `2026-12-08` for a day's first session, `2026-12-08/2` for its second.
        public var description: String { position == 1 ? day.description : "\(day)/\(position)" }

        /// Parses `YYYY-MM-DD` or `YYYY-MM-DD/N`.
        public init(parsing text: String) throws {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let day = try? Day(parsing: String(parts[0])),
                  let position = parts.count == 2 ? Int(parts[1]) : 1, position >= 1 else {
                throw InputError("planned session '\(text)' is not a day's session: write YYYY-MM-DD, or YYYY-MM-DD/2 for the day's second")
            }
            self.init(day: day, position: position)
        }

        public static func < (lhs: SessionRef, rhs: SessionRef) -> Bool { (lhs.day, lhs.position) < (rhs.day, rhs.position) }
    }

    /// How a planned session stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Fulfilled by logged work (how well is the grade's business, M51).
        case done
        /// Fulfilled in part: fewer reps or less time than planned.
        case partlyDone = "partly-done"
        /// Its days have passed and nothing fulfilled it.
        case missed
        /// Still ahead, or today or yesterday with nothing logged yet.
        case planned
    }

    /// The pairs found and what was left over.
    public struct Outcome: Sendable, Hashable {
        /// Planned session → the work that fulfils it.
        public let matched: [SessionRef: Work]
        /// Logged work that fulfils no planned session, in day order.
        public let extra: [Work]
        /// Planned sessions whose days are over (the day after included) with nothing matched.
        public let missed: [SessionRef]
        /// Whether the pair came from the runner's link rather than from matching.
        public let linked: Set<SessionRef>
    }

    /// Work on a day this many days before or after a session may fulfil it (a day early or late).
    public static let neighbourDays = 1

    /// The planned sessions, each with its place.
    public let sessions: [(ref: SessionRef, session: Plan.Session)]

    /// Matching for the given planned sessions (rest days have none).
    public init(sessions: [Plan.Session]) {
        var position: [Day: Int] = [:]
        self.sessions = sessions.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element).map { session in
            position[session.day, default: 0] += 1
            return (SessionRef(day: session.day, position: position[session.day]!), session)
        }
    }

    /// Whether `work` is the kind of work `session` asks for.
    public static func fits(_ work: Work, _ session: Plan.Session) -> Bool {
        switch session.workout.kind {
        case .strength, .mobility: work.shape == .strength
        case .speed, .hills: work.shape == .reps || (work.rule == session.workout.rule && work.shape != .strength)
        case .easy, .long: work.shape == .steady && (work.rule == nil || work.rule == session.workout.rule)
        case .timeTrial, .race: work.shape != .strength
        case .rest: false
        }
    }

    /// Matches `work` to the sessions as of `today`: links first (when the work and session exist),
    /// then, of all fitting pairs within ``neighbourDays``, the one with the rule the runner named,
    /// then the same day, then a day late before a day early, then the earlier session and the
    /// work's id, until no pair is left. Sessions from two days before `today` back without a
    /// match are missed.
    public func match(_ work: [Work], links: [SessionRef: String] = [:], today: Day) -> Outcome {
        var matched: [SessionRef: Work] = [:]
        var used: Set<String> = []
        var linked: Set<SessionRef> = []
        let refs = Set(sessions.map(\.ref))
        for (ref, id) in links.sorted(by: { $0.key < $1.key }) {
            guard refs.contains(ref), !used.contains(id), let item = work.first(where: { $0.id == id }) else { continue }
            matched[ref] = item
            used.insert(id)
            linked.insert(ref)
        }
        var pairs: [(ref: SessionRef, work: Work, key: [Int])] = []
        for (ref, session) in sessions where matched[ref] == nil {
            for item in work where !used.contains(item.id) && Self.fits(item, session) {
                let late = session.day.days(until: item.day)
                guard abs(late) <= Self.neighbourDays else { continue }
                let named = item.rule == session.workout.rule ? 0 : 1
                pairs.append((ref, item, [named, abs(late), late >= 0 ? 0 : 1]))
            }
        }
        pairs.sort { ($0.key.lexicographicallyPrecedes($1.key)) || ($0.key == $1.key && ($0.ref, $0.work.id) < ($1.ref, $1.work.id)) }
        for pair in pairs where matched[pair.ref] == nil && !used.contains(pair.work.id) {
            matched[pair.ref] = pair.work
            used.insert(pair.work.id)
        }
        let extra = work.filter { !used.contains($0.id) }.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        let missed = sessions.filter { matched[$0.ref] == nil && $0.session.day.days(until: today) > Self.neighbourDays }.map(\.ref)
        return Outcome(matched: matched, extra: extra, missed: missed, linked: linked)
    }
}
