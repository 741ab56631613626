import Testing
@testable import Speedwork

/// Cleaning samples before analysis: order, duplicates, restarts, impossible speeds, moving time,
/// missing times, and the world-record floor of best efforts. Expected values are worked by hand
/// from the samples each test writes.
@Suite("Sample cleaning")
struct SampleCleaningTests {
    /// A sample every second at `speed` m/s from `from` metres, for `seconds` seconds after `start`.
    static func steady(start: Double = 0, seconds: Int, speed: Double, from: Double = 0) -> [ActivitySample] {
        (0..<seconds).map { ActivitySample(seconds: start + Double($0), meters: from + Double($0) * speed) }
    }

    static func activity(_ samples: [ActivitySample], sport: String = "running") -> Activity {
        Activity(sport: sport, start: nil, samples: samples, laps: [])
    }

    @Test func outOfOrderAndRepeatedSamplesAreSortedAndMerged() {
        var samples = Self.steady(seconds: 10, speed: 3)
        samples.swapAt(3, 4)
        samples.insert(ActivitySample(seconds: 6, heartRate: 150), at: 7)
        let cleaning = SampleCleaning(Self.activity(samples))
        #expect(cleaning.reordered == 1)
        #expect(cleaning.duplicates == 1)
        #expect(cleaning.activity.samples.map(\.seconds) == (0..<10).map(Double.init))
        // The repeated second keeps its distance and takes the heart rate of the later sample.
        #expect(cleaning.activity.samples[6].meters == 18)
        #expect(cleaning.activity.samples[6].heartRate == 150)
        #expect(cleaning.meters == 27)
        #expect(cleaning.warnings.count == 2)
    }

    /// Samples written newest first (distance summed in file order runs backwards in time).
    @Test func aFileWrittenInReverseReadsForwards() {
        let forward = Self.steady(seconds: 601, speed: 3)
        let reversed = forward.reversed().enumerated().map { index, sample in
            ActivitySample(seconds: sample.seconds, meters: Double(index) * 3)
        }
        let cleaning = SampleCleaning(Self.activity(reversed))
        #expect(cleaning.reordered == 600)
        #expect(cleaning.meters == 1800)
        #expect(cleaning.elapsedSeconds == 600)
        #expect(cleaning.warnings.contains { $0.contains("ran backwards") })
        let analysis = ActivityAnalysis(activity: Self.activity(reversed))
        #expect(abs(analysis.distanceMeters - 1800) < 1)
    }

    /// A multisport file whose distance starts again from zero for the second leg.
    @Test func aDistanceThatRestartsIsSummedAcross() {
        let samples = Self.steady(seconds: 401, speed: 2.5) + Self.steady(start: 401, seconds: 201, speed: 2.5)
        let cleaning = SampleCleaning(Self.activity(samples))
        // 400 s and 200 s at 2.5 m/s, and the one second across the restart adds nothing.
        #expect(cleaning.meters == 1500)
        #expect(cleaning.warnings == ["the distance restarted from zero once (as the legs of a multisport file do): summed across the restarts"])
    }

    /// One sample 20,015 km away (the far side of the globe) in a 30 min run at 3 m/s.
    @Test func aTeleportIsLeftOut() {
        var samples = Self.steady(seconds: 1801, speed: 3)
        let far = 20_015_000.0
        for index in 901..<samples.count { samples[index].meters! += 2 * far }
        samples[900].meters! += far
        let cleaning = SampleCleaning(Self.activity(samples))
        // The two steps to and from the far point are out: 1800 s × 3 m less two steps of 3 m.
        #expect(abs(cleaning.meters - 5394) < 0.01)
        #expect(abs(cleaning.excludedMeters - (2 * far + 6)) < 0.01)
        #expect(cleaning.excludedSeconds == 2)
        #expect(cleaning.warnings.contains { $0.hasPrefix("left out 40030.01 km covered faster than 45 km/h") && $0.hasSuffix("over 2 s") })
        let analysis = ActivityAnalysis(activity: Self.activity(samples))
        #expect(analysis.bestEfforts.allSatisfy { $0.seconds >= $0.distance.meters / 3 - 1 })
        #expect(!analysis.bestEfforts.contains { $0.distance == .marathon })
    }

    /// 10 min of running at 3 m/s, 10 min in a car at 25 m/s, 10 min of running: the car's
    /// steps (25 m each, within one step's GPS slack) are caught by sustained speed.
    @Test func aCarRideInARunIsLeftOut() {
        let samples = Self.steady(seconds: 600, speed: 3) + Self.steady(start: 600, seconds: 600, speed: 25, from: 1800)
            + Self.steady(start: 1200, seconds: 601, speed: 3, from: 16_800)
        let cleaning = SampleCleaning(Self.activity(samples))
        // Windows of 10 s that hold more than 95/22 ≈ 4.3 s of car are too fast, so up to 6 s of
        // running either side goes with the car's 15 km.
        #expect(cleaning.excludedMeters >= 15_000 && cleaning.excludedMeters <= 15_000 + 12 * 3 + 1)
        #expect(cleaning.meters >= 3600 - 12 * 3 - 1 && cleaning.meters <= 3600)
        let analysis = ActivityAnalysis(activity: Self.activity(samples))
        #expect(analysis.isRun)
        #expect(analysis.bestEfforts.contains { $0.distance.meters == 400 })
        #expect(analysis.bestEfforts.allSatisfy { $0.seconds >= $0.distance.meters / 3 - 1 })
    }

    /// A ride tagged as a run: 30 min at 11.1 m/s would be a 15:00 10K.
    @Test func aRideTaggedAsARunIsAnalysedAsARide() {
        let samples = Self.steady(seconds: 1801, speed: 11.1)
        let analysis = ActivityAnalysis(activity: Self.activity(samples))
        #expect(!analysis.isRun)
        #expect(analysis.bestEfforts.isEmpty)
        #expect(analysis.reps.isEmpty)
        #expect(abs(analysis.distanceMeters - 19_980) < 1)
        #expect(analysis.cleaning.excludedMeters == 0)
        #expect(analysis.warnings.contains { $0.contains("analysed as a ride") })
    }

    @Test(arguments: ["cycling", "swimming/lap_swimming", "fitness_equipment/indoor_rowing"])
    func otherSportsHaveNoRunningBestEfforts(_ sport: String) {
        let analysis = ActivityAnalysis(activity: Self.activity(Self.steady(seconds: 1801, speed: 3), sport: sport))
        #expect(!analysis.isRun)
        #expect(analysis.bestEfforts.isEmpty)
        #expect(analysis.warnings.contains { $0.hasPrefix("the sport is \"\(sport)\", not running") })
    }

    /// 5 min at 3 m/s, 2 min standing still, 5 min at 3 m/s: 10 min moving of 12 elapsed.
    @Test func movingTimeLeavesOutStanding() {
        let samples = Self.steady(seconds: 300, speed: 3) + Self.steady(start: 300, seconds: 120, speed: 0, from: 900)
            + Self.steady(start: 420, seconds: 301, speed: 3, from: 900)
        let cleaning = SampleCleaning(Self.activity(samples))
        #expect(cleaning.elapsedSeconds == 720)
        // 299 steps, the step into the standstill (299 → 300, still 3 m) and 300 steps after it;
        // the 119 steps inside it and the one out of it (419 → 420) cover nothing.
        #expect(cleaning.movingSeconds == 600)
        #expect(cleaning.warnings.isEmpty)
    }

    /// A watch paused for three hours: elapsed time counts the pause, moving time does not.
    @Test func aLongGapIsAPause() {
        let samples = Self.steady(seconds: 601, speed: 3) + Self.steady(start: 600 + 10_800, seconds: 601, speed: 3, from: 1800)
        let cleaning = SampleCleaning(Self.activity(samples))
        #expect(cleaning.elapsedSeconds == 12_000)
        #expect(cleaning.movingSeconds == 1200)
        #expect(cleaning.warnings == ["no sample for 3:00:00 after 10:00 (a pause, a lost signal or a clock that jumped): elapsed time counts it, moving time does not"])
    }

    /// Every sample at one time (a converter's placeholder): no timestamps, but the track's length.
    @Test func noTimesSaySoPlainly() {
        let samples = (0..<100).map { ActivitySample(seconds: 0, meters: Double($0) * 5) }
        let cleaning = SampleCleaning(Self.activity(samples))
        #expect(!cleaning.hasTimes)
        #expect(cleaning.meters == 495)
        #expect(cleaning.movingSeconds == nil)
        #expect(cleaning.warnings == ["no timestamps: the file has a track of 495 m but no times, so no duration, pace or best efforts"])
        let analysis = ActivityAnalysis(activity: Self.activity(samples))
        #expect(analysis.distanceMeters == 495)
        #expect(analysis.durationSeconds == 0)
        #expect(analysis.bestEfforts.isEmpty)
    }

    @Test func valuesThatAreNotMeasurementsBecomeMissing() {
        var samples = Self.steady(seconds: 10, speed: 3)
        samples[2].meters = .nan
        samples[3].latitude = 91
        samples[4].heartRate = -1
        samples.append(ActivitySample(seconds: .infinity, meters: 99))
        let cleaning = SampleCleaning(Self.activity(samples))
        #expect(cleaning.dropped == 1)
        #expect(cleaning.activity.samples.count == 10)
        #expect(cleaning.activity.samples[2].meters == nil)
        #expect(cleaning.activity.samples[3].latitude == nil)
        #expect(cleaning.activity.samples[4].heartRate == nil)
    }

    /// World records (World Athletics): 400 m 43.03 s, mile 3:43.13.
    @Test func bestEffortsNeverBeatTheWorldRecord() {
        let efforts = [
            BestEfforts.Effort(distance: .meters(400), seconds: 40, startSeconds: 0),
            BestEfforts.Effort(distance: .meters(400), seconds: 43.1, startSeconds: 0),
            BestEfforts.Effort(distance: .mile, seconds: 223.0, startSeconds: 0),
            BestEfforts.Effort(distance: .mile, seconds: 223.2, startSeconds: 0),
            BestEfforts.Effort(distance: .marathon, seconds: 0, startSeconds: 0),
        ]
        let split = BestEfforts.withinWorldRecords(efforts)
        #expect(split.kept.map(\.seconds) == [43.1, 223.2])
        #expect(split.rejected.map(\.seconds) == [40, 223.0, 0])
    }
}
