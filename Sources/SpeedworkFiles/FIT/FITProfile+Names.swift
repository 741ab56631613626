/// Names from the Garmin FIT SDK *Profile* (Profile.xlsx, Types sheet) for the enums an activity
/// reader turns into text: `sport`, `sub_sport`, `lap_trigger`, `manufacturer` and
/// `garmin_product`. Not exhaustive: numbers missing here are shown as numbers.
extension FITProfile {
    /// The `sport` enum value's name (`running` for 1), or the number as text.
    public static func sportName(_ value: UInt8) -> String {
        Int(value) < sportNames.count ? sportNames[Int(value)] : String(value)
    }

    /// The `sub_sport` enum value's name (`track` for 4), or the number as text.
    public static func subSportName(_ value: UInt8) -> String {
        if Int(value) < subSportNames.count { return subSportNames[Int(value)] }
        return value == 58 ? "virtual_activity" : String(value)
    }

    /// The `manufacturer` name (`garmin` for 1), or nil when the table lacks it.
    public static func manufacturerName(_ value: UInt16) -> String? { manufacturerNames[value] }

    /// The `garmin_product` name (`fr45`…), used for Garmin and Dynastream devices, or nil.
    public static func garminProductName(_ value: UInt16) -> String? { garminProductNames[value] }

    /// Manufacturers whose `product` field holds a `garmin_product` value: garmin (1),
    /// dynastream (15), dynastream_oem (13) (FIT Profile, `file_id.product` subfields).
    static let garminProductManufacturers: Set<UInt16> = [1, 13, 15]

    /// `sport`, by value 0…47.
    static let sportNames: [String] = [
        "generic", "running", "cycling", "transition", "fitness_equipment", "swimming", "basketball",
        "soccer", "tennis", "american_football", "training", "walking", "cross_country_skiing",
        "alpine_skiing", "snowboarding", "rowing", "mountaineering", "hiking", "multisport", "paddling",
        "flying", "e_biking", "motorcycling", "boating", "driving", "golf", "hang_gliding",
        "horseback_riding", "hunting", "fishing", "inline_skating", "rock_climbing", "sailing",
        "ice_skating", "sky_diving", "snowshoeing", "snowmobiling", "stand_up_paddleboarding", "surfing",
        "wakeboarding", "water_skiing", "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical",
        "jumpmaster", "boxing",
    ]

    /// `sub_sport`, by value 0…49 (58, virtual_activity, is handled apart).
    static let subSportNames: [String] = [
        "generic", "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road", "mountain",
        "downhill", "recumbent", "cyclocross", "hand_cycling", "track_cycling", "indoor_rowing",
        "elliptical", "stair_climbing", "lap_swimming", "open_water", "flexibility_training",
        "strength_training", "warm_up", "match", "exercise", "challenge", "indoor_skiing",
        "cardio_training", "indoor_walking", "e_bike_fitness", "bmx", "casual_walking", "speed_walking",
        "bike_to_run_transition", "run_to_bike_transition", "swim_to_bike_transition", "atv", "motocross",
        "backcountry", "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga", "pilates",
        "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting", "mixed_surface",
    ]
}

extension FITProfile {
    /// `manufacturer`, the values seen in runners' and cyclists' files.
    static let manufacturerNames: [UInt16: String] = [
        1: "garmin", 13: "dynastream_oem", 15: "dynastream", 23: "suunto", 32: "wahoo_fitness",
        70: "sigmasport", 95: "stryd", 255: "development", 260: "zwift", 265: "strava", 294: "coros",
        307: "onelap",
    ]

    /// `garmin_product`, the values seen in runners' and cyclists' files.
    static let garminProductNames: [UInt16: String] = [
        1: "hrm1", 22: "hrm_fit_single_byte_product_id", 988: "fr60", 1036: "edge500", 1124: "fr110",
        1169: "edge800", 1325: "edge200", 1436: "fr70", 1561: "edge510", 1567: "edge810",
        1765: "fr920xt", 1837: "vivo_fit", 1967: "fenix2", 2050: "fenix3", 2158: "fr735xt",
        2337: "vivo_active_hr", 2530: "edge_820", 2691: "fr935", 2697: "fenix5", 3121: "edge_530",
        3282: "fr45", 3291: "fenix6x",
    ]
}
