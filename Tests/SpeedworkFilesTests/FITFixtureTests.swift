import Foundation
import Testing
import SpeedworkTestSupport
@testable import SpeedworkFiles

@Suite("FIT fixtures built by hand")
struct FITFixtureTests {
    /// A small activity: file_id, one record with a full timestamp, laps of fields.
    static func smallFile(headerSize: Int = 14, headerCRC: UInt16? = nil) -> [UInt8] {
        var b = FITBuilder(headerSize: headerSize, headerCRC: headerCRC)
        b.define(local: 0, global: 0, fields: [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84)])
        b.data(local: 0, [4] + le16(1) + le16(2118))
        b.define(local: 1, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02), (5, 4, 0x86)])
        b.data(local: 1, le32(1_000_000_000) + [150] + le32(12_345))
        b.data(local: 1, le32(1_000_000_001) + [151] + le32(12_700))
        return b.build()
    }

    @Test func crcMatchesTheProtocolNibbleAlgorithm() {
        var crc: UInt16 = 0
        let bytes: [UInt8] = Array("123456789".utf8)
        for byte in bytes { crc = FITCRC.nibbleUpdate(crc, byte) }
        // CRC-16/ARC check value for "123456789".
        #expect(crc == 0xBB3D)
        #expect(FITCRC.checksum(bytes) == 0xBB3D)
        var running = FITCRC()
        for byte in bytes { running.update(byte) }
        #expect(running.value == 0xBB3D)
    }

    /// The eight-bytes-at-a-time path agrees with the protocol's nibble algorithm at every
    /// length and alignment, and when continued from a running value.
    @Test func crcWordPathMatchesTheNibbleAlgorithm() {
        var generator = SeededGenerator(state: 0xC4C)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<9 {
            for end in stride(from: start, through: data.count, by: 7) {
                let slice = Array(data[start..<end])
                var reference: UInt16 = 0
                for byte in slice { reference = FITCRC.nibbleUpdate(reference, byte) }
                #expect(FITCRC.checksum(slice) == reference, "bytes \(start)..<\(end)")
                var running = FITCRC()
                if let first = slice.first { running.update(first) }
                slice.dropFirst().withUnsafeBytes { running.update($0) }
                #expect(running.value == reference, "bytes \(start)..<\(end), continued")
            }
        }
    }

    @Test func twelveByteHeader() throws {
        let file = Self.smallFile(headerSize: 12)
        var heartRates: [Int] = []
        let files = try FITDecoder().decode(file) { if let hr = $0.heartRate { heartRates.append(hr) } }
        #expect(files == 1)
        #expect(heartRates == [150, 151])
        let inspection = FITDecoder().inspect(file)
        #expect(inspection.files.first?.header.size == 12)
        #expect(inspection.files.first?.header.crc == nil)
        #expect(inspection.errors.isEmpty)
    }

    @Test func fourteenByteHeaderWithZeroCRCIsValid() throws {
        let file = Self.smallFile(headerSize: 14, headerCRC: 0)
        let (files, counts) = try countMessages(file)
        #expect(files == 1)
        #expect(counts == [0: 1, 20: 2])
    }

    @Test func wrongHeaderCRCIsReportedAndCanBeIgnored() throws {
        let file = Self.smallFile(headerSize: 14, headerCRC: 0x1234)
        #expect(throws: FITDecodeError.self) { try countMessages(file) }
        do {
            _ = try countMessages(file)
        } catch let error as FITDecodeError {
            guard case .headerCRCMismatch(let offset, _, let found) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(offset == 12)
            #expect(found == 0x1234)
        }
        #expect(try countMessages(file, verifyCRC: false).counts[20] == 2)
    }

    @Test func wrongFileCRCIsReportedAndCanBeIgnored() throws {
        var file = Self.smallFile()
        file[file.count - 1] ^= 0xFF
        do {
            _ = try countMessages(file)
            Issue.record("expected a CRC error")
        } catch let error as FITDecodeError {
            guard case .fileCRCMismatch(let offset, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(offset == file.count - 2)
            #expect(error.isCRCMismatch)
        }
        #expect(try countMessages(file, verifyCRC: false).counts[20] == 2)
        let inspection = FITDecoder(verifyCRC: false).inspect(file)
        #expect(inspection.count(of: 20) == 2)
        #expect(inspection.errors.count == 1)
    }

    @Test func bigEndianDefinition() throws {
        var b = FITBuilder()
        b.define(
            local: 3, global: 20, bigEndian: true,
            fields: [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (2, 2, 0x84), (6, 2, 0x84)])
        let lat = Int32(bitPattern: 0x1E00_0000)  // 42.1875 degrees
        let lon = Int32(-0x1000_0000)  // -22.5 degrees
        b.data(
            local: 3,
            be32(1_000_000_000) + be32(UInt32(bitPattern: lat)) + be32(UInt32(bitPattern: lon)) + be16(3000)
                + be16(3456))
        var seen = 0
        try FITDecoder().decode(b.build()) { m in
            seen += 1
            #expect(m.globalMessageNumber == 20)
            #expect(m.localMessageNumber == 3)
            #expect(m.definition.isBigEndian)
            #expect(m.timestamp == 1_000_000_000)
            #expect(m.latitude == 42.1875)
            #expect(m.longitude == -22.5)
            #expect(m.altitude == 100)  // 3000 / 5 - 500
            #expect(m.speed?.metersPerSecond == 3.456)
        }
        #expect(seen == 1)
    }

    @Test func bigEndianGlobalNumberAboveByteRange() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 0x0123, bigEndian: true, fields: [(0, 2, 0x84)])
        b.data(local: 0, be16(7))
        var numbers: [UInt16] = []
        try FITDecoder().decode(b.build()) { numbers.append($0.globalMessageNumber) }
        #expect(numbers == [0x0123])
        #expect(FITProfile.messageName(0x0123) == "291")
    }

    @Test func compressedTimestampWithRollover() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02)])
        b.define(local: 1, global: 20, fields: [(3, 1, 0x02)])
        // 1000 = 31 * 32 + 8: the 5-bit offset of the reference is 8.
        b.data(local: 0, le32(1000) + [100])
        b.compressed(local: 1, timeOffset: 10, [101])  // 992 + 10
        b.compressed(local: 1, timeOffset: 31, [102])  // 992 + 31
        b.compressed(local: 1, timeOffset: 2, [103])  // rolls over: 1024 + 2
        b.compressed(local: 1, timeOffset: 2, [104])  // same second
        b.compressed(local: 1, timeOffset: 1, [105])  // rolls over again: 1056 + 1
        b.data(local: 0, le32(5000) + [106])  // a new full timestamp resets the reference
        b.compressed(local: 1, timeOffset: 9, [107])  // 5000 = 156 * 32 + 8 -> 4992 + 9
        var times: [UInt32?] = []
        var fromHeader: [UInt32?] = []
        try FITDecoder().decode(b.build()) { m in
            times.append(m.timestamp)
            fromHeader.append(m.headerTimestamp)
        }
        #expect(times == [1000, 1002, 1023, 1026, 1026, 1057, 5000, 5001])
        #expect(fromHeader == [nil, 1002, 1023, 1026, 1026, 1057, nil, 5001])
        let date = try #require(FITDecoder().inspect(b.build()).files.first)
        #expect(date.count(of: 20) == 8)
    }

    @Test func compressedTimestampWithoutReferenceHasNoTime() throws {
        var b = FITBuilder()
        b.define(local: 2, global: 20, fields: [(3, 1, 0x02)])
        b.compressed(local: 2, timeOffset: 5, [90])
        var times: [UInt32?] = []
        try FITDecoder().decode(b.build()) { times.append($0.timestamp) }
        #expect(times == [nil])
    }

    @Test func developerFieldsAreSkippedWithTheirSizes() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 207, fields: [(3, 1, 0x02)])
        b.data(local: 0, [0])
        b.define(
            local: 1, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02)],
            developer: [(0, 3, 0), (1, 2, 0)])
        b.data(local: 1, le32(10) + [140] + [0xAA, 0xBB, 0xCC] + [0xDD, 0xEE])
        b.data(local: 1, le32(11) + [141] + [0x01, 0x02, 0x03] + [0x04, 0x05])
        b.define(local: 2, global: 19, fields: [(9, 4, 0x86)])
        b.data(local: 2, le32(40000))
        var heartRates: [Int] = []
        var lapDistance: Double?
        try FITDecoder().decode(b.build()) { m in
            if let hr = m.heartRate { heartRates.append(hr) }
            if m.globalMessageNumber == 19 { lapDistance = m.totalDistance?.meters }
            if m.globalMessageNumber == 20 {
                #expect(m.definition.developerFields.count == 2)
                #expect(m.definition.messageSize == 10)
                #expect(m.content.count == 10)
            }
        }
        #expect(heartRates == [140, 141])
        #expect(lapDistance == 400)
    }

    @Test func invalidValueOfEveryBaseTypeReadsAsNil() throws {
        let types = FITBaseType.allCases
        var b = FITBuilder()
        b.define(
            local: 0, global: 65280,
            fields: types.enumerated().map { (UInt8($0.offset), UInt8($0.element.size), $0.element.rawValue) })
        var invalid: [UInt8] = []
        var valid: [UInt8] = []
        for type in types {
            let bits = type.invalidBits
            invalid += (0..<type.size).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
            // 1 is a valid value for every type (and "\u{1}" a one-character string).
            valid += [1] + [UInt8](repeating: 0, count: type.size - 1)
        }
        b.data(local: 0, invalid)
        b.data(local: 0, valid)
        var messages = 0
        try FITDecoder().decode(b.build()) { m in
            messages += 1
            for (index, type) in types.enumerated() {
                let n = UInt8(index)
                if messages == 1 {
                    #expect(m.double(n) == nil, "\(type)")
                    #expect(m.integer(n) == nil, "\(type)")
                    #expect(m.unsigned(n) == nil, "\(type)")
                    #expect(m.string(n) == nil, "\(type)")
                    #expect(!m.isValid(n), "\(type)")
                } else {
                    #expect(m.isValid(n), "\(type)")
                    switch type {
                    case .string: #expect(m.string(n) == "\u{1}")
                    case .byte: #expect(m.bytes(n) == [1])
                    case .float32: #expect(m.double(n) == Double(Float(bitPattern: 1)))
                    case .float64: #expect(m.double(n) == Double(bitPattern: 1))
                    default:
                        #expect(m.integer(n) == 1, "\(type)")
                        #expect(m.unsigned(n) == 1, "\(type)")
                        #expect(m.double(n) == 1, "\(type)")
                    }
                }
            }
        }
        #expect(messages == 2)
    }

    @Test func signedValuesAndArrays() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(7, 2, 0x83), (8, 6, 0x84), (9, 3, 0x84), (10, 8, 0x07)])
        b.data(local: 0, le16(UInt16(bitPattern: -5)) + le16(1) + le16(0xFFFF) + le16(3) + [1, 2, 3] + Array("abc".utf8) + [0, 0x41, 0x42, 0x43, 0x44])
        try FITDecoder().decode(b.build()) { m in
            #expect(m.integer(7) == -5)
            #expect(m.unsigned(7) == nil)
            #expect(m.elementCount(8) == 3)
            #expect(m.unsigned(8, index: 0) == 1)
            #expect(m.unsigned(8, index: 1) == nil)
            #expect(m.unsigned(8, index: 2) == 3)
            #expect(m.unsigned(8, index: 3) == nil)
            // A size that is not a multiple of the base type size reads as bytes only.
            #expect(m.unsigned(9) == nil)
            #expect(m.bytes(9) == [1, 2, 3])
            #expect(m.string(10) == "abc")
            #expect(m.integer(99) == nil)
        }
    }

    @Test func unterminatedStringReadsToFieldEnd() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 23, fields: [(27, 4, 0x07)])
        b.data(local: 0, Array("wxyz".utf8))
        try FITDecoder().decode(b.build()) { #expect($0.string(27) == "wxyz") }
    }

    @Test func recordHelpersApplyProfileScales() throws {
        var b = FITBuilder()
        b.define(
            local: 0, global: 20,
            fields: [(4, 1, 0x02), (53, 1, 0x02), (5, 4, 0x86), (73, 4, 0x86), (6, 2, 0x84), (78, 4, 0x86), (2, 2, 0x84)])
        b.data(local: 0, [88, 64] + le32(123_456) + le32(4_250) + le16(1000) + le32(3_000) + le16(2600))
        b.define(local: 1, global: 18, fields: [(2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00)])
        b.data(local: 1, le32(0) + le32(3_600_500) + le32(3_500_000) + le32(1_000_000) + [1])
        b.define(local: 2, global: 0, fields: [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84)])
        b.data(local: 2, [4] + le16(1) + le16(3113))
        try FITDecoder().decode(b.build()) { m in
            switch m.globalMessageNumber {
            case 20:
                #expect(m.cadence == 88.5)
                #expect(m.distance?.meters == 1234.56)
                #expect(m.speed?.metersPerSecond == 4.25)  // enhanced_speed wins
                #expect(m.altitude == 100)  // enhanced_altitude wins: 3000 / 5 - 500
                #expect(m.heartRate == nil)
                #expect(m.totalDistance == nil)
            case 18:
                #expect(m.startTime == Date(timeIntervalSince1970: 631_065_600))
                #expect(m.totalElapsedTime?.seconds == 3600.5)
                #expect(m.totalTimerTime?.seconds == 3500)
                #expect(m.totalDistance?.meters == 10_000)
                #expect(m.sport == 1)
                #expect(m.name == "session")
            default:
                #expect(m.fileType == 4)
                #expect(m.manufacturer == 1)
                #expect(m.product == 3113)
                #expect(m.name == "file_id")
            }
        }
    }

    @Test func undefinedLocalMessageIsATypedError() {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(3, 1, 0x02)])
        b.data(local: 5, [1])
        #expect(throws: FITDecodeError.undefinedLocalMessage(offset: 14 + 9, local: 5)) {
            try countMessages(b.build())
        }
    }

    @Test func badArchitectureAndZeroFieldSizeAreTypedErrors() {
        var b = FITBuilder()
        b.records = [0x40, 0, 2, 20, 0, 0]
        #expect(throws: FITDecodeError.badDefinition(offset: 16, reason: "architecture byte 2 is neither 0 nor 1")) {
            try countMessages(b.build())
        }
        var c = FITBuilder()
        c.define(local: 0, global: 20, fields: [(3, 0, 0x02)])
        #expect(throws: FITDecodeError.invalidFieldSize(offset: 20, field: 3, size: 0, baseType: 2)) {
            try countMessages(c.build())
        }
    }

    @Test func chainedFilesAreAllDecoded() throws {
        let one = Self.smallFile()
        let two = Self.smallFile(headerSize: 12)
        let (files, counts) = try countMessages(one + two + one)
        #expect(files == 3)
        #expect(counts[20] == 6)
        let inspection = FITDecoder().inspect(one + two + one)
        #expect(inspection.chainedFileCount == 3)
        #expect(inspection.files.map(\.offset) == [0, one.count, one.count + two.count])
        #expect(inspection.files[1].namedCounts == ["file_id": 1, "record": 2])
    }

    @Test func garbageAfterAFileIsAHeaderError() throws {
        let file = Self.smallFile() + [0x0E, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
        #expect(throws: FITDecodeError.badHeader(offset: file.count - 14, reason: "signature is not \".FIT\"")) {
            try countMessages(file)
        }
        let inspection = FITDecoder().inspect(file)
        #expect(inspection.chainedFileCount == 1)
        #expect(inspection.trailingError?.offset == file.count - 14)
    }

    @Test func everyTruncationThrowsATypedError() {
        let file = Self.smallFile()
        for verify in [true, false] {
            for length in 0..<file.count {
                let prefix = Array(file[0..<length])
                do {
                    _ = try countMessages(prefix, verifyCRC: verify)
                    Issue.record("prefix of \(length) bytes decoded without error")
                } catch let error as FITDecodeError {
                    #expect(error.offset >= 0 && error.offset <= length)
                    #expect(!error.description.contains("\n"))
                } catch {
                    Issue.record("untyped error \(error)")
                }
                _ = FITDecoder(verifyCRC: verify).inspect(prefix)
            }
        }
    }

    @Test func errorDescriptionsAreOneLineWithOffset() {
        let errors: [FITDecodeError] = [
            .truncated(offset: 7, expected: "a FIT file header"),
            .badHeader(offset: 7, reason: "signature"),
            .headerCRCMismatch(offset: 7, expected: 0xABCD, found: 0x12),
            .fileCRCMismatch(offset: 7, expected: 1, found: 2),
            .undefinedLocalMessage(offset: 7, local: 3),
            .invalidFieldSize(offset: 7, field: 1, size: 0, baseType: 0x84),
            .badDefinition(offset: 7, reason: "x"),
        ]
        for error in errors {
            #expect(error.offset == 7)
            #expect(error.description.contains("byte 7"))
            #expect(!error.description.contains("\n"))
        }
        #expect(FITDecodeError.headerCRCMismatch(offset: 12, expected: 0xABCD, found: 0x12).description.contains("0x0012"))
    }
}
