import Foundation
import Speedwork

/// Writes a report as the JSON of the README's contract: sorted keys, pretty-printed, and every
/// number that is not finite (an infinite pace over a stretch without distance, a NaN) written as
/// `null`, since JSON (RFC 8259, section 6) has no infinity or NaN. `pretty: false` writes it on
/// one line, as the training log stores an activity's analysis.
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        // The encoder can only spell a non-finite number as a string: it spells each as one marker
        // string made unique per call, and every quoted marker then becomes `null`. A marker holds
        // a fresh UUID, so no text of the report can match it.
        let marker = "nonfinite-" + UUID().uuidString
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        let encoded = Array(try encoder.encode(value))
        return String(decoding: replacing(Array(("\"" + marker + "\"").utf8), with: Array("null".utf8), in: encoded), as: UTF8.self)
    }

    /// `bytes` with every occurrence of `needle` replaced, scanning the UTF-8 once (Foundation's
    /// string replacement bridges through NSString on Linux and costs more than the encoding). The
    /// needle is ASCII, so a match never starts inside a multi-byte character.
    public static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = needle.first, bytes.count >= needle.count else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let lastStart = bytes.count - needle.count
        var index = 0
        while index < bytes.count {
            if index <= lastStart, bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: replacement)
                index += needle.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}

/// A number rounded for output: times to 0.1 s, VDOT to 0.1, metres to 0.1 m.
public func rounded(_ value: Double, _ decimals: Int = 1) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
}

/// `{"fast": …, "slow": …}` in seconds.
public struct SecondsRangeJSON: Encodable, Equatable {
    /// Makes the value from its parts.
    public init(fast: Double, slow: Double) {
        self.fast = fast
        self.slow = slow
    }

    public let fast: Double
    public let slow: Double
}

/// A pace band per km and per mile.
public struct PaceJSON: Encodable, Equatable {
    public let secondsPerKm: SecondsRangeJSON
    public let secondsPerMile: SecondsRangeJSON

    public init(_ range: PaceRange) {
        secondsPerKm = SecondsRangeJSON(fast: rounded(range.fast.secondsPerKilometer), slow: rounded(range.slow.secondsPerKilometer))
        secondsPerMile = SecondsRangeJSON(fast: rounded(range.fast.secondsPerMile), slow: rounded(range.slow.secondsPerMile))
    }
}

/// The fitness estimate as JSON: model, VDOT, confidence, the results and notes.
public struct FitnessJSON: Encodable {
    public struct Result: Encodable {
        public let result: String
        public let distance: String
        public let meters: Double
        public let seconds: Double
        public let date: String?
        public let weight: Double
        public let vdot: Double
        public let supersededBy: String?
    }

    public struct Parameters: Encodable {
        public let riegelExponent: Double?
        public let criticalSpeedMetersPerSecond: Double?
        public let dPrimeMeters: Double?
        public let speedReserveRatio: Double
        public let speedReserveFitted: Bool
        public let speedAtVO2maxMetersPerSecond: Double
    }

    public let model: String
    public let modelTitle: String
    public let vdot: Double
    public let confidence: String
    public let confidenceReasons: [String]
    public let notes: [String]
    public let asOf: String
    public let results: [Result]
    public let parameters: Parameters

    public init(_ estimate: FitnessEstimate) {
        model = estimate.model.name
        modelTitle = estimate.model.title
        vdot = rounded(estimate.vdot)
        confidence = estimate.confidence.rawValue
        confidenceReasons = estimate.confidenceReasons
        notes = estimate.notes
        asOf = estimate.asOf.description
        results = estimate.results.map {
            Result(result: $0.performance.written, distance: $0.performance.distance.label, meters: rounded($0.performance.distance.meters, 3),
                   seconds: rounded($0.performance.time.seconds, 2), date: $0.performance.date?.description,
                   weight: rounded($0.weight, 3), vdot: rounded($0.vdot), supersededBy: $0.supersededBy?.written)
        }
        var riegel: Double?
        var cs: CriticalSpeedModel?
        switch estimate.model {
        case .riegel(let model): riegel = model.exponent
        case .criticalSpeed(let model): cs = model
        case .vdot, .speedReserve: break
        }
        parameters = Parameters(
            riegelExponent: riegel.map { rounded($0, 4) },
            criticalSpeedMetersPerSecond: cs.map { rounded($0.criticalSpeed.metersPerSecond, 3) },
            dPrimeMeters: cs.map { rounded($0.dPrime.meters) },
            speedReserveRatio: rounded(estimate.speedReserve.reserveRatio, 3),
            speedReserveFitted: estimate.speedReserveIsPersonal,
            speedAtVO2maxMetersPerSecond: rounded(estimate.speedReserve.aerobicSpeed.metersPerSecond, 3))
    }
}
