/// How long a workout step lasts; maps onto FIT's `duration_type` and `duration_value`.
public enum StepLength: Sendable, Hashable {
    /// A fixed time (FIT duration type `time`, value in ms).
    case time(Duration)
    /// A fixed distance (FIT duration type `distance`, value in cm).
    case distance(Distance)
    /// Until the lap button is pressed (FIT duration type `open`): hills, drills, jogging back.
    case open
    /// A number of repetitions of a strength exercise (FIT duration type `reps`).
    case reps(Int)
}
