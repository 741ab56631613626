import Foundation

/// The runner's weekly running time and how a plan grows it (docs/volume-model.md).
///
/// A plan starts from the runner's current weekly running (`--weekly 4h`, `--weekly 40km`) or a
/// stated default, grows it at most 10 % a week (the common "10 % rule"; Buist et al. 2008 and
/// Nielsen et al. 2014 found no injury benefit below that figure for novices, but a larger risk
/// above about 30 %), drops it for a cutback week every fourth week (Pfitzinger: a recovery week
/// every 3–4 weeks) and for the taper, and gives the long run at most 30 % of the week (Daniels).
public struct WeeklyVolume: Sendable, Hashable {
    /// Where the start figure comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The runner's own figure (`--weekly`).
        case given
        /// ``init(defaultFor:vdot:budget:)``, stated in the plan.
        case `default`
    }

    /// Minutes of running in the week before the plan.
    public let startMinutes: Int
    /// Whether the runner gave it (`--weekly`) or it is the stated default.
    public let source: Source
    /// One sentence saying where the figure comes from.
    public let note: String

    /// Planned growth a week (product setting, under the 10 % ceiling so rounding never passes it).
    public static let weeklyGrowth = 0.08
    /// The ceiling on a week's growth over the last full week (the 10 % rule, docs/volume-model.md).
    public static let maximumGrowth = 0.10
    /// Every `cutbackEvery`-th week is a cutback week (Pfitzinger: every 3–4 weeks).
    public static let cutbackEvery = 4
    /// A cutback week's running as a share of the last full week (−25 %; Pfitzinger −20 to −30 %).
    public static let cutbackShare = 0.75
    /// The most a cutback week runs, as a share of the full week before it (a cutback that
    /// cuts: at least 10 % less even when the week's sessions cannot shrink to 75 %).
    public static let cutbackCeiling = 0.9
    /// The race week's running as a share of the last full week (a one-week taper, −40 %).
    public static let taperShare = 0.6
    /// The most a plan raises weekly running above the start (product setting: a plan of speed
    /// work is not the place for a big jump in volume).
    public static let peakShare = 1.5
    /// The long run's largest share of the week's running (Daniels: 25–30 %).
    public static let longRunShare = 0.30
    /// The shortest easy run a plan prescribes, warm-up and cool-down included.
    public static let shortestEasyRun = 20
    /// The accepted range of `--weekly`, in minutes.
    public static let allowed = 60...1_200

    /// A default weekly time per training day, by VDOT (product settings: a novice's 30 min, a
    /// trained club runner's 40–50 min, a sub-5 miler's 60 min a day).
    public static func defaultMinutesPerDay(vdot: Double) -> Int {
        switch vdot {
        case ..<35: 30
        case ..<45: 40
        case ..<55: 50
        default: 60
        }
    }

    /// The long run's cap for a goal of `distance`, in minutes (sized for the race: 60 min for
    /// 800 m–mile, 75 min for 3K–5K, 90 min for 10K; Daniels caps it at 150 min or 25–30 %).
    public static func longRunCap(for distance: Distance) -> Int {
        switch distance.meters {
        case ..<2_000: 60
        case ..<7_000: 75
        default: 90
        }
    }

    /// The runner's own figure.
    ///
    /// - Throws: ``InputError`` when it is outside 60–1200 minutes.
    public init(given minutes: Int, text: String? = nil) throws {
        guard Self.allowed.contains(minutes) else {
            throw InputError("weekly running \(text.map { "'\($0)' (\(minutes) min)" } ?? "\(minutes) min") is outside \(Self.allowed.lowerBound)–\(Self.allowed.upperBound) min (1–20 h) a week")
        }
        startMinutes = minutes
        source = .given
        note = "your weekly running: \(Self.hours(minutes))\(text.map { $0.lowercased().hasSuffix("km") ? " (\($0) at your easy pace)" : "" } ?? "")"
    }

    /// The stated default for `days` training days at `vdot`, each day within `budget` minutes.
    public init(defaultFor days: Int, vdot: Double, budget: Int? = nil) {
        let perDay = min(Self.defaultMinutesPerDay(vdot: vdot), budget ?? Int.max)
        startMinutes = max(Self.allowed.lowerBound, days * perDay)
        source = .default
        note = "default: \(days) days × \(perDay) min at VDOT \(vdot.text(decimals: 1))\(perDay < Self.defaultMinutesPerDay(vdot: vdot) ? " (your session budget)" : "") = \(Self.hours(startMinutes)) a week; give your own with --weekly"
    }

    /// `3h20`, `45 min`.
    public static func hours(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60)h\(minutes % 60 == 0 ? "" : String(format: "%02d", minutes % 60))"
    }
}
