/// What kind of day a session is, in the plan's words (M41): the JSON `kind`.
public enum SessionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case speed
    case hills
    case timeTrial = "time-trial"
    case race
    case easy
    case long
    case strength
    case mobility
    case rest

    /// Whether the method counts it as a hard day (M2, M41): speed, hills, time trials, races.
    public var isHard: Bool {
        switch self {
        case .speed, .hills, .timeTrial, .race: true
        case .easy, .long, .strength, .mobility, .rest: false
        }
    }

    /// Whether it is a run (and so exported to the watch as a FIT workout).
    public var isRun: Bool {
        switch self {
        case .speed, .hills, .timeTrial, .race, .easy, .long: true
        case .strength, .mobility, .rest: false
        }
    }
}
