import Foundation

/// Which sessions a generated ten-year archive holds and when: a runner training four to five
/// times a week, with easy runs, a weekly long run, track sessions and tempo runs, whose track
/// reps get faster each season (so the history has a known truth for `progress`, M7, M52).
struct ArchivePlan: Sendable {
    /// The first day of the archive, 2016-01-01, 06:00 UTC.
    static let firstDay = Date(timeIntervalSince1970: 1_451_628_000)
    /// Ten calendar years of days, 2016 to 2025 (three leap years).
    static let days = 3_653
    /// Every how many files one is written gzip-compressed, as Strava bulk exports ship them.
    static let gzipEvery = 100

    /// One session of the archive.
    struct Session: Sendable {
        var index: Int
        var start: Date
        var kind: SessionKind
        var seed: UInt64
        var gzip: Bool
        /// Whole seasons (years) since the archive began: the track reps speed up with them.
        var season: Int
    }

    /// What a session is.
    enum SessionKind: Sendable, Equatable {
        case easy(minutes: Int)
        case long(minutes: Int)
        /// Reps of `meters` with `recoverySeconds` of jogging between, on a 400 m track.
        case track(reps: Int, meters: Int, recoverySeconds: Int)
        case tempo(minutes: Int)

        /// The file-name word for the kind.
        var name: String {
            switch self {
            case .easy: "easy"
            case .long: "long"
            case .track(let reps, let meters, _): "track-\(reps)x\(meters)"
            case .tempo: "tempo"
            }
        }
    }

    let sessions: [Session]

    /// `count` sessions spread evenly over ten years, the kinds and lengths drawn from `seed`.
    init(count: Int, seed: UInt64) {
        var random = SplitMix(seed: seed)
        var sessions: [Session] = []
        sessions.reserveCapacity(count)
        let tracks: [(reps: Int, meters: Int, recovery: Int)] = [(6, 200, 200), (8, 400, 90), (12, 200, 60), (5, 1000, 180)]
        for index in 0..<count {
            let day = index * Self.days / count
            let minuteOfDay = 6 * 60 + Int(random.next() % (13 * 60))
            let start = Self.firstDay.addingTimeInterval(Double(day * 86_400 + minuteOfDay * 60 - 6 * 3600))
            let roll = random.unit()
            let kind: SessionKind
            switch roll {
            case ..<0.48: kind = .easy(minutes: 40 + Int(random.next() % 36))
            case ..<0.64: kind = .long(minutes: 85 + Int(random.next() % 60))
            case ..<0.82:
                let track = tracks[Int(random.next() % UInt64(tracks.count))]
                kind = .track(reps: track.reps, meters: track.meters, recoverySeconds: track.recovery)
            default: kind = .tempo(minutes: 50 + Int(random.next() % 21))
            }
            sessions.append(Session(
                index: index, start: start, kind: kind, seed: random.next(),
                gzip: index % Self.gzipEvery == Self.gzipEvery - 1, season: day / 365))
        }
        self.sessions = sessions
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): small, fast and seedable, so an archive is the same on every machine.
struct SplitMix: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A number in [-1, 1).
    mutating func signed() -> Double { unit() * 2 - 1 }
}
