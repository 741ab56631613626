/// One of the method's stretches (M5): held 30 s, after the warm-up and again after the session,
/// never on cold muscles (M4).
public enum Stretch: String, Sendable, Hashable, CaseIterable {
    case hamstrings, glutes, calves, groin, hips, quads

    /// How long each stretch is held (M5).
    public static let hold = Duration.seconds(30)

    /// The cue every stretch carries (M5).
    public static let cue = "hold each stretch 30 s"

    /// The stretch as a workout step, at the intensity of the phase it belongs to.
    public func step(_ intensity: Intensity) -> WorkoutStep {
        WorkoutStep(intensity, .time(Self.hold), name: "Stretch \(rawValue)", note: Self.cue)
    }

    /// All six stretches as steps, in the method's order (M5).
    public static func steps(_ intensity: Intensity) -> [WorkoutBlock] {
        allCases.map { .step($0.step(intensity)) }
    }
}
