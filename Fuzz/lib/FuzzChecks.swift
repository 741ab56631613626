// Checks shared by the activity-file fuzz targets.
import Foundation
import Speedwork

enum FuzzChecks {
    /// Every value a reader sets on a sample is a finite number.
    static func samplesAreFinite(_ activities: [Activity]) {
        for activity in activities {
            for sample in activity.samples {
                let values = [
                    sample.seconds, sample.meters, sample.metersPerSecond, sample.latitude, sample.longitude,
                    sample.altitude, sample.heartRate, sample.stepsPerMinute,
                ]
                precondition(values.allSatisfy { $0?.isFinite ?? true }, "non-finite sample \(sample)")
            }
        }
    }

    /// An XML error names a line that exists (counting line feeds, and a UTF-16 input's
    /// line feeds too) and a column from 1; its message is one line.
    static func errorIsPlaced(_ error: ActivityFileError, size: Int, input: Data) {
        if let line = error.line {
            let lines = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            precondition(line >= 1 && line <= lines, "line \(line) outside the input's \(lines) lines: \(error)")
        }
        switch error.problem {
        case .malformedXML(_, let column, _, _), .invalidValue(_, let column, _, _, _), .wrongRoot(_, let column, _, _):
            precondition(column >= 1 && column <= size + 1, "column \(column) outside the input: \(error)")
        default:
            break
        }
        precondition(!error.description.contains("\n"), "a multi-line error: \(error)")
    }
}
