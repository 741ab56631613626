/// Leg speed = step length × cadence (M6), and what a gain in either is worth.
///
/// Speed is step length times step rate, so a relative gain in either one is the same relative
/// gain in speed. Over the time a runner now takes for a mile, a step-length gain ΔL covers an
/// extra `mile · ΔL / L`, and a cadence gain Δc an extra `mile · Δc / c`. The method's rounded
/// figures (+2 cm ≈ 16 m per mile, +2 steps/min ≈ 23 m per mile) differ from this exact
/// arithmetic; `docs/leg-speed.md` shows by how much for the method's 40:00 10K example.
public struct LegSpeed: Sendable, Hashable {
    /// The race the numbers come from.
    public let race: Performance
    /// Steps per minute, both feet counted.
    public let cadence: Double

    /// Cadences accepted, steps per minute with both feet counted.
    public static let acceptedCadence = 120.0...250.0

    /// Throws ``InputError`` when `cadence` is outside ``acceptedCadence``; a value that looks
    /// like one foot's count (60–125) is pointed out.
    public static func validateCadence(_ cadence: Double) throws {
        guard cadence.isFinite, acceptedCadence.contains(cadence) else {
            let hint = (60...125).contains(cadence) ? " (it looks like one foot's count: try \((cadence * 2).trimmedText()))" : ""
            throw InputError("cadence \(cadence.trimmedText()) is outside 120–250 steps per minute, both feet counted\(hint)")
        }
    }

    /// - Throws: ``InputError`` when the cadence is outside 120–250 steps/min; a value that
    ///   looks like one foot's count (60–125) is pointed out.
    public init(race: Performance, cadence: Double) throws {
        try Self.validateCadence(cadence)
        self.race = race
        self.cadence = cadence
    }

    /// Average step length in the race.
    public var stepLength: Distance {
        .meters(race.speed.metersPerMinute / cadence)
    }

    /// Steps taken over one mile.
    public var stepsPerMile: Double { Distance.mile.meters / stepLength.meters }

    /// Extra metres covered in the time of one mile from a longer step.
    public func metersPerMile(fromStepGain gain: Distance) -> Double {
        Distance.mile.meters * gain.meters / stepLength.meters
    }

    /// Extra metres covered in the time of one mile from a higher cadence.
    public func metersPerMile(fromCadenceGain gain: Double) -> Double {
        Distance.mile.meters * gain / cadence
    }

    /// The race time with both gains at once.
    public func newTime(stepGain: Distance, cadenceGain: Double) -> Duration {
        let speed = (stepLength.meters + stepGain.meters) * (cadence + cadenceGain) / 60
        return .seconds(race.distance.meters / speed)
    }
}

extension LegSpeed {
    /// Step-length gains accepted: 0 to 20 cm.
    public static let acceptedStepGain = Distance.meters(0)...Distance.meters(0.2)
    /// Cadence gains accepted: 0 to 30 steps/min.
    public static let acceptedCadenceGain = 0.0...30.0

    /// Checks a step-length gain. M6: never force a longer stride, so large gains are refused.
    public static func validateStepGain(_ gain: Distance) throws {
        guard acceptedStepGain.contains(gain) else {
            throw InputError("step-length gain \((gain.meters * 100).trimmedText())cm is outside 0–20 cm: gains come from strength and flexibility, never a forced longer stride (M6)")
        }
    }

    /// Checks a cadence gain.
    public static func validateCadenceGain(_ gain: Double) throws {
        guard gain.isFinite, acceptedCadenceGain.contains(gain) else {
            throw InputError("cadence gain \(gain.trimmedText()) is outside 0–30 steps per minute")
        }
    }
}
