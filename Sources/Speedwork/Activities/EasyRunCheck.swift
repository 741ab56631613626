/// M2: hard days hard, easy days easy. Checks an easy run against the runner's easy pace.
public struct EasyRunCheck: Sendable {
    /// Share of moving time faster than the fast end of the easy band, 0–1.
    public let shareTooFast: Double
    /// The fast end of the easy band the run was checked against.
    public let easyPace: PaceRange
    /// Average pace while moving.
    public let movingPace: Pace?

    /// More than this share of an easy run faster than easy pace earns a warning (product setting).
    public static let tolerance = 0.2
    /// Speeds below this are standing or walking, not counted, m/s.
    public static let moving = 1.0

    public init(series: SpeedSeries, easyPace: PaceRange) {
        let moving = series.speed.filter { $0 >= Self.moving }
        let limit = easyPace.fast.speed.metersPerSecond
        shareTooFast = moving.isEmpty ? 0 : Double(moving.filter { $0 > limit }.count) / Double(moving.count)
        self.easyPace = easyPace
        movingPace = moving.isEmpty ? nil : Pace(speed: Speed(metersPerSecond: moving.reduce(0, +) / Double(moving.count)))
    }

    /// Whether the easy run was run too hard.
    public var tooHard: Bool { shareTooFast > Self.tolerance }

    /// The plain warning, when there is one.
    public var warning: String? {
        guard tooHard else { return nil }
        return "This easy run was run too hard: \(Int((shareTooFast * 100).rounded())) % of it faster than your easy pace (\(easyPace.perKilometerText)). Easy days easy, so that hard days can be hard (M2)."
    }
}
