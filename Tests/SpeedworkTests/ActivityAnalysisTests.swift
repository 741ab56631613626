import Foundation
import Testing
import SpeedworkTestSupport
@testable import Speedwork

@Suite("Best efforts and the pace curve (M52)")
struct BestEffortsTests {
    /// A second, brute-force way to the same answer: every pair of seconds, interpolated at the start.
    static func bruteForce(_ meters: [Double], _ distance: Double) -> Double? {
        var best: Double?
        for end in meters.indices {
            for start in stride(from: end - 1, through: 0, by: -1) where meters[end] - meters[start] >= distance {
                let next = start + 1
                let over = meters[end] - meters[start] - distance
                let span = meters[next] - meters[start]
                let seconds = Double(end - start) - (span > 0 ? over / span : 0)
                if best.map({ seconds < $0 }) ?? true { best = seconds }
                break
            }
        }
        return best
    }

    @Test func matchesBruteForceOnASession() throws {
        let session = RepDetectionTests.specs[0].session(seed: 3)
        let series = try #require(SpeedSeries(session.activity))
        let efforts = BestEfforts.efforts(series, distances: [.meters(400), .meters(800), .kilometers(1), .mile])
        for effort in efforts {
            let expected = try #require(Self.bruteForce(series.meters, effort.distance.meters))
            #expect(abs(effort.seconds - expected) < 1e-6, "\(effort.distance.label): \(effort.seconds) vs \(expected)")
        }
        // The best 400m is one of the 88 s reps, give or take GPS error.
        let best400 = try #require(efforts.first { $0.distance == .meters(400) })
        #expect(abs(best400.seconds - 88) < 3)
    }

    /// At a constant 4 m/s, every effort takes distance / 4 and the curve covers 4 m a second.
    @Test func constantSpeed() throws {
        let samples = (0...3000).map { ActivitySample(seconds: Double($0), meters: 4 * Double($0)) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        for effort in BestEfforts.efforts(series) {
            #expect(abs(effort.seconds - effort.distance.meters / 4) < 1e-9)
        }
        #expect(BestEfforts.efforts(series).map(\.distance.label) == ["400m", "800m", "1k", "mile", "3k", "5k", "10k"])
        for point in BestEfforts.curve(series) {
            #expect(abs(point.meters - 4 * point.seconds) < 1e-9)
        }
    }
}

@Suite("Compliance (M51), track reps (M7), easy runs (M2)")
struct ComplianceTests {
    static let today = try! Day(parsing: "2026-11-22")

    static func library(_ result: String) throws -> SessionLibrary {
        let fitness = try FitnessEstimator().estimate(from: [Performance(parsing: result)], asOf: today)
        return SessionLibrary(targets: SessionTargets(fitness: fitness))
    }

    /// M11 for a runner with a 400 m in 80 s: 6 × 200 m in 37.6–38.4 s with 2:00 jogs (week 1), on
    /// a track, where the reps snap to 200 m (off a track, GPS error of about 1 % is as wide as the
    /// band itself, which is why the method runs these on a track, M7).
    @Test func twoHundredsOnTargetAndSlow() throws {
        let workout = try Self.library("400m=80").workout(rule: "M11", week: 1)
        let reps: [(Double, Double)] = [(38, 200 / 38.0), (38, 200 / 38.0), (38, 200 / 38.0), (38, 200 / 38.0), (40, 200 / 40.0), (41, 200 / 41.0)]
        let session = SyntheticSession(reps: reps, recovery: 120, recoverySpeed: 2.0, seed: 5)
        let analysis = ActivityAnalysis(activity: session.activity, workout: workout, track: true)
        #expect(analysis.trackSnapped)
        let compliance = try #require(analysis.compliance)
        #expect(compliance.reps.count == 6)
        #expect(compliance.reps.prefix(4).allSatisfy { $0.verdict == .onTarget }, "\(compliance.reps.map(\.verdict))")
        #expect(compliance.reps[4].verdict == .slow && abs(compliance.reps[4].offBySeconds - 1.6) < 0.6)
        #expect(compliance.reps[5].verdict == .slow && abs(compliance.reps[5].offBySeconds - 2.6) < 0.6)
        #expect(compliance.recoveries.allSatisfy { $0.verdict == .onTarget && $0.plannedSeconds == 120 })
        #expect((compliance.fadePercent ?? 0) > 2)
        #expect(compliance.summary.hasPrefix("4 of 6 reps on target; 2 too slow"))
    }

    /// A session with fewer reps than planned reports the missing ones; shortened recoveries show.
    @Test func missingRepsAndShortRecoveries() throws {
        let workout = try Self.library("400m=80").workout(rule: "M11", week: 1)
        let session = SyntheticSession(reps: Array(repeating: (38, 200 / 38.0), count: 4), recovery: 60, recoverySpeed: 2.0, seed: 6)
        let compliance = try #require(ActivityAnalysis(activity: session.activity, workout: workout, track: false).compliance)
        #expect(compliance.reps.filter { $0.verdict == .missing }.count == 2)
        #expect(compliance.recoveries.allSatisfy { $0.verdict == .short })
    }

    /// On a track, GPS-measured 400s snap to 400 m; off the track they keep their measure.
    @Test func trackSnapping() {
        let reps = [Interval(startSeconds: 0, seconds: 88, meters: 412), Interval(startSeconds: 200, seconds: 89, meters: 391),
                    Interval(startSeconds: 400, seconds: 70, meters: 300)]
        let snapped = TrackSnapping.snap(reps)
        #expect(snapped.map(\.meters) == [400, 400, 300])
        #expect(snapped.map(\.snapped) == [true, true, true])
        #expect(snapped[0].measuredMeters == 412)
        #expect(TrackSnapping.snap([Interval(startSeconds: 0, seconds: 100, meters: 450)]).first?.snapped == false)
        // The planned distance wins over the nearest nominal one.
        #expect(TrackSnapping.snap([Interval(startSeconds: 0, seconds: 100, meters: 420)], planned: [.meters(400)]).first?.meters == 400)
    }

    /// Reps run around a 400 m track (a 100 m × 60 m oval) are recognised as track reps.
    @Test func recognisesATrack() {
        var samples: [ActivitySample] = []
        for second in 0..<600 {
            let angle = Double(second) / 90 * 2 * .pi
            samples.append(ActivitySample(seconds: Double(second), latitude: 51.5 + 0.0005 * sin(angle), longitude: -0.1 + 0.0007 * cos(angle)))
        }
        let activity = Activity(sport: "running", start: nil, samples: samples, laps: [])
        let reps = [Interval(startSeconds: 0, seconds: 90, meters: 400), Interval(startSeconds: 200, seconds: 90, meters: 400)]
        #expect(TrackSnapping.ranOnTrack(activity, reps: reps))
        let road = Activity(sport: "running", start: nil, samples: samples.map { sample in
            var moved = sample
            moved.latitude = 51.5 + sample.seconds * 0.0001
            return moved
        }, laps: [])
        #expect(!TrackSnapping.ranOnTrack(road, reps: reps))
    }

    /// M2: an easy run at 4:30/km for a runner whose easy band starts at 5:35/km is flagged; one at
    /// 6:00/km is not.
    @Test(arguments: [(270.0, true), (360.0, false)])
    func easyRunTooHard(secondsPerKm: Double, flagged: Bool) throws {
        let easy = TrainingPaces.pace(.easy, vdot: 43)
        let samples = (0...2400).map { ActivitySample(seconds: Double($0), meters: Double($0) * 1000 / secondsPerKm) }
        let analysis = ActivityAnalysis(activity: Activity(sport: "running", start: nil, samples: samples, laps: []), easyPace: easy)
        #expect(analysis.easyRun?.tooHard == flagged)
        #expect(analysis.warnings.contains { $0.contains("M2") } == flagged)
    }
}

/// The series is bounded by the samples, never by the time span: gaps are gaps (issue: a GPX whose
/// second point came a year later filled a year of seconds).
@Suite("Speed series over gaps")
struct SpeedSeriesGapTests {
    static let tenYears = 10 * 365.25 * 86_400.0

    /// Two samples ten years apart: two one-second segments, not 315 million seconds.
    @Test func twoSamplesTenYearsApart() throws {
        let activity = Activity(sport: "running", start: nil, samples: [ActivitySample(seconds: 0, meters: 0), ActivitySample(seconds: Self.tenYears, meters: 5)], laps: [])
        let series = try #require(SpeedSeries(activity))
        #expect(series.count == 2)
        #expect(series.segments.map(\.range.count) == [1, 1])
        #expect(series.segments.map(\.startSeconds) == [0, Self.tenYears])
        #expect(BestEfforts.efforts(series).isEmpty)
        #expect(BestEfforts.curve(series).isEmpty)
        let analysis = ActivityAnalysis(activity: activity)
        #expect(analysis.reps.isEmpty)
    }

    /// A device that records speed but no distance (the 92-byte FIT with a far timestamp): the speed
    /// is not integrated over the gap, and the gap holds no seconds.
    @Test func speedOnlyWithAFarTimestamp() throws {
        var samples = (0...60).map { ActivitySample(seconds: Double($0), metersPerSecond: 3) }
        samples.append(ActivitySample(seconds: 4_000_000_000, metersPerSecond: 3))
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.count == 62)
        #expect(series.segments.count == 2)
        // 60 s at 3 m/s, nothing over the gap.
        #expect(abs(series.meters.last! - 180) < 1e-9)
    }

    /// Whatever the samples (seeded random times from milliseconds to decades apart, out of order,
    /// repeated, some without distance) and laps, the series holds at most `longestGap + 1` seconds per
    /// sample, its segments tile it, and analysis finishes.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func boundedBySamples(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let scales = [0.001, 1, 5, 29, 31, 3600, 1e6, 1e9]
        var t = 0.0
        var samples: [ActivitySample] = []
        for _ in 0..<Int.random(in: 2...400, using: &generator) {
            t += Double.random(in: 0...1, using: &generator) * scales.randomElement(using: &generator)!
            let time = Bool.random(using: &generator) ? t : Double.random(in: 0...max(t, 1), using: &generator)
            samples.append(ActivitySample(seconds: time, meters: Int.random(in: 0..<5, using: &generator) == 0 ? nil : Double.random(in: 0...1e5, using: &generator),
                                          metersPerSecond: Bool.random(using: &generator) ? Double.random(in: 0...8, using: &generator) : nil,
                                          stepsPerMinute: Bool.random(using: &generator) ? 170 : nil))
        }
        // Laps as odd as the samples: manual, at random times, some not finite.
        let odd = [Double.nan, .infinity, -.infinity, 1e300, -5]
        let laps = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
            ActivityLap(startSeconds: Bool.random(using: &generator) ? Double.random(in: 0...max(t, 1), using: &generator) : odd.randomElement(using: &generator)!,
                        elapsedSeconds: Bool.random(using: &generator) ? Double.random(in: 0...600, using: &generator) : odd.randomElement(using: &generator)!,
                        meters: Bool.random(using: &generator) ? Double.random(in: 0...2000, using: &generator) : nil, trigger: .manual)
        }
        let activity = Activity(sport: "running", start: nil, samples: samples, laps: laps)
        let series = try #require(SpeedSeries(activity))
        #expect(series.count <= Int(SpeedSeries.longestGap + 1) * samples.count)
        #expect(series.segments.first?.range.lowerBound == 0 && series.segments.last?.range.upperBound == series.count)
        #expect(zip(series.segments, series.segments.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound && $1.startSeconds - $0.endSeconds > SpeedSeries.longestGap - 1 })
        #expect([series.speed.count, series.stepsPerMinute.count, series.deviceSpeed?.count ?? series.count].allSatisfy { $0 == series.count })
        _ = ActivityAnalysis(activity: activity, easyPace: TrainingPaces.pace(.easy, vdot: 43))
    }

    /// A run, a pause of ten minutes while the GPS distance jumps 5 km (a drive), then the same run:
    /// best efforts and the pace curve stay inside each stretch (3 m/s, 9 km each), so no 10K and
    /// no 5 km in a second.
    @Test func effortsNeverSpanAGap() throws {
        var samples = (0...3000).map { ActivitySample(seconds: Double($0), meters: 3 * Double($0)) }
        samples += (0...3000).map { ActivitySample(seconds: 3600 + Double($0), meters: 14_000 + 3 * Double($0)) }
        let series = try #require(SpeedSeries(Activity(sport: "running", start: nil, samples: samples, laps: [])))
        #expect(series.count == 6002)
        #expect(series.segments.map(\.startSeconds) == [0, 3600])
        let efforts = BestEfforts.efforts(series)
        #expect(efforts.map(\.distance.label) == ["400m", "800m", "1k", "mile", "3k", "5k"])
        for effort in efforts { #expect(abs(effort.seconds - effort.distance.meters / 3) < 1e-9) }
        for point in BestEfforts.curve(series) { #expect(abs(point.meters - 3 * point.seconds) < 1e-9) }
        #expect(abs(series.recordedMeters(from: 0, to: Double(series.count - 1)) - 18_000) < 1e-9)
        // The speed around the gap is the running speed, not the drive.
        #expect(series.speed.allSatisfy { abs($0 - 3) < 1e-9 })
    }
}
