import Speedwork

/// One `workout_step` message (FIT profile, global message 27) as the encoder writes it: the raw
/// values of its fields after mapping a ``Speedwork/WorkoutStep`` or a repeat block onto FIT.
public struct FITWorkoutStep: Sendable, Hashable {
    /// FIT `wkt_step_duration` values the encoder uses.
    public enum DurationType: UInt8, Sendable, Hashable {
        /// `duration_value` in milliseconds.
        case time = 0
        /// `duration_value` in centimetres.
        case distance = 1
        /// Until the lap button.
        case open = 5
        /// `duration_value` is the message index of the first step to repeat; `target_value` the count.
        case repeatUntilStepsComplete = 6
        /// `duration_value` is a number of repetitions (strength).
        case reps = 29
    }

    /// FIT `wkt_step_target` values the encoder uses.
    public enum TargetType: UInt8, Sendable, Hashable {
        /// Custom speed band in `custom_target_value_low/high`, mm/s.
        case speed = 0
        /// No target.
        case open = 2
    }

    /// The step's position in the file (`message_index`, field 254).
    public var messageIndex: UInt16
    /// `wkt_step_name` (field 0), already cut to fit a watch screen; nil for repeat steps.
    public var name: String?
    /// `duration_type` (field 1).
    public var durationType: DurationType
    /// `duration_value` (field 2); nil for open steps.
    public var durationValue: UInt32?
    /// `target_type` (field 3); nil for repeat steps.
    public var targetType: TargetType?
    /// `target_value` (field 4): 0 for a custom speed band, the count for repeat steps.
    public var targetValue: UInt32?
    /// `custom_target_value_low` (field 5): the slow end of the pace band in mm/s.
    public var customTargetLow: UInt32?
    /// `custom_target_value_high` (field 6): the fast end of the pace band in mm/s.
    public var customTargetHigh: UInt32?
    /// `intensity` (field 7); nil for repeat steps.
    public var intensity: UInt8?
    /// `notes` (field 8).
    public var notes: String?

    public init(messageIndex: UInt16, name: String?, durationType: DurationType, durationValue: UInt32?,
                targetType: TargetType?, targetValue: UInt32? = nil, customTargetLow: UInt32? = nil,
                customTargetHigh: UInt32? = nil, intensity: UInt8?, notes: String? = nil) {
        self.messageIndex = messageIndex
        self.name = name
        self.durationType = durationType
        self.durationValue = durationValue
        self.targetType = targetType
        self.targetValue = targetValue
        self.customTargetLow = customTargetLow
        self.customTargetHigh = customTargetHigh
        self.intensity = intensity
        self.notes = notes
    }
}
