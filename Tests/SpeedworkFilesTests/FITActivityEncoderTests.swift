import Foundation
import Speedwork
import SpeedworkTestSupport
import Testing
@testable import SpeedworkFiles

/// The FIT activity encoder: its bytes against a hand-computed layout (FIT Protocol), its round
/// trip through ``FITActivityReader`` within FIT's resolution, and its one-line errors.
@Suite("FIT activity encoder")
struct FITActivityEncoderTests {
    /// FIT time 1,100,000,000 is Unix time 1,731,065,600 (the FIT epoch is Unix 631,065,600).
    static let start = Date(timeIntervalSince1970: 1_731_065_600)
    static let startFIT: UInt32 = 1_100_000_000

    /// A seeded track session: 1 Hz samples with every value, laps pressed by hand per rep.
    static func trackSession(seed: UInt64, seconds: Int = 1_800) -> Activity {
        var random = SeededGenerator(state: seed)
        var samples: [ActivitySample] = []
        var meters = 0.0
        for second in 0..<seconds {
            let fast = (second / 120) % 2 == 1
            let speed = (fast ? 6.2 : 3.1) + Double.random(in: -0.2...0.2, using: &random)
            meters += speed
            samples.append(ActivitySample(
                seconds: Double(second), meters: meters, metersPerSecond: speed,
                latitude: 51.5 + Double.random(in: -0.001...0.001, using: &random),
                longitude: -0.12 + Double.random(in: -0.001...0.001, using: &random),
                altitude: 21 + Double.random(in: -3...3, using: &random),
                heartRate: Double(Int.random(in: 120...185, using: &random)),
                stepsPerMinute: Double.random(in: 160...200, using: &random)))
        }
        let laps = stride(from: 0, to: seconds, by: 120).map { lapStart in
            ActivityLap(startSeconds: Double(lapStart), elapsedSeconds: 120, timerSeconds: 119.5,
                        meters: Double(lapStart) + 0.37, trigger: lapStart % 240 == 0 ? .manual : .distance)
        }
        return Activity(sport: "running/track", start: start, samples: samples, laps: laps)
    }

    static func readBack(_ bytes: [UInt8]) throws -> Activity {
        let activities = try FITActivityReader().read(Data(bytes))
        #expect(activities.count == 1)
        return try #require(activities.first)
    }

    // MARK: Layout

    /// One heart-rate sample: every message size counted by hand from the FIT Protocol
    /// (definition 6 + 3 per field bytes; data 1 + field sizes).
    @Test func smallestFileHasTheHandCountedLayout() throws {
        let activity = Activity(sport: "running", start: Self.start, samples: [ActivitySample(seconds: 0, heartRate: 140)], laps: [])
        let bytes = try FITActivityEncoder(product: 7, serialNumber: 42).encode(activity)
        // header 14, file_id 21 + 14, event 15 + 2 × 7, record 12 + 6, lap 33 + 26, session 45 + 32,
        // activity 24 + 14, CRC 2.
        #expect(bytes.count == 14 + 35 + 29 + 18 + 59 + 77 + 38 + 2)
        #expect(Array(bytes[8..<12]) == Array(".FIT".utf8))
        #expect(Array(bytes[4..<8]) == le32(UInt32(bytes.count - 16)))
        // The header CRC covers bytes 0–11; the file CRC makes the CRC of the whole file zero.
        #expect(FITCRC.checksum(Array(bytes[0..<12])) == UInt16(bytes[12]) | UInt16(bytes[13]) << 8)
        #expect(FITCRC.checksum(bytes) == 0)
        // file_id data: type 4 (activity), manufacturer 255, product 7, serial 42, time created.
        #expect(Array(bytes[35..<49]) == [0, 4] + le16(255) + le16(7) + le32(42) + le32(Self.startFIT))
        // The timer-start event: event 0 (timer), event_type 0 (start).
        #expect(Array(bytes[64..<71]) == [1] + le32(Self.startFIT) + [0, 0])
        // The record: timestamp and heart rate.
        #expect(Array(bytes[83..<89]) == [2] + le32(Self.startFIT) + [140])
    }

    /// Each value at the Profile's scale, computed by hand: 45° = 2^29 semicircles, 1234.567 m =
    /// 123,457 cm, 3.3333 m/s = 3,333 mm/s, (12.34 + 500) × 5 = 2,561.7 → 2,562, 171 steps/min =
    /// 85.5 strides per leg = cadence 85 + 64/128.
    @Test func recordValuesAreWrittenAtTheProfilesScale() throws {
        let sample = ActivitySample(seconds: 0, meters: 1234.567, metersPerSecond: 3.3333, latitude: 45, longitude: -122.5,
                                    altitude: 12.34, heartRate: 151.4, stepsPerMinute: 171)
        let bytes = try FITActivityEncoder().encode(Activity(sport: "running", start: Self.start, samples: [sample], laps: []))
        // After header 14, file_id 35, event definition 15 and one event 7 comes the record
        // definition (6 + 9 × 3 = 33 bytes), then the record.
        let record = Array(bytes[104..<(104 + 28)])
        let expected: [UInt8] = [2] + le32(Self.startFIT) + le32(536_870_912) + le32(UInt32(bitPattern: -1_461_481_927))
            + le32(123_457) + le32(3_333) + le32(2_562) + [151, 85, 64]
        #expect(record == expected)
    }

    @Test func cadenceOfOtherSportsIsWrittenAsIs() throws {
        let sample = ActivitySample(seconds: 0, heartRate: 120, stepsPerMinute: 90)
        let bytes = try FITActivityEncoder().encode(Activity(sport: "cycling", start: Self.start, samples: [sample], laps: []))
        let back = try Self.readBack(bytes)
        #expect(back.sport == "cycling")
        #expect(back.samples.first?.stepsPerMinute == 90)
    }

    @Test func extraFieldsLengthenEveryRecordAndReadBackRaw() throws {
        var activity = Self.trackSession(seed: 3, seconds: 10)
        activity.laps = []
        let power = FITRecordExtraField(number: 7, baseType: .uint16, values: (0..<10).map { UInt32(250 + $0) })
        let temperature = FITRecordExtraField(number: 13, baseType: .sint8, values: Array(repeating: UInt32(UInt8(bitPattern: -3)), count: 10))
        let plain = try FITActivityEncoder().encode(activity)
        let extended = try FITActivityEncoder().encode(activity, extraFields: [power, temperature])
        // 2 more definition fields of 3 bytes, 3 more bytes in each of the 10 records.
        #expect(extended.count - plain.count == 2 * 3 + 10 * 3)
        var powers: [Int64] = []
        var temperatures: [Int64] = []
        _ = try FITDecoder().decode(extended) { message in
            guard message.globalMessageNumber == FITProfile.Message.record else { return }
            powers.append(message.integer(7) ?? -1)
            temperatures.append(message.integer(13) ?? 99)
        }
        #expect(powers == (0..<10).map { Int64(250 + $0) })
        #expect(temperatures == Array(repeating: -3, count: 10))
        #expect(try Self.readBack(extended).samples == Self.readBack(plain).samples)
    }

    // MARK: Round trip

    @Test(arguments: [1, 2, 3] as [UInt64])
    func roundTripKeepsSamplesLapsSportAndStart(seed: UInt64) throws {
        let activity = Self.trackSession(seed: seed)
        let back = try Self.readBack(FITActivityEncoder().encode(activity))
        #expect(back.sport == "running/track")
        #expect(back.start == Self.start)
        #expect(back.samples.count == activity.samples.count)
        for (a, b) in zip(activity.samples, back.samples) {
            #expect(a.seconds == b.seconds)
            #expect(abs(a.meters! - b.meters!) <= 0.005)
            #expect(abs(a.metersPerSecond! - b.metersPerSecond!) <= 0.0005)
            #expect(abs(a.latitude! - b.latitude!) <= FITMessage.degreesPerSemicircle / 2 + 1e-12)
            #expect(abs(a.longitude! - b.longitude!) <= FITMessage.degreesPerSemicircle / 2 + 1e-12)
            #expect(abs(a.altitude! - b.altitude!) <= 0.1 + 1e-9)
            #expect(a.heartRate == b.heartRate)
            // Half a 1/128 stride per leg, doubled to steps of both feet.
            #expect(abs(a.stepsPerMinute! - b.stepsPerMinute!) <= 1.0 / 128 + 1e-9)
        }
        #expect(back.laps.count == activity.laps.count)
        for (a, b) in zip(activity.laps, back.laps) {
            #expect(a.startSeconds == b.startSeconds)
            #expect(a.elapsedSeconds == b.elapsedSeconds)
            #expect(a.timerSeconds == b.timerSeconds)
            #expect(abs(a.meters! - b.meters!) <= 0.005)
            #expect(a.trigger == b.trigger)
        }
        // Session totals default to the samples' span and last distance.
        #expect(back.deviceTimerSeconds == 1_799)
        #expect(abs(back.deviceDistanceMeters! - activity.samples.last!.meters!) <= 0.005)
    }

    @Test func activityWithoutLapsGetsOneLapOverTheSession() throws {
        var activity = Self.trackSession(seed: 9, seconds: 300)
        activity.laps = []
        activity.deviceTimerSeconds = 280
        let back = try Self.readBack(FITActivityEncoder().encode(activity))
        #expect(back.laps.count == 1)
        #expect(back.laps.first?.startSeconds == 0)
        #expect(back.laps.first?.elapsedSeconds == 299)
        #expect(back.laps.first?.timerSeconds == 280)
        #expect(back.laps.first?.trigger == .other)
        #expect(back.deviceTimerSeconds == 280)
    }

    @Test func missingValuesStayMissing() throws {
        let samples = [
            ActivitySample(seconds: 0, meters: 0, heartRate: 130),
            ActivitySample(seconds: 1, latitude: 10, longitude: 20),
            ActivitySample(seconds: 2.4, meters: 5, stepsPerMinute: 170),
        ]
        let back = try Self.readBack(FITActivityEncoder().encode(Activity(sport: "running", start: Self.start, samples: samples, laps: [])))
        #expect(back.samples.map(\.seconds) == [0, 1, 2])
        #expect(back.samples.map(\.meters) == [0, nil, 5])
        #expect(back.samples.map(\.heartRate) == [130, nil, nil])
        #expect(back.samples.map(\.stepsPerMinute) == [nil, nil, 170])
        #expect(back.samples[1].latitude.map { abs($0 - 10) < 1e-7 } == true)
        #expect(back.samples[0].latitude == nil)
        #expect(back.samples.allSatisfy { $0.metersPerSecond == nil && $0.altitude == nil })
    }

    /// A watch whose clock is corrected mid-run writes a record earlier than the one before; the
    /// encoder keeps the order, as the reader does.
    @Test func timesSteppingBackAreWrittenInTheOrderGiven() throws {
        let samples = [0.0, 1, 2, 1, 3].map { ActivitySample(seconds: $0, heartRate: 100 + $0) }
        let back = try Self.readBack(FITActivityEncoder().encode(Activity(sport: "running", start: Self.start, samples: samples, laps: [])))
        #expect(back.samples.map(\.seconds) == [0, 1, 2, 1, 3])
        #expect(back.samples.map(\.heartRate) == [100, 101, 102, 101, 103])
        #expect(back.deviceTimerSeconds == 3)
    }

    @Test(arguments: [
        ("running", 1, 0), ("running/track", 1, 4), ("cycling/road", 2, 7), ("generic", 0, 0),
        ("swimming/lap_swimming", 5, 17), ("cycling/virtual_activity", 2, 58), ("200/3", 200, 3),
    ] as [(String, UInt8, UInt8)])
    func sportNamesMapToTheProfilesNumbers(text: String, sport: UInt8, subSport: UInt8) throws {
        let codes = try FITActivityEncoder.sportCodes(text)
        #expect(codes.0 == sport && codes.1 == subSport)
    }

    // MARK: Bad input

    @Test func badActivitiesGiveOneClearLine() {
        let good = ActivitySample(seconds: 0, heartRate: 140)
        func encode(_ samples: [ActivitySample], sport: String = "running", start: Date? = Self.start,
                    laps: [ActivityLap] = [], extras: [FITRecordExtraField] = []) -> FITActivityEncodingError? {
            do {
                _ = try FITActivityEncoder().encode(Activity(sport: sport, start: start, samples: samples, laps: laps), extraFields: extras)
                return nil
            } catch {
                return error
            }
        }
        #expect(encode([]) == .noSamples)
        #expect(encode([good], start: nil) == .noStart)
        #expect(encode([good], start: Date(timeIntervalSince1970: 0))?.description.contains("FIT can write starts from 1998") == true)
        #expect(encode([good, ActivitySample(seconds: -1, heartRate: 1)]) == .sampleTimeOutOfRange(sample: 1, seconds: -1))
        #expect(encode([ActivitySample(seconds: .nan, heartRate: 1)]) != nil)
        let hr = encode([good, ActivitySample(seconds: 1, heartRate: 300)])
        #expect(hr?.description == "sample 1: heart rate (bpm) 300.0 is outside what FIT can write (-0.0 to 254.0)")
        #expect(encode([ActivitySample(seconds: 0, latitude: 91, longitude: 0)])?.description.contains("latitude 91.0") == true)
        #expect(encode([ActivitySample(seconds: 0, meters: -3)])?.description.contains("distance (m) -3.0") == true)
        #expect(encode([ActivitySample(seconds: 0, altitude: -600)])?.description.contains("altitude (m) -600.0") == true)
        #expect(encode([ActivitySample(seconds: 0, metersPerSecond: .infinity)]) != nil)
        #expect(encode([ActivitySample(seconds: 0, stepsPerMinute: 600)])?.description.contains("cadence (steps/min) 600.0") == true)
        #expect(encode([good], sport: "quidditch") == .unknownSport("quidditch"))
        #expect(encode([good], sport: "running/flying_carpet") == .unknownSport("running/flying_carpet"))
        #expect(encode([good], laps: [ActivityLap(startSeconds: 0, elapsedSeconds: -5)])
                == .lapOutOfRange(lap: 0, field: "elapsed time (s)", value: -5))
        #expect(encode([good], extras: [FITRecordExtraField(number: 7, baseType: .uint16, values: [1, 2])])
                == .invalidExtraField(number: 7, reason: "2 values for 1 samples; one per sample is needed"))
        #expect(encode([good], extras: [FITRecordExtraField(number: 3, baseType: .uint8, values: [1])])?.description
                == "extra record field 3: the encoder writes this record field from the samples")
    }

    // MARK: Corpus

    /// Every readable single-activity corpus FIT file: decoded, encoded, decoded again, the same
    /// samples, laps, sport and start (times counted from the first sample, as the reader does).
    @Test func corpusFilesSurviveARoundTrip() throws {
        guard Corpus.availableOrNote() else { return }
        var checked = 0
        for row in try Corpus.manifest() where row.file.hasSuffix(".fit") && !row.isCorrupt {
            guard let activities = try? FITActivityReader().read(Data(contentsOf: Corpus.url(row.file))),
                activities.count == 1, let original = activities.first, original.start != nil
            else { continue }
            // A start before 1998-07-05 is a device-relative FIT time, which the encoder refuses.
            let earliest = FITProfile.date(fromFITTime: FITActivityEncoder.minimumFITTime)
            if original.start! < earliest {
                #expect(throws: FITActivityEncodingError.self, "\(row.file)") { try FITActivityEncoder().encode(original) }
                continue
            }
            let back = try Self.readBack(FITActivityEncoder().encode(original))
            let shift = original.samples[0].seconds
            #expect(back.start == original.start!.addingTimeInterval(shift), "\(row.file)")
            #expect(back.sport == original.sport, "\(row.file)")
            let expected = original.samples.map { sample -> ActivitySample in
                var shifted = sample
                shifted.seconds -= shift
                return shifted
            }
            #expect(back.samples.count == expected.count, "\(row.file)")
            let firstDifference = zip(expected, back.samples).enumerated().first { !Self.sameWithinResolution($0.element.0, $0.element.1) }?.offset
            #expect(firstDifference == nil, "\(row.file): sample \(firstDifference ?? -1)")
            #expect(back.laps.count == max(1, original.laps.count), "\(row.file)")
            if !original.laps.isEmpty {
                for (a, b) in zip(original.laps, back.laps) {
                    #expect(b.startSeconds == (a.startSeconds - shift).rounded(), "\(row.file)")
                    #expect(abs(b.elapsedSeconds - a.elapsedSeconds) <= 0.0005, "\(row.file)")
                    #expect(b.trigger == a.trigger || a.trigger == .other, "\(row.file)")
                }
            }
            checked += 1
        }
        #expect(checked >= 20)
    }

    /// Equal after one more pass through FIT's resolution (values read from FIT are on its grid).
    static func sameWithinResolution(_ a: ActivitySample, _ b: ActivitySample) -> Bool {
        func near(_ x: Double?, _ y: Double?, _ tolerance: Double) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= tolerance
            default: false
            }
        }
        return a.seconds == b.seconds && near(a.meters, b.meters, 1e-6) && near(a.metersPerSecond, b.metersPerSecond, 1e-6)
            && near(a.latitude, b.latitude, 1e-9) && near(a.longitude, b.longitude, 1e-9) && near(a.altitude, b.altitude, 1e-6)
            && near(a.heartRate, b.heartRate, 0) && near(a.stepsPerMinute, b.stepsPerMinute, 1e-9)
    }
}
