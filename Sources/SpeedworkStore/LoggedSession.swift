import Foundation
import Speedwork

/// A session logged by hand where no watch was worn (M50): the reps as timed, how hard it felt,
/// notes, and for strength work the sets with their load and whether form held.
public struct LoggedSession: Sendable, Hashable {
    /// The record's key; inserting the same key twice keeps the first.
    public var id: UUID
    /// The day it was run.
    public var day: Day
    /// The method's session it was, by rule id (`M11`), when it was one.
    public var session: String?
    /// Rating of perceived exertion on Borg's CR-10 scale, 0 (rest) to 10 (maximal).
    public var rpe: Int?
    /// The runner's notes.
    public var notes: String?
    /// Rep times and distances in the order they were run.
    public var reps: [LoggedRep]
    /// Strength sets in the order they were done.
    public var strengthSets: [StrengthSet]

    /// The range of Borg's CR-10 scale (Borg, "Psychophysical bases of perceived exertion", 1982).
    public static let rpeRange = 0...10

    /// A session, refused when the RPE is off the CR-10 scale or nothing was logged at all.
    public init(id: UUID = UUID(), day: Day, session: String? = nil, rpe: Int? = nil, notes: String? = nil,
                reps: [LoggedRep] = [], strengthSets: [StrengthSet] = []) throws {
        if let rpe, !LoggedSession.rpeRange.contains(rpe) {
            throw InputError("RPE \(rpe) is not allowed: use 0 (rest) to 10 (maximal) on the CR-10 scale")
        }
        if reps.isEmpty, strengthSets.isEmpty, rpe == nil, (notes ?? "").isEmpty {
            throw InputError("a logged session needs reps, strength sets, an RPE or notes")
        }
        self.id = id
        self.day = day
        self.session = session
        self.rpe = rpe
        self.notes = notes
        self.reps = reps
        self.strengthSets = strengthSets
    }
}

/// One rep as timed by hand (M50): its time, and its distance when known.
public struct LoggedRep: Sendable, Hashable {
    /// The rep's distance, when known.
    public var distance: Distance?
    /// The rep's time.
    public var time: Duration

    /// A rep, refused unless its time (and distance, if given) is positive and finite.
    public init(distance: Distance? = nil, time: Duration) throws {
        guard time.seconds.isFinite, time.seconds > 0 else {
            throw InputError("rep time \(time.seconds) s is not allowed: it must be more than 0 s")
        }
        if let distance, !(distance.meters.isFinite && distance.meters > 0) {
            throw InputError("rep distance \(distance.meters) m is not allowed: it must be more than 0 m")
        }
        self.distance = distance
        self.time = time
    }
}

/// One strength set (M50): the exercise, the reps, the load, and whether form was good throughout,
/// which gates progression (M33).
public struct StrengthSet: Sendable, Hashable {
    /// The exercise, as the runner names it (`back squat`).
    public var exercise: String
    /// Repetitions done.
    public var reps: Int
    /// Added load in kilograms; nil for body weight.
    public var loadKilograms: Double?
    /// Whether form was good throughout (M50); progression is gated by form (M33).
    public var formWasGood: Bool

    /// A set, refused with no exercise name, no reps, or a negative load.
    public init(exercise: String, reps: Int, loadKilograms: Double? = nil, formWasGood: Bool) throws {
        guard !exercise.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError("a strength set needs the exercise's name")
        }
        guard reps > 0 else { throw InputError("\(reps) reps is not allowed: a set has at least 1 rep") }
        if let loadKilograms, !(loadKilograms.isFinite && loadKilograms >= 0) {
            throw InputError("load \(loadKilograms) kg is not allowed: use 0 kg or more, or none for body weight")
        }
        self.exercise = exercise
        self.reps = reps
        self.loadKilograms = loadKilograms
        self.formWasGood = formWasGood
    }
}
