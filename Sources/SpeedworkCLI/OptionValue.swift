import Speedwork
import SpeedworkReports

/// Parses a number option within `range`: a plain decimal (no exponent, sign or hexadecimal),
/// with one message naming the option, the value and the range whatever is wrong, so one option
/// has one range and one exit status (64). `outOfRange`, when given, says why a number outside
/// the range is refused (the domain's own message, with its hints).
func parseNumber(_ text: String, named name: String, in range: ClosedRange<Double>,
                 outOfRange: ((Double) throws -> Void)? = nil) throws -> Double {
    let allowed = "\(range.lowerBound.trimmedText())–\(range.upperBound.trimmedText())"
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if Double.isNegativePlainDecimal(trimmed), range.lowerBound >= 0 {
        throw InputError("\(name) \(InputError.shortened(trimmed)) must be positive: use \(allowed)")
    }
    guard let value = Double(plainDecimal: trimmed) else {
        throw InputError("\(name) \(InputError.quoted(text)) is not a number: use \(allowed)")
    }
    guard range.contains(value) else {
        try outOfRange?(value)
        throw InputError("\(name) \(InputError.shortened(trimmed)) is outside \(allowed)")
    }
    return value
}

/// Parses a whole-number option from `low` to `high`, with one message naming the option, the
/// value and the range whatever is wrong.
func parseWhole(_ text: String, named name: String, atLeast low: Int, atMost high: Int) throws -> Int {
    let allowed = "\(low)–\(high)"
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if Double.isNegativePlainDecimal(trimmed), low >= 0 {
        throw InputError("\(name) \(InputError.shortened(trimmed)) must be positive: use \(allowed)")
    }
    guard trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), !trimmed.isEmpty else {
        throw InputError("\(name) \(InputError.quoted(text)) is not a whole number: use \(allowed)")
    }
    guard let value = Int(trimmed), (low...high).contains(value) else {
        throw InputError("\(name) \(InputError.shortened(trimmed)) is outside \(allowed)")
    }
    return value
}

/// The week of a session's block that `--week` may name: 1 up to ten years of weeks.
let acceptedWeeks = 1...520
