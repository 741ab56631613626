import Foundation

/// The parts of the Garmin FIT SDK *Profile* (Profile.xlsx, `mesg_num` type and message field
/// tables) that the decoder needs: message names and the field numbers of the messages a running
/// coach reads.
public enum FITProfile {
    /// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z (FIT Profile,
    /// `date_time` type).
    public static let unixEpochOffset: TimeInterval = 631_065_600

    /// A FIT `date_time` (seconds since the FIT epoch) as a `Date`.
    public static func date(fromFITTime seconds: UInt32) -> Date {
        Date(timeIntervalSince1970: unixEpochOffset + TimeInterval(seconds))
    }

    /// Global message numbers of the messages the project reads (FIT Profile, `mesg_num`).
    public enum Message {
        /// `file_id` (0).
        public static let fileID: UInt16 = 0
        /// `device_settings` (2).
        public static let deviceSettings: UInt16 = 2
        /// `user_profile` (3).
        public static let userProfile: UInt16 = 3
        /// `zones_target` (7).
        public static let zonesTarget: UInt16 = 7
        /// `sport` (12).
        public static let sport: UInt16 = 12
        /// `training_settings` (13).
        public static let trainingSettings: UInt16 = 13
        /// `session` (18).
        public static let session: UInt16 = 18
        /// `lap` (19).
        public static let lap: UInt16 = 19
        /// `record` (20).
        public static let record: UInt16 = 20
        /// `event` (21).
        public static let event: UInt16 = 21
        /// `device_info` (23).
        public static let deviceInfo: UInt16 = 23
        /// `workout` (26).
        public static let workout: UInt16 = 26
        /// `workout_step` (27).
        public static let workoutStep: UInt16 = 27
        /// `activity` (34).
        public static let activity: UInt16 = 34
        /// `file_creator` (49).
        public static let fileCreator: UInt16 = 49
        /// `hrv` (78).
        public static let hrv: UInt16 = 78
        /// `length` (101).
        public static let length: UInt16 = 101
        /// `field_description` (206).
        public static let fieldDescription: UInt16 = 206
        /// `developer_data_id` (207).
        public static let developerDataID: UInt16 = 207
    }

    /// Field numbers (FIT Profile, message field tables). `timestamp` (253) is common to all
    /// messages; the others are per message.
    public enum Field {
        /// `timestamp`, uint32 `date_time`, any message.
        public static let timestamp: UInt8 = 253
        /// `message_index`, any message that has one.
        public static let messageIndex: UInt8 = 254

        /// file_id fields.
        public enum FileID {
            /// `type` (0).
            public static let type: UInt8 = 0
            /// `manufacturer` (1).
            public static let manufacturer: UInt8 = 1
            /// `product` (2).
            public static let product: UInt8 = 2
            /// `serial_number` (3).
            public static let serialNumber: UInt8 = 3
            /// `time_created` (4).
            public static let timeCreated: UInt8 = 4
        }

        /// record fields.
        public enum Record {
            /// `position_lat` (0).
            public static let positionLat: UInt8 = 0
            /// `position_long` (1).
            public static let positionLong: UInt8 = 1
            /// uint16, scale 5, offset 500, m.
            public static let altitude: UInt8 = 2
            /// `heart_rate` (3).
            public static let heartRate: UInt8 = 3
            /// uint8 rpm (for running, strides per minute of one leg).
            public static let cadence: UInt8 = 4
            /// uint32, scale 100, m.
            public static let distance: UInt8 = 5
            /// uint16, scale 1000, m/s.
            public static let speed: UInt8 = 6
            /// `power` (7).
            public static let power: UInt8 = 7
            /// uint8, scale 128, rpm.
            public static let fractionalCadence: UInt8 = 53
            /// uint32, scale 1000, m/s.
            public static let enhancedSpeed: UInt8 = 73
            /// uint32, scale 5, offset 500, m.
            public static let enhancedAltitude: UInt8 = 78
        }

        /// lap and session fields shared by both messages.
        public enum LapSession {
            /// `event` (0).
            public static let event: UInt8 = 0
            /// `event_type` (1).
            public static let eventType: UInt8 = 1
            /// `start_time` (2).
            public static let startTime: UInt8 = 2
            /// uint32, scale 1000, s.
            public static let totalElapsedTime: UInt8 = 7
            /// uint32, scale 1000, s.
            public static let totalTimerTime: UInt8 = 8
            /// uint32, scale 100, m.
            public static let totalDistance: UInt8 = 9
        }

        /// session fields.
        public enum Session {
            /// `sport` (5).
            public static let sport: UInt8 = 5
            /// `sub_sport` (6).
            public static let subSport: UInt8 = 6
        }

        /// lap fields.
        public enum Lap {
            /// `lap_trigger` (24), the FIT Profile `lap_trigger` enum.
            public static let trigger: UInt8 = 24
            /// `sport` (25).
            public static let sport: UInt8 = 25
        }

        /// sport message fields.
        public enum Sport {
            /// `sport` (0).
            public static let sport: UInt8 = 0
            /// `sub_sport` (1).
            public static let subSport: UInt8 = 1
        }
    }

    /// The profile name of a global message number, or the number itself as text.
    public static func messageName(_ number: UInt16) -> String {
        messageNames[number] ?? String(number)
    }

    /// Whether the profile table names this message number.
    public static func isKnownMessage(_ number: UInt16) -> Bool { messageNames[number] != nil }

    /// The global message numbers named in the FIT Profile `mesg_num` type (not exhaustive:
    /// the ones seen in activity, workout, settings and monitoring files).
    static let messageNames: [UInt16: String] = [
        0: "file_id", 1: "capabilities", 2: "device_settings", 3: "user_profile",
        4: "hrm_profile", 5: "sdm_profile", 6: "bike_profile", 7: "zones_target", 8: "hr_zone",
        9: "power_zone", 10: "met_zone", 12: "sport", 13: "training_settings", 15: "goal",
        18: "session", 19: "lap", 20: "record", 21: "event", 23: "device_info", 26: "workout",
        27: "workout_step", 28: "schedule", 30: "weight_scale", 31: "course", 32: "course_point",
        33: "totals", 34: "activity", 35: "software", 37: "file_capabilities",
        38: "mesg_capabilities", 39: "field_capabilities", 49: "file_creator",
        51: "blood_pressure", 53: "speed_zone", 55: "monitoring", 72: "training_file",
        78: "hrv", 80: "ant_rx", 81: "ant_tx", 82: "ant_channel_id", 101: "length",
        103: "monitoring_info", 105: "pad", 106: "slave_device", 127: "connectivity",
        128: "weather_conditions", 129: "weather_alert", 131: "cadence_zone", 132: "hr",
        142: "segment_lap", 145: "memo_glob", 148: "segment_id",
        149: "segment_leaderboard_entry", 150: "segment_point", 151: "segment_file",
        158: "workout_session", 159: "watchface_settings", 160: "gps_metadata",
        161: "camera_event", 162: "timestamp_correlation", 164: "gyroscope_data",
        165: "accelerometer_data", 167: "three_d_sensor_calibration", 169: "video_frame",
        174: "obdii_data", 177: "nmea_sentence", 178: "aviation_attitude", 184: "video",
        185: "video_title", 186: "video_description", 187: "video_clip", 188: "ohr_settings",
        200: "exd_screen_configuration", 201: "exd_data_field_configuration",
        202: "exd_data_concept_configuration", 206: "field_description",
        207: "developer_data_id", 208: "magnetometer_data", 209: "barometer_data",
        210: "one_d_sensor_calibration", 216: "time_in_zone", 225: "set",
        227: "stress_level", 258: "dive_settings", 259: "dive_gas", 262: "dive_alarm",
        264: "exercise_title", 268: "dive_summary", 285: "jump", 290: "beat_intervals",
        297: "respiration_rate", 312: "split", 313: "split_summary", 317: "climb_pro",
    ]
}
