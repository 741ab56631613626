// libFuzzer entry point for the whole path a user's file takes: bytes → ActivityFile (FIT, GPX,
// TCX or gzip, by content) → ActivityAnalysis (reps, best efforts, pace curve, warnings). Any
// input gives an analysis or a typed error, never a trap; totals are finite.
import Foundation
import Speedwork

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzActivityAnalysis(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    do {
        let activities = try ActivityFile.read(input, verifyCRC: false)
        for activity in activities.prefix(2) where !activity.samples.isEmpty {
            let analysis = ActivityAnalysis(activity: activity)
            precondition(analysis.distanceMeters.isFinite && analysis.durationSeconds.isFinite, "non-finite totals")
            precondition(analysis.bestEfforts.allSatisfy { $0.seconds.isFinite }, "non-finite best effort")
        }
    } catch {
        FuzzChecks.errorIsPlaced(error, size: size, input: input)
    }
    return 0
}
