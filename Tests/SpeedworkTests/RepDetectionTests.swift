import Testing
@testable import Speedwork

/// M51: reps found from speed in sessions with GPS-like noise, against the sessions' known truth.
@Suite("Rep detection")
struct RepDetectionTests {
    /// The four sessions: rep count, rep seconds, rep speed, recovery seconds and speed.
    struct Spec: Sendable, CustomStringConvertible {
        let description: String
        let count: Int, repSeconds: Double, repSpeed: Double, recovery: Double, recoverySpeed: Double

        func session(seed: UInt64, dopplerSpeed: Bool = true) -> SyntheticSession {
            SyntheticSession(reps: Array(repeating: (repSeconds, repSpeed), count: count), recovery: recovery,
                             recoverySpeed: recoverySpeed, dopplerSpeed: dopplerSpeed, seed: seed)
        }
    }

    static let specs = [
        Spec(description: "8 × 400m", count: 8, repSeconds: 88, repSpeed: 400.0 / 88, recovery: 120, recoverySpeed: 2.2),
        Spec(description: "6 × 200m", count: 6, repSeconds: 38, repSpeed: 200.0 / 38, recovery: 120, recoverySpeed: 2.0),
        Spec(description: "3 × 1 mile", count: 3, repSeconds: 400, repSpeed: 1609.344 / 400, recovery: 240, recoverySpeed: 2.6),
        Spec(description: "10 × 30 s sprints, 5 min recoveries", count: 10, repSeconds: 30, repSpeed: 6.2, recovery: 300, recoverySpeed: 2.8),
    ]

    /// With the device's own speed (GPS Doppler), every rep is found and every boundary lies within
    /// 0.5 s of the truth.
    @Test(arguments: specs, [UInt64(1), 7, 42, 1234])
    func findsEveryRepWithinHalfASecond(_ spec: Spec, seed: UInt64) throws {
        let session = spec.session(seed: seed)
        let detection = RepDetection(activity: session.activity, series: SpeedSeries(session.activity))
        #expect(detection.source == .speed)
        #expect(detection.reps.count == session.repBounds.count, "\(spec): found \(detection.reps.count) reps")
        for (rep, truth) in zip(detection.reps, session.repBounds) {
            #expect(abs(rep.startSeconds - truth.start) <= 0.5, "\(spec): rep starts at \(rep.startSeconds), truly \(truth.start)")
            #expect(abs(rep.endSeconds - truth.end) <= 0.5, "\(spec): rep ends at \(rep.endSeconds), truly \(truth.end)")
        }
        #expect(detection.recoveries.count == session.repBounds.count - 1)
    }

    /// Position-only files (GPX has no device speed): the boundaries come from where the distance
    /// bends. Under drifting GPS error the metres covered each second carry about 0.7 m of error,
    /// which for the mile reps (only 1.4 m/s faster than their recoveries) leaves a change point
    /// that even the best fit places more than 2 s off in about 6 % of cases (a separate
    /// simulation of the same error model). Across 10 error draws of each session: every rep
    /// found, at least 90 % of boundaries within 2 s, all within 4 s.
    static func checkPositionOnly(_ name: String, offsets: [Double]) {
        let within2 = Double(offsets.filter { $0 <= 2 }.count) / Double(offsets.count)
        #expect(within2 >= 0.9, "\(name): \(within2 * 100) % of boundaries within 2 s")
        #expect(offsets.allSatisfy { $0 <= 4 }, "\(name): worst boundary \(offsets.max() ?? 0) s")
    }

    @Test(arguments: specs)
    func positionOnlyFiles(_ spec: Spec) {
        var offsets: [Double] = []
        for seed in UInt64(1)...10 {
            let session = spec.session(seed: seed, dopplerSpeed: false)
            let detection = RepDetection(activity: session.activity, series: SpeedSeries(session.activity))
            #expect(detection.reps.count == session.repBounds.count, "\(spec) seed \(seed): found \(detection.reps.count) reps")
            for (rep, truth) in zip(detection.reps, session.repBounds) {
                offsets += [abs(rep.startSeconds - truth.start), abs(rep.endSeconds - truth.end)]
            }
        }
        Self.checkPositionOnly("\(spec)", offsets: offsets)
    }

    /// The 5 × 400 m (90 s, 90 s recoveries) between a 15 min warm-up and a 10 min
    /// cool-down at 2.9 m/s, with each kind of recovery, laps pressed at each rep and recovery or
    /// not, Doppler speed or positions only, 10 error draws each: exactly five reps, never the
    /// warm-up or cool-down; boundaries exact from laps, within 0.5 s from device speed, and from
    /// positions alone as for the other sessions.
    struct Recovery: Sendable, CustomStringConvertible {
        let description: String
        let speed: Double
        var paused = false
    }

    static let recoveries = [
        Recovery(description: "standing", speed: SyntheticSession.standing),
        Recovery(description: "standing, watch paused", speed: SyntheticSession.standing, paused: true),
        Recovery(description: "shuffling", speed: SyntheticSession.shuffling),
        Recovery(description: "walking", speed: SyntheticSession.walking),
        Recovery(description: "jogging", speed: SyntheticSession.jogging),
    ]

    @Test(arguments: recoveries, [ActivityLap.Trigger.manual, nil])
    func everyKindOfRecovery(_ recovery: Recovery, laps: ActivityLap.Trigger?) throws {
        var positionOffsets: [Double] = []
        for seed in UInt64(1)...10 {
            for doppler in [true, false] {
                let session = SyntheticSession(reps: Array(repeating: (90, 400.0 / 90), count: 5), recovery: 90, recoverySpeed: recovery.speed,
                                               dopplerSpeed: doppler, laps: laps, pausedRecoveries: recovery.paused, seed: seed)
                let context = "\(recovery), laps \(laps.map(\.rawValue) ?? "none"), seed \(seed), doppler \(doppler)"
                let detection = RepDetection(activity: session.activity, series: SpeedSeries(session.activity))
                #expect(detection.source == (laps == nil ? .speed : .laps), "\(context)")
                try #require(detection.reps.count == 5, "\(context): \(detection.reps.map { ($0.startSeconds, $0.seconds) })")
                #expect(detection.recoveries.count == 4, "\(context)")
                let offsets = zip(detection.reps, session.repBounds).flatMap { rep, truth in [abs(rep.startSeconds - truth.start), abs(rep.endSeconds - truth.end)] }
                if laps == nil, !doppler {
                    positionOffsets += offsets
                    continue
                }
                let tolerance = laps != nil ? 1e-9 : 0.5
                #expect(offsets.allSatisfy { $0 <= tolerance }, "\(context): boundaries off by \(offsets)")
                for (recovery, (before, after)) in zip(detection.recoveries, zip(session.repBounds, session.repBounds.dropFirst())) {
                    #expect(abs(recovery.seconds - (after.start - before.end)) <= 2 * tolerance, "\(context): recovery of \(recovery.seconds) s")
                }
            }
        }
        if laps == nil { Self.checkPositionOnly("\(recovery)", offsets: positionOffsets) }
    }

    /// A watch that stops recording for 40 s in the middle of the second of three mile reps (a
    /// lost signal under a bridge): no rep spans the gap. The first and third reps keep their
    /// boundaries; the second becomes two pieces, one ending at the gap and one starting after it.
    @Test(arguments: [true, false])
    func noRepSpansAGap(dopplerSpeed: Bool) throws {
        let spec = Self.specs[2]
        let session = spec.session(seed: 3, dopplerSpeed: dopplerSpeed)
        let gap = (start: session.repBounds[1].start + 150, end: session.repBounds[1].start + 190)
        var activity = session.activity
        activity.samples.removeAll { $0.seconds > gap.start && $0.seconds < gap.end }
        let series = try #require(SpeedSeries(activity))
        #expect(series.segments.count == 2)
        let detection = RepDetection(activity: activity, series: series)
        #expect(detection.reps.allSatisfy { $0.endSeconds <= gap.start || $0.startSeconds >= gap.end }, "\(detection.reps.map { ($0.startSeconds, $0.endSeconds) })")
        try #require(detection.reps.count == 4, "\(detection.reps.map { ($0.startSeconds, $0.endSeconds) })")
        let tolerance = dopplerSpeed ? 0.5 : 4
        for (rep, truth) in [(detection.reps[0], session.repBounds[0]), (detection.reps[3], session.repBounds[2])] {
            #expect(abs(rep.startSeconds - truth.start) <= tolerance && abs(rep.endSeconds - truth.end) <= tolerance)
        }
        #expect(abs(detection.reps[1].startSeconds - session.repBounds[1].start) <= tolerance)
        #expect(detection.reps[1].endSeconds <= gap.start && detection.reps[1].endSeconds >= gap.start - 10)
        #expect(detection.reps[2].startSeconds >= gap.end && detection.reps[2].startSeconds <= gap.end + 10)
        #expect(abs(detection.reps[2].endSeconds - session.repBounds[1].end) <= tolerance)
    }

    /// A run with walking breaks that speeds up from 3.0 to 3.5 m/s halfway (a progression run)
    /// has no reps: neither its faster half nor its running between walks is a set of reps.
    @Test(arguments: [UInt64(1), 2, 3], [true, false])
    func progressionRunWithWalkingBreaksHasNoReps(seed: UInt64, dopplerSpeed: Bool) {
        let running = (0..<6).map { index in (seconds: 480.0, speed: index < 3 ? 3.0 : 3.5) }
        let session = SyntheticSession(warmup: 0, easy: 3.0, reps: running, recovery: 60, recoverySpeed: SyntheticSession.walking,
                                       cooldown: 60, dopplerSpeed: dopplerSpeed, seed: seed)
        #expect(RepDetection(activity: session.activity, series: SpeedSeries(session.activity)).reps.isEmpty)
    }

    /// An easy run at one pace has no reps, whatever the GPS does.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6], [true, false])
    func steadyRunHasNoReps(seed: UInt64, dopplerSpeed: Bool) {
        let session = SyntheticSession(warmup: 2400, reps: [], recovery: 0, recoverySpeed: 0, cooldown: 0, dopplerSpeed: dopplerSpeed, seed: seed)
        #expect(RepDetection(activity: session.activity, series: SpeedSeries(session.activity)).reps.isEmpty)
    }

    /// Manual laps at each rep mark the reps; automatic km laps never do.
    @Test func manualLapsMarkReps() {
        let session = SyntheticSession(reps: Array(repeating: (88, 400.0 / 88), count: 8), recovery: 120, recoverySpeed: 2.2, laps: .manual)
        let detection = RepDetection(activity: session.activity, series: SpeedSeries(session.activity))
        #expect(detection.source == .laps)
        #expect(detection.reps.count == 8)
        #expect(detection.reps.allSatisfy { abs($0.meters - 400) < 1 && abs($0.seconds - 88) < 0.01 })
        let auto = SyntheticSession(reps: Array(repeating: (88, 400.0 / 88), count: 8), recovery: 120, recoverySpeed: 2.2, laps: .distance)
        #expect(RepDetection(activity: auto.activity, series: SpeedSeries(auto.activity)).source == .speed)
    }
}
