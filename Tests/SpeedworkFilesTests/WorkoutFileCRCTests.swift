import Testing
@testable import SpeedworkFiles

struct WorkoutFileCRCTests {
    /// The FIT CRC is CRC-16/ARC; its catalogue check value over "123456789" is 0xBB3D.
    @Test func checkValue() {
        #expect(WorkoutFileCRC.checksum(Array("123456789".utf8)) == 0xBB3D)
    }

    @Test func emptyIsZero() {
        #expect(WorkoutFileCRC.checksum([UInt8]()) == 0)
    }

    /// Appending a message's own CRC (little endian) makes the checksum of the whole zero,
    /// which is how a FIT reader may check a file in one pass.
    @Test func checksumOverDataAndCRCIsZero() {
        let data = Array("Speedwork".utf8)
        let crc = WorkoutFileCRC.checksum(data)
        #expect(WorkoutFileCRC.checksum(data + [UInt8(crc & 0xFF), UInt8(crc >> 8)]) == 0)
    }
}
