import Foundation
import Speedwork
import SpeedworkStore
import SpeedworkTestSupport
import Testing

/// The sample blob gives back exactly what went in, and is much smaller than the raw numbers.
struct SampleBlobTests {
    private func roundTrip(_ activity: Activity) throws -> Activity {
        let blob = SampleBlob.encode(activity)
        return try SampleBlob.decode(blob, sport: activity.sport, start: activity.start, device: activity.device)
    }

    private func sameBits(_ a: Double?, _ b: Double?) -> Bool { a?.bitPattern == b?.bitPattern }

    @Test(arguments: [1 as UInt64, 2, 3])
    func fitLikeSamplesRoundTripExactly(seed: UInt64) throws {
        let activity = GeneratedActivity.run(seed: seed)
        let back = try roundTrip(activity)
        #expect(back == activity)
        for (a, b) in zip(activity.samples, back.samples) {
            #expect(sameBits(a.latitude, b.latitude) && sameBits(a.altitude, b.altitude) && sameBits(a.stepsPerMinute, b.stepsPerMinute))
        }
    }

    @Test func blobIsWellUnderRawSize() {
        let activity = GeneratedActivity.run(seed: 7, samples: 7200)
        let blob = SampleBlob.encode(activity)
        let raw = GeneratedActivity.rawBytes(activity)
        print("sample blob: \(blob.count) bytes for \(activity.samples.count) samples, \(raw) bytes raw (\(100 * blob.count / raw) %)")
        // Random-walk test data compresses worse than a real run; a fifth of raw is the bar.
        #expect(blob.count * 5 < raw)
    }

    @Test func gpxDecimalsRoundTripExactly() throws {
        var random = SeededGenerator(state: 11)
        let samples = (0..<500).map { index in
            ActivitySample(seconds: Double(index), latitude: Double("51.\(Int.random(in: 1_000_000...9_999_999, using: &random))")!,
                           longitude: Double("-0.\(Int.random(in: 1_000_000...9_999_999, using: &random))")!,
                           altitude: Double("\(Int.random(in: 10...99, using: &random)).\(Int.random(in: 0...9, using: &random))")!)
        }
        let activity = Activity(sport: "running", start: nil, samples: samples, laps: [])
        #expect(try roundTrip(activity) == activity)
    }

    @Test func arbitraryDoublesNegativeZeroAndGapsRoundTripBitForBit() throws {
        var random = SeededGenerator(state: 5)
        var samples: [ActivitySample] = []
        for index in 0..<300 {
            let jitter = Double.random(in: 0..<1e-6, using: &random)
            let meters: Double? = index % 3 == 0 ? nil : Double.random(in: -1e9...1e9, using: &random)
            let speed: Double = index == 4 ? -0.0 : Double(index) / 7
            let heartRate: Double? = index % 50 == 0 ? 1e300 : nil
            samples.append(ActivitySample(seconds: Double(index) * 0.37 + jitter, meters: meters, metersPerSecond: speed,
                                          heartRate: heartRate, stepsPerMinute: .greatestFiniteMagnitude))
        }
        let activity = Activity(sport: "cycling", start: Date(timeIntervalSince1970: 0), samples: samples,
                                laps: [ActivityLap(startSeconds: 0, elapsedSeconds: 99.999, trigger: .position)],
                                deviceDistanceMeters: nil, deviceTimerSeconds: 12.25)
        let back = try roundTrip(activity)
        #expect(back == activity)
        #expect(back.samples[4].metersPerSecond?.sign == .minus)
        for (a, b) in zip(activity.samples, back.samples) { #expect(sameBits(a.seconds, b.seconds) && sameBits(a.meters, b.meters)) }
    }

    @Test func emptyActivityRoundTrips() throws {
        let activity = Activity(sport: "running", start: nil, samples: [], laps: [])
        #expect(try roundTrip(activity) == activity)
    }

    @Test func damagedBlobsAreRefusedNotCrashed() {
        let blob = SampleBlob.encode(GeneratedActivity.run(seed: 9, samples: 300))
        #expect(throws: InputError.self) { try SampleBlob.decode(Data("nope".utf8), sport: "running", start: nil, device: nil) }
        #expect(throws: InputError.self) { try SampleBlob.decode(blob.prefix(blob.count / 2), sport: "running", start: nil, device: nil) }
        var random = SeededGenerator(state: 99)
        for _ in 0..<200 {
            var bytes = [UInt8](blob)
            for _ in 0..<3 { bytes[Int.random(in: 4..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
            _ = try? SampleBlob.decode(Data(bytes), sport: "running", start: nil, device: nil)
        }
    }

    @Test func contentHashIsTheDecodedDataNotTheWrapping() throws {
        let activity = GeneratedActivity.run(seed: 21, samples: 600)
        let first = try PackedActivity(activity, name: "Tuesday track", source: "a.fit")
        let second = try PackedActivity(activity, name: nil, source: "a.fit.gz")
        #expect(first.summary.contentHash == second.summary.contentHash)
        #expect(first.summary.contentHash.count == 64)
        var moved = activity
        moved.samples[300].heartRate = (moved.samples[300].heartRate ?? 0) + 1
        #expect(try PackedActivity(moved).summary.contentHash != first.summary.contentHash)
        var later = activity
        later.start = activity.start?.addingTimeInterval(1)
        #expect(try PackedActivity(later).summary.contentHash != first.summary.contentHash)
    }
}
