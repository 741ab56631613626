/// How a session grows over the weeks of a training block, within the method's bounds
/// (M10, M11, M13, M14, M16, M17, M18).
///
/// The curve is linear: week 1 gets the method's starting value, week `blockWeeks` its final
/// value, and the weeks between move evenly from one to the other. Weeks past the end of the block
/// keep the final value. Counts round to the nearest whole rep; times round to the nearest 5 s
/// (whole seconds for sprints under a minute).
public struct BlockProgression: Sendable, Hashable {
    /// The product's default block length: 8 weeks from first to final values.
    public static let defaultBlockWeeks = 8
    /// The block lengths allowed.
    public static let allowedBlockWeeks = 1...52

    /// The number of weeks over which values move from start to end.
    public let blockWeeks: Int

    /// Creates a progression over `blockWeeks` weeks; throws when it is outside 1–52.
    public init(blockWeeks: Int = BlockProgression.defaultBlockWeeks) throws {
        guard Self.allowedBlockWeeks.contains(blockWeeks) else {
            throw InputError("block length \(blockWeeks) weeks is outside \(Self.allowedBlockWeeks.lowerBound)–\(Self.allowedBlockWeeks.upperBound) weeks")
        }
        self.blockWeeks = blockWeeks
    }

    private init(checkedWeeks: Int) {
        blockWeeks = checkedWeeks
    }

    /// The product default: 8 weeks.
    public static let standard = BlockProgression(checkedWeeks: defaultBlockWeeks)

    /// How far into the block `week` is: 0 in week 1, 1 from week `blockWeeks` on.
    ///
    /// A one-week block stays at the starting values. Throws for weeks below 1.
    public func fraction(week: Int) throws -> Double {
        try Self.validate(week: week)
        guard blockWeeks > 1 else { return 0 }
        return Double(min(week, blockWeeks) - 1) / Double(blockWeeks - 1)
    }

    /// A rep count moving from `start` to `end`, rounded to the nearest whole rep.
    public func count(from start: Int, to end: Int, week: Int) throws -> Int {
        let share = try fraction(week: week)
        return Int((Double(start) + Double(end - start) * share).rounded())
    }

    /// A time moving from `start` to `end`, rounded to the nearest `step` seconds.
    public func duration(from start: Duration, to end: Duration, week: Int, step: Double = 5) throws -> Duration {
        let share = try fraction(week: week)
        let seconds = start.seconds + (end.seconds - start.seconds) * share
        return .seconds((seconds / step).rounded() * step)
    }

    /// Reps first, then recovery: the count rises from `count.start` to `count.end` over the
    /// first half of the block (reaching it in the last week at or before mid-block) with the
    /// starting recovery; over the second half the recovery shortens towards `recovery.end` while
    /// the count stays one rep below its peak, so the most reps and the shortest recovery never
    /// fall in the same week (a product setting: one load at a time, docs/plans.md).
    public func repsThenRecovery(count: (start: Int, end: Int), recovery: (start: Duration, end: Duration), week: Int,
                                 step: Double = 5) throws -> (count: Int, recovery: Duration) {
        let share = try fraction(week: week)
        let peak = blockWeeks > 1 ? Double((blockWeeks - 1) / 2) / Double(blockWeeks - 1) : 0
        if share <= peak {
            let rising = peak > 0 ? share / peak : 0
            return (Int((Double(count.start) + Double(count.end - count.start) * rising).rounded()), recovery.start)
        }
        let falling = (share - peak) / (1 - peak)
        let seconds = recovery.start.seconds + (recovery.end.seconds - recovery.start.seconds) * falling
        let reps = count.end > count.start ? count.end - 1 : count.end
        return (reps, .seconds((seconds / step).rounded() * step))
    }

    /// Throws unless `week` is 1 or more.
    public static func validate(week: Int) throws {
        guard week >= 1 else {
            throw InputError("week \(week) is not a week of the block: use 1 or more")
        }
    }
}
