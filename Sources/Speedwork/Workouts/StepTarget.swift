/// What a workout step aims at; maps onto FIT's `target_type` and custom target values.
public enum StepTarget: Sendable, Hashable {
    /// A pace band (FIT target type `speed`, custom low/high in mm/s).
    case pace(PaceRange)
    /// A perceived effort on the method's 0–10 scale (RPE 1 very easy, 4–5 hard sprint effort);
    /// FIT has no RPE target, so it is exported as an open target with the RPE in the step name.
    case effort(ClosedRange<Int>)
    /// No target (FIT target type `open`).
    case none
}
