import Foundation
import Testing
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
