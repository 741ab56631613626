import Foundation

extension WeeklyVolume {
    /// The weekly running as a runner writes it: `4h`, `240m`, `3h30`, `240` (minutes) or `40km`
    /// (converted at the runner's easy pace, M20); anything else is a one-line error.
    public init(parsing text: String, fitness: FitnessEstimate) throws {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        let minutes: Double
        if lowered.hasSuffix("km") || lowered.hasSuffix("mi") {
            guard let number = Double(lowered.dropLast(2).trimmingCharacters(in: .whitespaces)), number.isFinite, number > 0 else {
                throw InputError("weekly running '\(text)' is not a distance: write e.g. 40km or 25mi")
            }
            let distance = lowered.hasSuffix("km") ? Distance.kilometers(number) : Distance.miles(number)
            minutes = TrainingPaces.pace(.easy, vdot: fitness.vdot).middle.time(for: distance).minutes
        } else {
            let hoursAndMinutes = lowered.split(separator: "h", omittingEmptySubsequences: false)
            if hoursAndMinutes.count == 2, let hours = Double(hoursAndMinutes[0]), hours >= 0 {
                // The minutes after the hours, as a clock writes them: 3h30, 3h05, 3h30m.
                let rest = hoursAndMinutes[1].hasSuffix("m") ? hoursAndMinutes[1].dropLast() : hoursAndMinutes[1]
                guard rest.isEmpty || (rest.allSatisfy({ ("0"..."9").contains($0) }) && Int(rest).map({ (0..<60).contains($0) }) == true) else {
                    throw InputError("weekly running '\(text)': the minutes after the hours must be 0 to 59, e.g. 3h30")
                }
                minutes = hours * 60 + Double(Int(rest) ?? 0)
            } else if let value = Double(lowered.hasSuffix("m") ? String(lowered.dropLast()) : lowered) {
                minutes = value
            } else {
                throw InputError("weekly running '\(text)' is not a time or distance: write e.g. 4h, 240m, 3h30 or 40km")
            }
        }
        guard minutes.isFinite, minutes >= 0 else {
            throw InputError("weekly running '\(text)' is not a time or distance: write e.g. 4h, 240m, 3h30 or 40km")
        }
        try self.init(given: Int(minutes.rounded()), text: text)
    }
}
