import Foundation

extension Performance {
    /// Parses a result as `DISTANCE=TIME` with an optional `@YYYY-MM-DD`:
    /// `400m=1:20`, `5k=20:00@2026-10-04`.
    ///
    /// - Throws: ``InputError`` that names the value and what is wrong with it (unknown distance,
    ///   unparsable or non-positive time, bad date, faster than the world record, slower than a
    ///   brisk walk).
    public init(parsing text: String) throws {
        let raw = text.trimmingCharacters(in: .whitespaces)
        let format = "write DISTANCE=TIME, optionally @YYYY-MM-DD (400m=1:20, 5k=20:00@2026-10-04)"
        let pieces = raw.split(separator: "=", omittingEmptySubsequences: false)
        guard pieces.count == 2 else {
            throw InputError("\(InputError.quoted(raw)) is not a result: \(format)")
        }
        let distanceText = String(pieces[0])
        var timeText = String(pieces[1])
        var date: Day?
        if let at = timeText.firstIndex(of: "@") {
            let dateText = String(timeText[timeText.index(after: at)...])
            timeText = String(timeText[..<at])
            do {
                date = try Day(parsing: dateText)
            } catch let error as InputError {
                throw InputError("\(InputError.quoted(raw)): \(error.description)")
            }
        }
        let distance: Distance
        let time: Duration
        do {
            distance = try Distance(parsing: distanceText)
            time = try Duration(parsing: timeText)
        } catch let error as InputError {
            throw InputError("\(InputError.quoted(raw)): \(error.description)")
        }
        try self.init(distance: distance, time: time, date: date)
    }
}
