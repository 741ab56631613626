import Foundation
import Speedwork
import Testing
@testable import SpeedworkFiles

/// Reading FIT activities that are cut short, lack their CRC, or are padded with empty records:
/// the samples before the damage are read, with a warning, and memory follows the data.
@Suite("FIT activity reading")
struct FITActivityReadingTests {
    /// A run of `count` records, one a second from FIT time 1,000,000,000, 3 m a second, each
    /// record 1 + 9 bytes; `extra` is appended after them (still inside the data).
    static func run(records count: Int, extra: (inout FITBuilder) -> Void = { _ in }) -> [UInt8] {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02), (5, 4, 0x86)])
        for i in 0..<count {
            b.data(local: 0, le32(1_000_000_000 + UInt32(i)) + [140] + le32(UInt32(i * 300)))
        }
        extra(&b)
        return b.build()
    }

    static func read(_ bytes: [UInt8], verifyCRC: Bool = true) throws -> Activity {
        let activities = try FITActivityReader(verifyCRC: verifyCRC).read(Data(bytes))
        return try #require(activities.first)
    }

    /// Definition: 1 + 5 + 3 × 3 = 15 bytes, header 14: the first record starts at byte 29.
    static let firstRecord = 14 + 15
    static let recordSize = 10

    @Test func cutShortIsReadToTheLastCompleteRecord() throws {
        let whole = Self.run(records: 10)
        // Cut in the middle of the eighth record (index 7): seven complete records remain.
        let cut = Array(whole[0..<(Self.firstRecord + 7 * Self.recordSize + 4)])
        for verify in [true, false] {
            let activity = try Self.read(cut, verifyCRC: verify)
            #expect(activity.samples.count == 7)
            #expect(activity.samples.last?.meters == 18)
            #expect(activity.warnings.count == 1)
            #expect(activity.warnings.first?.contains("cut short at byte \(cut.count)") == true, "\(activity.warnings)")
        }
    }

    @Test func missingOnlyTheCRCIsReadWhole() throws {
        let whole = Self.run(records: 10)
        let noCRC = Array(whole.dropLast(2))
        for verify in [true, false] {
            let activity = try Self.read(noCRC, verifyCRC: verify)
            #expect(activity.samples.count == 10)
            #expect(activity.warnings == ["the file ends at byte \(noCRC.count) without its 2-byte CRC: read without checking it"])
        }
    }

    @Test func badCRCIsAnErrorUnlessCheckingIsOff() throws {
        var bytes = Self.run(records: 10)
        bytes[bytes.count - 1] ^= 0xFF
        #expect {
            _ = try Self.read(bytes)
        } throws: { error in
            guard let error = error as? ActivityFileError, case .fit(let fit) = error.problem else { return false }
            return fit.isCRCMismatch
        }
        let activity = try Self.read(bytes, verifyCRC: false)
        #expect(activity.samples.count == 10)
        #expect(activity.warnings.count == 1)
        #expect(activity.warnings.first?.hasPrefix("the file's CRC does not match its contents") == true)
    }

    @Test func unreadableDataKeepsTheRecordsBeforeIt() throws {
        // After three records, a data message of local message 5, which was never defined.
        let bytes = Self.run(records: 3) { $0.data(local: 5, [1, 2, 3]) }
        let activity = try Self.read(bytes)
        #expect(activity.samples.count == 3)
        let offset = Self.firstRecord + 3 * Self.recordSize
        #expect(activity.warnings.first?.hasPrefix("the FIT data cannot be read past byte \(offset)") == true, "\(activity.warnings)")
    }

    @Test func nothingReadableIsStillAnError() {
        let whole = Self.run(records: 2)
        // Cut inside the first record.
        #expect(throws: ActivityFileError.self) { _ = try Self.read(Array(whole[0..<(Self.firstRecord + 5)])) }
    }

    /// 200,000 record and lap messages with no fields (one byte each) after three records: still
    /// three samples and no lap, not one per byte.
    @Test func messagesWithoutFieldsAddNothing() throws {
        let bytes = Self.run(records: 3) { b in
            b.define(local: 1, global: 20, fields: [])
            b.define(local: 2, global: 19, fields: [])
            for i in 0..<200_000 { b.data(local: i % 2 == 0 ? 1 : 2, []) }
        }
        let activity = try Self.read(bytes)
        #expect(activity.samples.count == 3)
        #expect(activity.laps.isEmpty)
        #expect(activity.warnings.isEmpty)
    }

    /// Records in the same second complete one sample; a record with only a time adds none.
    @Test func recordsOfOneSecondMakeOneSample() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02)])
        b.define(local: 1, global: 20, fields: [(253, 4, 0x86), (5, 4, 0x86)])
        b.define(local: 2, global: 20, fields: [(253, 4, 0x86)])
        b.data(local: 0, le32(1_000_000_000) + [140])
        b.data(local: 1, le32(1_000_000_000) + le32(250))
        b.data(local: 2, le32(1_000_000_001))
        b.data(local: 0, le32(1_000_000_002) + [141])
        let activity = try Self.read(b.build())
        #expect(activity.samples.count == 2)
        #expect(activity.samples[0].heartRate == 140)
        #expect(activity.samples[0].meters == 2.5)
        #expect(activity.samples[1].seconds == 2)
    }
}

/// Error messages stay one short line whatever text the file holds.
@Suite("Activity file errors")
struct ActivityFileErrorTests {
    @Test func fileTextIsShownOnOneShortLine() {
        let found = "2026-01-01\nT00:00\r\u{7}" + String(repeating: "x", count: 10_000)
        let error = ActivityFileError(.invalidValue(line: 3, column: 4, element: "time", expected: "a date and time", found: found), file: "run.gpx")
        #expect(error.description == "run.gpx:3:4: <time> holds \"2026-01-01\\nT00:00\\r\\u{7}" + String(repeating: "x", count: 41) + "…\", expected a date and time")
    }
}
