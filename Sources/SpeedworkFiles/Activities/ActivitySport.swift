import Foundation

/// Maps the free-text sport of GPX (`trk/type`) and TCX (`Activity/@Sport`: Running, Biking,
/// Other) onto FIT sport names, the names ``Activity/sport`` uses (FIT Profile, `sport`).
enum ActivitySport {
    /// The FIT sport name for `text`: `running`, `cycling`, `walking`, `hiking`, `swimming`;
    /// `generic` when none is given; `other` for TCX's Other, which says "not one of Running or
    /// Biking" (so not a run); otherwise the text in lower case with `_` for spaces.
    static func name(fromText text: String?) -> String {
        guard let text else { return "generic" }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_")
        switch key {
        case "": return "generic"
        case "running", "run", "jogging", "trail_running", "treadmill_running", "track_running", "virtualrun":
            return "running"
        case "biking", "cycling", "ride", "bike", "road_biking", "mountain_biking", "virtualride": return "cycling"
        case "walking", "walk": return "walking"
        case "hiking", "hike": return "hiking"
        case "swimming", "swim": return "swimming"
        default: return key
        }
    }
}
