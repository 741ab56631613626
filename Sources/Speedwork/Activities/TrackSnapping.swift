import Foundation

/// Track reps (M7): on a track every rep is an exact distance, so GPS error should not distort its
/// pace. When the session ran on a track, a rep's distance snaps to the nominal distance it is
/// closest to (the planned one when a plan is given), within 8 %.
public enum TrackSnapping {
    /// Distances reps are run over on a track, metres.
    public static let nominal: [Double] = [100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 1600, 1609.344, 2000, 3000]
    /// How far a measured rep may be from a nominal distance to snap to it.
    public static let tolerance = 0.08
    /// A 400 m track with its run-outs fits in this many metres each way.
    public static let trackExtent = 250.0

    /// Whether the session ran on a track: the device says so (sport `running/track`), or every rep
    /// stays within a 250 m box, the size of a 400 m track.
    public static func ranOnTrack(_ activity: Activity, reps: [Interval]) -> Bool {
        if activity.sport.lowercased().contains("track") { return true }
        guard reps.count >= 2 else { return false }
        // Each sample is looked up among the reps by binary search: linear in the samples.
        let spans = reps.map { ($0.startSeconds, $0.endSeconds) }.filter { $0.0 <= $0.1 }.sorted { $0.0 < $1.0 }
        let latestEnd = spans.reduce(into: [Double]()) { ends, span in ends.append(max(ends.last ?? -.infinity, span.1)) }
        func inRep(_ seconds: Double) -> Bool {
            var low = 0, high = spans.count
            while low < high {
                let middle = (low + high) / 2
                if spans[middle].0 <= seconds { low = middle + 1 } else { high = middle }
            }
            return low > 0 && seconds <= latestEnd[low - 1]
        }
        let points = activity.samples.filter { sample in
            sample.latitude != nil && sample.longitude != nil && inRep(sample.seconds)
        }
        let latitudes = points.compactMap(\.latitude), longitudes = points.compactMap(\.longitude)
        guard points.count >= 10, let minLat = latitudes.min(), let maxLat = latitudes.max(),
              let minLon = longitudes.min(), let maxLon = longitudes.max()
        else { return false }
        let metersPerDegree = 111_320.0
        let north = (maxLat - minLat) * metersPerDegree
        let east = (maxLon - minLon) * metersPerDegree * cos((minLat + maxLat) / 2 * .pi / 180)
        return north <= trackExtent && east <= trackExtent
    }

    /// The reps with their distance snapped where it is within tolerance of a nominal (or the
    /// planned) distance.
    public static func snap(_ reps: [Interval], planned: [Distance?] = []) -> [Interval] {
        reps.enumerated().map { index, rep in
            var snapped = rep
            let candidates = (index < planned.count ? planned[index].map { [$0.meters] } : nil) ?? nominal
            if let target = candidates.min(by: { abs($0 - rep.measuredMeters) < abs($1 - rep.measuredMeters) }),
               abs(target - rep.measuredMeters) <= tolerance * target {
                snapped.meters = target
                snapped.snapped = true
            }
            return snapped
        }
    }
}
