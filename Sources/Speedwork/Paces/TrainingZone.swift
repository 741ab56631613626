/// One of Daniels' training intensities, with its pace band.
///
/// Source: J. Daniels, *Daniels' Running Formula*, 3rd ed. (2013), ch. 4–5 and Table 5.2.
public struct TrainingZone: Sendable, Hashable {
    /// The intensities, slowest first.
    public enum Code: String, Sendable, CaseIterable, Codable {
        /// Easy and long runs (M20).
        case easy = "E"
        /// Marathon race pace.
        case marathon = "M"
        /// Threshold (M18's neighbour in Daniels' system).
        case threshold = "T"
        /// Interval, about VO2max.
        case interval = "I"
        /// Repetition, about mile race pace.
        case repetition = "R"

        /// The zone's name in words.
        public var name: String {
            switch self {
            case .easy: "easy"
            case .marathon: "marathon"
            case .threshold: "threshold"
            case .interval: "interval"
            case .repetition: "repetition"
            }
        }
    }

    /// Which intensity.
    public let code: Code
    /// Its pace band; a single pace for M, T, I and R, which the tables give as one value.
    public let pace: PaceRange
}
