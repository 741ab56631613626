/// How hard a workout step is meant to be; maps one-to-one onto FIT's `intensity` enum
/// (warmup, active, recovery, rest, cooldown).
public enum Intensity: String, Sendable, Hashable, Codable, CaseIterable {
    case warmup, active, recovery, rest, cooldown
}
