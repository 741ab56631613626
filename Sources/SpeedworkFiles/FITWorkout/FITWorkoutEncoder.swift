import Foundation
import Speedwork

/// Writes a ``Speedwork/Workout`` as a FIT workout file (Garmin FIT protocol and profile, file
/// type 5 "workout"): a 14-byte header, then `file_id`, `workout` and one `workout_step` per step,
/// repeat blocks as their steps followed by a `repeat_until_steps_cmplt` step, then the file CRC.
///
/// Pace bands become custom speed targets (low = slow end, high = fast end, mm/s); RPE targets
/// (M10, M14) become open targets with the RPE in the step name, since FIT has no RPE target.
public struct FITWorkoutEncoder: Sendable {
    /// `file_id.product`: any number the developer chooses (manufacturer is 255, development).
    public var product: UInt16
    /// When the file was made, written as `file_id.time_created`; fixed for reproducible output.
    public var timeCreated: Date

    /// Longest step name in UTF-8 bytes: what most watches show without scrolling.
    public static let maxStepNameBytes = 16
    /// Longest workout name in UTF-8 bytes.
    public static let maxWorkoutNameBytes = 31
    /// Longest step note in UTF-8 bytes.
    public static let maxNoteBytes = 127

    /// The FIT epoch, 1989-12-31T00:00:00Z, from which `date_time` values count seconds.
    public static let fitEpoch = Date(timeIntervalSince1970: 631_065_600)

    public init(product: UInt16 = 1, timeCreated: Date) {
        self.product = product
        self.timeCreated = timeCreated
    }

    /// The complete FIT file for `workout`, named `name` on the watch (the workout's title when nil).
    public func encode(_ workout: Workout, name: String? = nil) throws(FITWorkoutEncodingError) -> [UInt8] {
        let steps = try Self.steps(for: workout)
        let title = (name ?? workout.title).truncatedUTF8(maxBytes: Self.maxWorkoutNameBytes)

        var writer = FITWorkoutWriter()
        writeFileID(to: &writer, workout: workout, title: title)
        writeWorkout(to: &writer, workout: workout, title: title, stepCount: steps.count)
        writeSteps(steps, to: &writer)

        var file = Self.header(dataSize: UInt32(writer.bytes.count))
        file.append(contentsOf: writer.bytes)
        let crc = WorkoutFileCRC.checksum(file)
        file.append(UInt8(crc & 0xFF))
        file.append(UInt8(crc >> 8))
        return file
    }

    /// The `workout_step` messages for `workout` in file order, repeat steps included.
    public static func steps(for workout: Workout) throws(FITWorkoutEncodingError) -> [FITWorkoutStep] {
        var steps: [FITWorkoutStep] = []
        for block in workout.blocks {
            switch block {
            case .step(let step):
                steps.append(try fitStep(step, index: steps.count))
            case .repeats(let count, let blockSteps):
                guard count > 0, !blockSteps.isEmpty else { continue }
                let first = steps.count
                for step in blockSteps {
                    steps.append(try fitStep(step, index: steps.count))
                }
                if count > 1 {
                    steps.append(FITWorkoutStep(
                        messageIndex: UInt16(clamping: steps.count), name: nil,
                        durationType: .repeatUntilStepsComplete, durationValue: UInt32(first),
                        targetType: nil, targetValue: UInt32(count), intensity: nil))
                }
            }
            if steps.count > 65_534 { throw .tooManySteps(steps.count) }
        }
        guard !steps.isEmpty else { throw .noSteps }
        return steps
    }

    // MARK: Step mapping

    private static func fitStep(_ step: WorkoutStep, index: Int) throws(FITWorkoutEncodingError) -> FITWorkoutStep {
        let durationType: FITWorkoutStep.DurationType
        let durationValue: UInt32?
        switch step.length {
        case .time(let time):
            durationType = .time
            durationValue = try scaled(time.seconds, by: 1000, step: step, field: "time")
        case .distance(let distance):
            durationType = .distance
            durationValue = try scaled(distance.meters, by: 100, step: step, field: "distance")
        case .open:
            durationType = .open
            durationValue = nil
        case .reps(let count):
            durationType = .reps
            durationValue = try scaled(Double(count), by: 1, step: step, field: "repetitions")
        }

        var name = step.name
        var fitStep = FITWorkoutStep(
            messageIndex: UInt16(clamping: index), name: nil, durationType: durationType,
            durationValue: durationValue, targetType: .open, intensity: intensityValue(step.intensity),
            notes: step.note.map { $0.truncatedUTF8(maxBytes: maxNoteBytes) })
        switch step.target {
        case .pace(let band):
            fitStep.targetType = .speed
            fitStep.targetValue = 0
            fitStep.customTargetLow = try scaled(band.slow.speed.metersPerSecond, by: 1000, step: step, field: "pace")
            fitStep.customTargetHigh = try scaled(band.fast.speed.metersPerSecond, by: 1000, step: step, field: "pace")
        case .effort(let rpe):
            name = nameWithSuffix(step.name, suffix: rpeText(rpe))
        case .none:
            break
        }
        fitStep.name = name.truncatedUTF8(maxBytes: maxStepNameBytes)
        return fitStep
    }

    /// `RPE 4-5`, or `RPE 1` for a single value (ASCII so that every watch font has it).
    static func rpeText(_ rpe: ClosedRange<Int>) -> String {
        rpe.lowerBound == rpe.upperBound ? "RPE \(rpe.lowerBound)" : "RPE \(rpe.lowerBound)-\(rpe.upperBound)"
    }

    /// `base` shortened so that ` suffix` still fits the step-name field whole.
    private static func nameWithSuffix(_ base: String, suffix: String) -> String {
        let room = maxStepNameBytes - suffix.utf8.count - 1
        guard room > 0 else { return suffix }
        let head = base.truncatedUTF8(maxBytes: room)
        return head.isEmpty ? suffix : "\(head) \(suffix)"
    }

    private static func scaled(_ value: Double, by factor: Double, step: WorkoutStep, field: String) throws(FITWorkoutEncodingError) -> UInt32 {
        let raw = (value * factor).rounded()
        // 0xFFFFFFFF is the invalid value of uint32.
        guard raw.isFinite, raw >= 0, raw < Double(UInt32.max) else {
            throw .valueOutOfRange(step: step.name, field: field)
        }
        return UInt32(raw)
    }

    /// FIT `intensity`: active 0, rest 1, warmup 2, cooldown 3, recovery 4.
    private static func intensityValue(_ intensity: Intensity) -> UInt8 {
        switch intensity {
        case .active: 0
        case .rest: 1
        case .warmup: 2
        case .cooldown: 3
        case .recovery: 4
        }
    }

    // MARK: Messages

    private static let fileIDFields: [FITWorkoutWriter.Field] = [
        .init(0, .enumeration),  // type
        .init(1, .uint16),       // manufacturer
        .init(2, .uint16),       // product
        .init(3, .uint32z),      // serial_number
        .init(4, .uint32),       // time_created
    ]

    private func writeFileID(to writer: inout FITWorkoutWriter, workout: Workout, title: String) {
        let seconds = max(0, timeCreated.timeIntervalSince(Self.fitEpoch).rounded(.down))
        writer.define(localType: 0, globalNumber: 0, fields: Self.fileIDFields)
        writer.write(localType: 0, fields: Self.fileIDFields, values: [
            .integer(5),    // workout
            .integer(255),  // development
            .integer(UInt32(product)),
            .integer(Self.serialNumber(rule: workout.rule, title: title)),
            .integer(UInt32(min(seconds, Double(UInt32.max - 1)))),
        ])
    }

    private func writeWorkout(to writer: inout FITWorkoutWriter, workout: Workout, title: String, stepCount: Int) {
        let fields: [FITWorkoutWriter.Field] = [
            .init(4, .enumeration),  // sport
            .init(11, .enumeration), // sub_sport
            .init(6, .uint16),       // num_valid_steps
            .init(8, .string, size: title.utf8.count + 1),  // wkt_name
        ]
        let (sport, subSport) = Self.sport(for: workout.kind)
        writer.define(localType: 1, globalNumber: 26, fields: fields)
        writer.write(localType: 1, fields: fields, values: [
            .integer(sport), .integer(subSport), .integer(UInt32(stepCount)), .text(title),
        ])
    }

    private func writeSteps(_ steps: [FITWorkoutStep], to writer: inout FITWorkoutWriter) {
        let nameSize = (steps.compactMap { $0.name?.utf8.count }.max() ?? 0) + 1
        let noteSize = (steps.compactMap { $0.notes?.utf8.count }.max() ?? 0) + 1
        var fields: [FITWorkoutWriter.Field] = [
            .init(254, .uint16),                   // message_index
            .init(0, .string, size: nameSize),     // wkt_step_name
            .init(1, .enumeration),                // duration_type
            .init(2, .uint32),                     // duration_value
            .init(3, .enumeration),                // target_type
            .init(4, .uint32),                     // target_value
            .init(5, .uint32),                     // custom_target_value_low
            .init(6, .uint32),                     // custom_target_value_high
            .init(7, .enumeration),                // intensity
        ]
        let hasNotes = noteSize > 1
        if hasNotes { fields.append(.init(8, .string, size: noteSize)) }  // notes

        writer.define(localType: 2, globalNumber: 27, fields: fields)
        for step in steps {
            func number<T: BinaryInteger>(_ value: T?) -> FITWorkoutWriter.Value {
                value.map { .integer(UInt32($0)) } ?? .invalid
            }
            var values: [FITWorkoutWriter.Value] = [
                .integer(UInt32(step.messageIndex)),
                step.name.map { .text($0) } ?? .invalid,
                .integer(UInt32(step.durationType.rawValue)),
                number(step.durationValue),
                number(step.targetType?.rawValue),
                number(step.targetValue),
                number(step.customTargetLow),
                number(step.customTargetHigh),
                number(step.intensity),
            ]
            if hasNotes { values.append(step.notes.map { .text($0) } ?? .invalid) }
            writer.write(localType: 2, fields: fields, values: values)
        }
    }

    /// FIT `sport`/`sub_sport`: runs are running (1); strength is training (10) / strength_training
    /// (20); mobility is training / flexibility_training (19).
    private static func sport(for kind: SessionKind) -> (UInt32, UInt32) {
        switch kind {
        case .strength: (10, 20)
        case .mobility: (10, 19)
        default: (1, 0)
        }
    }

    /// A non-zero serial number derived from the workout (FNV-1a), so that the device sees files
    /// of different workouts as different (FIT: type, manufacturer, product and serial identify a file).
    static func serialNumber(rule: String, title: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in "\(rule)|\(title)".utf8 {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return hash == 0 ? 1 : hash
    }

    /// The 14-byte file header: size, protocol 1.0, profile 21.40, data size, ".FIT", header CRC.
    static func header(dataSize: UInt32) -> [UInt8] {
        var header: [UInt8] = [14, 0x10]
        let profile: UInt16 = 2140
        header += [UInt8(profile & 0xFF), UInt8(profile >> 8)]
        header += (0..<4).map { UInt8(truncatingIfNeeded: dataSize >> (8 * UInt32($0))) }
        header += Array(".FIT".utf8)
        let crc = WorkoutFileCRC.checksum(header)
        header += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return header
    }
}
