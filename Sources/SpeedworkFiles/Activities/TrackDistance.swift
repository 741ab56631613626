import Foundation
import Speedwork

/// Distance and speed for samples that only have positions (GPX, TCX without DistanceMeters):
/// great-circle distance by the haversine formula on a sphere of the Earth's mean radius
/// (R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984; mean radius
/// 6 371 008.8 m, IUGG R1). On a sphere the error against the WGS 84 ellipsoid stays under 0.5 %,
/// and much less over a run's short steps in one region.
enum TrackDistance {
    /// Mean Earth radius in metres (IUGG R1 = (2a + b) / 3 for WGS 84).
    static let earthRadiusMeters = 6_371_008.8

    /// Metres between two positions given in degrees.
    static func haversineMeters(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let phi1 = latitude1 * radians
        let phi2 = latitude2 * radians
        let dPhi = (latitude2 - latitude1) * radians
        let dLambda = (longitude2 - longitude1) * radians
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * earthRadiusMeters * asin(min(1, h.squareRoot()))
    }

    /// Fills `meters` with the distance summed along positions, restarting the step (not the
    /// sum) at each index in `segmentStarts` (in order): a gap between GPX segments adds nothing. Samples
    /// before the first position keep nil; samples without a position keep the sum so far.
    static func fillDistance(_ samples: inout [ActivitySample], segmentStarts: [Int] = []) {
        var total: Double?
        var previous: (Double, Double)?
        var next = 0
        for i in samples.indices {
            while next < segmentStarts.count, segmentStarts[next] < i { next += 1 }
            if next < segmentStarts.count, segmentStarts[next] == i { previous = nil }
            if let lat = samples[i].latitude, let lon = samples[i].longitude {
                if let (pLat, pLon) = previous {
                    total = (total ?? 0)
                        + haversineMeters(latitude1: pLat, longitude1: pLon, latitude2: lat, longitude2: lon)
                } else if total == nil {
                    total = 0
                }
                previous = (lat, lon)
            }
            samples[i].meters = total
        }
    }

    /// Fills a missing `metersPerSecond` from the distance and time since the sample before,
    /// when both have a distance and time moved on (not across a segment start).
    static func fillSpeed(_ samples: inout [ActivitySample], segmentStarts: [Int] = []) {
        guard samples.count > 1 else { return }
        var next = 0
        for i in 1..<samples.count where samples[i].metersPerSecond == nil {
            while next < segmentStarts.count, segmentStarts[next] < i { next += 1 }
            if next < segmentStarts.count, segmentStarts[next] == i { continue }
            guard let d1 = samples[i].meters, let d0 = samples[i - 1].meters else { continue }
            let dt = samples[i].seconds - samples[i - 1].seconds
            if dt > 0 { samples[i].metersPerSecond = (d1 - d0) / dt }
        }
    }
}
