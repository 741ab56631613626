import Foundation
import Testing
import Speedwork
@testable import SpeedworkFiles

struct FITWorkoutEncoderTests {
    let encoder = FITWorkoutEncoder(timeCreated: ExportSamples.created)

    @Test func headerBytes() throws {
        let file = try encoder.encode(ExportSamples.repeats200)
        #expect(file[0] == 14)
        #expect(file[1] == 0x10)
        #expect(UInt16(file[2]) | UInt16(file[3]) << 8 == 2140)
        let dataSize = (0..<4).reduce(0) { $0 | Int(file[4 + $1]) << (8 * $1) }
        #expect(dataSize == file.count - 14 - 2)
        #expect(Array(file[8..<12]) == Array(".FIT".utf8))
        let headerCRC = UInt16(file[12]) | UInt16(file[13]) << 8
        #expect(headerCRC == WorkoutFileCRC.checksum(file[0..<12]))
        // The file CRC covers header and records: the checksum of the whole file is 0.
        #expect(WorkoutFileCRC.checksum(file) == 0)
    }

    @Test func firstRecordIsFileIDDefinition() throws {
        let file = try encoder.encode(ExportSamples.easyRun)
        #expect(file[14] == 0x40)        // definition, local type 0
        #expect(file[16] == 0)           // little endian
        #expect(file[17] == 0 && file[18] == 0)  // global message 0: file_id
    }

    @Test func repeatBlockSteps() throws {
        let steps = try FITWorkoutEncoder.steps(for: ExportSamples.repeats200)
        #expect(steps.count == 5)
        #expect(steps.map(\.messageIndex) == [0, 1, 2, 3, 4])
        #expect(steps[0].durationType == .time && steps[0].durationValue == 900_000 && steps[0].intensity == 2)

        let rep = steps[1]
        #expect(rep.durationType == .distance && rep.durationValue == 20_000)
        #expect(rep.targetType == .speed && rep.targetValue == 0)
        #expect(rep.customTargetLow == UInt32((200 / 38.4 * 1000).rounded()))   // slow end
        #expect(rep.customTargetHigh == UInt32((200 / 37.6 * 1000).rounded()))  // fast end
        #expect(rep.intensity == 0)

        #expect(steps[2].durationType == .time && steps[2].durationValue == 120_000 && steps[2].intensity == 4)
        #expect(steps[2].targetType == .open)

        let repeatStep = steps[3]
        #expect(repeatStep.durationType == .repeatUntilStepsComplete)
        #expect(repeatStep.durationValue == 1)
        #expect(repeatStep.targetValue == 8)
        #expect(steps[4].intensity == 3)
    }

    @Test func effortTargetsGoInTheName() throws {
        let steps = try FITWorkoutEncoder.steps(for: ExportSamples.hills)
        #expect(steps[1].name == "Hill rep RPE 4-5")
        #expect(steps[1].targetType == .open && steps[1].durationType == .open && steps[1].durationValue == nil)
        #expect(steps[2].name == "Jog down RPE 1")
        #expect(steps[3].durationValue == 1 && steps[3].targetValue == 6)
    }

    @Test func longNamesKeepTheRPE() throws {
        let workout = Workout(rule: "M10", kind: .speed, title: "Strides", blocks: [
            .step(WorkoutStep(.active, .time(.seconds(25)), target: .effort(4...5), name: "Relaxed fast stride")),
        ])
        let steps = try FITWorkoutEncoder.steps(for: workout)
        #expect(steps[0].name == "Relaxed RPE 4-5")
    }

    @Test(arguments: [
        ("Kurzer Lauf äöü", 16, "Kurzer Lauf äö"),
        ("200m × 8", 8, "200m ×"),
        ("🏃🏃🏃🏃🏃", 10, "🏃🏃"),
        ("jog", 16, "jog"),
    ])
    func truncationKeepsUTF8Whole(text: String, bytes: Int, expected: String) {
        let cut = text.truncatedUTF8(maxBytes: bytes)
        #expect(cut == expected)
        #expect(cut.utf8.count <= bytes)
    }

    @Test func emptyWorkoutIsRejected() {
        let workout = Workout(rule: "M20", kind: .easy, title: "Nothing", blocks: [])
        #expect(throws: FITWorkoutEncodingError.noSteps) { try encoder.encode(workout) }
    }

    @Test func sameInputSameBytes() throws {
        #expect(try encoder.encode(ExportSamples.hills) == encoder.encode(ExportSamples.hills))
    }
}
